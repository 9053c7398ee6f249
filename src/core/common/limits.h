#pragma once

#include <QtGlobal>

namespace strata::limits {

// The bounds every reader of a stranger's bytes keeps, so that a few kilobytes can never cost
// minutes or gigabytes. Each is far beyond what a real image needs, and each, when hit, is an
// Error of kind LimitExceeded that names it.

// A compressed layer may not inflate past this many times its compressed size, nor past
// kMinLayerInflation for a tiny one: gzip cannot exceed ~1,032:1, and real zstd layers stay
// far below.
inline constexpr qint64 kInflationRatio = 10'000;
inline constexpr qint64 kMinLayerInflation = qint64(1) << 30;
// The same for all layers of one image together: a hundred tiny layers that each inflate to
// just under a gigabyte are stopped as one.
inline constexpr qint64 kMinImageInflation = qint64(4) << 30;

// What `compressed` bytes may inflate to: `ratio` times as much, at least `floor`.
inline qint64 inflationLimit(qint64 compressed, qint64 floor, qint64 ratio = kInflationRatio)
{
    return compressed > floor / ratio ? compressed * ratio : floor;
}

// Linux's PATH_MAX and NAME_MAX: Docker cannot unpack a longer path or name, and a tree of
// them (a/a/a/... 400,000 deep) would cost quadratic work to print.
inline constexpr qsizetype kMaxPathBytes = 4096;
inline constexpr qsizetype kMaxNameBytes = 255;

// Entries of one layer, and members of one archive.
inline constexpr qint64 kMaxLayerEntries = 20'000'000;
inline constexpr qint64 kMaxArchiveMembers = 1'000'000;

} // namespace strata::limits

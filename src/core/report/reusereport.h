#pragma once

#include "analysis/layerreuse.h"

#include <QByteArray>
#include <QString>

namespace strata {

// `strata-cli reuse` output. Text: the images (size, shared, unique), the stored layers (diff_id,
// chain ID, size, the images that share it), a diagram of the stacks, the "same diff, not
// shared" cases with their reasons, the assumed containers, the totals and notes. Digests are
// shortened to 12 hex digits; a substitute chain (no diff_ids) is marked with "~". Sizes are
// docker's SI units with exact bytes beside the totals.
QByteArray reuseText(const ReuseAnalysis &analysis);
// The same, complete (full digests, sizes in bytes), for scripts.
QByteArray reuseJson(const ReuseAnalysis &analysis);

// "4000", "4k", "4kB", "1.5MB", "4KiB", "2 GiB": k/M/G/T are powers of 1000 as docker prints
// them, Ki/Mi/Gi/Ti powers of 1024; case-insensitive, "B" optional. False for anything else,
// negative sizes or more than 2^62 bytes.
bool parseByteSize(const QString &text, qint64 *bytes);

} // namespace strata

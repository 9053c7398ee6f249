#pragma once

#include "archive/bytesource.h"
#include "common/limits.h"
#include "tree/layertree.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace strata {

struct LayerIndexOptions
{
    uint16_t layer = 0;                             // stored in every node's `layer`
    const std::atomic_bool *cancel = nullptr;       // polled between entries
    std::function<void(qint64 bytesRead)> progress; // raw bytes consumed so far, now and then
    qint64 maxEntries = limits::kMaxLayerEntries;
    // A compressed layer may not inflate past ratio x its compressed size (nor past the floor
    // for tiny layers); see common/limits.h.
    qint64 maxInflationRatio = limits::kInflationRatio;
    qint64 minInflationLimit = limits::kMinLayerInflation;
    // The bytes every layer of the image read so far has inflated to, shared by the layers
    // read together, and their bound (null: no image-wide bound).
    std::atomic<qint64> *imageInflated = nullptr;
    qint64 imageInflationLimit = limits::kMinImageInflation;
};

// Reads one layer tar (plain, gzip, zstd... sniffed) into its own tree, reading headers only
// and skipping file data. Names are cleaned ("./a", "/a" and "a" are one path); names that
// escape the root are reported in `rejected` and never enter the tree. `.wh.NAME` becomes a
// whiteout node NAME and `.wh..wh..opq` marks its directory opaque. A later entry for the
// same path replaces the earlier one. Errors (truncation, corrupt data) end the read with
// `error` set and the entries read so far kept. `member` names the layer in messages.
LayerTree indexLayer(ByteSource &source, const LayerIndexOptions &options, const QString &file,
                     const QString &member);

// One entry of a layer no tar holds: a container's read-write layer, as the engine lists its
// changes.
struct ListedEntry
{
    std::string path;      // cleaned and relative to the root ("etc/hosts")
    FileNode attrs;        // type, size, mode, mtime, uid, gid (name, link and layer are set here)
    std::string link;      // a symlink's target
    bool whiteout = false; // deleted from the layers below
};

// The tree a tar of `entries` would index to: whiteouts, parents implied by their children,
// totals. tarSize stays 0 (there is no tar).
LayerTree layerFromEntries(const std::vector<ListedEntry> &entries, uint16_t layer);

} // namespace strata

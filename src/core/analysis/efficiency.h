#pragma once

#include "image/imageinfo.h"
#include "tree/overlaymerge.h"

#include <QtGlobal>

#include <string>
#include <vector>

namespace strata {

// What became of one copy of a path (one layer's entry for it).
enum class CopyFate : uint8_t
{
    Survives,        // the merged filesystem of the top layer shows this copy
    Overwritten,     // a later layer wrote the path again (or changed its type)
    MetadataChanged, // a later layer wrote it again with the same size and type, only mode/uid/gid
                     // differ: a chmod or chown that copied the whole file into a new layer
    Deleted,         // a later whiteout deleted it or a directory above it, or turned such a
                     // directory into a file
    HiddenByOpaque,  // a later layer made a directory above it opaque
    Whiteout,        // this entry is itself a whiteout: it deletes the lower copies
};
// "survives", "overwritten", "metadata-changed", "deleted", "hidden-by-opaque", "whiteout".
const char *copyFateName(CopyFate fate);

struct PathCopy
{
    int layer = 0;
    FileType type = FileType::Regular;
    bool whiteout = false;
    qint64 size = 0;     // bytes this copy ships: a regular file's size, 0 for everything else
    qint64 diveSize = 0; // what dive counts for it: `size`, or for a whiteout of a directory
                         // the bytes of the subtree it deletes
    uint32_t mode = 0;
    uint32_t uid = 0;
    uint32_t gid = 0;
    CopyFate fate = CopyFate::Survives;
    int fateLayer = -1; // the layer that overwrote, deleted or hid it; -1 for the others
};

// A path some layers carry for nothing.
struct InefficientPath
{
    std::string path; // without a leading slash, as FileTree::find takes it
    // dive's figures: the layers whose own tree has the path as a leaf (whiteouts included),
    // the sum and the smallest of the sizes dive counts for them.
    int count = 0;
    qint64 cumulativeSize = 0;
    qint64 minSize = 0;
    bool diveListed = false;      // count >= 2: in dive's list and in its wasted bytes
    qint64 reclaimableBytes = 0;  // Strata: bytes of the copies that do not survive
    std::vector<PathCopy> copies; // bottom first
};

// Per layer, for shading the stack diagram: how many of the layer's bytes a later layer
// made unreachable, by reason. Bytes of regular files, as in sizeBytes.
struct LayerEfficiency
{
    qint64 sizeBytes = 0; // dive's layer size: sum of the regular files of the tar
    qint64 overwrittenBytes = 0;
    qint64 metadataChangedBytes = 0;
    qint64 deletedBytes = 0;
    qint64 hiddenBytes = 0;     // hidden by an opaque directory
    qint64 shadowedBytes = 0;   // the tar lists a path twice: only its last entry counts
    qint64 supersedesBytes = 0; // bytes of lower layers this layer overwrites, deletes or hides

    qint64 wastedBytes() const
    {
        return overwrittenBytes + metadataChangedBytes + deletedBytes + hiddenBytes + shadowedBytes;
    }
};

// Wasted space of one image. The dive figures follow dive's definitions exactly (see
// dive/filetree/efficiency.go): they give the same numbers as `dive --ci` and `dive --json`.
struct EfficiencyReport
{
    int layerCount = 0;

    // dive
    qint64 sizeBytes = 0;         // sum of the layer sizes
    qint64 userSizeBytes = 0;     // the same without layer 0 (the base image, as dive sees it)
    double efficiency = 1.0;      // Σ smallest size ÷ Σ cumulative size over every path
    qint64 wastedBytes = 0;       // Σ cumulative size of dive's inefficient paths, the surviving
                                  // copy included (what dive reports; see dive issue #684)
    double userWastedPercent = 0; // wastedBytes ÷ userSizeBytes, a ratio; NaN for a one-layer
                                  // image, infinite when only empty layers follow the base

    // Strata: what a better build would not ship, every copy of a file but the one the final
    // filesystem shows (so deleted files count in full), with overlay semantics including
    // opaque directories. Equals sizeBytes - finalBytes.
    qint64 reclaimableBytes = 0;
    qint64 finalBytes = 0; // regular files of the merged filesystem of the top layer

    // dive's inefficient paths and every other path with reclaimable bytes, largest
    // cumulative size first; among equal sizes dive's inefficient paths first, in the order
    // dive lists them.
    std::vector<InefficientPath> paths;
    std::vector<LayerEfficiency> layers; // bottom first

    bool hasUserWastedPercent() const { return userSizeBytes > 0; }
    // dive's list alone, in dive's order.
    std::vector<const InefficientPath *> diveInefficientPaths() const;
};

// Layers whose LayerTree is null count as empty (their size is taken from `image` when it
// knows it). `image` may have fewer layers than `layers`.
EfficiencyReport analyzeEfficiency(const ImageInfo &image, LayerList layers);

} // namespace strata

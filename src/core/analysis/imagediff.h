#pragma once

#include "packages/imagepackages.h"

#include "analysis/configdiff.h"
#include "analysis/historydiff.h"
#include "source/imagesource.h"
#include "tree/treediff.h"

#include <memory>
#include <optional>
#include <vector>

namespace strata {

// One side of a comparison: an image of an opened source, its loaded layers, and the layer
// whose merged tree is compared. Both sides may share one source (two images of it).
struct DiffSide
{
    std::shared_ptr<ImageSource> source;
    int image = -1;
    std::vector<std::shared_ptr<const LayerTree>> layers;
    int top = -1; // the layer compared, 0 = bottom; -1 = the top layer

    const ImageInfo &info() const { return source->images().at(size_t(image)); }
    int topLayer() const { return top >= 0 ? top : int(info().layers.size()) - 1; }
};

// The two layer stacks side by side: the bottom layers with the same chain ID are shared;
// the stacks diverge above them.
struct LayerAlignment
{
    int shared = 0; // layers [0, shared) are the same on both sides
    int countA = 0; // layers compared on each side (up to and including `top`)
    int countB = 0;
    // For each layer of A, the first layer of B with the same diff ID (-1 when none), and the
    // other way round. Shared layers map to themselves; a layer above the divergence may still
    // hold the same bytes (the same COPY on another base).
    std::vector<int> sameContentA;
    std::vector<int> sameContentB;

    bool isShared(int layer) const { return layer < shared; }
};

LayerAlignment alignLayers(const ImageInfo &a, int topA, const ImageInfo &b, int topB);
// Equal numbers for layers with the same diff ID, for TreeDiff::compare().
LayerIdentity layerIdentity(const ImageInfo &a, const ImageInfo &b);

struct SideSummary
{
    qint64 totalSize = 0; // sum of the content sizes of the layers compared
    int layerCount = 0;
    qint64 fileCount = 0;  // entries of the merged tree that are not directories
    qint64 entryCount = 0; // all entries of the merged tree
    qint64 mergedSize = 0; // regular file bytes the merged tree shows (deleted files gone)
};

struct DiffSummary
{
    SideSummary a;
    SideSummary b;
    qint64 sizeDelta() const { return b.totalSize - a.totalSize; }
    // (B - A) / A in percent; false when A is empty and no percentage exists.
    bool sizeDeltaPercent(double *percent) const;
};

// Everything the comparison window and `strata-cli diff` show.
struct ImageComparison
{
    DiffSide a;
    DiffSide b;
    DiffSummary summary;
    LayerAlignment layers;
    HistoryDiff history; // of the steps up to each side's compared layer
    ConfigDiff config;
    TreeDiff files; // merged tree of A's compared layer against B's
    // The packages of A's compared layer against B's, when they were read (comparePackages).
    std::optional<std::vector<PackageChange>> packages;
};

// Compares two sides whose layers are loaded. Merges each side's tree as of its compared
// layer (both at once) unless the caller passes the merge it already has: for 500k paths a
// side the merges take most of the time, the tree diff itself one linear pass. Content is
// left Unknown where it needs reading (see compareContent()).
ImageComparison compareImages(DiffSide a, DiffSide b, std::shared_ptr<const FileTree> mergedA = {},
                              std::shared_ptr<const FileTree> mergedB = {});

// The steps that led up to `top` (all when `top` is the top layer or unknown).
QList<HistoryEntry> historyUpTo(const ImageInfo &image, int top);

} // namespace strata

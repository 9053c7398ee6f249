#pragma once

#include "tree/filetree.h"
#include "tree/layertree.h"
#include "tree/overlaymerge.h"

#include <memory>
#include <vector>

namespace strata {

// One tree the file pane can show: the merged filesystem as of a layer, or one layer's own
// entries with what each of them does to the layers below. Immutable and cheap to copy; the
// trees are shared with the cache and with worker threads.
struct TreeSnapshot
{
    std::shared_ptr<const FileTree> tree;
    // Layer-only snapshots: ChangeKind per node of `tree` (classifyLayerChanges). Null for a
    // merged snapshot, whose changes follow from each node's layer and NodeFlag::Replaced.
    std::shared_ptr<const std::vector<ChangeKind>> changes;
    // Per node: something below it changed (directories read "Changes inside", as Compare
    // says). Null until a snapshot function fills it.
    std::shared_ptr<const std::vector<bool>> changedBelow;
    int layer = -1;
    bool layerOnly = false;
    // Layer-only snapshots: the first of the layers shown together (== layer for one layer).
    int fromLayer = -1;

    bool isNull() const { return !tree; }
    ChangeKind changeOf(uint32_t node) const;
    bool hasChangesBelow(uint32_t node) const;
};

using LayerTrees = std::vector<std::shared_ptr<const LayerTree>>;

// The merged filesystem as of `layer`; `merged` is that merge when the caller has it already.
// Both may take a second on a million paths: call them off the GUI thread.
TreeSnapshot mergedSnapshot(const LayerTrees &layers, int layer,
                            std::shared_ptr<const FileTree> merged = nullptr);
// Layer `layer`'s own entries classified against `lowerMerged`, the merge as of the layer
// below (merged here when null and needed).
TreeSnapshot layerSnapshot(const LayerTrees &layers, int layer,
                           std::shared_ptr<const FileTree> lowerMerged = nullptr);
// What layers `from` to `layer` change together (from < layer), as if they were one layer:
// each path once with its net change (squashchanges.h). `lowerMerged` is the merge as of
// from - 1 (null for from 0), `topMerged` the merge as of `layer`.
TreeSnapshot rangeSnapshot(int from, int layer, std::shared_ptr<const FileTree> lowerMerged,
                           std::shared_ptr<const FileTree> topMerged);

} // namespace strata

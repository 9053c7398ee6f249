#include "models/treesnapshot.h"

#include "tree/squashchanges.h"
#include "tree/treediff.h"

namespace strata {

ChangeKind TreeSnapshot::changeOf(uint32_t node) const
{
    if (!tree || node == 0 || node >= tree->nodeCount())
        return ChangeKind::Unchanged;
    if (changes)
        return node < changes->size() ? (*changes)[node] : ChangeKind::Unchanged;
    // Merged tree: an entry that comes from the selected layer was added by it, or replaced a
    // lower copy (overlaymerge.h).
    const uint8_t flags = tree->flags(node);
    if (int(tree->layer(node)) != layer || (flags & NodeFlag::Implied))
        return ChangeKind::Unchanged;
    return (flags & NodeFlag::Replaced) ? ChangeKind::Modified : ChangeKind::Added;
}

bool TreeSnapshot::hasChangesBelow(uint32_t node) const
{
    return changedBelow && node < changedBelow->size() && (*changedBelow)[node];
}

namespace {
// The tree is stored breadth first, so a parent comes before its children: one pass from the
// last node up marks every directory with a change at any depth below it.
void markChangesBelow(TreeSnapshot *snapshot)
{
    const uint32_t count = snapshot->tree->nodeCount();
    auto below = std::make_shared<std::vector<bool>>(count, false);
    for (uint32_t i = count; i-- > 1;) {
        if ((*below)[i] || snapshot->changeOf(i) != ChangeKind::Unchanged) {
            const uint32_t parent = snapshot->tree->parent(i);
            if (parent < count)
                (*below)[parent] = true;
        }
    }
    snapshot->changedBelow = std::move(below);
}
} // namespace

TreeSnapshot mergedSnapshot(const LayerTrees &layers, int layer,
                            std::shared_ptr<const FileTree> merged)
{
    TreeSnapshot snapshot;
    snapshot.tree = merged
                        ? std::move(merged)
                        : std::make_shared<const FileTree>(mergeLayers(LayerList(layers), layer));
    snapshot.layer = layer;
    markChangesBelow(&snapshot);
    return snapshot;
}

TreeSnapshot layerSnapshot(const LayerTrees &layers, int layer,
                           std::shared_ptr<const FileTree> lowerMerged)
{
    TreeSnapshot snapshot;
    const std::shared_ptr<const LayerTree> own =
        layer >= 0 && size_t(layer) < layers.size() ? layers[size_t(layer)] : nullptr;
    if (own) // the layer's own tree, kept alive by its LayerTree
        snapshot.tree = std::shared_ptr<const FileTree>(own, &own->tree);
    else
        snapshot.tree = std::make_shared<const FileTree>();
    if (layer > 0 && !lowerMerged)
        lowerMerged = std::make_shared<const FileTree>(mergeLayers(LayerList(layers), layer - 1));
    snapshot.changes = std::make_shared<const std::vector<ChangeKind>>(
        classifyLayerChanges(*snapshot.tree, layer > 0 ? lowerMerged.get() : nullptr));
    snapshot.layer = layer;
    snapshot.fromLayer = layer;
    snapshot.layerOnly = true;
    markChangesBelow(&snapshot);
    return snapshot;
}

TreeSnapshot rangeSnapshot(int from, int layer, std::shared_ptr<const FileTree> lowerMerged,
                           std::shared_ptr<const FileTree> topMerged)
{
    const std::shared_ptr<const FileTree> lower =
        lowerMerged ? std::move(lowerMerged) : std::make_shared<const FileTree>();
    const TreeDiff diff = TreeDiff::compare(lower, std::move(topMerged));
    TreeSnapshot snapshot;
    snapshot.tree = std::make_shared<const FileTree>(squashChanges(diff, uint16_t(layer)));
    snapshot.changes = std::make_shared<const std::vector<ChangeKind>>(
        classifyLayerChanges(*snapshot.tree, from > 0 ? lower.get() : nullptr));
    snapshot.layer = layer;
    snapshot.fromLayer = from;
    snapshot.layerOnly = true;
    markChangesBelow(&snapshot);
    return snapshot;
}

} // namespace strata

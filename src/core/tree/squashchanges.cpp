#include "tree/squashchanges.h"

#include <vector>

namespace strata {

FileTree squashChanges(const TreeDiff &diff, uint16_t whiteoutLayer)
{
    TreeBuilder builder;
    // The builder's node for each diff entry, kNoNode where nothing of it is kept.
    std::vector<uint32_t> built(diff.entryCount(), kNoNode);
    if (diff.entryCount() == 0)
        return builder.freeze();
    built[0] = TreeBuilder::root();
    // Entries come parents first (their children have larger indexes).
    for (uint32_t i = 1; i < diff.entryCount(); ++i) {
        const DiffEntry &e = diff.entry(i);
        const uint32_t parent = built[e.parent];
        if (parent == kNoNode)
            continue;
        if (e.status == DiffStatus::Unchanged && e.changedBelow == 0)
            continue;
        FileNode attrs = diff.node(i);
        attrs.name = builder.pool().intern(diff.name(i));
        attrs.flags = 0;
        if (e.status == DiffStatus::Removed) {
            attrs.flags = NodeFlag::Whiteout;
            attrs.size = 0;
            attrs.link = 0;
            attrs.layer = whiteoutLayer;
            builder.setChild(parent, attrs);
            continue; // what was below it goes with it
        }
        const FileTree &b = diff.treeB();
        attrs.link = (attrs.type == FileType::Symlink || attrs.type == FileType::Hardlink)
                         ? builder.pool().intern(b.linkTarget(e.nodeB))
                         : 0;
        if (e.status == DiffStatus::Unchanged)
            attrs.flags = NodeFlag::Implied; // only what is below it changed
        built[i] = builder.setChild(parent, attrs);
    }
    return builder.freeze();
}

} // namespace strata

#include "overlaymerge.h"

namespace strata {

namespace {
// Metadata that makes a directory listed again in a later layer a real change (mtime is
// ignored, as docker and dive do: package managers touch directories all the time).
bool sameDirectoryMetadata(const FileNode &a, const FileNode &b)
{
    return a.mode == b.mode && a.uid == b.uid && a.gid == b.gid;
}

class Merger
{
public:
    Merger()
        : m_pool(std::make_shared<StringPool>())
        , m_builder(m_pool)
    {
    }

    void apply(const FileTree &layer, uint16_t index)
    {
        m_nameMap.assign(layer.pool().count(), kNoNode);
        if (layer.node(0).flags & NodeFlag::Opaque)
            m_builder = TreeBuilder(m_pool); // an opaque root hides everything below
        removeLower(layer, index);
        addEntries(layer, index);
    }

    FileTree finish() { return m_builder.freeze(); }

private:
    uint32_t translate(const FileTree &layer, uint32_t id)
    {
        uint32_t &mapped = m_nameMap[id];
        if (mapped == kNoNode)
            mapped = m_pool->intern(layer.pool().view(id));
        return mapped;
    }

    // Phase 1: whiteouts and opaque markers act on the layers below only, so they are
    // applied before any entry of their own layer, whatever the order inside the tar.
    void removeLower(const FileTree &layer, uint16_t index)
    {
        m_lower.assign(layer.nodeCount(), kNoNode);
        m_lower[0] = TreeBuilder::root();
        for (uint32_t i = 1; i < layer.nodeCount(); ++i) {
            const FileNode &n = layer.node(i);
            const uint32_t parent = m_lower[n.parent];
            if (parent == kNoNode)
                continue;
            const uint32_t name = translate(layer, n.name);
            if (n.isWhiteout()) {
                m_builder.removeChild(parent, name);
                continue;
            }
            if (!n.isDir())
                continue;
            uint32_t below = m_builder.child(parent, name);
            if (below == kNoNode || !m_builder.node(below).isDir())
                continue;
            if (n.flags & NodeFlag::Opaque) {
                FileNode fresh = m_builder.node(below); // same directory, no lower children
                fresh.layer = index;
                fresh.flags = NodeFlag::Replaced;
                below = m_builder.setChild(parent, fresh);
            }
            m_lower[i] = below;
        }
    }

    // Phase 2: the layer's own entries, parents before children.
    void addEntries(const FileTree &layer, uint16_t index)
    {
        std::vector<uint32_t> &target = m_lower; // reused: phase 1 is done with it
        target.assign(layer.nodeCount(), kNoNode);
        target[0] = TreeBuilder::root();
        for (uint32_t i = 1; i < layer.nodeCount(); ++i) {
            const FileNode &n = layer.node(i);
            const uint32_t parent = target[n.parent];
            if (n.isWhiteout() || parent == kNoNode)
                continue;
            const uint32_t name = translate(layer, n.name);
            const uint32_t existing = m_builder.child(parent, name);
            if (existing != kNoNode && n.isDir() && m_builder.node(existing).isDir()) {
                FileNode &dir = m_builder.node(existing);
                if (!(n.flags & NodeFlag::Implied) && !sameDirectoryMetadata(dir, n)) {
                    dir.mode = n.mode;
                    dir.uid = n.uid;
                    dir.gid = n.gid;
                    dir.mtime = n.mtime;
                    dir.layer = index;
                    dir.flags = NodeFlag::Replaced;
                }
                target[i] = existing;
                continue;
            }
            FileNode entry = n;
            entry.name = name;
            entry.link = n.link ? translate(layer, n.link) : 0;
            entry.layer = index;
            entry.flags = (n.flags & NodeFlag::Implied) | (existing != kNoNode ? NodeFlag::Replaced : 0);
            target[i] = m_builder.setChild(parent, entry);
        }
    }

    std::shared_ptr<StringPool> m_pool;
    TreeBuilder m_builder;
    std::vector<uint32_t> m_nameMap;
    std::vector<uint32_t> m_lower;
};
} // namespace

FileTree mergeLayers(LayerList layers, int top)
{
    Merger merger;
    for (int i = 0; i <= top && i < int(layers.size()); ++i) {
        if (layers[i])
            merger.apply(layers[i]->tree, uint16_t(i));
    }
    return merger.finish();
}

std::vector<ChangeKind> classifyLayerChanges(const FileTree &layer, const FileTree *lower)
{
    std::vector<ChangeKind> kinds(layer.nodeCount(), ChangeKind::Unchanged);
    std::vector<uint32_t> below(layer.nodeCount(), kNoNode);
    below[0] = lower ? 0 : kNoNode;
    for (uint32_t i = 1; i < layer.nodeCount(); ++i) {
        const FileNode &n = layer.node(i);
        const uint32_t parent = below[n.parent];
        const uint32_t match = parent == kNoNode ? kNoNode : lower->child(parent, layer.name(i));
        if (n.isWhiteout()) {
            kinds[i] = ChangeKind::Deleted;
            continue;
        }
        below[i] = match;
        if (match == kNoNode)
            kinds[i] = ChangeKind::Added;
        else if (n.flags & NodeFlag::Implied)
            kinds[i] = ChangeKind::Unchanged;
        else if (n.isDir() && lower->node(match).isDir())
            kinds[i] = sameDirectoryMetadata(lower->node(match), n) && !(n.flags & NodeFlag::Opaque)
                           ? ChangeKind::Unchanged
                           : ChangeKind::Modified;
        else
            kinds[i] = ChangeKind::Modified;
    }
    return kinds;
}

std::vector<PathOccurrence> pathOccurrences(LayerList layers, int top, std::string_view path)
{
    using HiddenBy = PathOccurrence::HiddenBy;
    std::vector<PathOccurrence> result;
    int winner = -1; // index into result of the copy visible so far
    // Marks every copy below that nothing has hidden yet as hidden by `layer`.
    auto hideLower = [&](int layer, HiddenBy how) {
        for (PathOccurrence &o : result) {
            if (o.hiddenBy == HiddenBy::Nothing && !o.whiteout) {
                o.hiddenBy = how;
                o.hiddenByLayer = layer;
            }
        }
    };
    for (int l = 0; l <= top && l < int(layers.size()); ++l) {
        if (!layers[l])
            continue;
        const FileTree &tree = layers[l]->tree;
        // Walk the path's ancestors in this layer: a whiteout of one, an opaque one, or one
        // turned into a non-directory hides every lower copy of the path.
        HiddenBy hides = (tree.node(0).flags & NodeFlag::Opaque) ? HiddenBy::OpaqueParent : HiddenBy::Nothing;
        uint32_t node = 0;
        size_t pos = 0;
        bool whiteout = false;
        while (node != kNoNode && pos <= path.size()) {
            size_t slash = path.find('/', pos);
            if (slash == std::string_view::npos)
                slash = path.size();
            const std::string_view part = path.substr(pos, slash - pos);
            const bool last = slash == path.size();
            if (tree.child(node, part, true) != kNoNode) {
                whiteout = last;
                hides = last ? HiddenBy::Whiteout : HiddenBy::ParentWhiteout;
            }
            node = tree.child(node, part);
            if (node != kNoNode && !last) {
                const FileNode &n = tree.node(node);
                if (!n.isDir()) {
                    hides = HiddenBy::ParentReplaced;
                    node = kNoNode;
                } else if (n.flags & NodeFlag::Opaque) {
                    hides = HiddenBy::OpaqueParent;
                }
            }
            pos = slash + 1;
        }
        if (hides != HiddenBy::Nothing) {
            hideLower(l, hides);
            winner = -1;
        }
        const bool present = node != kNoNode && !(tree.node(node).flags & NodeFlag::Implied);
        if (present || whiteout) {
            if (present)
                hideLower(l, HiddenBy::NewerCopy);
            PathOccurrence occ;
            occ.layer = l;
            occ.node = present ? node : kNoNode;
            occ.whiteout = whiteout && !present;
            occ.opaqueParent = hides == HiddenBy::OpaqueParent;
            result.push_back(occ);
            if (present)
                winner = int(result.size()) - 1;
        } else if (node != kNoNode && winner < 0) {
            // Only implied by its children here: the directory exists from this layer on.
            PathOccurrence occ;
            occ.layer = l;
            occ.node = node;
            result.push_back(occ);
            winner = int(result.size()) - 1;
        }
    }
    if (winner >= 0)
        result[size_t(winner)].visible = true;
    return result;
}

} // namespace strata

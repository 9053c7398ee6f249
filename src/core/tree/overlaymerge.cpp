#include "tree/overlaymerge.h"

#include "common/paths.h"

#include <algorithm>
#include <cstring>
#include <optional>

namespace strata {

namespace {
// Metadata that makes a directory listed again in a later layer a real change (mtime is
// ignored, as docker and dive do: package managers touch directories all the time).
bool sameDirectoryMetadata(const FileNode &a, const FileNode &b)
{
    return a.mode == b.mode && a.uid == b.uid && a.gid == b.gid;
}

// A directory of one layer's tree that gives a merged directory its children.
struct Source
{
    uint32_t layer; // index into the LayerList
    uint32_t node;
};

// The overlay rules (see mergeLayers), worked out one merged directory at a time from the
// directories of the layers that make it up: nothing but the layer trees is needed, and no
// lookup table. Whiteouts and opaque directories act before their own layer's entries.
class Overlay
{
public:
    // `ranked`: children() will be called, and compares names through `ranks`, or ranks of
    // its own when that is null or made for other layers.
    Overlay(LayerList layers, int top, bool ranked, const NameRanks *ranks = nullptr)
        : m_layers(layers), m_top(std::min(top, int(layers.size()) - 1)), m_ranks(ranks)
    {
        if (ranked && !(ranks && ranks->fits(layers))) {
            m_ownRanks.emplace(layers);
            m_ranks = &*m_ownRanks;
        }
    }

    const FileTree &tree(uint32_t layer) const { return m_layers[layer]->tree; }

    // The root's sources: every layer's root from the last opaque one up.
    void rootSources(std::vector<Source> &out) const
    {
        out.clear();
        for (int l = 0; l <= m_top; ++l) {
            if (!m_layers[size_t(l)])
                continue;
            if (tree(uint32_t(l)).node(0).flags & NodeFlag::Opaque)
                out.clear();
            out.push_back({uint32_t(l), 0});
        }
    }

    // One name of a merged directory, applied layer by layer from the bottom: the entry the
    // merge keeps and, for a directory, its sources (appended to `sources` past `mark`).
    class Resolver
    {
    public:
        Resolver(const Overlay &overlay, std::vector<Source> &sources)
            : m_overlay(overlay), m_sources(sources), m_mark(sources.size())
        {
        }

        // A whiteout deletes what the layers below have.
        void whiteout()
        {
            m_entry = {};
            m_sources.resize(m_mark);
        }

        void live(uint32_t layer, uint32_t node)
        {
            const FileTree &t = m_overlay.tree(layer);
            const bool isDir = t.type(node) == FileType::Directory;
            const uint8_t flags = t.flags(node);
            if (m_entry && isDir && m_entry.tree->type(m_entry.node) == FileType::Directory) {
                if (flags & NodeFlag::Opaque) { // the same directory without its lower children
                    m_entry.layer = uint16_t(layer);
                    m_entry.flags = NodeFlag::Replaced;
                    m_sources.resize(m_mark);
                }
                if (!(flags & NodeFlag::Implied) &&
                    !sameDirectoryMetadata(m_entry.attrs(), t.node(node)))
                    m_entry = {&t, node, uint16_t(layer), NodeFlag::Replaced, layer};
                m_sources.push_back({layer, node});
                return;
            }
            const uint8_t replaced = m_entry ? NodeFlag::Replaced : 0;
            m_entry = {&t, node, uint16_t(layer), uint8_t((flags & NodeFlag::Implied) | replaced),
                       layer};
            m_sources.resize(m_mark);
            if (isDir)
                m_sources.push_back({layer, node});
        }

        const MergedEntry &entry() const { return m_entry; }
        uint32_t sourceBegin() const { return uint32_t(m_mark); }
        uint32_t sourceEnd() const { return uint32_t(m_sources.size()); }

    private:
        const Overlay &m_overlay;
        std::vector<Source> &m_sources;
        size_t m_mark;
        MergedEntry m_entry;
    };

    // Calls visitChild(name, resolver) for every merged child of the directory made of `sources`
    // (ascending layers), in name order. The children's own sources are appended to
    // `childSources`; those of names the merge drops are removed again.
    template <typename Visit>
    void children(std::span<const Source> sources, std::vector<Source> &childSources,
                  Visit &&visitChild) const
    {
        const NameRanks &ranks = *m_ranks;
        m_heads.resize(sources.size());
        for (size_t j = 0; j < sources.size(); ++j) {
            const auto [first, end] = tree(sources[j].layer).children(sources[j].node);
            m_heads[j] = {first, end, first < end ? ranks.rank(sources[j].layer, first) : 0};
        }
        for (;;) {
            uint32_t name = UINT32_MAX;
            for (const Head &h : m_heads) {
                if (h.at < h.end && h.rank < name)
                    name = h.rank;
            }
            if (name == UINT32_MAX)
                return;
            Resolver resolver(*this, childSources);
            for (size_t j = 0; j < sources.size(); ++j) {
                Head &h = m_heads[j];
                if (h.at == h.end || h.rank != name)
                    continue;
                const uint32_t layer = sources[j].layer;
                const FileTree &t = tree(layer);
                uint32_t live = kNoNode;
                bool whiteout = false;
                // A live entry and a whiteout of the same name at most, in that order.
                for (; h.at < h.end && (h.rank = ranks.rank(layer, h.at)) == name; ++h.at) {
                    if (t.flags(h.at) & NodeFlag::Whiteout)
                        whiteout = true;
                    else
                        live = h.at;
                }
                // Whiteouts act on the layers below only: before this layer's own entry.
                if (whiteout)
                    resolver.whiteout();
                if (live != kNoNode)
                    resolver.live(layer, live);
            }
            if (resolver.entry())
                visitChild(resolver);
            else
                childSources.resize(resolver.sourceBegin());
        }
    }

    // A directory's sources are found in no order a cache can guess: merging asks for them two
    // directories ahead, so that the memory fetches them while it works (waiting for them was
    // half the time of a merge).
    void prefetchSources(std::span<const Source> sources) const
    {
        for (const Source &s : sources)
            tree(s.layer).prefetch(s.node);
    }
    // Then their children (the first few: the hardware follows a run once it has started).
    void prefetchChildren(std::span<const Source> sources) const
    {
        for (const Source &s : sources) {
            const FileTree &t = tree(s.layer);
            const auto [first, end] = t.children(s.node);
            for (uint32_t c = first; c < end && c < first + 4; ++c)
                t.prefetch(c);
            if (first < end)
                m_ranks->prefetch(s.layer, first);
        }
    }

    // The merged child `name` of the directory made of `sources`; `childSources` is set to
    // the child's own sources.
    MergedEntry child(std::span<const Source> sources, std::string_view name,
                      std::vector<Source> &childSources) const
    {
        m_scratch.clear();
        Resolver resolver(*this, m_scratch);
        for (const Source &s : sources) {
            const FileTree &t = tree(s.layer);
            if (t.child(s.node, name, true) != kNoNode)
                resolver.whiteout();
            const uint32_t live = t.child(s.node, name);
            if (live != kNoNode)
                resolver.live(s.layer, live);
        }
        childSources.assign(m_scratch.begin(), m_scratch.end());
        return resolver.entry();
    }

private:
    struct Head
    {
        uint32_t at, end;
        uint32_t rank; // of the name at `at`
    };

    LayerList m_layers;
    int m_top;
    const NameRanks *m_ranks;
    std::optional<NameRanks> m_ownRanks;
    mutable std::vector<Head> m_heads;
    mutable std::vector<Source> m_scratch;
};

// Sorts a directory's entries and subtrees the way full paths sort bytewise: an entry by its
// name, the subtree below a directory by its name plus "/" ("a" < "a-b" < "a/...").
int compareSortKeys(std::string_view a, bool aSubtree, std::string_view b, bool bSubtree)
{
    const size_t common = std::min(a.size(), b.size());
    if (const int c = common ? std::memcmp(a.data(), b.data(), common) : 0)
        return c;
    if (a.size() == b.size())
        return int(aSubtree) - int(bSubtree);
    if (a.size() < b.size())
        return aSubtree ? int(uint8_t('/')) - int(uint8_t(b[common])) : -1;
    return bSubtree ? int(uint8_t(a[common])) - int(uint8_t('/')) : 1;
}
} // namespace

NameRanks::NameRanks(LayerList layers) : m_ranks(layers.size())
{
    // Each frozen pool is in bytewise order already (TreeBuilder::freeze): one k-way merge.
    struct Head
    {
        std::string_view name;
        uint32_t layer, id;
    };
    auto later = [](const Head &a, const Head &b) { return a.name > b.name; };
    std::vector<Head> heap;
    std::vector<std::vector<uint32_t>> byId(layers.size());
    for (size_t l = 0; l < layers.size(); ++l) {
        if (!layers[l])
            continue;
        const StringPool &pool = layers[l]->tree.pool();
        byId[l].resize(pool.count());
        heap.push_back({pool.view(0), uint32_t(l), 0});
    }
    std::make_heap(heap.begin(), heap.end(), later);
    uint32_t rank = 0;
    std::string_view last;
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), later);
        Head &h = heap.back();
        if (h.name != last) {
            ++rank;
            last = h.name;
        }
        byId[h.layer][h.id] = rank;
        const StringPool &pool = layers[h.layer]->tree.pool();
        if (++h.id < pool.count()) {
            h.name = pool.view(h.id);
            std::push_heap(heap.begin(), heap.end(), later);
        } else {
            heap.pop_back();
        }
    }
    // By node, in the trees' own order: a merge reads them one after the other.
    for (size_t l = 0; l < layers.size(); ++l) {
        if (!layers[l])
            continue;
        const FileTree &tree = layers[l]->tree;
        m_ranks[l].resize(tree.nodeCount());
        for (uint32_t i = 0; i < tree.nodeCount(); ++i)
            m_ranks[l][i] = byId[l][tree.nameKey(i)];
        byId[l] = {};
    }
}

bool NameRanks::fits(LayerList layers) const
{
    if (layers.size() != m_ranks.size())
        return false;
    for (size_t l = 0; l < layers.size(); ++l) {
        if ((layers[l] ? layers[l]->tree.nodeCount() : 0) != m_ranks[l].size())
            return false;
    }
    return true;
}

FileTree mergeLayers(LayerList layers, int top, const NameRanks *ranks)
{
    const Overlay overlay(layers, top, true, ranks);
    // Room for every node the merge can give (a merged path shows one layer node, and no two
    // show the same) from the start: growing would copy the nodes and hold them twice, where
    // the part of this block never written stays address space the system does not back.
    std::vector<NodeRef> nodes;
    size_t bound = 1;
    for (int l = 0; l <= top && l < int(layers.size()); ++l)
        bound += layers[size_t(l)] ? layers[size_t(l)]->tree.nodeCount() : 0;
    nodes.reserve(bound);
    nodes.emplace_back().flags = NodeFlag::Implied;
    // Breadth first, as TreeBuilder::freeze lays trees out: the directories still to fill, in
    // node order, each with its sources (a range of `sources`).
    struct Pending
    {
        uint32_t node;
        uint32_t sourceBegin, sourceEnd;
    };
    std::vector<Pending> pending;
    std::vector<Source> sources, childSources;
    size_t done = 0;
    overlay.rootSources(sources);
    if (!sources.empty())
        pending.push_back({0, 0, uint32_t(sources.size())});
    nodes[0].firstChild = kNoNode;
    auto sourcesOf = [&](const Pending &p) {
        return std::span<const Source>(sources.data() + p.sourceBegin, p.sourceEnd - p.sourceBegin);
    };
    while (done < pending.size()) {
        if (done + 2 < pending.size())
            overlay.prefetchSources(sourcesOf(pending[done + 2]));
        if (done + 1 < pending.size())
            overlay.prefetchChildren(sourcesOf(pending[done + 1]));
        const Pending dir = pending[done++];
        nodes[dir.node].firstChild = uint32_t(nodes.size());
        childSources.clear();
        const size_t firstNew = pending.size();
        overlay.children(sourcesOf(dir), childSources, [&](const Overlay::Resolver &r) {
            const MergedEntry &e = r.entry();
            if (r.sourceEnd() > r.sourceBegin()) // ranges of childSources until moved below
                pending.push_back({uint32_t(nodes.size()), r.sourceBegin(), r.sourceEnd()});
            nodes.push_back({dir.node, kNoNode, e.node, e.layer, uint16_t(e.treeLayer), e.flags});
        });
        const uint32_t moved = uint32_t(sources.size());
        sources.insert(sources.end(), childSources.begin(), childSources.end());
        for (size_t p = firstNew; p < pending.size(); ++p) {
            pending[p].sourceBegin += moved;
            pending[p].sourceEnd += moved;
        }
        // Drop the sources of directories already filled once they are most of them.
        if (done > 4096 && done < pending.size() && done * 2 > pending.size()) {
            const uint32_t base = pending[done].sourceBegin;
            sources.erase(sources.begin(), sources.begin() + base);
            pending.erase(pending.begin(), pending.begin() + std::ptrdiff_t(done));
            for (Pending &p : pending) {
                p.sourceBegin -= base;
                p.sourceEnd -= base;
            }
            done = 0;
        }
    }
    // A node never filled has no children: it points where they would start, as freeze()
    // leaves it.
    uint32_t next = uint32_t(nodes.size());
    for (uint32_t i = uint32_t(nodes.size()); i-- > 0;) {
        if (nodes[i].firstChild != kNoNode)
            next = nodes[i].firstChild;
        else
            nodes[i].firstChild = next;
    }
    std::vector<std::shared_ptr<const FileTree>> trees;
    trees.reserve(layers.size());
    for (const auto &layer : layers)
        trees.push_back(layer ? std::shared_ptr<const FileTree>(layer, &layer->tree) : nullptr);
    return FileTree::fromRefs(std::move(nodes), std::move(trees));
}

void visitMergedTree(
    LayerList layers, int top,
    const std::function<void(std::string_view path, const MergedEntry &entry)> &visit)
{
    const Overlay overlay(layers, top, true);
    // One directory on the current chain: its entries, and the subtrees of those that are
    // directories, in the order their paths sort.
    struct Item
    {
        std::string_view name;
        MergedEntry entry;
        uint32_t sourceBegin, sourceEnd; // into Level::sources, for a subtree
        bool subtree;
    };
    struct Level
    {
        std::vector<Item> items;
        std::vector<Source> sources;
        size_t next = 0;
        size_t pathSize = 0;
    };
    std::vector<Level> levels; // levels[0..depth) are in use; deeper ones keep their buffers
    size_t depth = 0;
    std::string path;
    std::vector<Source> dirSources;

    auto enter = [&](std::span<const Source> sources) {
        if (levels.size() == depth)
            levels.emplace_back();
        Level &level = levels[depth++];
        level.items.clear();
        level.sources.clear();
        level.next = 0;
        level.pathSize = path.size();
        overlay.children(sources, level.sources, [&](const Overlay::Resolver &r) {
            const std::string_view name = r.entry().tree->name(r.entry().node);
            level.items.push_back({name, r.entry(), 0, 0, false});
            if (r.sourceEnd() > r.sourceBegin())
                level.items.push_back({name, r.entry(), r.sourceBegin(), r.sourceEnd(), true});
        });
        std::sort(level.items.begin(), level.items.end(), [](const Item &a, const Item &b) {
            return compareSortKeys(a.name, a.subtree, b.name, b.subtree) < 0;
        });
    };

    overlay.rootSources(dirSources);
    if (dirSources.empty())
        return;
    enter(dirSources);
    while (depth > 0) {
        Level &level = levels[depth - 1];
        if (level.next == level.items.size()) {
            --depth;
            continue;
        }
        const Item &item = level.items[level.next++];
        path.resize(level.pathSize);
        if (!path.empty())
            path += '/';
        path += item.name;
        if (!item.subtree) {
            visit(path, item.entry);
            continue;
        }
        // `level` may move when levels grows: copy the sources out first.
        dirSources.assign(level.sources.begin() + item.sourceBegin,
                          level.sources.begin() + item.sourceEnd);
        enter(dirSources);
    }
}

MergedEntry findMerged(LayerList layers, int top, std::string_view path)
{
    const Overlay overlay(layers, top, false);
    std::vector<Source> sources;
    overlay.rootSources(sources);
    MergedEntry entry;
    for (std::string_view part : PathComponents(path)) {
        if (entry && !entry.attrs().isDir())
            return {};
        entry = overlay.child(sources, part, sources);
        if (!entry)
            return {};
    }
    return entry;
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

uint64_t hardlinkSize(LayerList layers, int layer, std::string_view target)
{
    std::string next(target);
    for (int hop = 0; hop < 16; ++hop) {
        const MergedEntry entry = findMerged(layers, layer, next);
        if (!entry)
            return 0;
        const FileNode n = entry.attrs();
        if (n.type == FileType::Regular)
            return n.size;
        if (n.type != FileType::Hardlink)
            return 0;
        layer = entry.layer;
        next = std::string(entry.tree->linkTarget(entry.node));
    }
    return 0;
}

std::vector<PathOccurrence> pathOccurrences(LayerList layers, int top, std::string_view path)
{
    using HiddenBy = PathOccurrence::HiddenBy;
    std::vector<PathOccurrence> result;
    const PathComponents parts(path);
    if (parts.begin() == parts.end())
        return result; // the root has no entry of its own
    int winner = -1;   // index into result of the copy visible so far
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
        HiddenBy hides =
            (tree.node(0).flags & NodeFlag::Opaque) ? HiddenBy::OpaqueParent : HiddenBy::Nothing;
        uint32_t node = 0;
        bool whiteout = false;
        for (auto it = parts.begin(); node != kNoNode && it != parts.end(); ++it) {
            const std::string_view part = *it;
            const bool last = it.isLast();
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

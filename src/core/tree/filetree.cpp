#include "tree/filetree.h"

#include "common/paths.h"
#include "common/saturating.h"

#include <algorithm>

namespace strata {

char fileTypeLetter(FileType type)
{
    switch (type) {
    case FileType::Regular:
        return 'f';
    case FileType::Directory:
        return 'd';
    case FileType::Symlink:
        return 'l';
    case FileType::Hardlink:
        return 'h';
    case FileType::CharDevice:
        return 'c';
    case FileType::BlockDevice:
        return 'b';
    case FileType::Fifo:
        return 'p';
    }
    return '?';
}

namespace {
// The root a merged tree shows: no entry of its own.
FileNode impliedRoot()
{
    FileNode root;
    root.type = FileType::Directory;
    root.mode = 0755;
    root.flags = NodeFlag::Implied;
    return root;
}
} // namespace

FileTree::FileTree()
{
    FileNode root = impliedRoot();
    root.firstChild = 1;
    *this = fromNodes({root}, std::make_shared<StringPool>());
}

FileNode FileTree::node(uint32_t index) const
{
    FileNode n;
    const NodeRef *ref = m_refs.empty() ? nullptr : &m_refs[index];
    // A merged node shows a stored node of a layer's tree (mergeLayers never refers to a
    // merged tree): read it directly rather than through another node() call.
    const StoredNode *stored = !ref                     ? &m_nodes[index]
                               : ref->source == kNoNode ? nullptr
                                                        : &sourceOf(*ref).m_nodes[ref->source];
    if (stored) {
        const StoredNode &s = *stored;
        n.name = s.name;
        n.parent = s.parent;
        n.firstChild = s.firstChild;
        n.mtime = s.mtime;
        n.mode = s.mode;
        n.uid = s.uid;
        n.gid = s.gid;
        n.layer = s.layer;
        n.type = s.type;
        n.flags = s.flags;
        if (!n.isDir()) {
            n.size = s.size;
            n.link = s.link;
        }
    } else {
        n = impliedRoot();
    }
    if (ref) {
        n.parent = ref->parent;
        n.firstChild = ref->firstChild;
        n.layer = ref->layer;
        n.flags = ref->flags;
    }
    n.childCount = childEnd(index) - n.firstChild;
    return n;
}

std::string_view FileTree::mergedName(uint32_t index) const
{
    const NodeRef &r = m_refs[index];
    return r.source == kNoNode ? std::string_view() : sourceOf(r).name(r.source);
}

std::string_view FileTree::linkTarget(uint32_t index) const
{
    if (m_refs.empty())
        return m_nodes[index].type == FileType::Directory ? std::string_view()
                                                          : m_pool->view(m_nodes[index].link);
    const NodeRef &r = m_refs[index];
    return r.source == kNoNode ? std::string_view() : sourceOf(r).linkTarget(r.source);
}

FileType FileTree::mergedType(uint32_t index) const
{
    const NodeRef &r = m_refs[index];
    return r.source == kNoNode ? FileType::Directory : sourceOf(r).type(r.source);
}

uint32_t FileTree::mergedNameKey(uint32_t index) const
{
    const NodeRef &r = m_refs[index];
    return r.source == kNoNode ? 0 : m_nameKeyBase[r.sourceTree] + sourceOf(r).nameKey(r.source);
}

uint32_t FileTree::nameKeyCount() const
{
    return m_refs.empty() ? m_pool->count() : m_nameKeyBase.back();
}

uint64_t FileTree::totalSize(uint32_t index) const
{
    if (!m_refs.empty()) {
        if (hasChildren(index))
            return m_totalSize[parentSlot(index)];
        const NodeRef &r = m_refs[index];
        return r.source == kNoNode || type(index) == FileType::Directory
                   ? 0
                   : sourceOf(r).totalSize(r.source);
    }
    const StoredNode &s = m_nodes[index];
    return s.type == FileType::Regular && !(s.flags & NodeFlag::Whiteout) ? s.size
           : s.type == FileType::Directory                                ? s.size
                                                                          : 0;
}

uint32_t FileTree::totalCount(uint32_t index) const
{
    if (!m_refs.empty())
        return hasChildren(index) ? m_totalCount[parentSlot(index)] : 0;
    return m_nodes[index].type == FileType::Directory ? m_nodes[index].link : 0;
}

std::string FileTree::path(uint32_t index) const
{
    std::vector<uint32_t> chain;
    for (uint32_t i = index; i != 0 && i != kNoNode; i = parent(i))
        chain.push_back(i);
    std::string result;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        if (!result.empty())
            result += '/';
        result += name(*it);
    }
    return result;
}

uint32_t FileTree::depth(uint32_t index) const
{
    uint32_t d = 0;
    for (uint32_t i = index; i != 0 && i != kNoNode; i = parent(i))
        ++d;
    return d;
}

uint32_t FileTree::child(uint32_t dir, std::string_view childName, bool whiteout) const
{
    // Children are sorted by (name, whiteout): live entry first.
    uint32_t lo = firstChildOf(dir), hi = childEnd(dir);
    while (lo < hi) {
        const uint32_t mid = lo + (hi - lo) / 2;
        if (name(mid) < childName)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (const uint32_t end = childEnd(dir); lo < end && name(lo) == childName; ++lo) {
        if (bool(flags(lo) & NodeFlag::Whiteout) == whiteout)
            return lo;
    }
    return kNoNode;
}

uint32_t FileTree::find(std::string_view path) const
{
    uint32_t node = 0;
    for (std::string_view part : PathComponents(path)) {
        node = child(node, part);
        if (node == kNoNode)
            break;
    }
    return node;
}

FileTree FileTree::fromNodes(std::vector<FileNode> nodes, std::shared_ptr<StringPool> pool)
{
    FileTree tree(Empty{});
    tree.m_pool = std::move(pool);
    tree.m_count = uint32_t(nodes.size());
    // Totals bottom-up (children always have larger indexes than their parent), kept in the
    // input's size and link fields of directories until the nodes are packed.
    for (FileNode &n : nodes) {
        if (n.isDir()) {
            n.size = 0;
            n.link = 0;
        }
    }
    for (uint32_t i = tree.m_count; i-- > 1;) {
        FileNode &n = nodes[i];
        FileNode &p = nodes[n.parent];
        if (n.isDir() || (n.type == FileType::Regular && !n.isWhiteout()))
            p.size = saturatingAdd(p.size, n.size);
        p.link += (n.isDir() ? n.link : 0) + 1;
    }
    tree.m_nodes.resize(nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i) {
        const FileNode &n = nodes[i];
        tree.m_nodes[i] = {n.name, n.parent, n.firstChild,     n.uid,   n.gid,  n.link,
                           n.size, n.mtime,  uint16_t(n.mode), n.layer, n.type, n.flags};
    }
    return tree;
}

FileTree FileTree::fromRefs(std::vector<NodeRef> refs,
                            std::vector<std::shared_ptr<const FileTree>> sources)
{
    FileTree tree(Empty{});
    tree.m_pool = std::make_shared<StringPool>();
    tree.m_count = uint32_t(refs.size());
    tree.m_refs = std::move(refs);
    tree.m_sources = std::move(sources);
    tree.m_nameKeyBase.assign(tree.m_sources.size() + 1, 0);
    for (size_t s = 0; s < tree.m_sources.size(); ++s)
        tree.m_nameKeyBase[s + 1] =
            tree.m_nameKeyBase[s] + (tree.m_sources[s] ? tree.m_sources[s]->nameKeyCount() : 0);
    const size_t words = (size_t(tree.m_count) + 63) / 64;
    tree.m_parentBits.assign(words, 0);
    tree.m_parentRank.assign(words, 0);
    uint32_t parents = 0;
    for (uint32_t i = 0; i < tree.m_count; ++i) {
        if ((i & 63) == 0)
            tree.m_parentRank[i >> 6] = parents;
        if (tree.childEnd(i) > tree.firstChildOf(i)) {
            tree.m_parentBits[i >> 6] |= uint64_t(1) << (i & 63);
            ++parents;
        }
    }
    tree.m_totalSize.assign(parents, 0);
    tree.m_totalCount.assign(parents, 0);
    // Bottom-up: children always come after their parent.
    for (uint32_t i = tree.m_count; i-- > 1;) {
        const uint32_t parent = tree.parentSlot(tree.m_refs[i].parent);
        if (tree.hasChildren(i)) {
            tree.m_totalSize[parent] =
                saturatingAdd(tree.m_totalSize[parent], tree.m_totalSize[tree.parentSlot(i)]);
            tree.m_totalCount[parent] += tree.m_totalCount[tree.parentSlot(i)] + 1;
        } else {
            tree.m_totalSize[parent] = saturatingAdd(tree.m_totalSize[parent], tree.totalSize(i));
            tree.m_totalCount[parent] += 1;
        }
    }
    return tree;
}

size_t FileTree::memoryBytes() const
{
    return m_nodes.capacity() * sizeof(StoredNode) + m_refs.capacity() * sizeof(NodeRef) +
           m_parentBits.capacity() * sizeof(uint64_t) + m_parentRank.capacity() * sizeof(uint32_t) +
           m_totalSize.capacity() * sizeof(uint64_t) + m_totalCount.capacity() * sizeof(uint32_t) +
           (m_refs.empty() ? m_pool->memoryBytes() : 0);
}

TreeBuilder::TreeBuilder() : TreeBuilder(std::make_shared<StringPool>()) {}

TreeBuilder::TreeBuilder(std::shared_ptr<StringPool> pool)
    : m_slots(1024, kEmpty), m_pool(std::move(pool))
{
    FileNode root;
    root.type = FileType::Directory;
    root.mode = 0755;
    root.flags = NodeFlag::Implied;
    append(root);
}

void TreeBuilder::append(const FileNode &n)
{
    if ((m_count & kChunkMask) == 0)
        m_chunks.push_back(std::make_unique<FileNode[]>(size_t(1) << kChunkBits));
    node(m_count++) = n;
    m_nextSibling.push_back(kNoNode);
    m_lastChild.push_back(kNoNode);
    m_alive.push_back(1);
}

size_t TreeBuilder::slotOf(uint64_t k) const
{
    uint64_t h = k * 0x9E3779B97F4A7C15ull;
    h ^= h >> 32;
    const size_t mask = m_slots.size() - 1;
    size_t i = h & mask;
    while (m_slots[i] != kEmpty && keyOf(m_slots[i]) != k)
        i = (i + 1) & mask;
    return i;
}

void TreeBuilder::growTable()
{
    std::vector<uint32_t> slots;
    slots.swap(m_slots);
    m_slots.assign(slots.size() * 2, kEmpty);
    for (uint32_t index : slots) {
        if (index != kEmpty)
            m_slots[slotOf(keyOf(index))] = index;
    }
}

uint32_t TreeBuilder::child(uint32_t parent, uint32_t name, bool whiteout) const
{
    const uint32_t index = m_slots[slotOf(key(parent, name, whiteout))];
    return index != kEmpty && m_alive[index] ? index : kNoNode;
}

uint32_t TreeBuilder::setChild(uint32_t parent, const FileNode &attrs)
{
    const uint32_t index = m_count;
    FileNode n = attrs;
    n.parent = parent;
    n.firstChild = 0;
    n.childCount = 0;
    append(n);

    const size_t slot = slotOf(keyOf(index));
    if (m_slots[slot] == kEmpty)
        ++m_used;
    else
        m_alive[m_slots[slot]] = 0; // replaced: its subtree becomes unreachable
    m_slots[slot] = index;
    // Append to the parent's child list (kept in insertion order; freeze() sorts).
    if (m_lastChild[parent] == kNoNode)
        node(parent).firstChild = index;
    else
        m_nextSibling[m_lastChild[parent]] = index;
    m_lastChild[parent] = index;
    node(parent).childCount = 1; // "has children"; recounted in freeze()

    if (m_used * 2 > m_slots.size())
        growTable();
    return index;
}

void TreeBuilder::removeChild(uint32_t parent, uint32_t name, bool whiteout)
{
    const uint32_t index = m_slots[slotOf(key(parent, name, whiteout))];
    if (index != kEmpty)
        m_alive[index] = 0; // the slot stays: its key is still that node's
}

FileTree TreeBuilder::freeze()
{
    // The table is not needed to lay the tree out: release it before allocating the tree.
    m_slots = {};
    m_lastChild = {};

    // Breadth first: each directory's children land next to each other, sorted. The layout
    // is worked out in place (a node's parent, firstChild and childCount become the frozen
    // tree's), then the nodes are copied once, in their new order.
    // Names in bytewise order: children sort by id, and merges compare names as integers.
    const std::vector<uint32_t> renumbered = m_pool->sortBytewise();
    for (uint32_t i = 0; i < m_count; ++i) {
        FileNode &n = node(i);
        n.name = renumbered[n.name];
        n.link = renumbered[n.link];
    }
    std::vector<uint32_t> source; // new index -> builder index
    source.reserve(m_count);
    source.push_back(0);
    std::vector<uint32_t> kids;
    for (uint32_t at = 0; at < source.size(); ++at) {
        FileNode &dir = node(source[at]);
        kids.clear();
        if (dir.childCount) {
            for (uint32_t c = dir.firstChild; c != kNoNode; c = m_nextSibling[c]) {
                if (m_alive[c])
                    kids.push_back(c);
            }
        }
        std::sort(kids.begin(), kids.end(), [&](uint32_t a, uint32_t b) {
            const FileNode &x = node(a), &y = node(b);
            if (x.name != y.name)
                return x.name < y.name;
            return (x.flags & NodeFlag::Whiteout) < (y.flags & NodeFlag::Whiteout);
        });
        dir.firstChild = uint32_t(source.size());
        dir.childCount = uint32_t(kids.size());
        for (uint32_t k : kids) {
            node(k).parent = at;
            source.push_back(k);
        }
    }
    m_nextSibling = {};
    m_alive = {};

    std::vector<FileNode> nodes(source.size());
    for (size_t i = 0; i < nodes.size(); ++i)
        nodes[i] = node(source[i]);
    nodes[0].parent = kNoNode;
    source = {};
    m_chunks.clear();
    m_chunks.shrink_to_fit();
    m_count = 0;
    FileTree tree = FileTree::fromNodes(std::move(nodes), m_pool);
    m_pool->releaseIndex();
    return tree;
}

} // namespace strata

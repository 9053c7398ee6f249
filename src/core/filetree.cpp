#include "filetree.h"

#include <algorithm>

namespace strata {

char fileTypeLetter(FileType type)
{
    switch (type) {
    case FileType::Regular: return 'f';
    case FileType::Directory: return 'd';
    case FileType::Symlink: return 'l';
    case FileType::Hardlink: return 'h';
    case FileType::CharDevice: return 'c';
    case FileType::BlockDevice: return 'b';
    case FileType::Fifo: return 'p';
    }
    return '?';
}

FileTree::FileTree()
    : m_pool(std::make_shared<StringPool>())
{
    FileNode root;
    root.type = FileType::Directory;
    root.mode = 0755;
    root.flags = NodeFlag::Implied;
    m_nodes.push_back(root);
    m_totalSize.push_back(0);
    m_totalCount.push_back(0);
}

std::string FileTree::path(uint32_t index) const
{
    std::vector<uint32_t> chain;
    for (uint32_t i = index; i != 0 && i != kNoNode; i = m_nodes[i].parent)
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
    for (uint32_t i = index; i != 0 && i != kNoNode; i = m_nodes[i].parent)
        ++d;
    return d;
}

uint32_t FileTree::child(uint32_t dir, std::string_view childName, bool whiteout) const
{
    const FileNode &d = m_nodes[dir];
    auto first = m_nodes.begin() + d.firstChild;
    auto last = first + d.childCount;
    // Children are sorted by (name, whiteout): live entry first.
    auto it = std::lower_bound(first, last, childName, [this](const FileNode &n, std::string_view key) {
        return m_pool->view(n.name) < key;
    });
    for (; it != last && m_pool->view(it->name) == childName; ++it) {
        if (it->isWhiteout() == whiteout)
            return uint32_t(it - m_nodes.begin());
    }
    return kNoNode;
}

uint32_t FileTree::find(std::string_view path) const
{
    uint32_t node = 0;
    size_t pos = 0;
    while (pos < path.size() && node != kNoNode) {
        size_t slash = path.find('/', pos);
        if (slash == std::string_view::npos)
            slash = path.size();
        if (slash > pos)
            node = child(node, path.substr(pos, slash - pos));
        pos = slash + 1;
    }
    return node;
}

FileTree FileTree::fromNodes(std::vector<FileNode> nodes, std::shared_ptr<StringPool> pool)
{
    FileTree tree;
    tree.m_pool = std::move(pool);
    tree.m_nodes = std::move(nodes);
    // Totals bottom-up: children always have larger indexes than their parent.
    const uint32_t count = uint32_t(tree.m_nodes.size());
    tree.m_totalSize.assign(count, 0);
    tree.m_totalCount.assign(count, 0);
    for (uint32_t i = count; i-- > 1;) {
        const FileNode &n = tree.m_nodes[i];
        if (n.type == FileType::Regular && !n.isWhiteout())
            tree.m_totalSize[i] += n.size;
        tree.m_totalSize[n.parent] += tree.m_totalSize[i];
        tree.m_totalCount[n.parent] += tree.m_totalCount[i] + 1;
    }
    return tree;
}

size_t FileTree::memoryBytes() const
{
    return m_nodes.capacity() * sizeof(FileNode) + m_totalSize.capacity() * sizeof(uint64_t)
           + m_totalCount.capacity() * sizeof(uint32_t) + m_pool->memoryBytes();
}

TreeBuilder::TreeBuilder()
    : TreeBuilder(std::make_shared<StringPool>())
{
}

TreeBuilder::TreeBuilder(std::shared_ptr<StringPool> pool)
    : m_slots(1024, kEmpty)
    , m_pool(std::move(pool))
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
    std::vector<uint32_t> source; // new index -> builder index
    source.reserve(m_count);
    source.push_back(0);
    std::vector<uint32_t> kids;
    const StringPool &pool = *m_pool;
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
            const auto na = pool.view(x.name), nb = pool.view(y.name);
            if (na != nb)
                return na < nb;
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

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
    : m_keys(1024, UINT64_MAX)
    , m_values(1024, kNoNode)
    , m_pool(std::move(pool))
{
    FileNode root;
    root.type = FileType::Directory;
    root.mode = 0755;
    root.flags = NodeFlag::Implied;
    m_nodes.push_back(root);
    m_nextSibling.push_back(kNoNode);
    m_lastChild.push_back(kNoNode);
    m_alive.push_back(1);
}

size_t TreeBuilder::slotOf(uint64_t k) const
{
    uint64_t h = k * 0x9E3779B97F4A7C15ull;
    h ^= h >> 32;
    const size_t mask = m_keys.size() - 1;
    size_t i = h & mask;
    while (m_keys[i] != UINT64_MAX && m_keys[i] != k)
        i = (i + 1) & mask;
    return i;
}

void TreeBuilder::growTable()
{
    std::vector<uint64_t> keys;
    std::vector<uint32_t> values;
    keys.swap(m_keys);
    values.swap(m_values);
    m_keys.assign(keys.size() * 2, UINT64_MAX);
    m_values.assign(keys.size() * 2, kNoNode);
    for (size_t i = 0; i < keys.size(); ++i) {
        if (keys[i] == UINT64_MAX)
            continue;
        const size_t slot = slotOf(keys[i]);
        m_keys[slot] = keys[i];
        m_values[slot] = values[i];
    }
}

uint32_t TreeBuilder::child(uint32_t parent, uint32_t name, bool whiteout) const
{
    const size_t slot = slotOf(key(parent, name, whiteout));
    return m_keys[slot] == UINT64_MAX ? kNoNode : m_values[slot];
}

uint32_t TreeBuilder::setChild(uint32_t parent, const FileNode &attrs)
{
    const uint32_t index = uint32_t(m_nodes.size());
    FileNode n = attrs;
    n.parent = parent;
    n.firstChild = 0;
    n.childCount = 0;
    m_nodes.push_back(n);
    m_nextSibling.push_back(kNoNode);
    m_lastChild.push_back(kNoNode);
    m_alive.push_back(1);

    const uint64_t k = key(parent, attrs.name, attrs.flags & NodeFlag::Whiteout);
    size_t slot = slotOf(k);
    if (m_keys[slot] == UINT64_MAX) {
        m_keys[slot] = k;
        ++m_used;
    } else if (m_values[slot] != kNoNode) {
        m_alive[m_values[slot]] = 0; // replaced: its subtree becomes unreachable
    }
    m_values[slot] = index;
    // Append to the parent's child list (kept in insertion order; freeze() sorts).
    if (m_lastChild[parent] == kNoNode)
        m_nodes[parent].firstChild = index;
    else
        m_nextSibling[m_lastChild[parent]] = index;
    m_lastChild[parent] = index;
    m_nodes[parent].childCount = 1; // "has children"; recounted in freeze()

    if (m_used * 2 > m_keys.size())
        growTable();
    return index;
}

void TreeBuilder::removeChild(uint32_t parent, uint32_t name, bool whiteout)
{
    const size_t slot = slotOf(key(parent, name, whiteout));
    if (m_keys[slot] == UINT64_MAX || m_values[slot] == kNoNode)
        return;
    m_alive[m_values[slot]] = 0;
    m_values[slot] = kNoNode;
}

FileTree TreeBuilder::freeze()
{
    FileTree tree;
    tree.m_pool = m_pool;
    tree.m_nodes.clear();
    tree.m_nodes.reserve(m_nodes.size());
    std::vector<uint32_t> source; // new index -> builder index
    source.reserve(m_nodes.size());
    source.push_back(0);
    tree.m_nodes.push_back(m_nodes[0]);
    tree.m_nodes[0].parent = kNoNode;

    std::vector<uint32_t> kids;
    const StringPool &pool = *m_pool;
    // Breadth first: each directory's children land next to each other, sorted.
    for (uint32_t at = 0; at < tree.m_nodes.size(); ++at) {
        const uint32_t from = source[at];
        kids.clear();
        if (m_nodes[from].childCount) {
            for (uint32_t c = m_nodes[from].firstChild; c != kNoNode; c = m_nextSibling[c]) {
                if (m_alive[c])
                    kids.push_back(c);
            }
        }
        std::sort(kids.begin(), kids.end(), [&](uint32_t a, uint32_t b) {
            const auto na = pool.view(m_nodes[a].name), nb = pool.view(m_nodes[b].name);
            if (na != nb)
                return na < nb;
            return (m_nodes[a].flags & NodeFlag::Whiteout) < (m_nodes[b].flags & NodeFlag::Whiteout);
        });
        FileNode &dir = tree.m_nodes[at];
        dir.firstChild = uint32_t(tree.m_nodes.size());
        dir.childCount = uint32_t(kids.size());
        for (uint32_t k : kids) {
            FileNode n = m_nodes[k];
            n.parent = at;
            n.firstChild = 0;
            n.childCount = 0;
            tree.m_nodes.push_back(n);
            source.push_back(k);
        }
    }

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

    // The builder is spent; release its memory now rather than with the builder.
    m_nodes = {};
    m_nextSibling = {};
    m_lastChild = {};
    m_alive = {};
    m_keys = {};
    m_values = {};
    return tree;
}

} // namespace strata

#pragma once

#include "tree/stringpool.h"

#include <bit>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace strata {

inline constexpr uint32_t kNoNode = UINT32_MAX;

enum class FileType : uint8_t
{
    Regular,
    Directory,
    Symlink,
    Hardlink,
    CharDevice,
    BlockDevice,
    Fifo
};

// The one-letter codes of `strata-cli tree`: f d l h c b p.
char fileTypeLetter(FileType type);

namespace NodeFlag {
enum : uint8_t
{
    Whiteout = 1, // layer trees only: this node deletes `name` from the layers below
    Opaque = 2,   // layer trees only: this directory hides every lower entry inside it
    Implied = 4,  // no entry of its own: a parent directory that only its children imply
    Replaced = 8, // merged trees: this entry replaced one from a lower layer (modified)
    // Layer trees only: an implied directory standing where an earlier entry of the same
    // layer made a symlink (LayerTree::symlinkDirs keeps the target). The engine writes
    // through such a symlink; resolveSymlinkParents() moves the directory's entries there.
    ThroughSymlink = 16,
};
}

// One path of a tree, as FileTree::node() hands it out (trees store their nodes more
// compactly). `name` and `link` are ids in the pool of the tree that stores the entry: use
// FileTree::name() and linkTarget() to read them.
struct FileNode
{
    uint32_t name = 0;         // StringPool id of the base name
    uint32_t parent = kNoNode; // the root's parent is kNoNode
    uint32_t firstChild = 0;   // children are nodes [firstChild, firstChild + childCount)
    uint32_t childCount = 0;
    uint64_t size = 0; // tar header size; 0 for directories, links and whiteouts
    int64_t mtime = 0;
    uint32_t mode = 0; // permission bits, 07777
    uint32_t uid = 0;
    uint32_t gid = 0;
    uint32_t link = 0;  // symlink target or hardlink target path (StringPool id)
    uint16_t layer = 0; // the layer this entry comes from
    FileType type = FileType::Regular;
    uint8_t flags = 0; // NodeFlag bits

    bool isDir() const { return type == FileType::Directory; }
    bool isWhiteout() const { return flags & NodeFlag::Whiteout; }
};

// A merged tree's node: its place in the tree, and the node of a layer tree its entry comes
// from (mergeLayers). Its own layer and flags can differ from that node's (overlaymerge.h).
struct NodeRef
{
    uint32_t parent = kNoNode;
    uint32_t firstChild = 0;   // as in FileNode; the child count follows from the next node's
    uint32_t source = kNoNode; // node of sources[sourceTree]; kNoNode for the root
    uint16_t layer = 0;
    uint16_t sourceTree = 0;
    uint8_t flags = 0;
};

// A frozen tree: node 0 is the root; every directory's children are contiguous and sorted
// bytewise by name (whiteouts after a live entry of the same name), and the tree is laid out
// breadth first, so node i's children end where node i+1's begin. Immutable once built, so
// several threads and models may read it at once.
//
// A tree either stores its nodes (a layer's own tree, 48 bytes a node) or refers to the nodes
// of other trees (a merged tree, 20 bytes a node): a million merged paths cost about 20 MB on
// top of the layers they come from, and merging never copies a name.
class FileTree
{
public:
    FileTree();

    uint32_t nodeCount() const { return m_count; }
    FileNode node(uint32_t index) const;
    uint32_t parent(uint32_t index) const
    {
        return m_refs.empty() ? m_nodes[index].parent : m_refs[index].parent;
    }
    uint8_t flags(uint32_t index) const
    {
        return m_refs.empty() ? m_nodes[index].flags : m_refs[index].flags;
    }
    uint16_t layer(uint32_t index) const
    {
        return m_refs.empty() ? m_nodes[index].layer : m_refs[index].layer;
    }
    FileType type(uint32_t index) const
    {
        return m_refs.empty() ? m_nodes[index].type : mergedType(index);
    }
    // Asks the memory for a node ahead of its use, for passes that jump between trees.
    void prefetch(uint32_t index) const
    {
        if (m_refs.empty())
            __builtin_prefetch(&m_nodes[index]);
        else
            __builtin_prefetch(&m_refs[index]);
    }
    // The node's children: nodes [first, second).
    std::pair<uint32_t, uint32_t> children(uint32_t index) const
    {
        return {firstChildOf(index), childEnd(index)};
    }
    std::string_view name(uint32_t index) const
    {
        return m_refs.empty() ? m_pool->view(m_nodes[index].name) : mergedName(index);
    }
    std::string_view linkTarget(uint32_t index) const;
    // The path from the root without a leading slash ("" for the root).
    std::string path(uint32_t index) const;
    uint32_t depth(uint32_t index) const;

    // A child by name, or kNoNode. Whiteout nodes are looked up with whiteout = true.
    uint32_t child(uint32_t dir, std::string_view name, bool whiteout = false) const;
    // A node by path ("a/b/c", no leading slash), or kNoNode. Never returns whiteouts.
    uint32_t find(std::string_view path) const;

    // Sum of regular file sizes below a directory (the file's own size for a file), and the
    // number of entries below it; computed once when the tree is frozen.
    uint64_t totalSize(uint32_t index) const;
    uint32_t totalCount(uint32_t index) const;

    // A number below nameKeyCount(), equal for two nodes only when their names are equal (a
    // merged tree gives a name two keys when two layers have it): lets a pass over the tree
    // decide something about each name once. In a tree that stores its nodes, keys are
    // its pool's ids, which are in bytewise order of the names (TreeBuilder::freeze).
    uint32_t nameKey(uint32_t index) const
    {
        return m_refs.empty() ? m_nodes[index].name : mergedNameKey(index);
    }
    uint32_t nameKeyCount() const;
    // test(name) for every name key, in the order the names are stored (not the tree's): a
    // pass over a million names in memory order, where going through the nodes would jump
    // around the layers' pools. Returns 1 where test was true, 0 elsewhere.
    template <typename Test> std::vector<uint8_t> nameKeysWhere(Test &&test) const
    {
        std::vector<uint8_t> result(nameKeyCount(), 0);
        auto scan = [&](const StringPool &pool, uint32_t base) {
            for (uint32_t id = 0; id < pool.count(); ++id)
                result[base + id] = test(pool.view(id)) ? 1 : 0;
        };
        if (m_refs.empty()) {
            scan(*m_pool, 0);
        } else {
            for (size_t s = 0; s < m_sources.size(); ++s) {
                if (m_sources[s])
                    scan(*m_sources[s]->m_pool, m_nameKeyBase[s]);
            }
        }
        return result;
    }

    // A tree from nodes already laid out as a frozen tree's are (node 0 the root, children
    // contiguous, sorted, breadth first); computes the totals.
    static FileTree fromNodes(std::vector<FileNode> nodes, std::shared_ptr<StringPool> pool);
    // A tree whose nodes refer to nodes of `sources` (laid out as for fromNodes), which it
    // keeps alive; the sources store their nodes (layer trees), and null sources are allowed
    // where no node refers to them.
    static FileTree fromRefs(std::vector<NodeRef> refs,
                             std::vector<std::shared_ptr<const FileTree>> sources);

    // The pool of a tree that stores its nodes (empty for a merged tree).
    const StringPool &pool() const { return *m_pool; }
    size_t memoryBytes() const;

private:
    struct Empty
    {
    };
    explicit FileTree(Empty) {}

    // A stored node: FileNode without the child count (it follows from the layout), with a
    // 16-bit mode, and with a directory's totals in the size and link fields it does not use.
    struct StoredNode
    {
        uint32_t name;
        uint32_t parent;
        uint32_t firstChild;
        uint32_t uid;
        uint32_t gid;
        uint32_t link; // a directory's totalCount
        uint64_t size; // a directory's totalSize
        int64_t mtime;
        uint16_t mode;
        uint16_t layer;
        FileType type;
        uint8_t flags;
    };
    static_assert(sizeof(StoredNode) == 48);
    static_assert(sizeof(NodeRef) == 20);

    bool hasChildren(uint32_t index) const
    {
        return (m_parentBits[index >> 6] >> (index & 63)) & 1;
    }
    uint32_t parentSlot(uint32_t index) const
    {
        const uint64_t below = m_parentBits[index >> 6] & ((uint64_t(1) << (index & 63)) - 1);
        return m_parentRank[index >> 6] + uint32_t(std::popcount(below));
    }
    std::string_view mergedName(uint32_t index) const;
    uint32_t mergedNameKey(uint32_t index) const;
    FileType mergedType(uint32_t index) const;
    uint32_t firstChildOf(uint32_t index) const
    {
        return m_refs.empty() ? m_nodes[index].firstChild : m_refs[index].firstChild;
    }
    uint32_t childEnd(uint32_t index) const
    {
        return index + 1 < m_count ? firstChildOf(index + 1) : m_count;
    }
    // The tree and node a merged node's entry comes from.
    const FileTree &sourceOf(const NodeRef &ref) const { return *m_sources[ref.sourceTree]; }

    uint32_t m_count = 0;
    std::vector<StoredNode> m_nodes;
    std::shared_ptr<StringPool> m_pool;
    // Merged trees only.
    std::vector<NodeRef> m_refs;
    // Totals of the nodes that have children only (a few in a hundred): a node's slot is its
    // rank among them, counted with one bit per node and a running count per 64 nodes.
    std::vector<uint64_t> m_parentBits;
    std::vector<uint32_t> m_parentRank;
    std::vector<uint64_t> m_totalSize;
    std::vector<uint32_t> m_totalCount;
    std::vector<std::shared_ptr<const FileTree>> m_sources;
    std::vector<uint32_t> m_nameKeyBase; // per source: its first name key
};

// Builds a FileTree entry by entry, with replacement and deletion, then freezes it. Children
// are found through one open-addressing table keyed by (parent, name, whiteout), so building
// costs O(1) per entry however wide a directory is. Nodes live in fixed-size chunks: growing
// never copies them, and never holds twice their size.
class TreeBuilder
{
public:
    TreeBuilder();
    explicit TreeBuilder(std::shared_ptr<StringPool> pool);

    static constexpr uint32_t root() { return 0; }
    StringPool &pool() { return *m_pool; }
    FileNode &node(uint32_t index) { return m_chunks[index >> kChunkBits][index & kChunkMask]; }
    const FileNode &node(uint32_t index) const
    {
        return m_chunks[index >> kChunkBits][index & kChunkMask];
    }
    uint32_t nodeCount() const { return m_count; }

    uint32_t child(uint32_t parent, uint32_t name, bool whiteout = false) const;
    // Adds `attrs` as the child `attrs.name` of `parent`; an existing child of that name (and
    // with it its whole subtree) is replaced.
    uint32_t setChild(uint32_t parent, const FileNode &attrs);
    // Removes a child and its subtree; no-op when there is none.
    void removeChild(uint32_t parent, uint32_t name, bool whiteout = false);

    // The tree, its node array exactly sized; the builder's own memory is released.
    FileTree freeze();

private:
    static constexpr uint32_t kChunkBits = 10;
    static constexpr uint32_t kChunkMask = (1u << kChunkBits) - 1;
    static constexpr uint32_t kEmpty = UINT32_MAX;

    static uint64_t key(uint32_t parent, uint32_t name, bool whiteout)
    {
        return (uint64_t(parent) << 32) | name | (whiteout ? 0x80000000u : 0u);
    }
    uint64_t keyOf(uint32_t index) const
    {
        const FileNode &n = node(index);
        return key(n.parent, n.name, n.flags & NodeFlag::Whiteout);
    }
    size_t slotOf(uint64_t key) const;
    void growTable();
    void append(const FileNode &n);

    std::vector<std::unique_ptr<FileNode[]>> m_chunks; // firstChild/childCount unused until freeze
    uint32_t m_count = 0;
    std::vector<uint32_t> m_nextSibling; // insertion-ordered child lists
    std::vector<uint32_t> m_lastChild;
    std::vector<uint8_t> m_alive;
    // The table holds node indexes; a slot's key is its node's (parent, name, whiteout), which
    // never change. A slot whose node is no longer alive is a removed child.
    std::vector<uint32_t> m_slots;
    size_t m_used = 0;
    std::shared_ptr<StringPool> m_pool;
};

} // namespace strata

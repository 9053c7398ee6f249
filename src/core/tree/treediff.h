#pragma once

#include "tree/filetree.h"

#include <QStringList>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace strata {

enum class DiffStatus : uint8_t
{
    Unchanged,
    Added,
    Removed,
    Changed
};

// What differs between the two copies of a path present on both sides.
namespace DiffChange {
enum : uint8_t
{
    Type = 1,
    Size = 2,
    Mode = 4,
    Owner = 8, // uid or gid
    LinkTarget = 16,
    Content = 32, // same size, different bytes: known only after compareContent()
};
}

// Whether the bytes of a regular file present on both sides with the same size are known.
enum class ContentState : uint8_t
{
    NotApplicable, // not a regular file on both sides, or the sizes differ
    Unknown,       // same size, not read yet: a candidate for compareContent()
    Same,          // same bytes: read and hashed, empty, or the same entry of one layer tar
    Different,
};

// One path of either tree. The entries form one tree like FileTree: entry 0 is the root,
// each entry's children are contiguous and sorted bytewise by name, and children have larger
// indexes than their parent, so a model can map rows to entries without building anything.
struct DiffEntry
{
    uint32_t nodeA = kNoNode; // node in tree A, kNoNode when the path is only in B
    uint32_t nodeB = kNoNode;
    uint32_t parent = kNoNode; // the root's parent is kNoNode
    uint32_t firstChild = 0;   // children are entries [firstChild, firstChild + childCount)
    uint32_t childCount = 0;
    uint32_t changedBelow = 0; // entries below this one whose status is not Unchanged
    // Regular file bytes in B minus those in A: the file's own for a file, the total of its
    // subtree for a directory (so a directory's delta is the sum of its children's).
    int64_t sizeDelta = 0;
    DiffStatus status = DiffStatus::Unchanged;
    uint8_t changes = 0; // DiffChange bits, for Changed
    ContentState content = ContentState::NotApplicable;

    bool inA() const { return nodeA != kNoNode; }
    bool inB() const { return nodeB != kNoNode; }
};

// Tells whether two entries that come from layers of the two images are the same tar entry:
// layer `i` of A and layer `j` of B with the same diff ID hold the same bytes. Indexed by
// FileNode::layer; equal non-negative numbers mean identical layer tars.
struct LayerIdentity
{
    std::vector<int> a;
    std::vector<int> b;
};

struct DiffCounts
{
    uint64_t added = 0;
    uint64_t removed = 0;
    uint64_t changed = 0;
    uint64_t unchanged = 0;
    uint64_t contentUnknown = 0; // same-size regular files whose bytes were not compared
    uint64_t bytesAdded = 0;     // sum of positive file deltas
    uint64_t bytesRemoved = 0;   // sum of negative file deltas, as a positive number
};

enum class DeltaOrder
{
    Growth,    // largest increase first, largest decrease last
    Magnitude, // largest absolute change first
};

// The difference between two frozen trees (two merged images, or any layer of each): built
// by one merge-join over both trees' sorted children, O(nodes of A + nodes of B), with no
// string built per path. Immutable once built except for applyContent(), so models and
// worker threads may read it at once.
class TreeDiff
{
public:
    TreeDiff();
    // `identity` may be empty: then no content is known the same without reading it.
    static TreeDiff compare(std::shared_ptr<const FileTree> a, std::shared_ptr<const FileTree> b,
                            const LayerIdentity &identity = {});

    const FileTree &treeA() const { return *m_a; }
    const FileTree &treeB() const { return *m_b; }
    std::shared_ptr<const FileTree> sharedTreeA() const { return m_a; }
    std::shared_ptr<const FileTree> sharedTreeB() const { return m_b; }

    uint32_t entryCount() const { return uint32_t(m_entries.size()); }
    const DiffEntry &entry(uint32_t index) const { return m_entries[index]; }
    const std::vector<DiffEntry> &entries() const { return m_entries; }

    std::string_view name(uint32_t index) const;
    std::string path(uint32_t index) const; // without a leading slash; "" for the root
    // The node of the side that has the path (B when both do): type, mode... for display.
    FileNode node(uint32_t index) const;
    FileType typeA(uint32_t index) const; // only when entry(index).inA()
    FileType typeB(uint32_t index) const;
    // Regular file bytes at or below the entry on each side (0 when absent).
    uint64_t sizeA(uint32_t index) const;
    uint64_t sizeB(uint32_t index) const;
    bool isDirectory(uint32_t index) const; // a directory on the side(s) that have it
    // The entry's own bytes changed (0 for directories): what a list of files sorts by.
    int64_t ownDelta(uint32_t index) const;
    // An entry by path, or kNoNode.
    uint32_t find(std::string_view path) const;

    const DiffCounts &counts() const { return m_counts; }

    // Every change once, for lists: changed entries in tree order, except added or removed
    // directories that have entries below them (those entries are listed instead).
    std::vector<uint32_t> changeList() const;
    // changeList() sorted by ownDelta(); ties keep tree order.
    std::vector<uint32_t> largestChanges(DeltaOrder order, size_t limit = SIZE_MAX) const;
    // A directory's children sorted by sizeDelta (directory totals), for "sort by delta".
    std::vector<uint32_t> childrenByDelta(uint32_t index, DeltaOrder order) const;
    // Directories (root excluded) by sizeDelta, for "where did the bytes go".
    std::vector<uint32_t> largestDirectories(DeltaOrder order, size_t limit) const;

    // Regular files on both sides with equal sizes whose bytes were not compared yet.
    std::vector<uint32_t> contentCandidates() const;
    // Records what compareContent() found (`different[i]` for `entries[i]`): entries whose
    // content differs become Changed and their ancestors' changedBelow grow. Returns the
    // entries whose status changed and their ancestors, for a model's dataChanged().
    std::vector<uint32_t> applyContent(const std::vector<uint32_t> &entries,
                                       const std::vector<bool> &different);

private:
    void recount();

    std::shared_ptr<const FileTree> m_a;
    std::shared_ptr<const FileTree> m_b;
    std::vector<DiffEntry> m_entries;
    DiffCounts m_counts;
};

QString diffStatusName(DiffStatus status);    // "added", "removed", "changed", "unchanged"
QStringList diffChangeNames(uint8_t changes); // "type", "size", "mode", "owner", "link", "content"

} // namespace strata

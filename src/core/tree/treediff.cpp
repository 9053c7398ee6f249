#include "tree/treediff.h"

#include "common/paths.h"

#include <algorithm>

namespace strata {

namespace {
// The children of a node as a range, whiteouts left out (merged trees have none, layer
// trees do).
struct Children
{
    uint32_t first = 0;
    uint32_t last = 0;
};

Children childrenOf(const FileTree &tree, uint32_t node)
{
    if (node == kNoNode)
        return {};
    const auto [first, end] = tree.children(node);
    return {first, end};
}

uint32_t skipWhiteouts(const FileTree &tree, uint32_t at, uint32_t last)
{
    while (at < last && (tree.flags(at) & NodeFlag::Whiteout))
        ++at;
    return at;
}

int layerKey(const std::vector<int> &keys, uint16_t layer)
{
    return layer < keys.size() ? keys[layer] : -1;
}

// Compares the two copies of a path: status, what changed and what is known of the bytes.
void classify(DiffEntry &e, const FileTree &a, const FileTree &b, const LayerIdentity &identity)
{
    const FileNode &na = a.node(e.nodeA);
    const FileNode &nb = b.node(e.nodeB);
    uint8_t changes = 0;
    if (na.type != nb.type)
        changes |= DiffChange::Type;
    if (na.mode != nb.mode)
        changes |= DiffChange::Mode;
    if (na.uid != nb.uid || na.gid != nb.gid)
        changes |= DiffChange::Owner;
    if (na.type == nb.type && (na.type == FileType::Symlink || na.type == FileType::Hardlink) &&
        a.linkTarget(e.nodeA) != b.linkTarget(e.nodeB))
        changes |= DiffChange::LinkTarget;
    if (na.type == FileType::Regular && nb.type == FileType::Regular) {
        if (na.size != nb.size) {
            changes |= DiffChange::Size;
        } else if (na.size == 0) {
            e.content = ContentState::Same;
        } else {
            const int ka = layerKey(identity.a, na.layer);
            e.content = ka >= 0 && ka == layerKey(identity.b, nb.layer) ? ContentState::Same
                                                                        : ContentState::Unknown;
        }
    }
    e.changes = changes;
    e.status = changes ? DiffStatus::Changed : DiffStatus::Unchanged;
}
} // namespace

TreeDiff::TreeDiff() : m_a(std::make_shared<FileTree>()), m_b(std::make_shared<FileTree>())
{
    m_entries.push_back(DiffEntry{0, 0});
}

TreeDiff TreeDiff::compare(std::shared_ptr<const FileTree> treeA,
                           std::shared_ptr<const FileTree> treeB, const LayerIdentity &identity)
{
    TreeDiff diff;
    diff.m_a = std::move(treeA);
    diff.m_b = std::move(treeB);
    const FileTree &a = *diff.m_a;
    const FileTree &b = *diff.m_b;
    std::vector<DiffEntry> &entries = diff.m_entries;
    entries.reserve(size_t(std::max(a.nodeCount(), b.nodeCount())) + 1024);
    entries[0].sizeDelta = int64_t(b.totalSize(0)) - int64_t(a.totalSize(0));

    // Breadth first, like FileTree::freeze(): one entry's children are appended together, so
    // they are contiguous and, merged from two sorted ranges, sorted.
    for (uint32_t at = 0; at < entries.size(); ++at) {
        const uint32_t nodeA = entries[at].nodeA;
        const uint32_t nodeB = entries[at].nodeB;
        const Children ca = childrenOf(a, nodeA);
        const Children cb = childrenOf(b, nodeB);
        const uint32_t first = uint32_t(entries.size());
        uint32_t i = skipWhiteouts(a, ca.first, ca.last);
        uint32_t j = skipWhiteouts(b, cb.first, cb.last);
        while (i < ca.last || j < cb.last) {
            DiffEntry e;
            e.parent = at;
            int order = 0;
            if (i == ca.last)
                order = 1;
            else if (j == cb.last)
                order = -1;
            else
                order = a.name(i).compare(b.name(j));
            if (order <= 0)
                e.nodeA = i;
            if (order >= 0)
                e.nodeB = j;
            if (order < 0) {
                e.status = DiffStatus::Removed;
                e.sizeDelta = -int64_t(a.totalSize(i));
            } else if (order > 0) {
                e.status = DiffStatus::Added;
                e.sizeDelta = int64_t(b.totalSize(j));
            } else {
                classify(e, a, b, identity);
                e.sizeDelta = int64_t(b.totalSize(j)) - int64_t(a.totalSize(i));
            }
            if (order <= 0)
                i = skipWhiteouts(a, i + 1, ca.last);
            if (order >= 0)
                j = skipWhiteouts(b, j + 1, cb.last);
            entries.push_back(e);
        }
        entries[at].firstChild = first;
        entries[at].childCount = uint32_t(entries.size()) - first;
    }
    diff.recount();
    return diff;
}

void TreeDiff::recount()
{
    m_counts = {};
    for (DiffEntry &e : m_entries)
        e.changedBelow = 0;
    for (uint32_t i = entryCount(); i-- > 1;) {
        const DiffEntry &e = m_entries[i];
        const bool changed = e.status != DiffStatus::Unchanged;
        m_entries[e.parent].changedBelow += e.changedBelow + (changed ? 1 : 0);
        switch (e.status) {
        case DiffStatus::Added:
            ++m_counts.added;
            break;
        case DiffStatus::Removed:
            ++m_counts.removed;
            break;
        case DiffStatus::Changed:
            ++m_counts.changed;
            break;
        case DiffStatus::Unchanged:
            ++m_counts.unchanged;
            break;
        }
        if (e.content == ContentState::Unknown)
            ++m_counts.contentUnknown;
        const int64_t own = ownDelta(i);
        if (own > 0)
            m_counts.bytesAdded += uint64_t(own);
        else
            m_counts.bytesRemoved += uint64_t(-own);
    }
}

std::string_view TreeDiff::name(uint32_t index) const
{
    const DiffEntry &e = m_entries[index];
    return e.inB() ? m_b->name(e.nodeB) : m_a->name(e.nodeA);
}

std::string TreeDiff::path(uint32_t index) const
{
    // An entry sits at the same path as the node it stands for, on either side.
    const DiffEntry &e = m_entries[index];
    return e.inB() ? m_b->path(e.nodeB) : m_a->path(e.nodeA);
}

FileNode TreeDiff::node(uint32_t index) const
{
    const DiffEntry &e = m_entries[index];
    return e.inB() ? m_b->node(e.nodeB) : m_a->node(e.nodeA);
}

FileType TreeDiff::typeA(uint32_t index) const
{
    return m_a->node(m_entries[index].nodeA).type;
}

FileType TreeDiff::typeB(uint32_t index) const
{
    return m_b->node(m_entries[index].nodeB).type;
}

uint64_t TreeDiff::sizeA(uint32_t index) const
{
    const DiffEntry &e = m_entries[index];
    return e.inA() ? m_a->totalSize(e.nodeA) : 0;
}

uint64_t TreeDiff::sizeB(uint32_t index) const
{
    const DiffEntry &e = m_entries[index];
    return e.inB() ? m_b->totalSize(e.nodeB) : 0;
}

bool TreeDiff::isDirectory(uint32_t index) const
{
    const DiffEntry &e = m_entries[index];
    return (!e.inA() || typeA(index) == FileType::Directory) &&
           (!e.inB() || typeB(index) == FileType::Directory);
}

int64_t TreeDiff::ownDelta(uint32_t index) const
{
    const DiffEntry &e = m_entries[index];
    int64_t delta = 0;
    if (e.inB() && m_b->node(e.nodeB).type == FileType::Regular)
        delta += int64_t(m_b->node(e.nodeB).size);
    if (e.inA() && m_a->node(e.nodeA).type == FileType::Regular)
        delta -= int64_t(m_a->node(e.nodeA).size);
    return delta;
}

uint32_t TreeDiff::find(std::string_view path) const
{
    uint32_t at = 0;
    for (std::string_view part : PathComponents(path)) {
        const DiffEntry &dir = m_entries[at];
        uint32_t lo = dir.firstChild, hi = dir.firstChild + dir.childCount;
        while (lo < hi) {
            const uint32_t mid = lo + (hi - lo) / 2;
            if (name(mid) < part)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo == dir.firstChild + dir.childCount || name(lo) != part)
            return kNoNode;
        at = lo;
    }
    return at;
}

std::vector<uint32_t> TreeDiff::changeList() const
{
    std::vector<uint32_t> list;
    std::vector<uint32_t> stack;
    // Depth first, children pushed in reverse: the list comes out in tree order.
    const DiffEntry &root = m_entries[0];
    for (uint32_t c = root.firstChild + root.childCount; c-- > root.firstChild;)
        stack.push_back(c);
    while (!stack.empty()) {
        const uint32_t i = stack.back();
        stack.pop_back();
        const DiffEntry &e = m_entries[i];
        const bool wholeSubtree =
            (e.status == DiffStatus::Added || e.status == DiffStatus::Removed) && e.childCount > 0;
        if (e.status != DiffStatus::Unchanged && !wholeSubtree)
            list.push_back(i);
        if (e.changedBelow == 0)
            continue;
        for (uint32_t c = e.firstChild + e.childCount; c-- > e.firstChild;)
            stack.push_back(c);
    }
    return list;
}

namespace {
// Sorts by delta, keeping the list's order among equal deltas; computes each key once and
// sorts only as far as `limit` reaches.
template <typename Key>
void sortByDelta(std::vector<uint32_t> &list, DeltaOrder order, size_t limit, Key key)
{
    struct Item
    {
        uint64_t magnitude;
        int64_t delta;
        uint32_t position;
        uint32_t entry;
    };
    std::vector<Item> items(list.size());
    for (size_t i = 0; i < list.size(); ++i) {
        const int64_t delta = key(list[i]);
        items[i] = {
            order == DeltaOrder::Magnitude ? (delta < 0 ? uint64_t(-delta) : uint64_t(delta)) : 0,
            delta, uint32_t(i), list[i]};
    }
    // Larger magnitude first, then growth before shrinkage, then the list's order.
    auto before = [](const Item &x, const Item &y) {
        if (x.magnitude != y.magnitude)
            return x.magnitude > y.magnitude;
        if (x.delta != y.delta)
            return x.delta > y.delta;
        return x.position < y.position;
    };
    const size_t keep = std::min(limit, items.size());
    if (keep < items.size())
        std::partial_sort(items.begin(), items.begin() + ptrdiff_t(keep), items.end(), before);
    else
        std::sort(items.begin(), items.end(), before);
    list.resize(keep);
    for (size_t i = 0; i < keep; ++i)
        list[i] = items[i].entry;
}
} // namespace

std::vector<uint32_t> TreeDiff::largestChanges(DeltaOrder order, size_t limit) const
{
    std::vector<uint32_t> list = changeList();
    sortByDelta(list, order, limit, [this](uint32_t i) { return ownDelta(i); });
    return list;
}

std::vector<uint32_t> TreeDiff::childrenByDelta(uint32_t index, DeltaOrder order) const
{
    const DiffEntry &e = m_entries[index];
    std::vector<uint32_t> list(e.childCount);
    for (uint32_t c = 0; c < e.childCount; ++c)
        list[c] = e.firstChild + c;
    sortByDelta(list, order, SIZE_MAX, [this](uint32_t i) { return m_entries[i].sizeDelta; });
    return list;
}

std::vector<uint32_t> TreeDiff::largestDirectories(DeltaOrder order, size_t limit) const
{
    std::vector<uint32_t> list;
    for (uint32_t i = 1; i < entryCount(); ++i) {
        if (m_entries[i].sizeDelta != 0 && isDirectory(i))
            list.push_back(i);
    }
    sortByDelta(list, order, limit, [this](uint32_t i) { return m_entries[i].sizeDelta; });
    return list;
}

std::vector<uint32_t> TreeDiff::contentCandidates() const
{
    std::vector<uint32_t> list;
    for (uint32_t i = 1; i < entryCount(); ++i) {
        if (m_entries[i].content == ContentState::Unknown)
            list.push_back(i);
    }
    return list;
}

std::vector<uint32_t> TreeDiff::applyContent(const std::vector<uint32_t> &entries,
                                             const std::vector<bool> &different)
{
    std::vector<uint32_t> touched;
    for (size_t k = 0; k < entries.size() && k < different.size(); ++k) {
        DiffEntry &e = m_entries[entries[k]];
        if (e.content != ContentState::Unknown)
            continue;
        if (!different[k]) {
            e.content = ContentState::Same;
            continue;
        }
        e.content = ContentState::Different;
        e.changes |= DiffChange::Content;
        if (e.status == DiffStatus::Unchanged) {
            e.status = DiffStatus::Changed;
            for (uint32_t i = entries[k]; i != kNoNode; i = m_entries[i].parent)
                touched.push_back(i);
        } else {
            touched.push_back(entries[k]);
        }
    }
    recount();
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    return touched;
}

QString diffStatusName(DiffStatus status)
{
    switch (status) {
    case DiffStatus::Unchanged:
        return QStringLiteral("unchanged");
    case DiffStatus::Added:
        return QStringLiteral("added");
    case DiffStatus::Removed:
        return QStringLiteral("removed");
    case DiffStatus::Changed:
        return QStringLiteral("changed");
    }
    return {};
}

QStringList diffChangeNames(uint8_t changes)
{
    static const std::pair<uint8_t, const char *> names[] = {
        {DiffChange::Type, "type"},       {DiffChange::Size, "size"},
        {DiffChange::Mode, "mode"},       {DiffChange::Owner, "owner"},
        {DiffChange::LinkTarget, "link"}, {DiffChange::Content, "content"},
    };
    QStringList list;
    for (const auto &[bit, text] : names) {
        if (changes & bit)
            list << QLatin1String(text);
    }
    return list;
}

} // namespace strata

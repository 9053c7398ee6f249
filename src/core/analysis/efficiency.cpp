#include "analysis/efficiency.h"

#include "common/paths.h"
#include "common/saturating.h"

#include <algorithm>
#include <limits>
#include <optional>

namespace strata {

const char *copyFateName(CopyFate fate)
{
    switch (fate) {
    case CopyFate::Survives:
        return "survives";
    case CopyFate::Overwritten:
        return "overwritten";
    case CopyFate::MetadataChanged:
        return "metadata-changed";
    case CopyFate::Deleted:
        return "deleted";
    case CopyFate::HiddenByOpaque:
        return "hidden-by-opaque";
    case CopyFate::Whiteout:
        return "whiteout";
    }
    return "?";
}

std::vector<const InefficientPath *> EfficiencyReport::diveInefficientPaths() const
{
    std::vector<const InefficientPath *> list;
    for (const InefficientPath &p : paths) {
        if (p.diveListed)
            list.push_back(&p);
    }
    return list;
}

namespace {

// A later entry that differs from `copy` only in mode, owner or group. Symlinks and hardlinks
// are left out: their targets live in different string pools and they ship no bytes anyway.
bool onlyMetadataDiffers(const FileNode &copy, const FileNode &later)
{
    if (copy.type != later.type || copy.size != later.size)
        return false;
    if (copy.type == FileType::Symlink || copy.type == FileType::Hardlink)
        return false;
    return copy.mode != later.mode || copy.uid != later.uid || copy.gid != later.gid;
}

struct Fate
{
    CopyFate fate;
    int layer;
};

// The first thing a layer above `below`, up to `top`, does to the copy of `parts` that layer
// `below` holds: write the path again, delete it (or a directory above it), or hide it behind
// an opaque directory. Nothing (nullopt) means the copy is what the filesystem of `top` shows.
std::optional<Fate> fateAbove(LayerList layers, int below, int top,
                              const std::vector<std::string_view> &parts, const FileNode &copy)
{
    for (int m = below + 1; m <= top; ++m) {
        if (!layers[m])
            continue;
        const FileTree &tree = layers[m]->tree;
        bool hidden = tree.node(0).flags & NodeFlag::Opaque;
        bool deleted = false;
        uint32_t node = 0;
        for (size_t k = 0; k < parts.size() && node != kNoNode; ++k) {
            const bool last = k + 1 == parts.size();
            if (tree.child(node, parts[k], true) != kNoNode)
                deleted = true; // the path or a directory above it
            const uint32_t next = tree.child(node, parts[k]);
            if (next != kNoNode && !last) {
                const FileNode &n = tree.node(next);
                if (!n.isDir()) {
                    deleted = true; // a directory above the path became a file
                    node = kNoNode;
                    break;
                }
                if (n.flags & NodeFlag::Opaque)
                    hidden = true;
            }
            node = next;
        }
        if (node != kNoNode) {
            const FileNode &n = tree.node(node);
            const bool implied = n.flags & NodeFlag::Implied;
            if (copy.isDir() && n.isDir()) {
                // A directory listed again keeps what is below it; only new metadata replaces it.
                if (!implied && onlyMetadataDiffers(copy, n))
                    return Fate{CopyFate::MetadataChanged, m};
            } else {
                return Fate{onlyMetadataDiffers(copy, n) ? CopyFate::MetadataChanged
                                                         : CopyFate::Overwritten,
                            m};
            }
        }
        if (deleted)
            return Fate{CopyFate::Deleted, m};
        if (hidden)
            return Fate{CopyFate::HiddenByOpaque, m};
    }
    return std::nullopt;
}

// dive visits each layer's leaves depth first with children sorted by their tar names, so a
// whiteout sorts as ".wh.NAME". The key orders leaves of one layer the way dive meets them.
std::string diveWalkKey(const FileTree &tree, uint32_t node)
{
    std::vector<uint32_t> chain;
    for (uint32_t i = node; i != 0 && i != kNoNode; i = tree.node(i).parent)
        chain.push_back(i);
    std::string key;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        if (!key.empty())
            key += '\0'; // below every byte of a name: "a" before "a-b" before "a/b"
        if (tree.node(*it).isWhiteout())
            key += ".wh.";
        key += tree.name(*it);
    }
    return key;
}

// One leaf of one layer's own tree: what dive visits, and a copy of the path for Strata.
struct Leaf
{
    uint32_t path; // node of the path index
    int layer;
    uint32_t node; // node of that layer's tree
    qint64 diveSize;
    bool survives; // a live entry the top layer's filesystem shows (whiteouts: true)
};

// Every path of every layer once, whiteouts folded onto the path they delete (as dive does),
// with dive's per-path counters.
class PathIndex
{
public:
    uint32_t child(uint32_t parent, uint32_t name)
    {
        uint32_t node = m_trie.child(parent, name);
        if (node == kNoNode) {
            FileNode attrs;
            attrs.name = name;
            node = m_trie.setChild(parent, attrs);
            count.push_back(0);
            cumulative.push_back(0);
            minimum.push_back(0);
            lastLayer.push_back(-1);
            wasDirectory.push_back(0);
        }
        return node;
    }
    StringPool &pool() { return m_trie.pool(); }
    uint32_t size() const { return m_trie.nodeCount(); }

    // Per path (node of the index; 0 is the root, never counted):
    std::vector<int> count{0};            // leaves dive visited
    std::vector<qint64> cumulative{0};    // Σ of the sizes dive counted
    std::vector<qint64> minimum{0};       // the smallest of them
    std::vector<int> lastLayer{-1};       // the last layer with a leaf for it, -1 before any
    std::vector<uint8_t> wasDirectory{0}; // some layer processed so far lists it as a directory

private:
    TreeBuilder m_trie;
};

struct Crossing
{
    int layer;
    std::string key;
    uint32_t path;
};

class Analyzer
{
public:
    Analyzer(const ImageInfo &image, LayerList layers)
        : m_image(image), m_layers(layers), m_top(mergeLayers(layers, int(layers.size()) - 1))
    {
    }

    EfficiencyReport run()
    {
        EfficiencyReport report;
        const int count = int(m_layers.size());
        report.layerCount = count;
        report.layers.resize(size_t(count));
        for (int l = 0; l < count; ++l) {
            qint64 size = 0;
            if (m_layers[l])
                size = m_layers[l]->contentSize;
            else if (l < m_image.layers.size() && m_image.layers.at(l).contentSize >= 0)
                size = m_image.layers.at(l).contentSize;
            report.layers[size_t(l)].sizeBytes = size;
            addSaturating(report.sizeBytes, size);
            if (l > 0)
                addSaturating(report.userSizeBytes, size);
        }
        report.finalBytes = qint64(m_top.totalSize(0));

        for (int l = 0; l < count; ++l) {
            if (m_layers[l])
                indexLayer(l, &report.layers[size_t(l)]);
        }
        diveFigures(&report);
        strataFigures(&report);
        return report;
    }

private:
    void indexLayer(int l, LayerEfficiency *layer)
    {
        const FileTree &tree = m_layers[l]->tree;
        std::vector<uint32_t> nameMap(tree.pool().count(), kNoNode);
        std::vector<uint32_t> at(tree.nodeCount(), kNoNode);    // node -> path index
        std::vector<uint32_t> inTop(tree.nodeCount(), kNoNode); // node -> node of m_top
        at[0] = 0;
        inTop[0] = 0;
        qint64 treeBytes = 0;
        std::vector<std::pair<uint32_t, uint32_t>> crossings; // (path, node) reaching count 2

        for (uint32_t i = 1; i < tree.nodeCount(); ++i) {
            const FileNode &n = tree.node(i);
            uint32_t &name = nameMap[n.name];
            if (name == kNoNode)
                name = m_index.pool().intern(tree.name(i));
            const uint32_t path = m_index.child(at[n.parent], name);
            at[i] = path;
            if (!n.isWhiteout() && inTop[n.parent] != kNoNode)
                inTop[i] = m_top.child(inTop[n.parent], tree.name(i));
            if (n.type == FileType::Regular && !n.isWhiteout())
                addSaturating(treeBytes, qint64(n.size));
            if (n.childCount != 0)
                continue;

            // A leaf: dive counts it.
            qint64 diveSize = 0;
            if (n.isWhiteout()) {
                // dive: a whiteout of a directory weighs what it deletes, of a file nothing.
                if (l > 0 && m_index.wasDirectory[path])
                    diveSize = mergedSubtreeBytes(tree.path(i), l - 1);
            } else if (n.type == FileType::Regular) {
                diveSize = qint64(n.size);
            }
            int &seen = m_index.count[path];
            qint64 &smallest = m_index.minimum[path];
            if (seen == 0 || diveSize < smallest)
                smallest = diveSize;
            addSaturating(m_index.cumulative[path], diveSize);
            if (++seen == 2)
                crossings.emplace_back(path, i);

            const bool survives = n.isWhiteout() || (inTop[i] != kNoNode &&
                                                     m_top.node(inTop[i]).layer == uint16_t(l));
            m_leaves.push_back(Leaf{path, l, i, diveSize, survives});
        }
        for (const auto &[path, node] : crossings)
            m_crossings.push_back(
                Crossing{l, crossingKey(tree, node, m_index.lastLayer[path] < 0), path});
        for (uint32_t i = 1; i < tree.nodeCount(); ++i) {
            const FileNode &n = tree.node(i);
            if (n.childCount == 0)
                m_index.lastLayer[at[i]] = l;
            if (n.isDir() && !(n.flags & NodeFlag::Implied))
                m_index.wasDirectory[at[i]] = 1;
        }
        layer->shadowedBytes = qMax<qint64>(0, m_layers[l]->contentSize - treeBytes);
    }

    // The bytes of the regular files below `dir` in the merged filesystem of layer `top`: every
    // copy below it that no layer up to `top` overwrites, deletes or hides. Cheaper than merging
    // the whole image again when a whiteout deletes a small directory.
    qint64 mergedSubtreeBytes(const std::string &dir, int top) const
    {
        const PathComponents components(dir);
        const std::vector<std::string_view> dirParts(components.begin(), components.end());
        qint64 total = 0;
        std::vector<std::string_view> parts;
        std::vector<std::pair<uint32_t, size_t>> stack; // (node, depth below dir)
        for (int k = 0; k <= top; ++k) {
            if (!m_layers[k])
                continue;
            const FileTree &tree = m_layers[k]->tree;
            const uint32_t root = tree.find(dir);
            if (root == kNoNode || !tree.node(root).isDir())
                continue;
            parts = dirParts;
            stack.assign(1, {root, 0});
            while (!stack.empty()) {
                const auto [node, depth] = stack.back();
                stack.pop_back();
                const FileNode &n = tree.node(node);
                parts.resize(dirParts.size() + depth);
                if (depth > 0)
                    parts.back() = tree.name(node);
                if (n.isWhiteout())
                    continue;
                if (n.type == FileType::Regular && n.size > 0 &&
                    !fateAbove(m_layers, k, top, parts, n))
                    addSaturating(total, qint64(n.size));
                for (uint32_t c = n.firstChild; c < n.firstChild + n.childCount; ++c)
                    stack.emplace_back(c, depth + 1);
            }
        }
        return total;
    }

    // Where dive appends the path to its list: at its second leaf. When this layer holds both
    // a whiteout and an entry for the path, dive meets them in name order, not ours.
    static std::string crossingKey(const FileTree &tree, uint32_t node, bool firstSeenInThisLayer)
    {
        const FileNode &n = tree.node(node);
        std::string key = diveWalkKey(tree, node);
        const uint32_t twin = tree.child(n.parent, tree.name(node), !n.isWhiteout());
        if (twin == kNoNode || tree.node(twin).childCount != 0)
            return key;
        const std::string other = diveWalkKey(tree, twin);
        // Both leaves are in this layer: the second one dive meets makes the count 2 when the
        // path is new here, the first one when a lower layer already had it.
        return firstSeenInThisLayer ? std::max(key, other) : std::min(key, other);
    }

    void diveFigures(EfficiencyReport *report)
    {
        qint64 minimum = 0;
        qint64 cumulative = 0;
        for (uint32_t p = 1; p < m_index.size(); ++p) {
            if (m_index.count[p] == 0)
                continue;
            minimum += m_index.minimum[p];
            cumulative += m_index.cumulative[p];
            if (m_index.count[p] >= 2)
                report->wastedBytes += m_index.cumulative[p];
        }
        report->efficiency = cumulative == 0 ? 1.0 : double(minimum) / double(cumulative);
        // As dive divides: NaN for 0/0, infinity for wasted bytes over empty user layers.
        report->userWastedPercent =
            report->userSizeBytes > 0 ? double(report->wastedBytes) / double(report->userSizeBytes)
            : report->wastedBytes > 0 ? std::numeric_limits<double>::infinity()
                                      : std::numeric_limits<double>::quiet_NaN();
    }

    void strataFigures(EfficiencyReport *report)
    {
        // The paths to list: dive's inefficient ones and those with bytes that do not survive.
        std::vector<uint8_t> listed(m_index.size(), 0);
        for (uint32_t p = 1; p < m_index.size(); ++p)
            listed[p] = m_index.count[p] >= 2;
        for (const Leaf &leaf : m_leaves) {
            if (!leaf.survives && m_layers[leaf.layer]->tree.node(leaf.node).size > 0)
                listed[leaf.path] = 1;
        }
        std::vector<const Leaf *> leaves;
        for (const Leaf &leaf : m_leaves) {
            if (listed[leaf.path])
                leaves.push_back(&leaf);
        }
        std::stable_sort(leaves.begin(), leaves.end(),
                         [](const Leaf *a, const Leaf *b) { return a->path < b->path; });

        std::vector<int> diveRank(m_index.size(), -1);
        std::sort(m_crossings.begin(), m_crossings.end(), [](const Crossing &a, const Crossing &b) {
            return a.layer != b.layer ? a.layer < b.layer : a.key < b.key;
        });
        for (size_t i = 0; i < m_crossings.size(); ++i)
            diveRank[m_crossings[i].path] = int(i);

        std::vector<int> rank; // parallel to report->paths
        for (size_t first = 0; first < leaves.size();) {
            size_t end = first;
            while (end < leaves.size() && leaves[end]->path == leaves[first]->path)
                ++end;
            const uint32_t p = leaves[first]->path;
            InefficientPath path = describe(leaves, first, end, report);
            path.count = m_index.count[p];
            path.cumulativeSize = m_index.cumulative[p];
            path.minSize = m_index.minimum[p];
            path.diveListed = path.count >= 2;
            report->reclaimableBytes += path.reclaimableBytes;
            report->paths.push_back(std::move(path));
            rank.push_back(diveRank[p]);
            first = end;
        }
        for (const LayerEfficiency &layer : report->layers)
            report->reclaimableBytes += layer.shadowedBytes;

        // dive sorts its list by cumulative size with an insertion sort (stable for lists of
        // up to 12 paths) and prints it backwards: largest first, ties latest-listed first.
        std::vector<size_t> order(report->paths.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        const auto &paths = report->paths;
        std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            const InefficientPath &x = paths[a], &y = paths[b];
            if (x.cumulativeSize != y.cumulativeSize)
                return x.cumulativeSize > y.cumulativeSize;
            if (x.diveListed != y.diveListed)
                return x.diveListed;
            if (x.diveListed)
                return rank[a] > rank[b];
            return x.path < y.path;
        });
        std::vector<InefficientPath> sorted;
        sorted.reserve(order.size());
        for (size_t i : order)
            sorted.push_back(std::move(report->paths[i]));
        report->paths = std::move(sorted);
    }

    InefficientPath describe(const std::vector<const Leaf *> &leaves, size_t first, size_t end,
                             EfficiencyReport *report) const
    {
        InefficientPath path;
        {
            const Leaf &leaf = *leaves[first];
            path.path = m_layers[leaf.layer]->tree.path(leaf.node);
        }
        const PathComponents components(path.path);
        const std::vector<std::string_view> parts(components.begin(), components.end());
        for (size_t i = first; i < end; ++i) {
            const Leaf &leaf = *leaves[i];
            const FileNode &n = m_layers[leaf.layer]->tree.node(leaf.node);
            PathCopy copy;
            copy.layer = leaf.layer;
            copy.type = n.type;
            copy.whiteout = n.isWhiteout();
            copy.size = !n.isWhiteout() && n.type == FileType::Regular ? qint64(n.size) : 0;
            copy.diveSize = leaf.diveSize;
            copy.mode = n.mode;
            copy.uid = n.uid;
            copy.gid = n.gid;
            if (copy.whiteout) {
                copy.fate = CopyFate::Whiteout;
            } else if (!leaf.survives || n.isDir()) {
                // Directories: their merged node may name another layer although this entry
                // stays, so ask the layers above directly.
                const std::optional<Fate> fate =
                    fateAbove(m_layers, leaf.layer, int(m_layers.size()) - 1, parts, n);
                if (fate) {
                    copy.fate = fate->fate;
                    copy.fateLayer = fate->layer;
                } else if (!leaf.survives && !n.isDir()) {
                    copy.fate = CopyFate::Overwritten; // not expected: the merge hid it somehow
                }
            }
            if (copy.fate != CopyFate::Survives && copy.fate != CopyFate::Whiteout) {
                addSaturating(path.reclaimableBytes, copy.size);
                LayerEfficiency &layer = report->layers[size_t(copy.layer)];
                switch (copy.fate) {
                case CopyFate::Overwritten:
                    addSaturating(layer.overwrittenBytes, copy.size);
                    break;
                case CopyFate::MetadataChanged:
                    addSaturating(layer.metadataChangedBytes, copy.size);
                    break;
                case CopyFate::Deleted:
                    addSaturating(layer.deletedBytes, copy.size);
                    break;
                case CopyFate::HiddenByOpaque:
                    addSaturating(layer.hiddenBytes, copy.size);
                    break;
                default:
                    break;
                }
                if (copy.fateLayer >= 0)
                    addSaturating(report->layers[size_t(copy.fateLayer)].supersedesBytes,
                                  copy.size);
            }
            path.copies.push_back(copy);
        }
        return path;
    }

    const ImageInfo &m_image;
    LayerList m_layers;
    FileTree m_top;
    PathIndex m_index;
    std::vector<Leaf> m_leaves;
    std::vector<Crossing> m_crossings;
};

} // namespace

EfficiencyReport analyzeEfficiency(const ImageInfo &image, LayerList layers)
{
    return Analyzer(image, layers).run();
}

} // namespace strata

#include "report/treereport.h"

#include "common/textescape.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <charconv>

namespace strata {

namespace {
struct Row
{
    std::string path;
    uint32_t node;
};

// Every node except the root, sorted bytewise by full path (not depth first: "a-b" < "a/b").
std::vector<Row> sortedRows(const FileTree &tree, bool includeImplied)
{
    std::vector<Row> rows;
    rows.reserve(tree.nodeCount());
    for (uint32_t i = 1; i < tree.nodeCount(); ++i) {
        if (!includeImplied && (tree.node(i).flags & NodeFlag::Implied))
            continue;
        rows.push_back({tree.path(i), i});
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.path < b.path; });
    return rows;
}

// What `umoci unpack` leaves on disk: a symlink's lstat size is its target's length, a
// hardlink holds its target's bytes as of the layer that made it. `layers` are those of a
// merged tree; for one layer's own tree (no layers), its target in that tree or in `lower`.
uint64_t effectiveSize(const FileTree &tree, uint32_t i, LayerList layers,
                       const FileTree *lower = nullptr)
{
    const FileNode &n = tree.node(i);
    if (n.type == FileType::Symlink)
        return tree.linkTarget(i).size();
    if (n.type == FileType::Hardlink) {
        if (!layers.empty())
            return hardlinkSize(layers, n.layer, tree.linkTarget(i));
        for (const FileTree *t : {&tree, lower}) {
            const uint32_t target = t ? t->find(tree.linkTarget(i)) : kNoNode;
            if (target != kNoNode && t->type(target) == FileType::Regular)
                return t->node(target).size;
        }
        return 0;
    }
    return n.type == FileType::Regular ? n.size : 0;
}

// A name for JSON: the text, and when its bytes are not UTF-8 (which the text then cannot
// tell apart) the bytes too, as hex.
void addName(QJsonObject &o, const QString &key, std::string_view bytes)
{
    o[key] = QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
    if (!isValidUtf8(bytes))
        o[key + QStringLiteral("Hex")] =
            QString::fromLatin1(QByteArray(bytes.data(), qsizetype(bytes.size())).toHex());
}

uint32_t effectiveMode(const FileNode &n)
{
    // Linux gives every symlink 0777 whatever the tar header says.
    return n.type == FileType::Symlink ? 0777 : n.mode;
}

void appendTsvRow(QByteArray &out, const std::string &path, const FileTree &tree, uint32_t i,
                  uint64_t size, int layer = -1)
{
    const FileNode &n = tree.node(i);
    appendEscaped(out, path);
    out.append('\t');
    out.append(fileTypeLetter(n.type));
    out.append('\t');
    out.append(QByteArray::number(qulonglong(size)));
    out.append('\t');
    out.append(QByteArray::number(effectiveMode(n), 8));
    out.append('\t');
    appendEscaped(out, tree.linkTarget(i));
    out.append('\t');
    out.append(QByteArray::number(layer >= 0 ? layer : int(n.layer)));
}

QJsonObject jsonEntry(const std::string &path, const FileTree &tree, uint32_t i, uint64_t size)
{
    const FileNode &n = tree.node(i);
    QJsonObject o;
    addName(o, QStringLiteral("path"), path);
    o[QStringLiteral("type")] = QString(QLatin1Char(fileTypeLetter(n.type)));
    o[QStringLiteral("size")] = qint64(size);
    o[QStringLiteral("mode")] = QString::number(effectiveMode(n), 8);
    o[QStringLiteral("uid")] = qint64(n.uid);
    o[QStringLiteral("gid")] = qint64(n.gid);
    o[QStringLiteral("mtime")] = qint64(n.mtime);
    if (n.link)
        addName(o, QStringLiteral("link"), tree.linkTarget(i));
    o[QStringLiteral("layer")] = int(n.layer);
    return o;
}

// For each node of `layer`, the node of the same path in `lower` (or kNoNode).
std::vector<uint32_t> matchLower(const FileTree &layer, const FileTree *lower)
{
    std::vector<uint32_t> below(layer.nodeCount(), kNoNode);
    if (!lower)
        return below;
    below[0] = 0;
    for (uint32_t i = 1; i < layer.nodeCount(); ++i) {
        const uint32_t parent = below[layer.node(i).parent];
        // For a whiteout, the entry below is what it deletes.
        if (parent != kNoNode)
            below[i] = lower->child(parent, layer.name(i));
    }
    return below;
}
// The changed entries of a range diff, sorted bytewise by path, with the tree and node that
// describe each (A's for a deletion, B's otherwise) and its change.
struct RangeRow
{
    std::string path;
    const FileTree *tree;
    uint32_t node;
    ChangeKind change;
};

std::vector<RangeRow> rangeRows(const TreeDiff &diff)
{
    std::vector<RangeRow> rows;
    for (uint32_t i = 1; i < diff.entryCount(); ++i) {
        const DiffEntry &e = diff.entry(i);
        if (e.status == DiffStatus::Unchanged)
            continue;
        const bool removed = e.status == DiffStatus::Removed;
        rows.push_back({diff.path(i), removed ? &diff.treeA() : &diff.treeB(),
                        removed ? e.nodeA : e.nodeB,
                        removed                         ? ChangeKind::Deleted
                        : e.status == DiffStatus::Added ? ChangeKind::Added
                                                        : ChangeKind::Modified});
    }
    std::sort(rows.begin(), rows.end(),
              [](const RangeRow &a, const RangeRow &b) { return a.path < b.path; });
    return rows;
}

} // namespace

QByteArray rangeChangesTsv(const TreeDiff &diff, LayerList layers)
{
    QByteArray out;
    for (const RangeRow &row : rangeRows(diff)) {
        appendTsvRow(out, row.path, *row.tree, row.node,
                     effectiveSize(*row.tree, row.node, layers));
        out.append('\t');
        out.append(changeKindName(row.change).toLatin1());
        out.append('\n');
    }
    return out;
}

QByteArray rangeChangesJson(const TreeDiff &diff, LayerList layers, int since, int top)
{
    QJsonArray entries;
    for (const RangeRow &row : rangeRows(diff)) {
        QJsonObject o =
            jsonEntry(row.path, *row.tree, row.node, effectiveSize(*row.tree, row.node, layers));
        o[QStringLiteral("change")] = changeKindName(row.change);
        entries.append(o);
    }
    QJsonObject root;
    root[QStringLiteral("since")] = since;
    root[QStringLiteral("layer")] = top;
    root[QStringLiteral("entries")] = entries;
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString changeKindName(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::Unchanged:
        return QStringLiteral("unchanged");
    case ChangeKind::Added:
        return QStringLiteral("added");
    case ChangeKind::Modified:
        return QStringLiteral("modified");
    case ChangeKind::Deleted:
        return QStringLiteral("deleted");
    }
    return {};
}

QByteArray mergedTreeTsv(const FileTree &merged, LayerList layers)
{
    QByteArray out;
    for (const Row &row : sortedRows(merged, true)) {
        appendTsvRow(out, row.path, merged, row.node, effectiveSize(merged, row.node, layers));
        out.append('\n');
    }
    return out;
}

void writeMergedTreeTsv(LayerList layers, int top,
                        const std::function<void(std::string_view)> &write)
{
    constexpr size_t chunk = size_t(64) << 10;
    std::string out;
    out.reserve(chunk + 4096);
    char number[32];
    auto appendNumber = [&](uint64_t value, int base) {
        const auto end = std::to_chars(number, number + sizeof number, value, base).ptr;
        out.append(number, size_t(end - number));
    };
    visitMergedTree(layers, top, [&](std::string_view path, const MergedEntry &entry) {
        const FileNode &n = entry.attrs();
        const std::string_view link = entry.tree->linkTarget(entry.node);
        uint64_t size = n.type == FileType::Regular ? n.size : 0;
        if (n.type == FileType::Symlink)
            size = link.size(); // what lstat reports for a symlink
        else if (n.type == FileType::Hardlink)
            size = hardlinkSize(layers, entry.layer, link);
        appendEscaped(out, path);
        out += '\t';
        out += fileTypeLetter(n.type);
        out += '\t';
        appendNumber(size, 10);
        out += '\t';
        appendNumber(effectiveMode(n), 8);
        out += '\t';
        appendEscaped(out, link);
        out += '\t';
        appendNumber(entry.layer, 10);
        out += '\n';
        if (out.size() >= chunk) {
            write(out);
            out.clear();
        }
    });
    if (!out.empty())
        write(out);
}

QByteArray mergedTreeJson(const FileTree &merged, LayerList layers, int top)
{
    QJsonArray entries;
    for (const Row &row : sortedRows(merged, true)) {
        QJsonObject o =
            jsonEntry(row.path, merged, row.node, effectiveSize(merged, row.node, layers));
        QJsonArray shadows;
        for (const PathOccurrence &occ : pathOccurrences(layers, top, row.path)) {
            if (!occ.visible && !occ.whiteout && occ.layer != int(merged.node(row.node).layer))
                shadows.append(occ.layer);
        }
        o[QStringLiteral("shadows")] = shadows;
        entries.append(o);
    }
    return QJsonDocument(entries).toJson(QJsonDocument::Indented);
}

QByteArray layerChangesTsv(const FileTree &layer, int index, const FileTree *lower)
{
    const std::vector<ChangeKind> kinds = classifyLayerChanges(layer, lower);
    const std::vector<uint32_t> below = matchLower(layer, lower);
    QByteArray out;
    for (const Row &row : sortedRows(layer, false)) {
        const FileNode &n = layer.node(row.node);
        if (n.isWhiteout() && below[row.node] != kNoNode) {
            appendTsvRow(out, row.path, *lower, below[row.node],
                         effectiveSize(*lower, below[row.node], {}));
        } else if (n.isWhiteout()) {
            appendEscaped(out, row.path);
            out.append("\t-\t0\t0\t\t");
            out.append(QByteArray::number(index));
        } else {
            appendTsvRow(out, row.path, layer, row.node, effectiveSize(layer, row.node, {}, lower),
                         index);
        }
        out.append('\t');
        out.append(changeKindName(kinds[row.node]).toLatin1());
        out.append('\n');
    }
    return out;
}

QByteArray layerChangesJson(const FileTree &layer, int index, const FileTree *lower)
{
    const std::vector<ChangeKind> kinds = classifyLayerChanges(layer, lower);
    const std::vector<uint32_t> below = matchLower(layer, lower);
    QJsonArray entries;
    for (const Row &row : sortedRows(layer, false)) {
        const FileNode &n = layer.node(row.node);
        QJsonObject o =
            n.isWhiteout() && below[row.node] != kNoNode
                ? jsonEntry(row.path, *lower, below[row.node],
                            effectiveSize(*lower, below[row.node], {}))
                : jsonEntry(row.path, layer, row.node, effectiveSize(layer, row.node, {}, lower));
        if (n.isWhiteout() && below[row.node] == kNoNode)
            o[QStringLiteral("type")] = QStringLiteral("-");
        if (!n.isWhiteout())
            o[QStringLiteral("layer")] = index;
        o[QStringLiteral("change")] = changeKindName(kinds[row.node]);
        if (n.flags & NodeFlag::Opaque)
            o[QStringLiteral("opaque")] = true;
        entries.append(o);
    }
    return QJsonDocument(entries).toJson(QJsonDocument::Indented);
}

} // namespace strata

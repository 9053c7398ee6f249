#include "report/diffreport.h"
#include "report/packagesreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace strata {

namespace {
QJsonObject sideJson(const DiffSide &side, const SideSummary &summary)
{
    const ImageInfo &info = side.info();
    QJsonObject o;
    o[QStringLiteral("archive")] = side.source->location();
    o[QStringLiteral("names")] = QJsonArray::fromStringList(info.names);
    o[QStringLiteral("id")] = info.id;
    o[QStringLiteral("layer")] = side.topLayer();
    o[QStringLiteral("totalSize")] = summary.totalSize;
    o[QStringLiteral("layerCount")] = summary.layerCount;
    o[QStringLiteral("fileCount")] = summary.fileCount;
    o[QStringLiteral("entryCount")] = summary.entryCount;
    o[QStringLiteral("mergedSize")] = summary.mergedSize;
    return o;
}

QJsonArray layersJson(const DiffSide &side, int count, const std::vector<int> &sameContent,
                      int shared)
{
    QJsonArray list;
    for (int i = 0; i < count; ++i) {
        const LayerInfo &layer = side.info().layers[i];
        QJsonObject o;
        o[QStringLiteral("index")] = i;
        o[QStringLiteral("diffId")] = layer.diffId;
        o[QStringLiteral("chainId")] = layer.chainId;
        const LayerTree *tree =
            size_t(i) < side.layers.size() ? side.layers[size_t(i)].get() : nullptr;
        o[QStringLiteral("contentSize")] = tree ? tree->contentSize : layer.contentSize;
        o[QStringLiteral("shared")] = i < shared;
        o[QStringLiteral("sameContentAs")] = sameContent[size_t(i)];
        list.append(o);
    }
    return list;
}

QJsonValue stepJson(const DiffSide &side, int index)
{
    if (index < 0)
        return QJsonValue::Null;
    const HistoryEntry &step = side.info().history[index];
    QJsonObject o;
    o[QStringLiteral("index")] = index;
    o[QStringLiteral("createdBy")] = step.createdBy;
    o[QStringLiteral("instruction")] = step.instruction;
    o[QStringLiteral("emptyLayer")] = step.emptyLayer;
    return o;
}

QJsonValue nodeJson(const FileTree &tree, uint32_t node)
{
    if (node == kNoNode)
        return QJsonValue::Null;
    const FileNode &n = tree.node(node);
    QJsonObject o;
    o[QStringLiteral("type")] = QString(QLatin1Char(fileTypeLetter(n.type)));
    o[QStringLiteral("size")] = qint64(tree.totalSize(node));
    o[QStringLiteral("mode")] = QString::number(n.mode, 8);
    o[QStringLiteral("uid")] = qint64(n.uid);
    o[QStringLiteral("gid")] = qint64(n.gid);
    if (n.type == FileType::Symlink || n.type == FileType::Hardlink)
        o[QStringLiteral("link")] = QString::fromUtf8(tree.linkTarget(node).data(),
                                                      qsizetype(tree.linkTarget(node).size()));
    o[QStringLiteral("layer")] = int(n.layer);
    return o;
}

QString contentStateName(ContentState state)
{
    switch (state) {
    case ContentState::NotApplicable:
        return {};
    case ContentState::Unknown:
        return QStringLiteral("unknown");
    case ContentState::Same:
        return QStringLiteral("same");
    case ContentState::Different:
        return QStringLiteral("different");
    }
    return {};
}

QJsonObject entryJson(const TreeDiff &files, uint32_t index)
{
    const DiffEntry &e = files.entry(index);
    QJsonObject o;
    o[QStringLiteral("path")] = QString::fromStdString(files.path(index));
    o[QStringLiteral("status")] = diffStatusName(e.status);
    o[QStringLiteral("changes")] = QJsonArray::fromStringList(diffChangeNames(e.changes));
    o[QStringLiteral("delta")] = qint64(files.ownDelta(index));
    o[QStringLiteral("totalDelta")] = qint64(e.sizeDelta);
    if (e.content != ContentState::NotApplicable)
        o[QStringLiteral("content")] = contentStateName(e.content);
    o[QStringLiteral("a")] = nodeJson(files.treeA(), e.nodeA);
    o[QStringLiteral("b")] = nodeJson(files.treeB(), e.nodeB);
    return o;
}
} // namespace

QByteArray diffJson(const ImageComparison &c)
{
    QJsonObject root;
    root[QStringLiteral("a")] = sideJson(c.a, c.summary.a);
    root[QStringLiteral("b")] = sideJson(c.b, c.summary.b);

    QJsonObject summary;
    summary[QStringLiteral("sizeDelta")] = c.summary.sizeDelta();
    double percent = 0;
    summary[QStringLiteral("sizeDeltaPercent")] =
        c.summary.sizeDeltaPercent(&percent) ? QJsonValue(percent) : QJsonValue(QJsonValue::Null);
    summary[QStringLiteral("layerDelta")] = c.summary.b.layerCount - c.summary.a.layerCount;
    summary[QStringLiteral("fileDelta")] = c.summary.b.fileCount - c.summary.a.fileCount;
    root[QStringLiteral("summary")] = summary;

    QJsonObject layers;
    layers[QStringLiteral("shared")] = c.layers.shared;
    layers[QStringLiteral("a")] =
        layersJson(c.a, c.layers.countA, c.layers.sameContentA, c.layers.shared);
    layers[QStringLiteral("b")] =
        layersJson(c.b, c.layers.countB, c.layers.sameContentB, c.layers.shared);
    root[QStringLiteral("layers")] = layers;

    QJsonArray config;
    for (const ConfigDiffRow &row : c.config.rows) {
        QJsonObject o;
        o[QStringLiteral("field")] = row.field;
        if (!row.key.isEmpty())
            o[QStringLiteral("key")] = row.key;
        o[QStringLiteral("a")] = row.inA ? QJsonValue(row.a) : QJsonValue(QJsonValue::Null);
        o[QStringLiteral("b")] = row.inB ? QJsonValue(row.b) : QJsonValue(QJsonValue::Null);
        o[QStringLiteral("equal")] = row.equal();
        config.append(o);
    }
    root[QStringLiteral("config")] = QJsonObject{
        {QStringLiteral("differences"), c.config.differences()}, {QStringLiteral("rows"), config}};

    QJsonArray steps;
    for (const HistoryDiffRow &row : c.history.rows) {
        steps.append(QJsonObject{{QStringLiteral("kind"), historyRowKindName(row.kind)},
                                 {QStringLiteral("a"), stepJson(c.a, row.a)},
                                 {QStringLiteral("b"), stepJson(c.b, row.b)}});
    }
    root[QStringLiteral("history")] = QJsonObject{
        {QStringLiteral("same"), c.history.same},
        {QStringLiteral("changed"), c.history.changed},
        {QStringLiteral("removed"), c.history.removed},
        {QStringLiteral("inserted"), c.history.inserted},
        {QStringLiteral("steps"), steps},
    };

    const TreeDiff &f = c.files;
    const DiffCounts &counts = f.counts();
    QJsonArray changes;
    for (uint32_t i : f.largestChanges(DeltaOrder::Magnitude))
        changes.append(entryJson(f, i));
    QJsonArray directories;
    for (uint32_t i : f.largestDirectories(DeltaOrder::Magnitude, SIZE_MAX)) {
        directories.append(
            QJsonObject{{QStringLiteral("path"), QString::fromStdString(f.path(i))},
                        {QStringLiteral("totalDelta"), qint64(f.entry(i).sizeDelta)}});
    }
    root[QStringLiteral("files")] = QJsonObject{
        {QStringLiteral("added"), qint64(counts.added)},
        {QStringLiteral("removed"), qint64(counts.removed)},
        {QStringLiteral("changed"), qint64(counts.changed)},
        {QStringLiteral("unchanged"), qint64(counts.unchanged)},
        {QStringLiteral("contentUnknown"), qint64(counts.contentUnknown)},
        {QStringLiteral("bytesAdded"), qint64(counts.bytesAdded)},
        {QStringLiteral("bytesRemoved"), qint64(counts.bytesRemoved)},
        {QStringLiteral("changes"), changes},
        {QStringLiteral("directories"), directories},
    };
    if (c.packages)
        root[QStringLiteral("packages")] = packageChangesJson(*c.packages);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace strata

#include "report/imagereport.h"

#include "analysis/layerreuse.h"
#include "archive/imagearchive.h"
#include "common/datasize.h"
#include "common/textescape.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace strata {

namespace {
QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

const LayerTree *loaded(const std::vector<std::shared_ptr<const LayerTree>> &layers, qsizetype i)
{
    return size_t(i) < layers.size() ? layers[size_t(i)].get() : nullptr;
}
} // namespace

QByteArray inspectJson(const ImageSource &source, int index,
                       const std::vector<std::shared_ptr<const LayerTree>> &layers)
{
    const ImageInfo &image = source.images().at(size_t(index));
    QJsonObject o;
    o[QStringLiteral("archive")] = source.location();
    const auto *archive = dynamic_cast<const ImageArchive *>(&source);
    o[QStringLiteral("format")] =
        archive ? archiveFormatName(archive->format()) : source.description();
    if (archive && !archive->outerCompression().isEmpty())
        o[QStringLiteral("archiveCompression")] = archive->outerCompression();
    o[QStringLiteral("names")] = toArray(image.names);
    o[QStringLiteral("id")] = image.id;
    if (!image.manifestDigest.isEmpty())
        o[QStringLiteral("manifestDigest")] = image.manifestDigest;
    o[QStringLiteral("created")] = image.created;
    o[QStringLiteral("author")] = image.author;
    o[QStringLiteral("os")] = image.platform.os;
    o[QStringLiteral("architecture")] = image.platform.architecture;
    if (!image.platform.variant.isEmpty())
        o[QStringLiteral("variant")] = image.platform.variant;
    if (!image.platform.osVersion.isEmpty())
        o[QStringLiteral("osVersion")] = image.platform.osVersion;

    QJsonObject config;
    config[QStringLiteral("Env")] = toArray(image.config.env);
    config[QStringLiteral("Cmd")] = toArray(image.config.cmd);
    config[QStringLiteral("Entrypoint")] = toArray(image.config.entrypoint);
    config[QStringLiteral("WorkingDir")] = image.config.workingDir;
    config[QStringLiteral("User")] = image.config.user;
    config[QStringLiteral("ExposedPorts")] = toArray(image.config.exposedPorts);
    QJsonObject labels;
    for (const auto &[key, value] : image.config.labels)
        labels[key] = value;
    config[QStringLiteral("Labels")] = labels;
    config[QStringLiteral("StopSignal")] = image.config.stopSignal;
    o[QStringLiteral("config")] = config;

    QJsonArray layerArray;
    for (qsizetype i = 0; i < image.layers.size(); ++i) {
        const LayerInfo &layer = image.layers[i];
        QJsonObject l;
        l[QStringLiteral("index")] = int(i);
        l[QStringLiteral("diffId")] = layer.diffId;
        l[QStringLiteral("chainId")] = layer.chainId;
        l[QStringLiteral("blobDigest")] = layer.blobDigest;
        l[QStringLiteral("mediaType")] = layer.mediaType;
        l[QStringLiteral("member")] = layer.member;
        l[QStringLiteral("compressedSize")] = layer.blobSize;
        if (const LayerTree *tree = loaded(layers, i)) {
            l[QStringLiteral("compression")] = tree->compression;
            l[QStringLiteral("uncompressedSize")] = tree->tarSize;
            l[QStringLiteral("contentSize")] = tree->contentSize;
            l[QStringLiteral("fileCount")] = tree->fileCount;
            l[QStringLiteral("entryCount")] = tree->entryCount;
            if (!tree->rejected.isEmpty())
                l[QStringLiteral("rejectedPaths")] = toArray(tree->rejected);
            if (tree->error)
                l[QStringLiteral("error")] = tree->error.toString();
        }
        l[QStringLiteral("historyIndex")] = layer.historyIndex;
        if (layer.readWrite)
            l[QStringLiteral("readWrite")] = true;
        layerArray.append(l);
    }
    o[QStringLiteral("layers")] = layerArray;

    QJsonArray history;
    for (const HistoryEntry &step : image.history) {
        QJsonObject h;
        h[QStringLiteral("created")] = step.created;
        h[QStringLiteral("createdBy")] = step.createdBy;
        h[QStringLiteral("createdByRaw")] = step.createdByRaw;
        h[QStringLiteral("instruction")] = step.instruction;
        h[QStringLiteral("comment")] = step.comment;
        h[QStringLiteral("emptyLayer")] = step.emptyLayer;
        h[QStringLiteral("buildkit")] = step.buildkit;
        h[QStringLiteral("layer")] = step.layer;
        history.append(h);
    }
    o[QStringLiteral("history")] = history;
    if (image.container) {
        const ContainerInfo &c = *image.container;
        QJsonObject container{{QStringLiteral("id"), c.id},
                              {QStringLiteral("name"), c.name},
                              {QStringLiteral("state"), c.state},
                              {QStringLiteral("sizeRw"), c.sizeRw},
                              {QStringLiteral("sizeRootFs"), c.sizeRootFs}};
        o[QStringLiteral("container")] = container;
    }
    if (!image.warnings.isEmpty())
        o[QStringLiteral("warnings")] = toArray(image.warnings);
    QJsonArray problems;
    for (const Error &problem : image.problems)
        problems.append(problem.toString());
    if (!problems.isEmpty())
        o[QStringLiteral("problems")] = problems;
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QByteArray inspectText(const ImageSource &source, int index,
                       const std::vector<std::shared_ptr<const LayerTree>> &layers)
{
    const ImageInfo &image = source.images().at(size_t(index));
    QString text;
    QTextStream out(&text);
    const auto e = [](const QString &text) { return escapeText(text); };
    out << "Archive:       " << e(source.location()) << '\n';
    out << "Format:        " << source.description() << '\n';
    out << "Names:         "
        << (image.names.isEmpty() ? QStringLiteral("<none>")
                                  : e(image.names.join(QStringLiteral(", "))))
        << '\n';
    out << "Image ID:      " << e(image.id) << '\n';
    out << "Created:       " << e(image.created) << '\n';
    out << "Platform:      " << e(image.platform.toString()) << '\n';
    const ImageConfig &c = image.config;
    if (!c.entrypoint.isEmpty())
        out << "Entrypoint:    " << e(c.entrypoint.join(QLatin1Char(' '))) << '\n';
    if (!c.cmd.isEmpty())
        out << "Cmd:           " << e(c.cmd.join(QLatin1Char(' '))) << '\n';
    if (!c.workingDir.isEmpty())
        out << "WorkingDir:    " << e(c.workingDir) << '\n';
    if (!c.user.isEmpty())
        out << "User:          " << e(c.user) << '\n';
    if (!c.exposedPorts.isEmpty())
        out << "ExposedPorts:  " << e(c.exposedPorts.join(QLatin1Char(' '))) << '\n';
    if (!c.stopSignal.isEmpty())
        out << "StopSignal:    " << e(c.stopSignal) << '\n';
    for (const QString &env : c.env)
        out << "Env:           " << e(env) << '\n';
    for (const auto &[key, value] : c.labels)
        out << "Label:         " << e(key) << '=' << e(value) << '\n';
    if (image.container) {
        const ContainerInfo &container = *image.container;
        out << "Container:     " << e(container.name) << " (" << e(container.state) << "), "
            << container.id << '\n';
        out << "Size:          " << formatDataSize(container.sizeRw, SizePrecision::ThreeDigits)
            << " (virtual " << formatDataSize(container.sizeRootFs, SizePrecision::ThreeDigits)
            << "), as the engine measures it\n";
    }
    out << "Layers:        " << image.layers.size() << '\n';
    for (qsizetype i = 0; i < image.layers.size(); ++i) {
        const LayerInfo &layer = image.layers[i];
        if (layer.readWrite) {
            out << "  [" << i << "] the container's read-write layer";
            if (const LayerTree *tree = loaded(layers, i))
                out << ": " << formatDataSize(tree->contentSize, SizePrecision::ThreeDigits)
                    << " in " << tree->fileCount << " files, " << tree->entryCount << " changes";
            out << '\n';
            continue;
        }
        out << "  [" << i << "] "
            << (layer.diffId.isEmpty() ? QStringLiteral("<unknown diff_id>") : e(layer.diffId))
            << '\n';
        out << "      blob " << e(layer.blobDigest) << "  "
            << formatDataSize(layer.blobSize, SizePrecision::ThreeDigits);
        if (const LayerTree *tree = loaded(layers, i)) {
            out << "  " << tree->compression << ", "
                << formatDataSize(tree->contentSize, SizePrecision::ThreeDigits) << " in "
                << tree->fileCount << " files";
            if (tree->error)
                out << "\n      error: " << e(tree->error.toString());
        }
        out << '\n';
    }
    for (const QString &warning : image.warnings)
        out << "Warning:       " << e(warning) << '\n';
    for (const Error &problem : image.problems)
        out << "Problem:       " << e(problem.message) << '\n';
    out.flush();
    return text.toUtf8();
}

QByteArray historyText(const ImageInfo &image,
                       const std::vector<std::shared_ptr<const LayerTree>> &layers)
{
    QString text;
    QTextStream out(&text);
    out << "LAYER\tCREATED\tSIZE\tCREATED BY\tCOMMENT\n";
    for (qsizetype i = image.history.size(); i-- > 0;) {
        const HistoryEntry &step = image.history[i];
        const bool made = !step.emptyLayer && step.layer >= 0;
        qint64 size = 0;
        if (made) {
            if (const LayerTree *tree = loaded(layers, step.layer))
                size = dockerLayerSize(*tree);
        }
        out << (made ? QString::number(step.layer) : QStringLiteral("-")) << '\t'
            << escapeText(step.created) << '\t' << formatDataSize(size, SizePrecision::ThreeDigits)
            << '\t' << escapeText(step.createdBy)
            << (step.buildkit ? QStringLiteral(" # buildkit") : QString()) << '\t'
            << escapeText(step.comment) << '\n';
    }
    out.flush();
    return text.toUtf8();
}

} // namespace strata

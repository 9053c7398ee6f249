#include "report/efficiencyreport.h"

#include "common/datasize.h"
#include "common/textescape.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

#include <cmath>

namespace strata {

namespace {

QString slashed(const std::string &path)
{
    return QLatin1Char('/') + QString::fromUtf8(path.data(), qsizetype(path.size()));
}

QString percent(double ratio)
{
    return std::isfinite(ratio) ? QString::number(ratio * 100, 'f', 2) + QStringLiteral(" %")
                                : QStringLiteral("n/a");
}

QString bytesWithUnit(qint64 bytes)
{
    return QStringLiteral("%1 bytes (%2)")
        .arg(bytes)
        .arg(formatDataSize(bytes, SizePrecision::ThreeDigits));
}

// `text` left-aligned in `width` columns, then two spaces.
QString cell(const QString &text, int width)
{
    return text.leftJustified(width) + QStringLiteral("  ");
}

QString fateText(const PathCopy &copy)
{
    switch (copy.fate) {
    case CopyFate::Survives:
        return QStringLiteral("survives");
    case CopyFate::Overwritten:
        return QStringLiteral("overwritten in layer %1").arg(copy.fateLayer);
    case CopyFate::MetadataChanged:
        return QStringLiteral("copied again in layer %1 only to change mode or owner")
            .arg(copy.fateLayer);
    case CopyFate::Deleted:
        return QStringLiteral("deleted in layer %1").arg(copy.fateLayer);
    case CopyFate::HiddenByOpaque:
        return QStringLiteral("hidden by an opaque directory in layer %1").arg(copy.fateLayer);
    case CopyFate::Whiteout:
        return copy.diveSize > 0
                   ? QStringLiteral("whiteout (deletes a directory of %1)")
                         .arg(formatDataSize(copy.diveSize, SizePrecision::ThreeDigits))
                   : QStringLiteral("whiteout");
    }
    return {};
}

QJsonObject copyJson(const PathCopy &copy)
{
    QJsonObject o;
    o[QStringLiteral("layer")] = copy.layer;
    o[QStringLiteral("type")] = copy.whiteout ? QStringLiteral("whiteout")
                                              : QString(QLatin1Char(fileTypeLetter(copy.type)));
    o[QStringLiteral("size")] = copy.size;
    o[QStringLiteral("diveSize")] = copy.diveSize;
    if (!copy.whiteout) {
        o[QStringLiteral("mode")] = QString::number(copy.mode, 8);
        o[QStringLiteral("uid")] = qint64(copy.uid);
        o[QStringLiteral("gid")] = qint64(copy.gid);
    }
    o[QStringLiteral("fate")] = QLatin1String(copyFateName(copy.fate));
    if (copy.fateLayer >= 0)
        o[QStringLiteral("fateLayer")] = copy.fateLayer;
    return o;
}

QJsonValue ratioJson(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

} // namespace

QByteArray efficiencyText(const ImageInfo &image, const EfficiencyReport &report)
{
    QString text;
    QTextStream out(&text);
    out << "Image:    " << escapeText(image.displayName()) << "  " << escapeText(image.id) << '\n';
    out << "Layers:   " << report.layerCount << "\n\n";
    out << "Efficiency (as dive computes it):\n";
    out << "  efficiency:          " << percent(report.efficiency) << "  ("
        << QString::number(report.efficiency, 'g', QLocale::FloatingPointShortest) << ")\n";
    out << "  size:                " << bytesWithUnit(report.sizeBytes) << '\n';
    out << "  user size:           " << bytesWithUnit(report.userSizeBytes)
        << "  (all layers but the first)\n";
    out << "  wasted bytes:        " << bytesWithUnit(report.wastedBytes)
        << "  (every copy of a path dive lists, the surviving one included)\n";
    out << "  user wasted percent: " << percent(report.userWastedPercent) << '\n';
    out << "\nReclaimable (Strata):\n";
    out << "  reclaimable bytes:   " << bytesWithUnit(report.reclaimableBytes)
        << "  (copies the final filesystem does not show: overwritten, deleted or hidden)\n";
    out << "  final filesystem:    " << bytesWithUnit(report.finalBytes) << '\n';

    out << "\nInefficient paths (largest first; * = in dive's list):\n";
    if (report.paths.empty())
        out << "  (none)\n";
    else
        out << "    COUNT  DIVE SIZE    RECLAIMABLE  PATH\n";
    for (const InefficientPath &path : report.paths) {
        out << (path.diveListed ? "  * " : "    ") << cell(QString::number(path.count), 5)
            << cell(formatDataSize(path.cumulativeSize, SizePrecision::ThreeDigits), 11)
            << cell(formatDataSize(path.reclaimableBytes, SizePrecision::ThreeDigits), 11)
            << escapeText(slashed(path.path)) << '\n';
        for (const PathCopy &copy : path.copies) {
            out << "        layer " << cell(QString::number(copy.layer), 3)
                << cell(formatDataSize(copy.size, SizePrecision::ThreeDigits), 10) << fateText(copy)
                << '\n';
        }
    }

    out << "\nLayers (bytes a later layer made unreachable; REPLACES: bytes of lower layers it "
           "made\n"
           "unreachable):\n";
    out << "  LAYER  SIZE        OVERWRITTEN  CHMOD/CHOWN  DELETED      HIDDEN       REPEATED     "
           "REPLACES\n";
    for (size_t i = 0; i < report.layers.size(); ++i) {
        const LayerEfficiency &l = report.layers[i];
        out << "  " << cell(QString::number(i), 5)
            << cell(formatDataSize(l.sizeBytes, SizePrecision::ThreeDigits), 10);
        for (qint64 v : {l.overwrittenBytes, l.metadataChangedBytes, l.deletedBytes, l.hiddenBytes,
                         l.shadowedBytes})
            out << cell(formatDataSize(v, SizePrecision::ThreeDigits), 11);
        out << formatDataSize(l.supersedesBytes, SizePrecision::ThreeDigits) << '\n';
    }
    out.flush();
    return text.toUtf8();
}

QByteArray efficiencyJson(const ImageInfo &image, const EfficiencyReport &report)
{
    QJsonObject dive; // dive's own key names (dive --json), plus the two figures it prints in --ci
    dive[QStringLiteral("efficiencyScore")] = report.efficiency;
    dive[QStringLiteral("sizeBytes")] = report.sizeBytes;
    dive[QStringLiteral("userSizeBytes")] = report.userSizeBytes;
    dive[QStringLiteral("inefficientBytes")] = report.wastedBytes;
    dive[QStringLiteral("userWastedPercent")] = ratioJson(report.userWastedPercent);
    QJsonArray references;
    for (const InefficientPath *path : report.diveInefficientPaths()) {
        QJsonObject o;
        o[QStringLiteral("count")] = path->count;
        o[QStringLiteral("sizeBytes")] = path->cumulativeSize;
        o[QStringLiteral("file")] = slashed(path->path);
        references.append(o);
    }
    dive[QStringLiteral("fileReference")] = references;

    QJsonArray paths;
    for (const InefficientPath &path : report.paths) {
        QJsonObject o;
        o[QStringLiteral("path")] = slashed(path.path);
        o[QStringLiteral("count")] = path.count;
        o[QStringLiteral("cumulativeSize")] = path.cumulativeSize;
        o[QStringLiteral("minSize")] = path.minSize;
        o[QStringLiteral("diveListed")] = path.diveListed;
        o[QStringLiteral("reclaimableBytes")] = path.reclaimableBytes;
        QJsonArray copies;
        for (const PathCopy &copy : path.copies)
            copies.append(copyJson(copy));
        o[QStringLiteral("copies")] = copies;
        paths.append(o);
    }
    QJsonArray layers;
    for (size_t i = 0; i < report.layers.size(); ++i) {
        const LayerEfficiency &l = report.layers[i];
        QJsonObject o;
        o[QStringLiteral("index")] = int(i);
        o[QStringLiteral("sizeBytes")] = l.sizeBytes;
        o[QStringLiteral("overwrittenBytes")] = l.overwrittenBytes;
        o[QStringLiteral("metadataChangedBytes")] = l.metadataChangedBytes;
        o[QStringLiteral("deletedBytes")] = l.deletedBytes;
        o[QStringLiteral("hiddenBytes")] = l.hiddenBytes;
        o[QStringLiteral("shadowedBytes")] = l.shadowedBytes;
        o[QStringLiteral("wastedBytes")] = l.wastedBytes();
        o[QStringLiteral("supersedesBytes")] = l.supersedesBytes;
        layers.append(o);
    }
    QJsonObject root;
    root[QStringLiteral("image")] = image.displayName();
    root[QStringLiteral("id")] = image.id;
    root[QStringLiteral("layerCount")] = report.layerCount;
    root[QStringLiteral("dive")] = dive;
    root[QStringLiteral("reclaimableBytes")] = report.reclaimableBytes;
    root[QStringLiteral("finalBytes")] = report.finalBytes;
    root[QStringLiteral("paths")] = paths;
    root[QStringLiteral("layers")] = layers;
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray ciText(const ImageInfo &image, const EfficiencyReport &report,
                  const CiEvaluation &evaluation, const QString &configFile)
{
    QString text;
    QTextStream out(&text);
    out << "Image: " << escapeText(image.displayName()) << "  " << escapeText(image.id) << '\n';
    out << "Rules: "
        << (configFile.isEmpty() ? QStringLiteral("defaults and flags") : escapeText(configFile))
        << "\n\n";
    out << "Analysis:\n";
    out << "  efficiency:        " << percent(report.efficiency) << '\n';
    out << "  wastedBytes:       " << report.wastedBytes << " bytes";
    if (report.wastedBytes > 0)
        out << " (" << formatDataSize(report.wastedBytes, SizePrecision::ThreeDigits) << ')';
    out << '\n';
    out << "  userWastedPercent: "
        << (report.wastedBytes > 0 ? percent(report.userWastedPercent) : QStringLiteral("0 %"))
        << '\n';
    out << "  reclaimableBytes:  " << bytesWithUnit(report.reclaimableBytes) << "  (Strata)\n\n";
    const auto inefficient = report.diveInefficientPaths();
    out << "Inefficient Files:";
    if (inefficient.empty()) {
        out << " (None)\n";
    } else {
        out << "\n  Count  Wasted Space  File Path\n";
        for (const InefficientPath *path : inefficient) {
            out << "  " << cell(QString::number(path->count), 5)
                << cell(formatDataSize(path->cumulativeSize, SizePrecision::ThreeDigits), 12)
                << escapeText(slashed(path->path)) << '\n';
        }
    }
    out << "\nEvaluation:\n";
    int passed = 0, failed = 0, skipped = 0;
    for (const CiRuleResult &result : evaluation.results) {
        out << "  " << ciStatusName(result.status) << "  " << result.key << " (" << result.message
            << ")\n";
        for (const CiRuleResult::Detail &detail : result.details) {
            out << "        " << escapeText(detail.text) << '\n';
            if (!detail.fix.isEmpty())
                out << "          fix: " << escapeText(detail.fix) << '\n';
        }
        (result.status == CiStatus::Pass   ? passed
         : result.status == CiStatus::Fail ? failed
                                           : skipped)++;
    }
    out << '\n' << (evaluation.pass() ? "PASS" : "FAIL") << " [";
    QStringList tally;
    if (passed)
        tally << QStringLiteral("pass:%1").arg(passed);
    if (failed)
        tally << QStringLiteral("fail:%1").arg(failed);
    if (skipped)
        tally << QStringLiteral("skip:%1").arg(skipped);
    out << tally.join(QLatin1Char(' ')) << "]\n";
    out.flush();
    return text.toUtf8();
}

} // namespace strata

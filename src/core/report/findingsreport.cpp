#include "report/findingsreport.h"

#include "analysis/findingci.h"
#include "common/datasize.h"
#include "common/textescape.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

#include <algorithm>
#include <map>
#include <span>

namespace strata {

namespace {

// Files the text lists per finding; JSON has every one the finding keeps.
constexpr size_t kTextFiles = 5;

QString size(qint64 bytes)
{
    return formatDataSize(bytes, SizePrecision::ThreeDigits, QLocale::c());
}

QString slashed(const std::string &path)
{
    return QLatin1Char('/') + QString::fromStdString(path);
}

// Bytes by the directory two levels below the root ("/var/cache", "/usr/lib"), largest first.
std::vector<std::pair<QString, qint64>> bytesByDirectory(const FindingsReport &report)
{
    std::map<QString, qint64> bytes;
    for (const Finding &f : report.findings)
        bytes[findingTopDirectory(f)] += f.bytes;
    std::vector<std::pair<QString, qint64>> sorted(bytes.begin(), bytes.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    return sorted;
}

QString headline(const EfficiencyReport &efficiency, const FindingsReport &report)
{
    return QStringLiteral("%1 findings, %2 to save (reclaimable: %3, dive's wasted bytes: %4, "
                          "efficiency %5 %)")
        .arg(report.findings.size())
        .arg(size(report.totalBytes), size(efficiency.reclaimableBytes),
             size(efficiency.wastedBytes), QString::number(efficiency.efficiency * 100, 'f', 2));
}

} // namespace

QByteArray findingsText(const ImageInfo &image, const EfficiencyReport &efficiency,
                        const FindingsReport &report)
{
    QString text;
    QTextStream out(&text);
    out << "Image:    " << escapeText(image.displayName()) << "  " << escapeText(image.id) << '\n';
    out << "Findings: " << headline(efficiency, report) << '\n';
    if (report.firstLayer > 0)
        out << "Left out: layers 0-" << report.firstLayer - 1 << " (the base image)\n";
    if (report.hasRuntime()) {
        out << "Runtime:  /" << escapeText(report.runtime.command) << " and "
            << report.runtime.files.size() - 1
            << " file(s) it loads: " << size(report.runtime.bytes)
            << " (what a multi-stage build would ship)\n";
    }
    // By layer, largest first within each layer; secrets lead their layer.
    std::map<int, std::vector<const Finding *>> byLayer;
    for (const Finding &f : report.findings)
        byLayer[f.layer].push_back(&f);
    for (const auto &[index, findings] : byLayer) {
        out << "\nLayer " << index;
        const QString command = findingStep(image, findings.front()->historyIndex);
        if (!command.isEmpty())
            out << ": " << escapeText(command);
        out << '\n';
        for (const Finding *f : findings) {
            out << "  " << size(f->bytes).rightJustified(9) << "  [" << findingKindName(f->kind)
                << "] " << escapeText(f->what) << ": /" << escapeText(f->directory) << " ("
                << f->fileCount << (f->fileCount == 1 ? " file" : " files") << ")\n";
            const size_t shown = std::min(f->files.size(), kTextFiles);
            for (const FindingFile &file : std::span(f->files).first(shown)) {
                out << "             " << size(file.size).rightJustified(9) << "  "
                    << escapeText(slashed(file.path));
                if (file.tarOffset >= 0)
                    out << "  (tar offset " << file.tarOffset << ")";
                out << '\n';
            }
            if (qint64(shown) < f->fileCount)
                out << "             … " << f->fileCount - qint64(shown) << " more\n";
            out << "             fix: " << escapeText(f->fix) << '\n';
        }
    }
    if (!report.findings.empty()) {
        out << "\nBy directory:\n";
        for (const auto &[dir, bytes] : bytesByDirectory(report))
            out << "  " << size(bytes).rightJustified(9) << "  " << escapeText(dir) << '\n';
    }
    out.flush();
    return text.toUtf8();
}

QByteArray findingsJson(const ImageInfo &image, const EfficiencyReport &efficiency,
                        const FindingsReport &report)
{
    QJsonArray findings;
    for (const Finding &f : report.findings) {
        QJsonObject o;
        o[QStringLiteral("kind")] = QLatin1String(findingKindName(f.kind));
        o[QStringLiteral("what")] = f.what;
        o[QStringLiteral("directory")] = slashed(f.directory);
        o[QStringLiteral("layer")] = f.layer;
        if (f.historyIndex >= 0) {
            o[QStringLiteral("historyIndex")] = f.historyIndex;
            o[QStringLiteral("step")] = findingStep(image, f.historyIndex);
        }
        if (f.laterLayer >= 0)
            o[QStringLiteral("laterLayer")] = f.laterLayer;
        o[QStringLiteral("removedLater")] = f.removedLater;
        o[QStringLiteral("bytes")] = f.bytes;
        o[QStringLiteral("fileCount")] = f.fileCount;
        QJsonArray files;
        for (const FindingFile &file : f.files) {
            QJsonObject fo;
            fo[QStringLiteral("path")] = slashed(file.path);
            fo[QStringLiteral("layer")] = file.layer;
            fo[QStringLiteral("size")] = file.size;
            fo[QStringLiteral("survives")] = file.survives;
            if (file.tarOffset >= 0)
                fo[QStringLiteral("tarOffset")] = file.tarOffset;
            files.append(fo);
        }
        o[QStringLiteral("files")] = files;
        o[QStringLiteral("fix")] = f.fix;
        findings.append(o);
    }
    QJsonObject root;
    root[QStringLiteral("image")] = image.displayName();
    root[QStringLiteral("id")] = image.id;
    root[QStringLiteral("firstLayer")] = report.firstLayer;
    root[QStringLiteral("totalBytes")] = report.totalBytes;
    root[QStringLiteral("reclaimableBytes")] = efficiency.reclaimableBytes;
    root[QStringLiteral("diveWastedBytes")] = efficiency.wastedBytes;
    root[QStringLiteral("diveEfficiency")] = efficiency.efficiency;
    if (!report.runtime.command.empty()) {
        QJsonObject runtime;
        runtime[QStringLiteral("command")] = slashed(report.runtime.command);
        runtime[QStringLiteral("elf")] = report.runtime.elf;
        QJsonArray files, missing;
        for (const std::string &file : report.runtime.files)
            files.append(slashed(file));
        for (const std::string &library : report.runtime.missing)
            missing.append(QString::fromStdString(library));
        runtime[QStringLiteral("files")] = files;
        runtime[QStringLiteral("missing")] = missing;
        runtime[QStringLiteral("bytes")] = report.runtime.bytes;
        root[QStringLiteral("runtime")] = runtime;
    }
    root[QStringLiteral("findings")] = findings;
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray findingsMarkdown(const ImageInfo &image, const EfficiencyReport &efficiency,
                            const FindingsReport &report)
{
    QString text;
    QTextStream out(&text);
    out << "### " << markdownCell(image.displayName()) << ": " << headline(efficiency, report)
        << "\n\n";
    if (report.findings.empty()) {
        out << "Nothing to change.\n";
        out.flush();
        return text.toUtf8();
    }
    out << "| Bytes | Layer | Finding | Where | Step | Fix |\n";
    out << "|------:|------:|---------|-------|------|-----|\n";
    for (const Finding &f : report.findings) {
        out << "| " << size(f.bytes) << " | " << f.layer << " | " << markdownCell(f.what) << " | `"
            << markdownCell(slashed(f.directory)) << "` | "
            << markdownCell(findingStep(image, f.historyIndex)) << " | " << markdownCell(f.fix)
            << " |\n";
    }
    out.flush();
    return text.toUtf8();
}

} // namespace strata

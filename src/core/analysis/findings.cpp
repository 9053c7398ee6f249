#include "analysis/findings.h"

#include "analysis/baseimage.h"
#include "analysis/dockerfile.h"
#include "common/datasize.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

namespace strata {

qint64 FindingsReport::secretCount() const
{
    qint64 count = 0;
    for (const Finding &f : findings) {
        if (f.kind == FindingKind::Secret)
            count += f.fileCount;
    }
    return count;
}

qint64 FindingsReport::bytesOf(FindingKind kind) const
{
    qint64 bytes = 0;
    for (const Finding &f : findings) {
        if (f.kind == kind)
            bytes += f.bytes;
    }
    return bytes;
}

int baseLayerCount(const ImageInfo &image)
{
    const int end = findBaseImage(image).lastStep;
    if (end < 0)
        return 0;
    return std::max(0, image.history.at(end).layer + 1);
}

namespace {

// Rule findings that count even when a later layer removes the files: a cache deleted in the
// next RUN still ships. Toolchains and headers removed later are plain deletions.
bool countsWhenRemoved(FindingKind kind)
{
    return kind == FindingKind::Secret || kind == FindingKind::PackageCache ||
           kind == FindingKind::PythonBytecode || kind == FindingKind::LogsAndTemp;
}

FindingKind kindOfFate(CopyFate fate)
{
    switch (fate) {
    case CopyFate::MetadataChanged:
        return FindingKind::MetadataOnly;
    case CopyFate::Overwritten:
        return FindingKind::WrittenTwice;
    default:
        return FindingKind::DeletedLater;
    }
}

QString whatOfFate(FindingKind kind, int laterLayer)
{
    switch (kind) {
    case FindingKind::MetadataOnly:
        return QCoreApplication::translate("strata::Findings",
                                           "files copied again by a chmod or chown in layer %1")
            .arg(laterLayer);
    case FindingKind::WrittenTwice:
        return QCoreApplication::translate("strata::Findings", "files written again in layer %1")
            .arg(laterLayer);
    default:
        return QCoreApplication::translate("strata::Findings", "files deleted in layer %1")
            .arg(laterLayer);
    }
}

QString fixOfFate(FindingKind kind)
{
    switch (kind) {
    case FindingKind::MetadataOnly:
        return metadataOnlyFix();
    case FindingKind::WrittenTwice:
        return writtenTwiceFix();
    default:
        return deletedLaterFix();
    }
}

// The longest directory every one of `dirs` lies in ("" for the root).
std::string commonDirectory(const std::vector<std::string_view> &dirs)
{
    if (dirs.empty())
        return {};
    std::string_view common = dirs.front();
    for (std::string_view dir : dirs) {
        // Shorten `common` to a whole-component prefix of `dir`.
        while (!(dir.starts_with(common) &&
                 (dir.size() == common.size() || common.empty() || dir[common.size()] == '/'))) {
            const size_t slash = common.rfind('/');
            common = slash == std::string_view::npos ? std::string_view() : common.substr(0, slash);
        }
    }
    return std::string(common);
}

std::string_view parentOf(std::string_view path)
{
    const size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

struct Bucket
{
    Finding finding;
    std::vector<FindingFile> files;
    std::vector<std::string> directories; // one per file, for the common directory
};

QString multiStageNote(const RuntimeFiles &runtime)
{
    const int libraries = int(runtime.files.size()) - 1;
    if (libraries == 0) // a static program
        return QCoreApplication::translate("strata::Findings",
                                           "A multi-stage build would ship about %1 here: /%2, "
                                           "which loads no other file.")
            .arg(formatDataSize(runtime.bytes), QString::fromStdString(runtime.command));
    return QCoreApplication::translate(
               "strata::Findings",
               "A multi-stage build would ship about %1 here: /%2 and the %n file(s) it loads.",
               nullptr, libraries)
        .arg(formatDataSize(runtime.bytes), QString::fromStdString(runtime.command));
}

} // namespace

QString findingTopDirectory(const Finding &finding)
{
    const QStringList parts = QString::fromStdString(finding.directory).split(QLatin1Char('/'));
    return QLatin1Char('/') + parts.mid(0, 2).join(QLatin1Char('/'));
}

QString findingStep(const ImageInfo &image, int historyIndex)
{
    if (historyIndex < 0 || historyIndex >= image.history.size())
        return {};
    return image.history.at(historyIndex).createdBy;
}

FindingsReport analyzeFindings(const ImageInfo &image, LayerList layers,
                               const EfficiencyReport &efficiency, const FindingsOptions &options)
{
    FindingsReport report;
    report.firstLayer = std::max(0, options.firstLayer);
    const int top = int(layers.size()) - 1;
    if (options.readFile)
        report.runtime = findRuntimeFiles(image.config, layers, top, options.readFile);

    // Paths that are not here survive in every layer that has them.
    std::unordered_map<std::string_view, const InefficientPath *> wasted;
    wasted.reserve(efficiency.paths.size());
    for (const InefficientPath &p : efficiency.paths)
        wasted.emplace(p.path, &p);

    using Key = std::tuple<int, FindingKind, QString, int>; // layer, kind, what, later layer
    std::map<Key, Bucket> buckets;
    for (int layer = report.firstLayer; layer <= top; ++layer) {
        if (!layers[size_t(layer)])
            continue;
        const FileTree &tree = layers[size_t(layer)]->tree;
        for (uint32_t i = 1; i < tree.nodeCount(); ++i) {
            const FileNode node = tree.node(i);
            if (node.type != FileType::Regular || node.isWhiteout() || node.size == 0)
                continue;
            const std::string path = tree.path(i);
            CopyFate fate = CopyFate::Survives;
            int fateLayer = -1;
            if (auto it = wasted.find(path); it != wasted.end()) {
                for (const PathCopy &copy : it->second->copies) {
                    if (copy.layer == layer && !copy.whiteout) {
                        fate = copy.fate;
                        fateLayer = copy.fateLayer;
                    }
                }
            }
            const bool survives = fate == CopyFate::Survives;
            const PathRule rule = classifyPath(path);
            Key key;
            QString fix;
            std::string_view directory = parentOf(path);
            if (!rule.what.isEmpty() && (survives ? rule.kind != FindingKind::PythonBytecode
                                                  : countsWhenRemoved(rule.kind))) {
                key = Key{layer, rule.kind, rule.what, fateLayer};
                fix = rule.fix;
                directory = rule.directory == path ? parentOf(path) : rule.directory;
            } else if (!survives) {
                const FindingKind kind = kindOfFate(fate);
                key = Key{layer, kind, whatOfFate(kind, fateLayer), fateLayer};
                fix = fixOfFate(kind);
            } else {
                continue;
            }
            Bucket &bucket = buckets[key];
            Finding &f = bucket.finding;
            if (f.fileCount == 0) {
                f.kind = std::get<1>(key);
                f.what = std::get<2>(key);
                f.fix = fix;
                f.layer = layer;
                f.laterLayer = fateLayer;
                f.removedLater = !survives;
                if (layer < image.layers.size())
                    f.historyIndex = image.layers.at(layer).historyIndex;
            }
            f.bytes += qint64(node.size);
            ++f.fileCount;
            bucket.files.push_back(FindingFile{path, layer, qint64(node.size), -1, survives});
            bucket.directories.emplace_back(directory);
        }
    }

    for (auto &[key, bucket] : buckets) {
        Finding &f = bucket.finding;
        std::vector<std::string_view> dirs(bucket.directories.begin(), bucket.directories.end());
        f.directory = commonDirectory(dirs);
        const size_t keep = std::min(kMaxFindingFiles, bucket.files.size());
        std::partial_sort(bucket.files.begin(), bucket.files.begin() + keep, bucket.files.end(),
                          [](const FindingFile &a, const FindingFile &b) {
                              return a.size != b.size ? a.size > b.size : a.path < b.path;
                          });
        bucket.files.resize(keep);
        f.files = std::move(bucket.files);
        if (f.removedLater && f.kind != FindingKind::DeletedLater &&
            f.kind != FindingKind::MetadataOnly && f.kind != FindingKind::WrittenTwice)
            f.fix = QCoreApplication::translate(
                        "strata::Findings",
                        "Layer %1 removes them, but they still ship in layer %2. %3")
                        .arg(f.laterLayer)
                        .arg(f.layer)
                        .arg(f.fix);
        if ((f.kind == FindingKind::BuildToolchain || f.kind == FindingKind::DevFiles) &&
            report.hasRuntime())
            f.fix += QLatin1Char(' ') + multiStageNote(report.runtime);
        report.totalBytes += f.bytes;
        report.findings.push_back(std::move(f));
    }
    std::stable_sort(report.findings.begin(), report.findings.end(),
                     [](const Finding &a, const Finding &b) {
                         const bool secretA = a.kind == FindingKind::Secret;
                         const bool secretB = b.kind == FindingKind::Secret;
                         if (secretA != secretB)
                             return secretA;
                         return a.bytes > b.bytes;
                     });
    return report;
}

} // namespace strata

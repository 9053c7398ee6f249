#include "analysis/secretscan.h"

#include "source/imagesource.h"
#include "tree/layerreader.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>

namespace strata {

namespace {

// Files larger than this are data, not configuration: not read for credentials.
constexpr qint64 kMaxScannedBytes = qint64(256) * 1024;

// What a distribution installs: packages' files do not hold the user's credentials, and
// reading them all would read most of the image again.
bool isSystemPath(std::string_view path)
{
    static const std::string_view prefixes[] = {"bin/",           "sbin/",
                                                "lib/",           "lib32/",
                                                "lib64/",         "libx32/",
                                                "usr/bin/",       "usr/sbin/",
                                                "usr/lib/",       "usr/lib32/",
                                                "usr/lib64/",     "usr/libexec/",
                                                "usr/share/",     "usr/include/",
                                                "usr/local/lib/", "usr/local/go/",
                                                "var/lib/",       "var/cache/",
                                                "etc/ssl/certs/", "proc/",
                                                "sys/",           "usr/local/rustup/"};
    return std::any_of(std::begin(prefixes), std::end(prefixes),
                       [&](std::string_view prefix) { return path.starts_with(prefix); });
}

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// `prefix` followed by at least `length` token characters.
bool hasToken(QByteArrayView bytes, QByteArrayView prefix, qsizetype length,
              bool upperAndDigitsOnly = false)
{
    for (qsizetype at = bytes.indexOf(prefix); at >= 0; at = bytes.indexOf(prefix, at + 1)) {
        qsizetype n = 0;
        for (qsizetype i = at + prefix.size(); i < bytes.size() && n < length; ++i, ++n) {
            const char c = bytes[i];
            const bool ok = upperAndDigitsOnly ? ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
                                               : isTokenChar(c);
            if (!ok)
                break;
        }
        if (n >= length)
            return true;
    }
    return false;
}

bool hasPemPrivateKey(QByteArrayView bytes)
{
    static const QByteArrayView begin("-----BEGIN ");
    for (qsizetype at = bytes.indexOf(begin); at >= 0; at = bytes.indexOf(begin, at + 1)) {
        const QByteArrayView label = bytes.sliced(
            at + begin.size(), std::min<qsizetype>(40, bytes.size() - at - begin.size()));
        const qsizetype end = label.indexOf("-----");
        if (end >= 0 && label.first(end).endsWith("PRIVATE KEY"))
            return true;
    }
    return false;
}

} // namespace

QString secretInText(QByteArrayView bytes)
{
    auto translated = [](const char *text) {
        return QCoreApplication::translate("strata::Findings", text);
    };
    if (hasPemPrivateKey(bytes))
        return translated(QT_TRANSLATE_NOOP("strata::Findings", "private key (PEM)"));
    if (hasToken(bytes, "AKIA", 16, true))
        return translated(QT_TRANSLATE_NOOP("strata::Findings", "AWS access key ID"));
    if (hasToken(bytes, "ghp_", 36) || hasToken(bytes, "github_pat_", 22))
        return translated(QT_TRANSLATE_NOOP("strata::Findings", "GitHub token"));
    if (hasToken(bytes, "glpat-", 20))
        return translated(QT_TRANSLATE_NOOP("strata::Findings", "GitLab token"));
    if (hasToken(bytes, "xoxb-", 10) || hasToken(bytes, "xoxp-", 10))
        return translated(QT_TRANSLATE_NOOP("strata::Findings", "Slack token"));
    return {};
}

bool scanSecrets(const ImageSource &source, int image, LayerList layers, FindingsReport *report,
                 Error *error, const std::atomic_bool *cancel)
{
    *error = {};
    const int top = int(layers.size()) - 1;
    // The secret files already named, by layer and path.
    std::map<std::pair<int, std::string>, FindingFile *> named;
    for (Finding &f : report->findings) {
        if (f.kind != FindingKind::Secret)
            continue;
        for (FindingFile &file : f.files)
            named[{file.layer, file.path}] = &file;
    }
    std::vector<int> which;
    for (int layer = report->firstLayer; layer <= top; ++layer) {
        if (layers[size_t(layer)])
            which.push_back(layer);
    }
    const ImageInfo &info = source.images().at(size_t(image));
    std::map<std::pair<int, QString>, Finding> found; // by layer and what
    const bool read = source.readLayerBlobs(
        image, which,
        [&](int layer, ByteSource &blob) {
            LayerReader reader(blob, source.location(), info.layers.at(layer).member);
            LayerEntry entry;
            QByteArray data;
            while (reader.next(&entry)) {
                if (cancel && cancel->load()) {
                    *error = Error::make(Error::Kind::Cancelled, source.location(),
                                         QStringLiteral("cancelled"));
                    return false;
                }
                if (entry.type != FileType::Regular || entry.size == 0)
                    continue;
                if (auto it = named.find({layer, entry.path}); it != named.end()) {
                    it->second->tarOffset = entry.headerOffset;
                    continue;
                }
                if (entry.size > kMaxScannedBytes || isSystemPath(entry.path))
                    continue;
                if (!reader.readAll(&data, kMaxScannedBytes))
                    break;
                const QString what = secretInText(data);
                if (what.isEmpty())
                    continue;
                const MergedEntry merged = findMerged(layers, top, entry.path);
                Finding &f = found[{layer, what}];
                if (f.fileCount == 0) {
                    f.kind = FindingKind::Secret;
                    f.what = what;
                    f.layer = layer;
                    f.historyIndex = info.layers.at(layer).historyIndex;
                    f.fix = classifyPath(".env").fix; // the secrets' fix
                }
                ++f.fileCount;
                f.bytes += entry.size;
                const bool survives = merged && int(merged.treeLayer) == layer;
                f.removedLater = f.removedLater || !survives;
                if (f.files.size() < kMaxFindingFiles)
                    f.files.push_back(
                        FindingFile{entry.path, layer, entry.size, entry.headerOffset, survives});
            }
            if (reader.error() && !error->isError())
                *error = reader.error();
            return !error->isError();
        },
        error);
    for (auto &[key, finding] : found) {
        std::sort(finding.files.begin(), finding.files.end(),
                  [](const FindingFile &a, const FindingFile &b) { return a.path < b.path; });
        const std::string &first = finding.files.front().path;
        finding.directory = first.substr(0, std::min(first.size(), first.rfind('/')));
        report->findings.insert(report->findings.begin(), std::move(finding));
    }
    return read && !error->isError();
}

} // namespace strata

#include "analysis/findingci.h"

#include "common/datasize.h"
#include "common/globmatch.h"

#include <QLocale>

namespace strata {

namespace {

// Details a failing rule lists at most; the rest are counted.
constexpr size_t kMaxDetails = 50;

bool parseBool(const QString &value, bool *on)
{
    const QString v = value.trimmed().toLower();
    if (v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("on") ||
        v == QLatin1String("1")) {
        *on = true;
        return true;
    }
    if (isCiRuleDisabled(v) || v == QLatin1String("no") || v == QLatin1String("0")) {
        *on = false;
        return true;
    }
    return false;
}

QString stepText(const ImageInfo &image, int historyIndex)
{
    QString text = findingStep(image, historyIndex).simplified();
    if (text.size() > 60)
        text = text.left(59) + QChar(0x2026);
    return text;
}

QString layerText(const ImageInfo &image, int layer, int historyIndex)
{
    const QString step = stepText(image, historyIndex);
    return step.isEmpty() ? QStringLiteral("layer %1").arg(layer)
                          : QStringLiteral("layer %1 (%2)").arg(layer).arg(step);
}

void addDetail(CiRuleResult *result, QString text, QString fix)
{
    if (result->details.size() < kMaxDetails)
        result->details.push_back({std::move(text), std::move(fix)});
}

} // namespace

QString findingSummary(const Finding &f, const ImageInfo &image)
{
    QString where = f.files.size() == 1 ? QString::fromStdString(f.files.front().path)
                                        : QString::fromStdString(f.directory);
    QString text = QStringLiteral("%1: /%2, %3, %4")
                       .arg(f.what, where, layerText(image, f.layer, f.historyIndex),
                            formatDataSize(f.bytes, SizePrecision::ThreeDigits, QLocale::c()));
    if (f.fileCount > 1)
        text += QStringLiteral(" in %1 files").arg(f.fileCount);
    if (f.files.size() == 1 && f.files.front().tarOffset >= 0)
        text += QStringLiteral(", tar offset %1").arg(f.files.front().tarOffset);
    if (f.removedLater && f.laterLayer >= 0)
        text += QStringLiteral(" (removed by layer %1, still shipped)").arg(f.laterLayer);
    return text;
}

bool parseFindingRules(const CiConfig &config, std::vector<CiRule> *rules, QString *error,
                       QString *badKey)
{
    auto bad = [&](const QString &key, const QString &message) {
        *error = message;
        if (badKey)
            *badKey = key;
        return false;
    };
    bool denySecrets = false;
    if (!parseBool(config.denySecrets, &denySecrets))
        return bad(QStringLiteral("deny-secrets"),
                   QStringLiteral("invalid deny-secrets value \"%1\" (true or false)")
                       .arg(config.denySecrets));
    if (denySecrets)
        rules->push_back(CiRule::make(CiRule::Kind::DenySecrets, QStringLiteral("deny-secrets"),
                                      config.denySecrets));
    if (!isCiRuleDisabled(config.maxCacheBytes)) {
        CiRule rule = CiRule::make(CiRule::Kind::MaxCacheBytes, QStringLiteral("max-cache-bytes"),
                                   config.maxCacheBytes);
        if (!parseSiBytes(config.maxCacheBytes, &rule.bytes))
            return bad(rule.key, QStringLiteral("invalid max-cache-bytes value \"%1\" (a byte "
                                                "count such as 20MB, 512KiB or 1000000)")
                                     .arg(config.maxCacheBytes));
        rules->push_back(rule);
    }
    QStringList globs;
    for (const QString &glob : config.denyPath.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        QString g = glob.trimmed();
        while (g.startsWith(QLatin1Char('/')))
            g.remove(0, 1);
        if (!g.isEmpty())
            globs << g;
    }
    if (!globs.isEmpty()) {
        CiRule rule =
            CiRule::make(CiRule::Kind::DenyPath, QStringLiteral("deny-path"), config.denyPath);
        rule.globs = globs;
        rules->push_back(rule);
    }
    for (CiRule &rule : *rules) {
        if (rule.isFindingRule())
            rule.enabled = true;
    }
    return true;
}

CiRuleResult evaluateFindingRule(const CiRule &rule, const FindingRuleInput &input)
{
    CiRuleResult result;
    result.key = rule.key;
    result.message = rule.configValue;
    if (!input.findings || !input.image) {
        result.status = CiStatus::Skip;
        result.message = QStringLiteral("no findings to check");
        return result;
    }
    const ImageInfo &image = *input.image;
    qint64 count = 0;
    switch (rule.kind) {
    case CiRule::Kind::DenySecrets:
        for (const Finding &f : input.findings->findings) {
            if (f.kind != FindingKind::Secret)
                continue;
            count += f.fileCount;
            for (const FindingFile &file : f.files) {
                QString text = QStringLiteral("%1: /%2, %3")
                                   .arg(f.what, QString::fromStdString(file.path),
                                        layerText(image, file.layer, f.historyIndex));
                if (file.tarOffset >= 0)
                    text += QStringLiteral(", tar offset %1").arg(file.tarOffset);
                if (!file.survives)
                    text += QStringLiteral(" (deleted later, still shipped)");
                addDetail(&result, text, f.fix);
            }
        }
        if (count > 0) {
            result.status = CiStatus::Fail;
            result.message = QStringLiteral("%1 secret file(s) in the image").arg(count);
        }
        break;
    case CiRule::Kind::MaxCacheBytes: {
        const qint64 bytes = input.findings->bytesOf(FindingKind::PackageCache);
        if (quint64(bytes) > rule.bytes) {
            result.status = CiStatus::Fail;
            result.message =
                QStringLiteral("package caches too large (cache-bytes=%1 > threshold=%2)")
                    .arg(bytes)
                    .arg(rule.bytes);
            for (const Finding &f : input.findings->findings) {
                if (f.kind == FindingKind::PackageCache)
                    addDetail(&result, findingSummary(f, image), f.fix);
            }
        }
        break;
    }
    case CiRule::Kind::DenyPath:
        for (int layer = input.findings->firstLayer; layer < int(input.layers.size()); ++layer) {
            if (!input.layers[size_t(layer)])
                continue;
            const FileTree &tree = input.layers[size_t(layer)]->tree;
            for (uint32_t i = 1; i < tree.nodeCount(); ++i) {
                if (tree.flags(i) & (NodeFlag::Whiteout | NodeFlag::Implied))
                    continue;
                const std::string path = tree.path(i);
                for (const QString &glob : rule.globs) {
                    if (!globMatch(glob.toStdString(), path))
                        continue;
                    ++count;
                    const int step =
                        layer < image.layers.size() ? image.layers.at(layer).historyIndex : -1;
                    addDetail(
                        &result,
                        QStringLiteral("/%1 matches %2, %3")
                            .arg(QString::fromStdString(path), glob, layerText(image, layer, step)),
                        QStringLiteral("Add it to .dockerignore, or remove it in the step "
                                       "that creates it."));
                    break;
                }
            }
        }
        if (count > 0) {
            result.status = CiStatus::Fail;
            result.message = QStringLiteral("%1 denied path(s) ship in the image").arg(count);
        }
        break;
    default:
        break;
    }
    if (size_t(count) > result.details.size() && rule.kind != CiRule::Kind::MaxCacheBytes)
        result.details.push_back(
            {QStringLiteral("… and %1 more").arg(count - qint64(result.details.size())), {}});
    return result;
}

} // namespace strata

#include "analysis/diveci.h"

#include "analysis/findingci.h"

#include <QFile>
#include <QLocale>

#include <cmath>
#include <map>

namespace strata {

namespace {
// A .dive-ci holds a handful of lines; anything far larger is not one.
constexpr qint64 kMaxYamlBytes = 1 << 20;

struct RuleSpelling
{
    const char *key;    // dive's current spelling
    const char *legacy; // the camelCase one older dive versions and most .dive-ci files use
    QString CiConfig::*field;
};
const RuleSpelling kSpellings[] = {
    {"lowest-efficiency", "lowestEfficiency", &CiConfig::lowestEfficiency},
    {"highest-wasted-bytes", "highestWastedBytes", &CiConfig::highestWastedBytes},
    {"highest-user-wasted-percent", "highestUserWastedPercent",
     &CiConfig::highestUserWastedPercent},
    // Strata's: one spelling each.
    {"deny-secrets", "deny-secrets", &CiConfig::denySecrets},
    {"max-cache-bytes", "max-cache-bytes", &CiConfig::maxCacheBytes},
    {"deny-path", "deny-path", &CiConfig::denyPath},
    {"wasted-bytes-floor", "wasted-bytes-floor", &CiConfig::wastedBytesFloor},
};

QString lineError(int line, const QString &message)
{
    return QStringLiteral("line %1: %2").arg(line).arg(message);
}

// Drops a comment: '#' at the start or after a space, outside quotes.
QByteArray withoutComment(const QByteArray &line)
{
    char quote = 0;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
            return line.left(i);
        }
    }
    return line;
}

// The position of the ':' that ends a map key (followed by a space or the end), outside
// quotes; -1 when there is none.
qsizetype keyColon(const QByteArray &text)
{
    char quote = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == ':' &&
                   (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\t')) {
            return i;
        }
    }
    return -1;
}

// A scalar: plain, 'single' or "double" quoted. Null (empty, ~, null) reads as "".
bool parseScalar(const QByteArray &raw, QString *value, QString *error)
{
    const QByteArray text = raw.trimmed();
    if (text.isEmpty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
        value->clear();
        return true;
    }
    const char first = text.front();
    if (first == '\'') {
        if (text.size() < 2 || text.back() != '\'') {
            *error = QStringLiteral("unterminated quoted value");
            return false;
        }
        QByteArray inner = text.mid(1, text.size() - 2);
        inner.replace("''", "'");
        *value = QString::fromUtf8(inner);
        return true;
    }
    if (first == '"') {
        if (text.size() < 2 || text.back() != '"') {
            *error = QStringLiteral("unterminated quoted value");
            return false;
        }
        QByteArray out;
        for (qsizetype i = 1; i + 1 < text.size(); ++i) {
            char c = text[i];
            if (c == '\\') {
                if (i + 2 >= text.size()) {
                    *error = QStringLiteral("unterminated escape in a quoted value");
                    return false;
                }
                c = text[++i];
                switch (c) {
                case '"':
                case '\\':
                case '/':
                    break;
                case 'n':
                    c = '\n';
                    break;
                case 't':
                    c = '\t';
                    break;
                default:
                    *error = QStringLiteral("unsupported escape \"\\%1\" in a quoted value")
                                 .arg(QLatin1Char(c));
                    return false;
                }
            }
            out.append(c);
        }
        *value = QString::fromUtf8(out);
        return true;
    }
    if (QByteArray("[{|>&*!%@`").contains(first)) {
        *error = QStringLiteral("unsupported YAML value \"%1\"").arg(QString::fromUtf8(text));
        return false;
    }
    *value = QString::fromUtf8(text);
    return true;
}

class DiveCiReader
{
public:
    bool read(const QByteArray &yaml, CiConfig *config, QString *error)
    {
        QList<QByteArray> lines = yaml.split('\n');
        if (!lines.isEmpty() && lines.first().startsWith("\xEF\xBB\xBF"))
            lines.first().remove(0, 3);
        bool inRules = false;
        bool rulesSeen = false;
        bool lastTopKeyWasRules = false;
        qsizetype rulesIndent = -1;
        bool content = false;
        for (qsizetype n = 0; n < lines.size(); ++n) {
            m_line = int(n + 1);
            QByteArray line = lines[n];
            if (line.endsWith('\r'))
                line.chop(1);
            line = withoutComment(line);
            while (!line.isEmpty() && (line.back() == ' ' || line.back() == '\t'))
                line.chop(1);
            if (line.trimmed().isEmpty())
                continue;
            qsizetype indent = 0;
            while (indent < line.size() && line[indent] == ' ')
                ++indent;
            if (line[indent] == '\t')
                return fail(error, QStringLiteral("tabs are not allowed in YAML indentation"));
            const QByteArray text = line.mid(indent);

            if (indent == 0) {
                if (text == "---" || text.startsWith("--- ")) {
                    if (content)
                        break; // a second document: dive reads only the first
                    continue;
                }
                if (text == "...")
                    break;
                content = true;
                inRules = false;
                if (text == "-" || text.startsWith("- ")) {
                    if (lastTopKeyWasRules)
                        return fail(error, QStringLiteral("\"rules\" must be a map, not a list"));
                    continue; // an item of another key's list
                }
                QByteArray key, value;
                if (!splitKeyValue(text, &key, &value, error))
                    return false;
                lastTopKeyWasRules = key == "rules";
                if (!lastTopKeyWasRules)
                    continue; // other settings of dive's config: not ours
                if (rulesSeen)
                    return fail(error, QStringLiteral("\"rules\" is defined twice"));
                rulesSeen = true;
                const QByteArray trimmed = value.trimmed();
                if (trimmed.startsWith('{')) {
                    if (!readFlowMap(trimmed, error))
                        return false;
                } else if (trimmed.isEmpty()) {
                    inRules = true;
                    rulesIndent = -1;
                } else if (trimmed != "~" && trimmed != "null") {
                    return fail(error, QStringLiteral("\"rules\" must be a map"));
                }
                continue;
            }
            if (!inRules)
                continue; // nested under another top-level key
            if (rulesIndent < 0)
                rulesIndent = indent;
            if (indent > rulesIndent)
                return fail(error, QStringLiteral("nested values under a rule are not supported"));
            if (indent < rulesIndent)
                return fail(error, QStringLiteral("inconsistent indentation under \"rules\""));
            if (text == "-" || text.startsWith("- "))
                return fail(error, QStringLiteral("\"rules\" must be a map, not a list"));
            QByteArray key, value;
            if (!splitKeyValue(text, &key, &value, error) || !addRule(key, value, error))
                return false;
        }
        apply(config);
        return true;
    }

private:
    bool fail(QString *error, const QString &message) const
    {
        *error = lineError(m_line, message);
        return false;
    }

    bool splitKeyValue(const QByteArray &text, QByteArray *key, QByteArray *value,
                       QString *error) const
    {
        const qsizetype colon = keyColon(text);
        if (colon <= 0)
            return fail(error, QStringLiteral("expected \"key: value\""));
        QString parsedKey;
        QString scalarError;
        if (!parseScalar(text.left(colon), &parsedKey, &scalarError))
            return fail(error, scalarError);
        *key = parsedKey.toUtf8();
        *value = text.mid(colon + 1);
        return true;
    }

    bool addRule(const QByteArray &key, const QByteArray &rawValue, QString *error)
    {
        if (m_values.count(key))
            return fail(error, QStringLiteral("\"%1\" is set twice").arg(QString::fromUtf8(key)));
        QString value;
        QString scalarError;
        if (!parseScalar(rawValue, &value, &scalarError))
            return fail(error, scalarError);
        m_values[key] = value;
        return true;
    }

    // {lowest-efficiency: 0.95, highest-wasted-bytes: 20MB} on one line.
    bool readFlowMap(const QByteArray &text, QString *error)
    {
        if (!text.endsWith('}'))
            return fail(error,
                        QStringLiteral("a flow map for \"rules\" must close on the same line"));
        const QByteArray inner = text.mid(1, text.size() - 2);
        QList<QByteArray> items;
        char quote = 0;
        qsizetype start = 0;
        for (qsizetype i = 0; i <= inner.size(); ++i) {
            const char c = i < inner.size() ? inner[i] : ',';
            if (quote) {
                if (c == quote)
                    quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ',') {
                items.append(inner.mid(start, i - start).trimmed());
                start = i + 1;
            }
        }
        for (const QByteArray &item : items) {
            if (item.isEmpty())
                continue;
            QByteArray key, value;
            if (!splitKeyValue(item, &key, &value, error) || !addRule(key, value, error))
                return false;
        }
        return true;
    }

    void apply(CiConfig *config) const
    {
        for (const RuleSpelling &spelling : kSpellings) {
            const auto current = m_values.find(spelling.key);
            if (current != m_values.end())
                config->*spelling.field = current->second;
            // dive: a non-empty legacy camelCase value overrides the other spelling.
            const auto legacy = m_values.find(spelling.legacy);
            if (legacy != m_values.end() && !legacy->second.isEmpty())
                config->*spelling.field = legacy->second;
        }
        // Other keys under rules: ignored, as dive ignores them.
    }

    int m_line = 0;
    std::map<QByteArray, QString> m_values;
};

QString shortest(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

bool parseRatio(const QString &key, const QString &value, double *ratio, QString *error)
{
    bool ok = false;
    const double parsed = value.trimmed().toDouble(&ok);
    if (!ok || std::isnan(parsed)) {
        *error = QStringLiteral("invalid %1 value \"%2\": not a number").arg(key, value);
        return false;
    }
    if (parsed < 0 || parsed > 1) {
        *error =
            QStringLiteral("%1 value \"%2\" is outside the allowed range (0-1)").arg(key, value);
        return false;
    }
    *ratio = parsed;
    return true;
}
} // namespace

bool parseDiveCiYaml(const QByteArray &yaml, CiConfig *config, QString *error)
{
    return DiveCiReader().read(yaml, config, error);
}

bool readDiveCiFile(const QString &path, CiConfig *config, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return false;
    }
    if (file.size() > kMaxYamlBytes) {
        *error = QStringLiteral("%1: too large for a .dive-ci file").arg(path);
        return false;
    }
    const QByteArray yaml = file.read(kMaxYamlBytes + 1);
    QString yamlError;
    if (!parseDiveCiYaml(yaml, config, &yamlError)) {
        *error = path + QStringLiteral(": ") + yamlError;
        return false;
    }
    return true;
}

bool parseSiBytes(const QString &text, quint64 *bytes)
{
    static const std::map<QString, double> units = {
        {QString(), 1.0},
        {QStringLiteral("b"), 1.0},
        {QStringLiteral("k"), 1e3},
        {QStringLiteral("kb"), 1e3},
        {QStringLiteral("m"), 1e6},
        {QStringLiteral("mb"), 1e6},
        {QStringLiteral("g"), 1e9},
        {QStringLiteral("gb"), 1e9},
        {QStringLiteral("t"), 1e12},
        {QStringLiteral("tb"), 1e12},
        {QStringLiteral("p"), 1e15},
        {QStringLiteral("pb"), 1e15},
        {QStringLiteral("e"), 1e18},
        {QStringLiteral("eb"), 1e18},
        {QStringLiteral("ki"), 1024.0},
        {QStringLiteral("kib"), 1024.0},
        {QStringLiteral("mi"), 1048576.0},
        {QStringLiteral("mib"), 1048576.0},
        {QStringLiteral("gi"), 1073741824.0},
        {QStringLiteral("gib"), 1073741824.0},
        {QStringLiteral("ti"), 1099511627776.0},
        {QStringLiteral("tib"), 1099511627776.0},
        {QStringLiteral("pi"), 1125899906842624.0},
        {QStringLiteral("pib"), 1125899906842624.0},
        {QStringLiteral("ei"), 1152921504606846976.0},
        {QStringLiteral("eib"), 1152921504606846976.0},
    };
    const QString trimmed = text.trimmed();
    qsizetype end = 0;
    QString number;
    while (end < trimmed.size()) {
        const QChar c = trimmed[end];
        if (!(c.isDigit() || c == QLatin1Char('.') || c == QLatin1Char(',')))
            break;
        if (c != QLatin1Char(','))
            number += c;
        ++end;
    }
    bool ok = false;
    const double value = number.toDouble(&ok);
    if (!ok || number.isEmpty())
        return false;
    const auto unit = units.find(trimmed.mid(end).trimmed().toLower());
    if (unit == units.end())
        return false;
    const double total = value * unit->second;
    if (!(total < 18446744073709551616.0))
        return false;
    *bytes = quint64(total);
    return true;
}

bool isCiRuleDisabled(const QString &value)
{
    const QString v = value.trimmed().toLower();
    return v.isEmpty() || v == QLatin1String("disabled") || v == QLatin1String("off") ||
           v == QLatin1String("false");
}

const char *ciStatusName(CiStatus status)
{
    switch (status) {
    case CiStatus::Pass:
        return "PASS";
    case CiStatus::Fail:
        return "FAIL";
    case CiStatus::Skip:
        return "SKIP";
    }
    return "?";
}

bool parseCiRules(const CiConfig &config, std::vector<CiRule> *rules, QString *error,
                  QString *badKey)
{
    rules->clear();
    // The order dive prints them in: by name.
    CiRule userWasted = CiRule::make(CiRule::Kind::HighestUserWastedPercent,
                                     QStringLiteral("highest-user-wasted-percent"),
                                     config.highestUserWastedPercent);
    CiRule wastedBytes =
        CiRule::make(CiRule::Kind::HighestWastedBytes, QStringLiteral("highest-wasted-bytes"),
                     config.highestWastedBytes);
    CiRule efficiency = CiRule::make(CiRule::Kind::LowestEfficiency,
                                     QStringLiteral("lowest-efficiency"), config.lowestEfficiency);
    for (CiRule *rule : {&userWasted, &wastedBytes, &efficiency}) {
        rule->enabled = !isCiRuleDisabled(rule->configValue);
        if (!rule->enabled)
            continue; // listed all the same, so that the report says it was skipped
        if (rule->kind == CiRule::Kind::HighestWastedBytes) {
            if (!parseSiBytes(rule->configValue, &rule->bytes)) {
                *error =
                    QStringLiteral(
                        "invalid %1 value \"%2\" (a byte count such as 20MB, 512KiB or 1000000)")
                        .arg(rule->key, rule->configValue);
                if (badKey)
                    *badKey = rule->key;
                return false;
            }
        } else if (!parseRatio(rule->key, rule->configValue, &rule->ratio, error)) {
            if (badKey)
                *badKey = rule->key;
            return false;
        }
    }
    quint64 floor = 0;
    if (!isCiRuleDisabled(config.wastedBytesFloor) &&
        !parseSiBytes(config.wastedBytesFloor, &floor)) {
        *error = QStringLiteral("invalid wasted-bytes-floor value \"%1\" (a byte count such as "
                                "20MB, 512KiB or 1000000)")
                     .arg(config.wastedBytesFloor);
        if (badKey)
            *badKey = QStringLiteral("wasted-bytes-floor");
        return false;
    }
    userWasted.floorBytes = efficiency.floorBytes = floor;
    *rules = {userWasted, wastedBytes, efficiency};
    return parseFindingRules(config, rules, error, badKey);
}

bool CiEvaluation::pass() const
{
    for (const CiRuleResult &result : results) {
        if (result.status == CiStatus::Fail)
            return false;
    }
    return true;
}

QStringList CiEvaluation::failedRules() const
{
    QStringList failed;
    for (const CiRuleResult &result : results) {
        if (result.status == CiStatus::Fail)
            failed << result.key;
    }
    return failed;
}

CiEvaluation evaluateCiRules(const std::vector<CiRule> &rules, const EfficiencyReport &report,
                             const FindingRuleInput &input)
{
    CiEvaluation evaluation;
    for (const CiRule &rule : rules) {
        CiRuleResult result;
        result.key = rule.key;
        if (!rule.enabled) {
            result.status = CiStatus::Skip;
            result.message = QStringLiteral("disabled");
            evaluation.results.push_back(result);
            continue;
        }
        result.message = rule.configValue;
        if (rule.isFindingRule()) {
            evaluation.results.push_back(evaluateFindingRule(rule, input));
            continue;
        }
        if (rule.floorBytes > 0 && quint64(report.wastedBytes) < rule.floorBytes) {
            result.message = QStringLiteral("%1; wasted bytes %2 under the floor of %3")
                                 .arg(rule.configValue)
                                 .arg(report.wastedBytes)
                                 .arg(rule.floorBytes);
            evaluation.results.push_back(result);
            continue;
        }
        switch (rule.kind) {
        case CiRule::Kind::LowestEfficiency:
            if (rule.ratio > report.efficiency) {
                result.status = CiStatus::Fail;
                result.message =
                    QStringLiteral("image efficiency is too low (efficiency=%1 < threshold=%2)")
                        .arg(QString::number(report.efficiency, 'f', 2), shortest(rule.ratio));
            }
            break;
        case CiRule::Kind::HighestWastedBytes:
            if (quint64(report.wastedBytes) > rule.bytes) {
                result.status = CiStatus::Fail;
                result.message =
                    QStringLiteral("too many bytes wasted (wasted-bytes=%1 > threshold=%2)")
                        .arg(report.wastedBytes)
                        .arg(rule.bytes);
            }
            break;
        case CiRule::Kind::HighestUserWastedPercent:
            // NaN (no user layers) compares false, so it passes: dive does the same.
            if (report.userWastedPercent > rule.ratio) {
                result.status = CiStatus::Fail;
                result.message =
                    QStringLiteral("too many bytes wasted, relative to the user bytes added "
                                   "(%-user-wasted-bytes=%1 > threshold=%2)")
                        .arg(QString::number(report.userWastedPercent, 'f', 2),
                             shortest(rule.ratio));
            } else if (!report.hasUserWastedPercent()) {
                result.message =
                    rule.configValue + QStringLiteral("; no layer above the base image");
            }
            break;
        default:
            break;
        }
        evaluation.results.push_back(result);
    }
    return evaluation;
}

} // namespace strata

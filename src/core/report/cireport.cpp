#include "report/cireport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamWriter>

namespace strata {

namespace {

QString ruleDescription(const QString &key)
{
    static const std::pair<const char *, const char *> descriptions[] = {
        {"lowest-efficiency", "dive's efficiency score must not be lower than the threshold"},
        {"highest-wasted-bytes", "dive's wasted bytes must not exceed the threshold"},
        {"highest-user-wasted-percent",
         "dive's wasted bytes relative to the user layers must not exceed the threshold"},
        {"deny-secrets", "no private key, credentials file or token may ship in any layer"},
        {"max-cache-bytes", "package manager caches must not exceed the threshold"},
        {"deny-path", "no path matching the denied globs may ship in any layer"},
    };
    for (const auto &[rule, text] : descriptions) {
        if (key == QLatin1String(rule))
            return QString::fromLatin1(text);
    }
    return key;
}

QString failureText(const CiRuleResult &result)
{
    QString text = result.message + QLatin1Char('\n');
    for (const CiRuleResult::Detail &detail : result.details) {
        text += QStringLiteral("- ") + detail.text + QLatin1Char('\n');
        if (!detail.fix.isEmpty())
            text += QStringLiteral("  fix: ") + detail.fix + QLatin1Char('\n');
    }
    return text;
}

} // namespace

QByteArray ciJunit(const ImageInfo &image, const QString &location, const CiEvaluation &evaluation)
{
    int failures = 0, skipped = 0;
    for (const CiRuleResult &result : evaluation.results) {
        failures += result.status == CiStatus::Fail;
        skipped += result.status == CiStatus::Skip;
    }
    QByteArray xml;
    QXmlStreamWriter w(&xml);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("testsuites"));
    w.writeStartElement(QStringLiteral("testsuite"));
    w.writeAttribute(QStringLiteral("name"), QStringLiteral("strata ci: ") + location);
    w.writeAttribute(QStringLiteral("tests"), QString::number(evaluation.results.size()));
    w.writeAttribute(QStringLiteral("failures"), QString::number(failures));
    w.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    w.writeAttribute(QStringLiteral("skipped"), QString::number(skipped));
    w.writeStartElement(QStringLiteral("properties"));
    for (const auto &[name, value] : {std::pair{QStringLiteral("image"), image.displayName()},
                                      std::pair{QStringLiteral("id"), image.id}}) {
        w.writeStartElement(QStringLiteral("property"));
        w.writeAttribute(QStringLiteral("name"), name);
        w.writeAttribute(QStringLiteral("value"), value);
        w.writeEndElement();
    }
    w.writeEndElement();
    for (const CiRuleResult &result : evaluation.results) {
        w.writeStartElement(QStringLiteral("testcase"));
        w.writeAttribute(QStringLiteral("classname"), QStringLiteral("strata.ci"));
        w.writeAttribute(QStringLiteral("name"), result.key);
        if (result.status == CiStatus::Fail) {
            w.writeStartElement(QStringLiteral("failure"));
            w.writeAttribute(QStringLiteral("message"), result.message);
            w.writeAttribute(QStringLiteral("type"), result.key);
            w.writeCharacters(failureText(result));
            w.writeEndElement();
        } else if (result.status == CiStatus::Skip) {
            w.writeStartElement(QStringLiteral("skipped"));
            w.writeAttribute(QStringLiteral("message"), result.message);
            w.writeEndElement();
        } else {
            w.writeTextElement(QStringLiteral("system-out"), result.message);
        }
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndDocument();
    return xml;
}

QByteArray ciSarif(const ImageInfo &image, const QString &location, const CiEvaluation &evaluation)
{
    QJsonArray rules;
    for (const CiRuleResult &result : evaluation.results) {
        QJsonObject rule;
        rule[QStringLiteral("id")] = result.key;
        rule[QStringLiteral("shortDescription")] =
            QJsonObject{{QStringLiteral("text"), ruleDescription(result.key)}};
        rules.append(rule);
    }
    const QJsonArray locations{
        QJsonObject{{QStringLiteral("physicalLocation"),
                     QJsonObject{{QStringLiteral("artifactLocation"),
                                  QJsonObject{{QStringLiteral("uri"), location}}}}}}};
    QJsonArray results;
    auto add = [&](int ruleIndex, const QString &ruleId, const QString &message,
                   const QString &fix) {
        QJsonObject r;
        r[QStringLiteral("ruleId")] = ruleId;
        r[QStringLiteral("ruleIndex")] = ruleIndex;
        r[QStringLiteral("level")] = QStringLiteral("error");
        r[QStringLiteral("message")] = QJsonObject{{QStringLiteral("text"), message}};
        r[QStringLiteral("locations")] = locations;
        if (!fix.isEmpty())
            r[QStringLiteral("properties")] = QJsonObject{{QStringLiteral("fix"), fix}};
        results.append(r);
    };
    for (size_t i = 0; i < evaluation.results.size(); ++i) {
        const CiRuleResult &result = evaluation.results[i];
        if (result.status != CiStatus::Fail)
            continue;
        if (result.details.empty())
            add(int(i), result.key, result.message, {});
        for (const CiRuleResult::Detail &detail : result.details)
            add(int(i), result.key, detail.text, detail.fix);
    }
    QJsonObject driver;
    driver[QStringLiteral("name")] = QStringLiteral("strata-cli");
    driver[QStringLiteral("version")] = QStringLiteral(STRATA_VERSION);
    driver[QStringLiteral("rules")] = rules;
    QJsonObject run;
    run[QStringLiteral("tool")] = QJsonObject{{QStringLiteral("driver"), driver}};
    run[QStringLiteral("results")] = results;
    run[QStringLiteral("properties")] = QJsonObject{{QStringLiteral("image"), image.displayName()},
                                                    {QStringLiteral("id"), image.id}};
    QJsonObject root;
    root[QStringLiteral("$schema")] =
        QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json");
    root[QStringLiteral("version")] = QStringLiteral("2.1.0");
    root[QStringLiteral("runs")] = QJsonArray{run};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace strata

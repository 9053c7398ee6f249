// `strata-cli findings` and the CI rules on findings as a pipeline runs them: exit codes, each
// failing finding with its fix, and JUnit and SARIF that parse back.
#include "processrun.h"
#include "wastefulimage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <QXmlStreamReader>

using namespace strata::testing;

namespace {

// The JUnit test cases by name: "pass", "failure" or "skipped", and the failure's text.
struct JunitCase
{
    QString outcome;
    QString text;
};
std::map<QString, JunitCase> parseJunit(const QByteArray &xml, int *tests, int *failures)
{
    std::map<QString, JunitCase> cases;
    QXmlStreamReader r(xml);
    QString current;
    while (!r.atEnd()) {
        if (r.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (r.name() == QLatin1String("testsuite")) {
            *tests = r.attributes().value("tests").toInt();
            *failures = r.attributes().value("failures").toInt();
        } else if (r.name() == QLatin1String("testcase")) {
            current = r.attributes().value("name").toString();
            cases[current].outcome = QStringLiteral("pass");
        } else if (r.name() == QLatin1String("failure")) {
            cases[current].outcome = QStringLiteral("failure");
            cases[current].text = r.readElementText();
        } else if (r.name() == QLatin1String("skipped")) {
            cases[current].outcome = QStringLiteral("skipped");
        }
    }
    if (r.hasError())
        qWarning() << "JUnit XML does not parse:" << r.errorString();
    return r.hasError() ? std::map<QString, JunitCase>{} : cases;
}
} // namespace

class TestFindingsCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_naive;
    QString m_twin;
    // dive's rules switched off, so that only the rule under test decides.
    const QStringList m_noDiveRules = {"--lowest-efficiency", "0", "--highest-user-wasted-percent",
                                       "disabled"};

private slots:
    void initTestCase()
    {
        const HostProgram host = hostProgram();
        QVERIFY(host.isValid());
        m_naive = m_dir.filePath(QStringLiteral("naive.tar"));
        m_twin = m_dir.filePath(QStringLiteral("twin.tar"));
        QVERIFY(writeDockerArchive(m_naive, naiveGoBuild(host)));
        QVERIFY(writeDockerArchive(m_twin, multiStageGoBuild(host)));
    }

    void findingsJsonNamesBytesLayerStepAndFix()
    {
        const ProcessRun run = runCli({"findings", m_naive, "--format", "json"});
        QCOMPARE(run.code, 0);
        const QJsonObject root = QJsonDocument::fromJson(run.out).object();
        const QJsonArray findings = root["findings"].toArray();
        QVERIFY(!findings.isEmpty());
        QJsonObject lists;
        for (const QJsonValue &v : findings) {
            if (v["what"] == "apt package lists")
                lists = v.toObject();
        }
        QCOMPARE(lists["bytes"].toInteger(), kAptListsBytes);
        QCOMPARE(lists["layer"].toInt(), 1);
        QCOMPARE(lists["kind"].toString(), "package-cache");
        QVERIFY(lists["step"].toString().contains("apt-get update"));
        QVERIFY(lists["fix"].toString().contains("rm -rf /var/lib/apt/lists/*"));
        // Secrets first, the private key with its offset in the layer tar.
        const QJsonObject first = findings.first().toObject();
        QCOMPARE(first["kind"].toString(), "secret");
        QVERIFY(first["files"][0]["tarOffset"].toInteger() >= 0);
        QCOMPARE(root["runtime"]["command"].toString(), "/usr/local/bin/hello");
        QCOMPARE(root["runtime"]["bytes"].toInteger(), hostProgram().runtimeBytes());

        const ProcessRun base = runCli({"findings", m_naive, "--exclude-base", "--format", "json"});
        QCOMPARE(base.code, 0);
        const QJsonObject left = QJsonDocument::fromJson(base.out).object();
        QCOMPARE(left["firstLayer"].toInt(), 1);
        QCOMPARE(left["findings"].toArray().size(), findings.size() - 1); // the base's log

        const ProcessRun text = runCli({"findings", m_naive});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains("Layer 1: RUN apt-get update"));
        QVERIFY(text.out.contains("fix: "));
        const ProcessRun markdown = runCli({"findings", m_naive, "--format", "markdown"});
        QVERIFY(markdown.out.contains("| Bytes | Layer | Finding |"));
    }

    void findingRulesExitCodes_data()
    {
        QTest::addColumn<QString>("image");
        QTest::addColumn<QStringList>("rule");
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("said");
        QTest::newRow("secrets fail") << "naive" << QStringList{"--deny-secrets"} << 1
                                      << QByteArray("SSH private key: /root/.ssh/id_rsa, layer 2");
        QTest::newRow("secrets pass")
            << "twin" << QStringList{"--deny-secrets"} << 0 << QByteArray("PASS  deny-secrets");
        QTest::newRow("cache over") << "naive" << QStringList{"--max-cache-bytes", "100kB"} << 1
                                    << QByteArray("cache-bytes=122000 > threshold=100000");
        QTest::newRow("cache under") << "naive" << QStringList{"--max-cache-bytes", "200kB"} << 0
                                     << QByteArray("PASS  max-cache-bytes");
        QTest::newRow("path denied")
            << "naive" << QStringList{"--deny-path", "/root/.ssh/*"} << 1
            << QByteArray("/root/.ssh/id_rsa matches root/.ssh/*, layer 2");
        QTest::newRow("path absent")
            << "twin" << QStringList{"--deny-path", "*.pem"} << 0 << QByteArray("PASS  deny-path");
        QTest::newRow("bad size") << "naive" << QStringList{"--max-cache-bytes", "lots"} << 2
                                  << QByteArray("invalid max-cache-bytes value");
    }
    void findingRulesExitCodes()
    {
        QFETCH(QString, image);
        QFETCH(QStringList, rule);
        QFETCH(int, code);
        QFETCH(QByteArray, said);
        const ProcessRun run =
            runCli(QStringList{"ci", image == "naive" ? m_naive : m_twin} + m_noDiveRules + rule);
        QVERIFY2(run.out.contains(said) || run.err.contains(said),
                 QByteArray(run.out + run.err).constData());
        QCOMPARE(run.code, code);
        if (code == 1)
            QVERIFY(run.out.contains("fix: "));
    }

    // A small image whose only waste is one file fails dive's percent rule; a byte floor
    // lets it pass, and an image above the floor still fails.
    void wastedBytesFloor()
    {
        const QStringList percent = {
            "ci", m_naive, "--lowest-efficiency", "0", "--highest-user-wasted-percent", "0.01"};
        QCOMPARE(runCli(percent).code, 1);
        const ProcessRun floored = runCli(percent + QStringList{"--wasted-bytes-floor", "10MB"});
        QCOMPARE(floored.code, 0);
        QVERIFY(floored.out.contains("under the floor of 10000000"));
        QCOMPARE(runCli(percent + QStringList{"--wasted-bytes-floor", "1kB"}).code, 1);
    }

    // The rules in a .dive-ci beside dive's, which dive would ignore.
    void rulesFromDiveCi()
    {
        QFile file(m_dir.filePath(QStringLiteral(".dive-ci")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("rules:\n  lowestEfficiency: 0\n  highestUserWastedPercent: disabled\n"
                   "  deny-secrets: true\n  deny-path: '*.pyc, /tmp/*'\n");
        file.close();
        const ProcessRun run = runCli({"ci", m_naive}, m_dir.path());
        QCOMPARE(run.code, 1);
        QVERIFY(run.out.contains("FAIL  deny-secrets"));
        QVERIFY(run.out.contains("FAIL  deny-path"));
        QVERIFY(run.err.contains("failed rules: deny-secrets, deny-path"));
    }

    void junitParsesBack()
    {
        const ProcessRun run = runCli(QStringList{"ci", m_naive, "--format", "junit",
                                                  "--deny-secrets", "--max-cache-bytes", "1MB"} +
                                      m_noDiveRules);
        QCOMPARE(run.code, 1);
        int tests = 0, failures = 0;
        const auto cases = parseJunit(run.out, &tests, &failures);
        QCOMPARE(tests, 5);
        QCOMPARE(failures, 1);
        QCOMPARE(cases.at("deny-secrets").outcome, "failure");
        QVERIFY(cases.at("deny-secrets").text.contains("/root/.ssh/id_rsa"));
        QVERIFY(cases.at("deny-secrets").text.contains("fix: "));
        QCOMPARE(cases.at("max-cache-bytes").outcome, "pass");
        QCOMPARE(cases.at("highest-wasted-bytes").outcome, "skipped");
        QCOMPARE(cases.at("lowest-efficiency").outcome, "pass");
    }

    void sarifParsesBack()
    {
        const ProcessRun run = runCli(
            QStringList{"ci", m_naive, "--format", "sarif", "--deny-secrets"} + m_noDiveRules);
        QCOMPARE(run.code, 1);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(run.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root["version"].toString(), "2.1.0");
        const QJsonObject sarifRun = root["runs"][0].toObject();
        QCOMPARE(sarifRun["tool"]["driver"]["name"].toString(), "strata-cli");
        const QJsonArray rules = sarifRun["tool"]["driver"]["rules"].toArray();
        const QJsonArray results = sarifRun["results"].toArray();
        QCOMPARE(results.size(), 2); // the private key and the AWS key id
        for (const QJsonValue &result : results) {
            QCOMPARE(result["ruleId"].toString(), "deny-secrets");
            QCOMPARE(result["level"].toString(), "error");
            const int index = result["ruleIndex"].toInt();
            QCOMPARE(rules[index]["id"].toString(), "deny-secrets");
            QCOMPARE(
                result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].toString(),
                m_naive);
            QVERIFY(!result["properties"]["fix"].toString().isEmpty());
        }
        QVERIFY(results[0]["message"]["text"].toString().contains("tar offset"));
    }
};

QTEST_GUILESS_MAIN(TestFindingsCli)
#include "tst_findingscli.moc"

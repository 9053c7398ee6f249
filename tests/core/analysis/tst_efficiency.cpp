// Efficiency and wasted space: dive's figures to the last digit on dive's own test image, and
// Strata's reclaimable bytes on images this test writes with waste derived by hand.
#include "fixtures.h"
#include "processrun.h"

#include "analysis/diveci.h"
#include "analysis/efficiency.h"
#include "archive/imagearchive.h"
#include "imagewriter/imagewriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace strata;
using namespace strata::testing;
namespace iw = strata::imagewriter;
using iw::Entry;

namespace {
struct Analyzed
{
    std::shared_ptr<ImageArchive> archive;
    std::vector<std::shared_ptr<const LayerTree>> layers;
    EfficiencyReport report;
};

Analyzed analyzeArchive(const QString &path)
{
    Analyzed a;
    Error error;
    a.archive = ImageArchive::open(path, &error);
    if (!a.archive) {
        qWarning() << error.toString();
        return a;
    }
    a.layers = a.archive->loadLayers(0, LoadObserver{}, &error);
    if (error)
        qWarning() << error.toString();
    a.report = analyzeEfficiency(a.archive->images().front(), a.layers);
    return a;
}

Analyzed writeAndAnalyze(const QTemporaryDir &dir, std::vector<std::vector<Entry>> layers)
{
    iw::Image image;
    image.tags = {QStringLiteral("waste/test:latest")};
    for (auto &entries : layers)
        image.layers.push_back(iw::Layer{std::move(entries)});
    const QString path = dir.filePath(QStringLiteral("image.tar"));
    QString writeError;
    if (!iw::writeArchive(path, {image}, {}, &writeError)) {
        qWarning() << writeError;
        return {};
    }
    return analyzeArchive(path);
}

const InefficientPath *findPath(const EfficiencyReport &report, const std::string &path)
{
    for (const InefficientPath &p : report.paths) {
        if (p.path == path)
            return &p;
    }
    return nullptr;
}

QStringList listedPaths(const EfficiencyReport &report)
{
    QStringList list;
    for (const InefficientPath &p : report.paths)
        list << QString::fromStdString(p.path);
    return list;
}

QByteArray bytes(int count, char fill)
{
    return QByteArray(count, fill);
}

// Every report must add up: what the layers ship is what the final filesystem shows plus what
// a better build would not ship.
void checkBalance(const EfficiencyReport &report)
{
    QCOMPARE(report.reclaimableBytes, report.sizeBytes - report.finalBytes);
    qint64 perLayer = 0;
    qint64 supersedes = 0;
    for (const LayerEfficiency &layer : report.layers) {
        perLayer += layer.wastedBytes();
        supersedes += layer.supersedesBytes;
    }
    QCOMPARE(perLayer, report.reclaimableBytes);
    qint64 shadowed = 0;
    for (const LayerEfficiency &layer : report.layers)
        shadowed += layer.shadowedBytes;
    QCOMPARE(supersedes, report.reclaimableBytes - shadowed);
}

CiConfig diveRules(const QString &lowestEfficiency, const QString &highestWastedBytes,
                   const QString &highestUserWastedPercent)
{
    CiConfig config;
    config.lowestEfficiency = lowestEfficiency;
    config.highestWastedBytes = highestWastedBytes;
    config.highestUserWastedPercent = highestUserWastedPercent;
    return config;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// The .dive-ci of dive's repository, with which dive's CI task checks the kaniko image.
const QByteArray kDiveRepoCi =
    "plugins:\n"
    "  - plugin1\n"
    "\n"
    "rules:\n"
    "  # If the efficiency is measured below X%, mark as failed.\n"
    "  lowestEfficiency: 0.95\n"
    "\n"
    "  # If the amount of wasted space is at least X or larger than X, mark as failed.\n"
    "  highestWastedBytes: 20Mb\n"
    "\n"
    "  # If the amount of wasted space makes up for X% or more of the image, mark as failed.\n"
    "  highestUserWastedPercent: 0.5\n";
} // namespace

class TestEfficiency : public QObject
{
    Q_OBJECT
private slots:
    // dive/image/docker/image_archive_analysis_test.go and the export snapshot of dive's tests.
    void diveTestImageMatchesDive()
    {
        const QString path = fixturePath(QStringLiteral("dive/test-docker-image.tar"));
        REQUIRE_FIXTURE(path);
        const Analyzed a = analyzeArchive(path);
        QVERIFY(a.archive);
        const EfficiencyReport &r = a.report;
        QCOMPARE(r.layerCount, 14);
        QVERIFY(r.efficiency == 0.9844212134184309); // exactly, not fuzzily
        QCOMPARE(r.sizeBytes, 1220598);
        QCOMPARE(r.userSizeBytes, 66237);
        QCOMPARE(r.wastedBytes, 32025);
        QVERIFY(r.userWastedPercent == 0.4834911001404049);

        // dive's list, in dive's order.
        const auto dive = r.diveInefficientPaths();
        QCOMPARE(dive.size(), size_t(3));
        QCOMPARE(dive[0]->path, std::string("root/saved.txt"));
        QCOMPARE(dive[0]->count, 2);
        QCOMPARE(dive[0]->cumulativeSize, 12810);
        QCOMPARE(dive[1]->path, std::string("root/example/somefile1.txt"));
        QCOMPARE(dive[1]->count, 2);
        QCOMPARE(dive[1]->cumulativeSize, 12810);
        QCOMPARE(dive[2]->path, std::string("root/example/somefile3.txt"));
        QCOMPARE(dive[2]->count, 2);
        QCOMPARE(dive[2]->cumulativeSize, 6405);

        // Strata explains them: the recipe copies one 6405-byte file around.
        const InefficientPath *saved = dive[0];
        QCOMPARE(saved->copies.size(), size_t(2));
        QCOMPARE(saved->copies[0].layer, 7);
        QCOMPARE(saved->copies[0].fate, CopyFate::MetadataChanged); // chmod in layer 13
        QCOMPARE(saved->copies[0].fateLayer, 13);
        QCOMPARE(saved->copies[1].fate, CopyFate::Survives);
        QCOMPARE(saved->reclaimableBytes, 6405);
        const InefficientPath *somefile3 = dive[2];
        QCOMPARE(somefile3->copies[0].fate, CopyFate::Deleted);
        QCOMPARE(somefile3->copies[1].fate, CopyFate::Whiteout);
        QCOMPARE(somefile3->reclaimableBytes, 6405);
        // dive misses a file deleted with its directory: it never appears twice.
        const InefficientPath *somefile2 = findPath(r, "root/example/somefile2.txt");
        QVERIFY(somefile2);
        QVERIFY(!somefile2->diveListed);
        QCOMPARE(somefile2->copies.size(), size_t(1));
        QCOMPARE(somefile2->copies[0].fate, CopyFate::Deleted);
        QCOMPARE(somefile2->copies[0].fateLayer, 9);
        // Five copies of the file never reach the final filesystem: saved.txt below its chmod,
        // somefile1.txt twice, somefile2.txt and somefile3.txt.
        QCOMPARE(r.reclaimableBytes, 5 * 6405);
        checkBalance(r);
    }

    // dive's CI task: the kaniko build of the same recipe passes dive's own .dive-ci.
    void kanikoImagePassesDiveRepoRules()
    {
        const QString path = fixturePath(QStringLiteral("dive/test-kaniko-image.tar"));
        REQUIRE_FIXTURE(path);
        const Analyzed a = analyzeArchive(path);
        QVERIFY(a.archive);
        QCOMPARE(a.report.layerCount, 14);
        QStringList dive;
        for (const InefficientPath *p : a.report.diveInefficientPaths())
            dive << QString::fromStdString(p->path);
        QCOMPARE(dive, QStringList({"root/saved.txt", "root/example/somefile1.txt",
                                    "root/example/somefile3.txt"}));
        checkBalance(a.report);

        CiConfig config;
        QString error;
        QVERIFY2(parseDiveCiYaml(kDiveRepoCi, &config, &error), qPrintable(error));
        std::vector<CiRule> rules;
        QVERIFY2(parseCiRules(config, &rules, &error), qPrintable(error));
        const CiEvaluation evaluation = evaluateCiRules(rules, a.report);
        QCOMPARE(evaluation.results.size(), size_t(3));
        for (const CiRuleResult &result : evaluation.results)
            QVERIFY2(result.status == CiStatus::Pass,
                     qPrintable(result.key + QStringLiteral(": ") + result.message));
        // The same image fails dive's default user-wasted-percent rule (0.1).
        QVERIFY(parseCiRules(CiConfig{}, &rules, &error));
        QCOMPARE(evaluateCiRules(rules, a.report).failedRules(),
                 QStringList({"highest-user-wasted-percent"}));
    }

    // A file added and deleted later; a directory added and deleted later. dive counts the
    // deleted file (its whiteout weighs 0) but not the directory: its whiteout weighs what it
    // deletes, so its smallest and cumulative sizes are equal.
    void writtenThenDeleted()
    {
        QTemporaryDir dir;
        const Analyzed a =
            writeAndAnalyze(dir, {
                                     {Entry::file("base", bytes(100, 'b'))},
                                     {Entry::file("big", bytes(1000, 'x')), Entry::dir("cache"),
                                      Entry::file("cache/a", bytes(300, 'a')),
                                      Entry::file("cache/b", bytes(200, 'c'))},
                                     {Entry::whiteout("big"), Entry::whiteout("cache")},
                                 });
        QVERIFY(a.archive);
        const EfficiencyReport &r = a.report;
        // Paths: base 100/100, big 1000+0 (min 0), cache/a 300, cache/b 200, cache 500 (whiteout).
        QVERIFY(r.efficiency == 1100.0 / 2100.0);
        QCOMPARE(r.sizeBytes, 1600);
        QCOMPARE(r.userSizeBytes, 1500);
        QCOMPARE(r.wastedBytes, 1000);
        QVERIFY(r.userWastedPercent == 1000.0 / 1500.0);
        QCOMPARE(r.reclaimableBytes, 1500);
        QCOMPARE(r.finalBytes, 100);
        QCOMPARE(listedPaths(r), QStringList({"big", "cache/a", "cache/b"}));
        const InefficientPath *big = findPath(r, "big");
        QVERIFY(big->diveListed);
        QCOMPARE(big->count, 2);
        QCOMPARE(big->minSize, 0);
        QCOMPARE(big->copies.size(), size_t(2));
        QCOMPARE(big->copies[0].fate, CopyFate::Deleted);
        QCOMPARE(big->copies[0].fateLayer, 2);
        QCOMPARE(big->copies[1].fate, CopyFate::Whiteout);
        QCOMPARE(big->copies[1].diveSize, 0);
        const InefficientPath *cacheA = findPath(r, "cache/a");
        QVERIFY(!cacheA->diveListed);
        QCOMPARE(cacheA->copies[0].fate, CopyFate::Deleted);
        QCOMPARE(cacheA->reclaimableBytes, 300);
        QCOMPARE(r.layers[1].deletedBytes, 1500);
        QCOMPARE(r.layers[2].supersedesBytes, 1500);
        QCOMPARE(r.layers[0].wastedBytes(), 0);
        checkBalance(r);
    }

    void overwrittenThreeTimes()
    {
        QTemporaryDir dir;
        const Analyzed a = writeAndAnalyze(
            dir, {
                     {Entry::dir("bin"), Entry::file("bin/sh", bytes(5000, 's'), 0755),
                      Entry::dir("app"), Entry::file("app/data", bytes(1000, '0'))},
                     {Entry::dir("app"), Entry::file("app/data", bytes(1100, '1'))},
                     {Entry::dir("app"), Entry::file("app/data", bytes(1200, '2'))},
                     {Entry::dir("app"), Entry::file("app/data", bytes(1300, '3'))},
                 });
        QVERIFY(a.archive);
        const EfficiencyReport &r = a.report;
        // bin/sh 5000; app/data four times: 4600 cumulative, 1000 the smallest.
        QVERIFY(r.efficiency == 6000.0 / 9600.0);
        QCOMPARE(r.sizeBytes, 9600);
        QCOMPARE(r.userSizeBytes, 3600);
        QCOMPARE(r.wastedBytes, 4600);
        QVERIFY(r.userWastedPercent == 4600.0 / 3600.0);
        // Strata: the three copies below the last one.
        QCOMPARE(r.reclaimableBytes, 3300);
        QCOMPARE(r.finalBytes, 6300);
        QCOMPARE(listedPaths(r), QStringList({"app/data"}));
        const InefficientPath &data = r.paths.front();
        QCOMPARE(data.count, 4);
        QCOMPARE(data.cumulativeSize, 4600);
        QCOMPARE(data.minSize, 1000);
        QCOMPARE(data.reclaimableBytes, 3300);
        QCOMPARE(data.copies.size(), size_t(4));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(data.copies[size_t(i)].layer, i);
            QCOMPARE(data.copies[size_t(i)].size, 1000 + 100 * i);
            QCOMPARE(data.copies[size_t(i)].fate, CopyFate::Overwritten);
            QCOMPARE(data.copies[size_t(i)].fateLayer, i + 1);
            QCOMPARE(r.layers[size_t(i)].overwrittenBytes, 1000 + 100 * i);
            QCOMPARE(r.layers[size_t(i) + 1].supersedesBytes, 1000 + 100 * i);
        }
        QCOMPARE(data.copies[3].fate, CopyFate::Survives);
        checkBalance(r);
    }

    // RUN chmod and RUN chown copy the whole file into a new layer.
    void metadataOnlyChanges()
    {
        QTemporaryDir dir;
        Entry chowned = Entry::file("srv/data.bin", bytes(800, 'd'));
        chowned.uid = 1000;
        chowned.gid = 1000;
        const Analyzed a = writeAndAnalyze(
            dir, {
                     {Entry::file("run.sh", bytes(500, 'r'), 0644), Entry::dir("srv"),
                      Entry::file("srv/data.bin", bytes(800, 'd'))},
                     {Entry::file("run.sh", bytes(500, 'r'), 0755)},
                     {Entry::dir("srv"), chowned},
                 });
        QVERIFY(a.archive);
        const EfficiencyReport &r = a.report;
        QVERIFY(r.efficiency == 1300.0 / 2600.0);
        QCOMPARE(r.sizeBytes, 2600);
        QCOMPARE(r.userSizeBytes, 1300);
        QCOMPARE(r.wastedBytes, 2600);
        QVERIFY(r.userWastedPercent == 2.0);
        QCOMPARE(r.reclaimableBytes, 1300);
        // Equal cumulative sizes would keep dive's order; here they differ.
        QCOMPARE(listedPaths(r), QStringList({"srv/data.bin", "run.sh"}));
        const InefficientPath *run = findPath(r, "run.sh");
        QCOMPARE(run->copies[0].fate, CopyFate::MetadataChanged);
        QCOMPARE(run->copies[0].fateLayer, 1);
        QCOMPARE(run->copies[0].mode, 0644u);
        QCOMPARE(run->copies[1].mode, 0755u);
        const InefficientPath *data = findPath(r, "srv/data.bin");
        QCOMPARE(data->copies[0].fate, CopyFate::MetadataChanged);
        QCOMPARE(data->copies[0].fateLayer, 2);
        QCOMPARE(data->copies[1].uid, 1000u);
        QCOMPARE(r.layers[0].metadataChangedBytes, 1300);
        // A new content of another size is an overwrite, not a metadata change.
        QTemporaryDir dir2;
        const Analyzed b = writeAndAnalyze(dir2, {
                                                     {Entry::file("run.sh", bytes(500, 'r'), 0644)},
                                                     {Entry::file("run.sh", bytes(501, 'r'), 0755)},
                                                 });
        QCOMPARE(b.report.paths.front().copies[0].fate, CopyFate::Overwritten);
        checkBalance(r);
    }

    // An opaque directory hides everything below it. dive ignores opaque markers, so it sees
    // no waste at all; Strata counts the hidden bytes.
    void opaqueDirectoryHidesBigFile()
    {
        QTemporaryDir dir;
        const Analyzed a = writeAndAnalyze(
            dir,
            {
                {Entry::dir("data"), Entry::file("data/big", bytes(10000, 'B')),
                 Entry::file("data/keep", bytes(10, 'k')), Entry::file("other", bytes(50, 'o'))},
                {Entry::dir("data"), Entry::opaque("data"),
                 Entry::file("data/new", bytes(20, 'n'))},
            });
        QVERIFY(a.archive);
        const EfficiencyReport &r = a.report;
        QVERIFY(r.efficiency == 1.0);
        QCOMPARE(r.wastedBytes, 0);
        QCOMPARE(r.sizeBytes, 10080);
        QCOMPARE(r.userSizeBytes, 20);
        QVERIFY(r.userWastedPercent == 0.0);
        QVERIFY(r.diveInefficientPaths().empty());
        QCOMPARE(r.reclaimableBytes, 10010);
        QCOMPARE(r.finalBytes, 70);
        QCOMPARE(listedPaths(r), QStringList({"data/big", "data/keep"}));
        const InefficientPath *big = findPath(r, "data/big");
        QCOMPARE(big->copies.size(), size_t(1));
        QCOMPARE(big->copies[0].fate, CopyFate::HiddenByOpaque);
        QCOMPARE(big->copies[0].fateLayer, 1);
        QCOMPARE(r.layers[0].hiddenBytes, 10010);
        QCOMPARE(r.layers[1].supersedesBytes, 10010);
        checkBalance(r);
    }

    // A whiteout of a directory that is later written again: dive weighs the whiteout with
    // the directory it deleted, merged from every layer below (not only the last one).
    void directoryWhiteoutWeighsMergedSubtree()
    {
        QTemporaryDir dir;
        const Analyzed a =
            writeAndAnalyze(dir, {
                                     {Entry::dir("d"), Entry::file("d/one", bytes(100, '1'))},
                                     {Entry::dir("d"), Entry::file("d/two", bytes(200, '2'))},
                                     {Entry::whiteout("d")},
                                     {Entry::dir("d")},
                                 });
        QVERIFY(a.archive);
        const EfficiencyReport &r = a.report;
        // Leaves: d/one 100, d/two 200, whiteout d = 300, the empty d of layer 3 = 0.
        // Path d: count 2, cumulative 300, smallest 0: dive calls 300 bytes wasted.
        QCOMPARE(r.wastedBytes, 300);
        QVERIFY(r.efficiency == 300.0 / 600.0);
        const InefficientPath *d = findPath(r, "d");
        QVERIFY(d && d->diveListed);
        QCOMPARE(d->copies[0].fate, CopyFate::Whiteout);
        QCOMPARE(d->copies[0].diveSize, 300);
        QCOMPARE(d->copies[1].fate, CopyFate::Survives);
        QCOMPARE(d->reclaimableBytes, 0);
        QCOMPARE(r.reclaimableBytes, 300);
        QCOMPARE(findPath(r, "d/one")->copies[0].fate, CopyFate::Deleted);
        checkBalance(r);
    }

    // One layer: nothing can be wasted and the user wasted percent is undefined (dive divides
    // 0 by 0); every rule passes, as in dive.
    void oneLayerImage()
    {
        QTemporaryDir dir;
        const Analyzed a = writeAndAnalyze(dir, {{Entry::file("only", bytes(42, 'o'))}});
        QVERIFY(a.archive);
        QVERIFY(a.report.efficiency == 1.0);
        QCOMPARE(a.report.wastedBytes, 0);
        QVERIFY(std::isnan(a.report.userWastedPercent));
        QVERIFY(!a.report.hasUserWastedPercent());
        CiConfig config;
        config.highestWastedBytes = QStringLiteral("0");
        config.lowestEfficiency = QStringLiteral("1");
        config.highestUserWastedPercent = QStringLiteral("0");
        std::vector<CiRule> rules;
        QString error;
        QVERIFY(parseCiRules(config, &rules, &error));
        const CiEvaluation evaluation = evaluateCiRules(rules, a.report);
        QVERIFY(evaluation.pass());
        for (const CiRuleResult &result : evaluation.results)
            QCOMPARE(result.status, CiStatus::Pass);
    }

    void siBytes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<quint64>("bytes");
        QTest::newRow("20MB") << "20MB" << true << quint64(20000000);
        QTest::newRow("20Mb") << "20Mb" << true << quint64(20000000);
        QTest::newRow("20M") << "20M" << true << quint64(20000000);
        QTest::newRow("20 mb") << "20 mb" << true << quint64(20000000);
        QTest::newRow("20MiB") << "20MiB" << true << quint64(20971520);
        QTest::newRow("1.5 KiB") << "1.5 KiB" << true << quint64(1536);
        QTest::newRow("1,000") << "1,000" << true << quint64(1000);
        QTest::newRow("plain") << "32025" << true << quint64(32025);
        QTest::newRow("B") << "7B" << true << quint64(7);
        QTest::newRow("kB") << "32kB" << true << quint64(32000);
        QTest::newRow("GB") << "2GB" << true << quint64(2000000000);
        QTest::newRow("fraction truncates") << "1.0005k" << true << quint64(1000);
        QTest::newRow("unknown unit") << "20XB" << false << quint64(0);
        QTest::newRow("no number") << "MB" << false << quint64(0);
        QTest::newRow("empty") << "" << false << quint64(0);
        QTest::newRow("negative") << "-5MB" << false << quint64(0);
    }
    void siBytes()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(quint64, bytes);
        quint64 parsed = 12345;
        QCOMPARE(parseSiBytes(text, &parsed), ok);
        if (ok)
            QCOMPARE(parsed, bytes);
    }

    void disabledValues()
    {
        for (const char *off : {"disabled", "off", "false", "", "  OFF ", "False"})
            QVERIFY2(isCiRuleDisabled(QString::fromLatin1(off)), off);
        for (const char *on : {"0", "0.9", "no", "20MB"})
            QVERIFY2(!isCiRuleDisabled(QString::fromLatin1(on)), on);
    }

    // Thresholds around the dive image's figures: efficiency 0.98442..., wasted 32025 bytes,
    // user wasted percent 0.48349...
    void rulesOnDiveImage_data()
    {
        QTest::addColumn<QString>("lowestEfficiency");
        QTest::addColumn<QString>("highestWastedBytes");
        QTest::addColumn<QString>("highestUserWastedPercent");
        QTest::addColumn<QStringList>("statuses"); // by name: user percent, bytes, efficiency
        QTest::newRow("defaults") << "0.9"
                                  << "disabled"
                                  << "0.1" << QStringList({"FAIL", "SKIP", "PASS"});
        QTest::newRow("all pass") << "0.98"
                                  << "32025"
                                  << "0.49" << QStringList({"PASS", "PASS", "PASS"});
        QTest::newRow("all fail") << "0.99"
                                  << "32024"
                                  << "0.48" << QStringList({"FAIL", "FAIL", "FAIL"});
        QTest::newRow("SI kB") << "off"
                               << "32kB"
                               << "false" << QStringList({"SKIP", "FAIL", "SKIP"});
        QTest::newRow("KiB") << ""
                             << "32KiB"
                             << "disabled" << QStringList({"SKIP", "PASS", "SKIP"});
        QTest::newRow("bounds") << "0"
                                << "20MB"
                                << "1" << QStringList({"PASS", "PASS", "PASS"});
    }
    void rulesOnDiveImage()
    {
        QFETCH(QString, lowestEfficiency);
        QFETCH(QString, highestWastedBytes);
        QFETCH(QString, highestUserWastedPercent);
        QFETCH(QStringList, statuses);
        const QString path = fixturePath(QStringLiteral("dive/test-docker-image.tar"));
        REQUIRE_FIXTURE(path);
        const Analyzed a = analyzeArchive(path);
        QVERIFY(a.archive);
        const CiConfig config =
            diveRules(lowestEfficiency, highestWastedBytes, highestUserWastedPercent);
        std::vector<CiRule> rules;
        QString error;
        QVERIFY2(parseCiRules(config, &rules, &error), qPrintable(error));
        const CiEvaluation evaluation = evaluateCiRules(rules, a.report);
        QStringList keys, got;
        for (const CiRuleResult &result : evaluation.results) {
            keys << result.key;
            got << QLatin1String(ciStatusName(result.status));
        }
        QCOMPARE(keys, QStringList({"highest-user-wasted-percent", "highest-wasted-bytes",
                                    "lowest-efficiency"}));
        QCOMPARE(got, statuses);
        QCOMPARE(evaluation.pass(), !statuses.contains(QStringLiteral("FAIL")));
    }

    void badRuleValues_data()
    {
        QTest::addColumn<QString>("lowestEfficiency");
        QTest::addColumn<QString>("highestWastedBytes");
        QTest::addColumn<QString>("highestUserWastedPercent");
        QTest::addColumn<QString>("badKey");
        QTest::newRow("efficiency above 1") << "1.5"
                                            << "off"
                                            << "off"
                                            << "lowest-efficiency";
        QTest::newRow("efficiency not a number") << "high"
                                                 << "off"
                                                 << "off"
                                                 << "lowest-efficiency";
        QTest::newRow("efficiency nan") << "nan"
                                        << "off"
                                        << "off"
                                        << "lowest-efficiency";
        QTest::newRow("percent negative") << "off"
                                          << "off"
                                          << "-0.1"
                                          << "highest-user-wasted-percent";
        QTest::newRow("bytes unit") << "off"
                                    << "20 parsecs"
                                    << "off"
                                    << "highest-wasted-bytes";
    }
    void badRuleValues()
    {
        QFETCH(QString, lowestEfficiency);
        QFETCH(QString, highestWastedBytes);
        QFETCH(QString, highestUserWastedPercent);
        QFETCH(QString, badKey);
        std::vector<CiRule> rules;
        QString error, key;
        QVERIFY(
            !parseCiRules(diveRules(lowestEfficiency, highestWastedBytes, highestUserWastedPercent),
                          &rules, &error, &key));
        QCOMPARE(key, badKey);
        QVERIFY2(error.contains(badKey), qPrintable(error));
    }

    void diveCiYaml_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QStringList>("values"); // lowest, wasted bytes, user percent
        QTest::newRow("dive repo (legacy keys)")
            << kDiveRepoCi << QStringList({"0.95", "20Mb", "0.5"});
        QTest::newRow("current keys, quoted")
            << QByteArray("rules:\n  lowest-efficiency: '0.95'\n  highest-wasted-bytes: \"20MB\"\n"
                          "  highest-user-wasted-percent: 0.20   # a comment\n")
            << QStringList({"0.95", "20MB", "0.20"});
        QTest::newRow("partial keeps defaults")
            << QByteArray("rules:\n    lowest-efficiency: 0.8\n")
            << QStringList({"0.8", "disabled", "0.1"});
        QTest::newRow("legacy wins")
            << QByteArray("rules:\n  lowest-efficiency: 0.8\n  lowestEfficiency: 0.7\n")
            << QStringList({"0.7", "disabled", "0.1"});
        QTest::newRow("empty legacy does not win")
            << QByteArray("rules:\n  lowest-efficiency: 0.8\n  lowestEfficiency: ''\n")
            << QStringList({"0.8", "disabled", "0.1"});
        QTest::newRow("empty value disables")
            << QByteArray("rules:\n  highest-user-wasted-percent:\n  lowest-efficiency: false\n")
            << QStringList({"false", "disabled", ""});
        QTest::newRow("flow map")
            << QByteArray("rules: {lowest-efficiency: 0.99, highestWastedBytes: 1GB}\n")
            << QStringList({"0.99", "1GB", "0.1"});
        QTest::newRow("other keys, CRLF, BOM, document marker")
            << QByteArray("\xEF\xBB\xBF---\r\nlog:\r\n  level: debug\r\n  nested:\r\n    - "
                          "a\r\nci: true\r\n"
                          "rules:\r\n  unknown-rule: 3\r\n  highest-wasted-bytes: 5MB\r\n")
            << QStringList({"0.9", "5MB", "0.1"});
        QTest::newRow("no rules") << QByteArray("# nothing here\n")
                                  << QStringList({"0.9", "disabled", "0.1"});
    }
    void diveCiYaml()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QStringList, values);
        CiConfig config;
        QString error;
        QVERIFY2(parseDiveCiYaml(yaml, &config, &error), qPrintable(error));
        QCOMPARE(QStringList({config.lowestEfficiency, config.highestWastedBytes,
                              config.highestUserWastedPercent}),
                 values);
    }

    void badDiveCiYaml_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("error");
        QTest::newRow("tab indent")
            << QByteArray("rules:\n\tlowest-efficiency: 0.9\n") << "line 2: tabs";
        QTest::newRow("not key value")
            << QByteArray("rules:\n  lowest-efficiency 0.9\n") << "line 2: expected";
        QTest::newRow("rules list") << QByteArray("rules:\n  - lowest-efficiency: 0.9\n")
                                    << "line 2: \"rules\" must be a map";
        QTest::newRow("rules scalar")
            << QByteArray("rules: 0.9\n") << "line 1: \"rules\" must be a map";
        QTest::newRow("duplicate")
            << QByteArray("rules:\n  lowestEfficiency: 0.9\n  lowestEfficiency: 0.8\n")
            << "line 3: \"lowestEfficiency\" is set twice";
        QTest::newRow("nested") << QByteArray("rules:\n  lowest-efficiency:\n    value: 0.9\n")
                                << "line 3: nested";
        QTest::newRow("unterminated quote")
            << QByteArray("rules:\n  lowest-efficiency: '0.9\n") << "line 2: unterminated";
        QTest::newRow("open flow map")
            << QByteArray("rules: {lowest-efficiency: 0.9,\n") << "line 1:";
    }
    void badDiveCiYaml()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, error);
        CiConfig config;
        QString message;
        QVERIFY(!parseDiveCiYaml(yaml, &config, &message));
        QVERIFY2(message.startsWith(error), qPrintable(message));
    }

    void readDiveCiFileNamesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral(".dive-ci"));
        QVERIFY(writeFile(path, "rules:\n  lowest-efficiency 0.9\n"));
        CiConfig config;
        QString error;
        QVERIFY(!readDiveCiFile(path, &config, &error));
        QCOMPARE(error, path + QStringLiteral(": line 2: expected \"key: value\""));
        QVERIFY(!readDiveCiFile(dir.filePath(QStringLiteral("missing")), &config, &error));
        QVERIFY(error.startsWith(dir.filePath(QStringLiteral("missing")) + QStringLiteral(": ")));
    }

    // The commands as users run them (needs `efficiency` and `ci` in strata-cli).
    void cliEfficiencyJson()
    {
        const QString path = fixturePath(QStringLiteral("dive/test-docker-image.tar"));
        REQUIRE_FIXTURE(path);
        const ProcessRun run = runCli({QStringLiteral("efficiency"), path,
                                       QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.code, 0);
        // The score is printed with dive's shortest round-trip digits.
        QVERIFY(run.out.contains("\"efficiencyScore\": 0.9844212134184309"));
        QVERIFY(run.out.contains("\"userWastedPercent\": 0.4834911001404049"));
        const QJsonObject root = QJsonDocument::fromJson(run.out).object();
        const QJsonObject dive = root.value(QStringLiteral("dive")).toObject();
        QCOMPARE(dive.value(QStringLiteral("sizeBytes")).toInteger(), 1220598);
        QCOMPARE(dive.value(QStringLiteral("userSizeBytes")).toInteger(), 66237);
        QCOMPARE(dive.value(QStringLiteral("inefficientBytes")).toInteger(), 32025);
        const QJsonArray files = dive.value(QStringLiteral("fileReference")).toArray();
        QCOMPARE(files.size(), 3);
        QCOMPARE(files.at(0).toObject().value(QStringLiteral("file")).toString(),
                 QStringLiteral("/root/saved.txt"));
        QCOMPARE(files.at(2).toObject().value(QStringLiteral("sizeBytes")).toInteger(), 6405);
        QCOMPARE(root.value(QStringLiteral("reclaimableBytes")).toInteger(), 5 * 6405);
        QCOMPARE(root.value(QStringLiteral("layers")).toArray().size(), 14);

        const ProcessRun text = runCli({QStringLiteral("efficiency"), path});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains("98.44 %"));
        QVERIFY(text.out.contains("32025 bytes"));
        QVERIFY(text.out.contains("/root/example/somefile2.txt"));
    }

    void cliCiGate()
    {
        const QString image = fixturePath(QStringLiteral("dive/test-docker-image.tar"));
        const QString kaniko = fixturePath(QStringLiteral("dive/test-kaniko-image.tar"));
        REQUIRE_FIXTURE(image);
        REQUIRE_FIXTURE(kaniko);
        QTemporaryDir dir; // also the working directory: no stray .dive-ci there

        ProcessRun run = runCli({QStringLiteral("ci"), image}, dir.path());
        QCOMPARE(run.code, 1);
        QVERIFY(run.out.contains("FAIL  highest-user-wasted-percent"));
        QVERIFY(run.out.contains("SKIP  highest-wasted-bytes"));
        QVERIFY(run.out.contains("PASS  lowest-efficiency"));
        QVERIFY2(run.err.contains("highest-user-wasted-percent"), run.err.constData());

        run = runCli({QStringLiteral("ci"), image, QStringLiteral("--highest-user-wasted-percent"),
                      QStringLiteral("0.5"), QStringLiteral("--highest-wasted-bytes"),
                      QStringLiteral("32kB"), QStringLiteral("--lowest-efficiency"),
                      QStringLiteral("0.99")},
                     dir.path());
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains("highest-wasted-bytes, lowest-efficiency"), run.err.constData());

        // dive's repository .dive-ci, read by default from the working directory.
        QVERIFY(writeFile(dir.filePath(QStringLiteral(".dive-ci")), kDiveRepoCi));
        run = runCli({QStringLiteral("ci"), kaniko}, dir.path());
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains("PASS [pass:3]"));
        // Flags override the file.
        run = runCli({QStringLiteral("ci"), kaniko, QStringLiteral("--highest-user-wasted-percent"),
                      QStringLiteral("0.1")},
                     dir.path());
        QCOMPARE(run.code, 1);

        // Bad input: exit 2 with one line naming the file.
        const QString broken = dir.filePath(QStringLiteral("broken.yaml"));
        QVERIFY(writeFile(broken, "rules:\n  lowest-efficiency: 2\n"));
        run = runCli({QStringLiteral("ci"), image, QStringLiteral("--config"), broken}, dir.path());
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.startsWith(QByteArray("strata-cli: " + broken.toLocal8Bit() + ": ")),
                 run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
        run = runCli({QStringLiteral("ci"), image, QStringLiteral("--config"),
                      dir.filePath(QStringLiteral("none"))},
                     dir.path());
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains(dir.filePath(QStringLiteral("none")).toLocal8Bit()));
        run = runCli({QStringLiteral("ci"), image, QStringLiteral("--lowest-efficiency"),
                      QStringLiteral("lots")},
                     dir.path());
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains("lowest-efficiency"));
        run =
            runCli({QStringLiteral("ci"), dir.filePath(QStringLiteral("no-such.tar"))}, dir.path());
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains("no-such.tar"));
    }
};

QTEST_GUILESS_MAIN(TestEfficiency)
#include "tst_efficiency.moc"

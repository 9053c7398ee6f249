// Strata's dive figures against dive itself: the real dive 0.12 runs on every docker-archive
// the tests write (each image in every docker-archive layout) and on dive's own test images,
// and `strata-cli efficiency --format json` must print what dive's JSON export and CI summary
// say: size, inefficient bytes, efficiency score, the inefficient files in dive's order, the
// per-layer sizes and the user-wasted percent. Strata's demo image is checked the same way.
#include "fixtures.h"
#include "processrun.h"
#include "sampleimages.h"
#include "wastefulimage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace strata;
using namespace strata::testing;

namespace {
QString dive()
{
    return qEnvironmentVariable("STRATA_DIVE");
}

struct Written
{
    const char *name;
    imagewriter::Layout layout;
};
// dive 0.12 reads uncompressed layers only ("could not find 'blobs/sha256/…' in parsed layers"
// for the containerd store's gzip layers), so those are checked against Strata alone elsewhere.
constexpr Written kLayouts[] = {
    {"docker-save", imagewriter::Layout::DockerLegacy},
    {"docker-save-25", imagewriter::Layout::Docker25},
    {"podman-save", imagewriter::Layout::PodmanDockerArchive},
};
} // namespace

class TestDivePeer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // Runs both and compares; `path` is a docker-archive dive reads.
    void compareWithDive(const QString &path)
    {
        const QString exported = m_dir.filePath(QStringLiteral("dive.json"));
        QFile::remove(exported);
        const ProcessRun exportRun =
            runProcess(dive(), {"--source", "docker-archive", path, "--json", exported});
        QVERIFY2(exportRun.code == 0, QByteArray(exportRun.out + exportRun.err).constData());
        QFile file(exported);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(exported));
        const QJsonObject peer = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY2(peer.contains("image"), qPrintable(path));

        const ProcessRun strataRun = runCli({"efficiency", path, "--format", "json"});
        QVERIFY2(strataRun.code == 0, strataRun.err);
        const QJsonObject ours = QJsonDocument::fromJson(strataRun.out).object();

        const QJsonObject peerImage = peer.value("image").toObject();
        const QJsonObject ourDive = ours.value("dive").toObject();
        QCOMPARE(ourDive.value("sizeBytes").toInteger(), peerImage.value("sizeBytes").toInteger());
        QCOMPARE(ourDive.value("inefficientBytes").toInteger(),
                 peerImage.value("inefficientBytes").toInteger());
        // Exactly the same double: both print the shortest form that reads back the same.
        QCOMPARE(ourDive.value("efficiencyScore").toDouble(),
                 peerImage.value("efficiencyScore").toDouble());
        QCOMPARE(ourDive.value("fileReference").toArray(),
                 peerImage.value("fileReference").toArray());

        const QJsonArray peerLayers = peer.value("layer").toArray();
        const QJsonArray ourLayers = ours.value("layers").toArray();
        QCOMPARE(ourLayers.size(), peerLayers.size());
        for (qsizetype i = 0; i < peerLayers.size(); ++i)
            QCOMPARE(ourLayers[i].toObject().value("sizeBytes").toInteger(),
                     peerLayers[i].toObject().value("sizeBytes").toInteger());

        // The user-wasted percent is only in dive's CI summary, rounded to four decimals.
        QProcessEnvironment ci = QProcessEnvironment::systemEnvironment();
        ci.insert(QStringLiteral("CI"), QStringLiteral("true"));
        const ProcessRun ciRun = runProcess(dive(), {"--source", "docker-archive", path}, {}, ci);
        const QRegularExpression userWasted(QStringLiteral("userWastedPercent: ([0-9.]+) %"));
        const auto match = userWasted.match(QString::fromUtf8(ciRun.out));
        QVERIFY2(match.hasMatch(), ciRun.out);
        const double peerPercent = match.captured(1).toDouble();
        const double ourPercent = ourDive.value("userWastedPercent").toDouble() * 100;
        QVERIFY2(qAbs(ourPercent - peerPercent) <= 0.00005 + 1e-9,
                 qPrintable(QStringLiteral("%1: %2 % against dive's %3 %")
                                .arg(path)
                                .arg(ourPercent, 0, 'f', 6)
                                .arg(peerPercent, 0, 'f', 4)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo(dive()).isExecutable(),
                 qPrintable(QStringLiteral("dive 0.12 not found at ") + dive()));
    }

    void writtenImages_data()
    {
        QTest::addColumn<QString>("path");
        const HostProgram host = hostProgram();
        QVERIFY2(host.isValid(), "this machine's /usr/bin/true and its libc are needed");
        const std::pair<const char *, imagewriter::Image> images[] = {
            {"sample", sampleImage()},
            {"first-of-two", firstOfTwo()},
            {"second-of-two", secondOfTwo()},
            {"naive-go-build", naiveGoBuild(host)},
            {"multi-stage-go-build", multiStageGoBuild(host)},
        };
        for (const auto &[name, image] : images) {
            for (const Written &written : kLayouts) {
                const QString label =
                    QStringLiteral("%1 %2").arg(QLatin1String(name), QLatin1String(written.name));
                const QString path = m_dir.filePath(label + QStringLiteral(".tar"));
                QString error;
                imagewriter::WriteOptions options;
                options.layout = written.layout;
                QVERIFY2(imagewriter::writeArchive(path, {image}, options, &error),
                         qPrintable(error));
                QTest::newRow(qPrintable(label)) << path;
            }
        }
    }
    void writtenImages()
    {
        QFETCH(QString, path);
        compareWithDive(path);
    }

    // The images dive's own tests use, written by docker and kaniko, and Strata's demo image.
    void diveTestImages_data()
    {
        QTest::addColumn<QString>("path");
        for (const char *name : {"dive/test-docker-image.tar", "dive/test-kaniko-image.tar"})
            QTest::newRow(name) << fixturePath(QLatin1String(name));
        QTest::newRow("strata-demo.tar") << QStringLiteral(STRATA_DEMO_ARCHIVE);
    }
    void diveTestImages()
    {
        QFETCH(QString, path);
        REQUIRE_FIXTURE(path);
        compareWithDive(path);
    }
};

QTEST_GUILESS_MAIN(TestDivePeer)
#include "tst_divepeer.moc"

#include "analysis/layerreuse.h"
#include "engine/engineclient.h"
#include "engine/enginehistory.h"
#include "engine/engineimagesource.h"
#include "engine/enginelisting.h"
#include "report/treereport.h"
#include "source/opensource.h"
#include "tree/overlaymerge.h"

#include "containerchanges.h"
#include "engines.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace strata;

// The same engine API through Podman's service: what differs is Podman's own bookkeeping
// (sizes counted as tars, containers listed with their sizes, no /system/df).
class TestPodmanEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listingMatchesPodmanCli();
    void imageTreeEqualsSavedArchive();
    void historyMatchesPodmanHistory();
    void containerShowsPodmanDiff();

private:
    QByteArray podman(const QStringList &arguments);

    QTemporaryDir m_work;
    QTemporaryDir m_cache;
    PodmanEngine m_engine;
};

QByteArray TestPodmanEngine::podman(const QStringList &arguments)
{
    return m_engine.output(arguments);
}

void TestPodmanEngine::initTestCase()
{
    qputenv("STRATA_CACHE_DIR", m_cache.path().toLocal8Bit());
    QString why;
    QVERIFY2(m_engine.start(&why), qPrintable(why));
    const QString archive =
        writeBusyboxImage(m_work.path(), QStringLiteral("strata-test/busybox:1"), &why, 2);
    QVERIFY2(!archive.isEmpty(), qPrintable(why));
    QVERIFY2(m_engine.cli({QStringLiteral("load"), QStringLiteral("-i"), archive}, nullptr, &why),
             qPrintable(why));
    QVERIFY2(m_engine.cli(m_engine.runArguments() +
                              QStringList{QStringLiteral("--name"), QStringLiteral("worker"),
                                          QStringLiteral("strata-test/busybox:1"),
                                          QStringLiteral("sleep"), QStringLiteral("600")},
                          nullptr, &why),
             qPrintable(why));
}

void TestPodmanEngine::cleanupTestCase()
{
    m_engine.stop();
}

void TestPodmanEngine::listingMatchesPodmanCli()
{
    EngineClient client(endpointForHost(EngineKind::Podman, m_engine.host(), {}));
    Error error;
    const auto listing = listEngine(client, &error);
    QVERIFY2(listing, qPrintable(error.toString()));
    QCOMPARE(listing->version.kind, EngineKind::Podman);
    QCOMPARE(listing->version.product, QStringLiteral("Podman Engine"));

    const QJsonArray images =
        QJsonDocument::fromJson(
            podman({QStringLiteral("images"), QStringLiteral("--format"), QStringLiteral("json")}))
            .array();
    QCOMPARE(listing->images.size(), images.size());
    for (const QJsonValue &v : images) {
        const QJsonObject row = v.toObject();
        const QString id = QStringLiteral("sha256:") + row.value(QStringLiteral("Id")).toString();
        auto it = std::find_if(listing->images.begin(), listing->images.end(),
                               [&](const EngineImage &i) { return i.id == id; });
        QVERIFY2(it != listing->images.end(), qPrintable(id));
        QCOMPARE(it->size, qint64(row.value(QStringLiteral("Size")).toDouble()));
        QCOMPARE(it->containers, row.value(QStringLiteral("Containers")).toInt());
        QStringList names;
        for (const QJsonValue &name : row.value(QStringLiteral("Names")).toArray())
            names << name.toString();
        QCOMPARE(it->repoTags, names);
    }

    const QJsonArray containers =
        QJsonDocument::fromJson(
            podman({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-s"),
                    QStringLiteral("--format"), QStringLiteral("json")}))
            .array();
    QCOMPARE(listing->containers.size(), containers.size());
    const QJsonObject row = containers.first().toObject();
    const EngineContainer &c = listing->containers.first();
    QCOMPARE(c.id, row.value(QStringLiteral("Id")).toString());
    QCOMPARE(c.name, QStringLiteral("worker"));
    QCOMPARE(c.sizeRw, qint64(row.value(QStringLiteral("Size"))
                                  .toObject()
                                  .value(QStringLiteral("rwSize"))
                                  .toDouble()));
}

void TestPodmanEngine::imageTreeEqualsSavedArchive()
{
    const QString saved = m_work.path() + QStringLiteral("/saved.tar");
    QVERIFY(m_engine.cli({QStringLiteral("save"), QStringLiteral("-o"), saved,
                          QStringLiteral("strata-test/busybox:1")}));
    Error error;
    auto fromEngine =
        openImageSource(m_engine.location(QStringLiteral("strata-test/busybox:1")), &error);
    QVERIFY2(fromEngine, qPrintable(error.toString()));
    QVERIFY(fromEngine->description().startsWith(QStringLiteral("Podman Engine ")));
    auto fromFile = openImageSource(saved, &error);
    QVERIFY2(fromFile, qPrintable(error.toString()));
    QCOMPARE(fromEngine->images().front().id, fromFile->images().front().id);
    const auto a = fromEngine->loadLayers(0, {}, &error);
    const auto b = fromFile->loadLayers(0, {}, &error);
    QCOMPARE(a.size(), size_t(3));
    for (int top = 0; top < 3; ++top)
        QCOMPARE(mergedTreeTsv(mergeLayers(a, top), a), mergedTreeTsv(mergeLayers(b, top), b));
}

void TestPodmanEngine::historyMatchesPodmanHistory()
{
    Error error;
    auto source = std::dynamic_pointer_cast<EngineImageSource>(
        openImageSource(m_engine.location(QStringLiteral("strata-test/busybox:1")), &error));
    QVERIFY2(source, qPrintable(error.toString()));
    const ImageInfo &image = source->images().front();
    const auto layers = source->loadLayers(0, {}, &error);
    QCOMPARE(compareEngineHistory(source->engineHistory(), EngineKind::Podman, image, layers),
             QStringList());
    // podman history's JSON, newest first: the command and the bytes of every step.
    QStringList expected;
    const QJsonArray rows =
        QJsonDocument::fromJson(podman({QStringLiteral("history"), QStringLiteral("--no-trunc"),
                                        QStringLiteral("--format"), QStringLiteral("json"),
                                        QStringLiteral("strata-test/busybox:1")}))
            .array();
    for (const QJsonValue &row : rows)
        expected << row.toObject().value(QStringLiteral("CreatedBy")).toString() +
                        QLatin1Char('|') +
                        QString::number(
                            qint64(row.toObject().value(QStringLiteral("size")).toDouble()));
    QStringList derived;
    for (const HistoryEntry &step : image.history) {
        const qint64 size = step.emptyLayer ? 0 : layers[size_t(step.layer)]->tarSize;
        derived.prepend(step.createdByRaw + QLatin1Char('|') + QString::number(size));
    }
    QCOMPARE(derived, expected);
}

void TestPodmanEngine::containerShowsPodmanDiff()
{
    QString why;
    QVERIFY2(m_engine.cli({QStringLiteral("exec"), QStringLiteral("worker"), QStringLiteral("sh"),
                           QStringLiteral("-c"),
                           QStringLiteral("echo hello > /root/new.txt && rm /etc/issue && "
                                          "mkdir -p /var/lib/app && ln -s /root/new.txt /root/link "
                                          "&& dd if=/dev/zero of=/var/lib/app/blob bs=1000 "
                                          "count=21 2>/dev/null")},
                          nullptr, &why),
             qPrintable(why));
    Error error;
    auto source = openImageSource(
        m_engine.location(QStringLiteral("worker")) + QStringLiteral("&container"), &error);
    QVERIFY2(source, qPrintable(error.toString()));
    const ImageInfo &image = source->images().front();
    QVERIFY(image.container);
    const auto layers = source->loadLayers(0, {}, &error);
    QCOMPARE(diffLines(layers),
             sortedLines(podman({QStringLiteral("diff"), QStringLiteral("worker")})));
    const FileTree &rw = layers.back()->tree;
    QCOMPARE(rw.node(rw.find("var/lib/app/blob")).size, uint64_t(21000));
    QCOMPARE(rw.linkTarget(rw.find("root/link")), std::string_view("/root/new.txt"));
    QCOMPARE(source->readFile(0, 3, QStringLiteral("root/new.txt"), 100, &error),
             QByteArray("hello\n"));
}

QTEST_GUILESS_MAIN(TestPodmanEngine)
#include "tst_podmanengine.moc"

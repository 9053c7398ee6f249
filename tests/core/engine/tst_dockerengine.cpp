#include "analysis/layerreuse.h"
#include "cache/blobstore.h"
#include "engine/engineclient.h"
#include "engine/enginehistory.h"
#include "engine/engineimagesource.h"
#include "engine/enginelisting.h"
#include "engine/overlayfolders.h"
#include "engine/savedimage.h"
#include "report/treereport.h"
#include "source/opensource.h"
#include "tree/overlaymerge.h"

#include "containerchanges.h"
#include "engines.h"
#include "testregistry.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

#include <thread>

using namespace strata;

namespace {

// go-units' HumanSizeWithPrecision, what the docker CLI prints sizes with.
QString dockerHumanSize(qint64 bytes, int precision)
{
    static const char *units[] = {"B", "kB", "MB", "GB", "TB", "PB"};
    double size = double(bytes);
    int i = 0;
    while (size >= 1000.0 && i < 5) {
        size /= 1000.0;
        ++i;
    }
    return QString::asprintf("%.*g%s", precision, size, units[i]);
}

} // namespace

class TestDockerEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listingMatchesDockerCli();
    void imageTreeEqualsSavedArchive();
    void historyMatchesDockerHistory();
    void cacheKeepsEachLayerOnce();
    void damagedCacheEntryIsSavedAgain();
    void registryReadsLayersTheEngineSaved();
    void containerShowsDockerDiff();
    void twoContainersOfOneImage();
    void eventsArrive();
    void overlayFoldersAsOnDisk();
    void overlayFoldersOfVfsSayWhyNot();
    void cliReadsEngine();
    void bareReferenceReachesEngine();
    void removedContainerIsSaid();
    void noEngineIsSaid();
    void tooOldApiIsSaid();
    void deniedSocketIsSaid();
    void fullCacheDiskLeavesNothing();
    void engineStoppingMidStreamLeavesNothing();

private:
    QByteArray docker(const QStringList &arguments);

    QTemporaryDir m_work;
    QTemporaryDir m_cache;
    DockerEngine m_engine;
    QString m_archive; // the busybox image as this test wrote it
};

QByteArray TestDockerEngine::docker(const QStringList &arguments)
{
    return m_engine.output(arguments);
}

void TestDockerEngine::initTestCase()
{
    qputenv("STRATA_CACHE_DIR", m_cache.path().toLocal8Bit());
    QString why;
    QVERIFY2(m_engine.start(&why), qPrintable(why));
    m_archive = writeBusyboxImage(m_work.path(), QStringLiteral("strata-test/busybox:1"), &why, 2);
    QVERIFY2(!m_archive.isEmpty(), qPrintable(why));
    QVERIFY2(m_engine.cli({QStringLiteral("load"), QStringLiteral("-i"), m_archive}, nullptr, &why),
             qPrintable(why));
    // A second tag and an image sharing its base layer, for shared sizes.
    const QString other =
        writeBusyboxImage(m_work.path(), QStringLiteral("strata-test/other:1"), &why, 1);
    QVERIFY2(m_engine.cli({QStringLiteral("load"), QStringLiteral("-i"), other}, nullptr, &why),
             qPrintable(why));
}

void TestDockerEngine::cleanupTestCase()
{
    m_engine.stop();
}

void TestDockerEngine::listingMatchesDockerCli()
{
    QVERIFY(m_engine.cli(m_engine.runArguments() +
                         QStringList{QStringLiteral("--name"), QStringLiteral("listed"),
                                     QStringLiteral("strata-test/busybox:1"), QStringLiteral("sh"),
                                     QStringLiteral("-c"),
                                     QStringLiteral("echo hello > /root/hello; sleep 600")}));
    QTest::qWait(500);
    EngineClient client(endpointForHost(EngineKind::Docker, m_engine.host(), {}));
    Error error;
    const auto listing = listEngine(client, &error);
    QVERIFY2(listing, qPrintable(error.toString()));
    QCOMPARE(listing->version.kind, EngineKind::Docker);

    // docker images: IDs and tags.
    QStringList expected;
    for (const QByteArray &line :
         docker({QStringLiteral("images"), QStringLiteral("--no-trunc"), QStringLiteral("--format"),
                 QStringLiteral("{{.ID}} {{.Repository}}:{{.Tag}}")})
             .trimmed()
             .split('\n'))
        expected << QString::fromUtf8(line);
    QStringList listed;
    for (const EngineImage &image : listing->images) {
        for (const QString &tag : image.repoTags)
            listed << image.id + QLatin1Char(' ') + tag;
    }
    expected.sort();
    listed.sort();
    QCOMPARE(listed, expected);

    // docker system df -v: size, shared size and containers of every image, to the digits
    // it prints (three for the size, four for the shared size).
    const QByteArray df =
        docker({QStringLiteral("system"), QStringLiteral("df"), QStringLiteral("-v"),
                QStringLiteral("--format"), QStringLiteral("{{json .}}")});
    const QJsonObject usage = QJsonDocument::fromJson(df).object();
    const QJsonArray dfImages = usage.value(QStringLiteral("Images")).toArray();
    QCOMPARE(dfImages.size(), listing->images.size());
    for (const QJsonValue &v : dfImages) {
        const QJsonObject row = v.toObject();
        QString id = row.value(QStringLiteral("ID")).toString();
        id.remove(QStringLiteral("sha256:"));
        auto it = std::find_if(listing->images.begin(), listing->images.end(),
                               [&](const EngineImage &i) { return i.id.mid(7).startsWith(id); });
        QVERIFY2(it != listing->images.end(), qPrintable(id));
        QCOMPARE(dockerHumanSize(it->size, 3), row.value(QStringLiteral("Size")).toString());
        QCOMPARE(dockerHumanSize(it->sharedSize, 4),
                 row.value(QStringLiteral("SharedSize")).toString());
        QCOMPARE(QString::number(it->containers),
                 row.value(QStringLiteral("Containers")).toString());
    }
    // Both images share the base layer: each has shared size, as docker says.
    QVERIFY(std::all_of(listing->images.begin(), listing->images.end(),
                        [](const EngineImage &i) { return i.sharedSize > 0; }));

    // docker inspect --size: every container's read-write and virtual size, exactly.
    QCOMPARE(listing->containers.size(), 1);
    const EngineContainer &c = listing->containers.first();
    QCOMPARE(c.name, QStringLiteral("listed"));
    QCOMPARE(c.state, QStringLiteral("running"));
    const QByteArray sizes =
        docker({QStringLiteral("inspect"), QStringLiteral("--size"), QStringLiteral("--format"),
                QStringLiteral("{{.SizeRw}} {{.SizeRootFs}}"), QStringLiteral("listed")})
            .trimmed();
    QCOMPARE(QStringLiteral("%1 %2").arg(c.sizeRw).arg(c.sizeRootFs), QString::fromLatin1(sizes));
    QCOMPARE(c.sizeRw, qint64(6)); // "hello\n"
    docker({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("listed")});
}

void TestDockerEngine::imageTreeEqualsSavedArchive()
{
    const QString saved = m_work.path() + QStringLiteral("/saved.tar");
    QVERIFY(m_engine.cli({QStringLiteral("save"), QStringLiteral("-o"), saved,
                          QStringLiteral("strata-test/busybox:1")}));
    Error error;
    auto fromEngine =
        openImageSource(m_engine.location(QStringLiteral("strata-test/busybox:1")), &error);
    QVERIFY2(fromEngine, qPrintable(error.toString()));
    auto fromFile = openImageSource(saved, &error);
    QVERIFY2(fromFile, qPrintable(error.toString()));
    QCOMPARE(fromEngine->images().size(), size_t(1));
    const ImageInfo &image = fromEngine->images().front();
    QCOMPARE(image.names, QStringList{QStringLiteral("strata-test/busybox:1")});
    QCOMPARE(image.id, fromFile->images().front().id);
    QVERIFY(fromEngine->description().startsWith(QStringLiteral("Docker Engine ")));

    const auto a = fromEngine->loadLayers(0, {}, &error);
    const auto b = fromFile->loadLayers(0, {}, &error);
    QCOMPARE(a.size(), size_t(3));
    for (int top = 0; top < 3; ++top)
        QCOMPARE(mergedTreeTsv(mergeLayers(a, top), a), mergedTreeTsv(mergeLayers(b, top), b));
    // The same bytes: a file read from the engine's image is the file of the archive.
    QCOMPARE(fromEngine->readFile(0, 2, QStringLiteral("etc/motd"), 100, &error),
             QByteArray("layer 2"));
}

void TestDockerEngine::historyMatchesDockerHistory()
{
    Error error;
    auto source = std::dynamic_pointer_cast<EngineImageSource>(
        openImageSource(m_engine.location(QStringLiteral("strata-test/busybox:1")), &error));
    QVERIFY2(source, qPrintable(error.toString()));
    const ImageInfo &image = source->images().front();
    const auto layers = source->loadLayers(0, {}, &error);
    QVERIFY(image.warnings.isEmpty());
    QCOMPARE(compareEngineHistory(source->engineHistory(), EngineKind::Docker, image, layers),
             QStringList());

    // docker history --no-trunc, newest first: the command and the bytes of every step.
    QStringList expected;
    for (const QByteArray &line :
         docker({QStringLiteral("history"), QStringLiteral("--no-trunc"),
                 QStringLiteral("--human=false"), QStringLiteral("--format"),
                 QStringLiteral("{{.CreatedBy}}|{{.Size}}"),
                 QStringLiteral("strata-test/busybox:1")})
             .trimmed()
             .split('\n'))
        expected << QString::fromUtf8(line);
    QStringList derived;
    for (const HistoryEntry &step : image.history) {
        const qint64 size = step.emptyLayer ? 0 : dockerLayerSize(*layers[size_t(step.layer)]);
        derived.prepend(step.createdByRaw + QLatin1Char('|') + QString::number(size));
    }
    QCOMPARE(derived, expected);
}

void TestDockerEngine::cacheKeepsEachLayerOnce()
{
    QDir(savedImagesDir()).removeRecursively();
    QDir(blobCacheDir()).removeRecursively();
    Error error;
    const QString location = m_engine.location(QStringLiteral("strata-test/busybox:1"));
    auto first = std::dynamic_pointer_cast<EngineImageSource>(openImageSource(location, &error));
    QVERIFY2(first, qPrintable(error.toString()));
    struct stat before
    {
    };
    QCOMPARE(stat(first->entryPath().toLocal8Bit().constData(), &before), 0);
    // By ID, and again by name: the same entry, not saved again.
    auto byId = std::dynamic_pointer_cast<EngineImageSource>(
        openImageSource(m_engine.location(first->images().front().id.mid(7, 12)), &error));
    QVERIFY2(byId, qPrintable(error.toString()));
    QCOMPARE(byId->entryPath(), first->entryPath());
    struct stat after
    {
    };
    QCOMPARE(stat(byId->entryPath().toLocal8Bit().constData(), &after), 0);
    QCOMPARE(after.st_ino, before.st_ino);
    QCOMPARE(QFileInfo(first->entryPath()).fileName(),
             QString(first->images().front().id).replace(QLatin1Char(':'), QLatin1Char('-')) +
                 QStringLiteral(".json"));

    // The image sharing the base layer adds only its own layer to the blob store, where
    // registry layers go too.
    auto other = openImageSource(m_engine.location(QStringLiteral("strata-test/other:1")), &error);
    QVERIFY2(other, qPrintable(error.toString()));
    QSet<QString> digests;
    int layers = 0;
    for (const auto &source : {std::shared_ptr<ImageSource>(first), other}) {
        for (const LayerInfo &layer : source->images().front().layers) {
            digests.insert(layer.blobDigest.mid(7));
            ++layers;
        }
    }
    QVERIFY(digests.size() < layers);
    QStringList stored = QDir(blobCacheDir()).entryList(QDir::Files | QDir::Hidden);
    stored.sort();
    QStringList expected(digests.begin(), digests.end());
    expected.sort();
    QCOMPARE(stored, expected);
    // Two small entries beside them, nothing half-written, no archive left.
    QCOMPARE(QDir(savedImagesDir()).entryList(QDir::Files | QDir::Hidden).size(), 2);
    for (const QString &entry : QDir(savedImagesDir()).entryList(QDir::Files | QDir::Hidden))
        QVERIFY2(entry.endsWith(QLatin1String(".json")), qPrintable(entry));
    QVERIFY(QFileInfo(first->entryPath()).size() < 64 * 1024);

    // Each stored layer is what its digest names, and reads as the saved archive does.
    for (const LayerDigestCheck &check : first->verifyLayers(0))
        QCOMPARE(check.status, LayerDigestCheck::Status::Ok);
}

void TestDockerEngine::damagedCacheEntryIsSavedAgain()
{
    Error error;
    const QString location = m_engine.location(QStringLiteral("strata-test/busybox:1"));
    auto first = std::dynamic_pointer_cast<EngineImageSource>(openImageSource(location, &error));
    QVERIFY2(first, qPrintable(error.toString()));
    const QString path = first->entryPath();
    const QString base = blobCacheDir() + QLatin1Char('/') +
                         first->images().front().layers.front().blobDigest.mid(7);
    first.reset();
    {
        QFile garbage(path);
        QVERIFY(garbage.open(QIODevice::WriteOnly | QIODevice::Truncate));
        garbage.write("this is not an entry");
    }
    auto again = std::dynamic_pointer_cast<EngineImageSource>(openImageSource(location, &error));
    QVERIFY2(again, qPrintable(error.toString()));
    QVERIFY(QFileInfo(path).size() > 1000);
    for (const LayerDigestCheck &check : again->verifyLayers(0))
        QCOMPARE(check.status, LayerDigestCheck::Status::Ok);

    // A layer gone from the store (to make room for others) is saved again too.
    again.reset();
    QVERIFY(QFile::remove(base));
    auto third = std::dynamic_pointer_cast<EngineImageSource>(openImageSource(location, &error));
    QVERIFY2(third, qPrintable(error.toString()));
    QVERIFY(QFileInfo(base).size() > 1000000);
    for (const LayerDigestCheck &check : third->verifyLayers(0))
        QCOMPARE(check.status, LayerDigestCheck::Status::Ok);
}

void TestDockerEngine::registryReadsLayersTheEngineSaved()
{
    // The same image in the engine and in a registry: once the engine's copy is open, the
    // registry's image needs only its config from the registry, its layers being the ones
    // the engine saved (the registry's are compressed, but their diff_ids are the same).
    TestRegistry registry;
    QString why;
    QVERIFY2(registry.start(&why), qPrintable(why));
    QVERIFY2(registry.push(QStringLiteral("docker-archive:") + m_archive,
                           QStringLiteral("team/busybox:1"), &why),
             qPrintable(why));
    Error error;
    const auto engine =
        openImageSource(m_engine.location(QStringLiteral("strata-test/busybox:1")), &error);
    QVERIFY2(engine, qPrintable(error.toString()));
    const auto remote = openImageSource(
        QStringLiteral("registry://%1/team/busybox:1").arg(registry.host()), &error);
    QVERIFY2(remote, qPrintable(error.toString()));
    QCOMPARE(remote->images().front().id, engine->images().front().id);
    QCOMPARE(remote->bytesToFetch(0), 0);
    const int before = registry.blobGets(QStringLiteral("team/busybox"));
    const auto engineLayers = engine->loadLayers(0, {}, &error);
    const auto remoteLayers = remote->loadLayers(0, {}, &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(registry.blobGets(QStringLiteral("team/busybox")), before);
    for (const auto &layer : remoteLayers)
        QVERIFY2(!layer->error, qPrintable(layer->error.toString()));
    QCOMPARE(mergedTreeTsv(mergeLayers(remoteLayers, int(remoteLayers.size()) - 1), remoteLayers),
             mergedTreeTsv(mergeLayers(engineLayers, int(engineLayers.size()) - 1), engineLayers));
    // Checked as what was read: each layer's diff_id.
    for (const LayerDigestCheck &check : remote->verifyLayers(0))
        QCOMPARE(check.status, LayerDigestCheck::Status::Ok);
}

void TestDockerEngine::containerShowsDockerDiff()
{
    QVERIFY(m_engine.cli(m_engine.runArguments() +
                         QStringList{QStringLiteral("--name"), QStringLiteral("worker"),
                                     QStringLiteral("strata-test/busybox:1"),
                                     QStringLiteral("sleep"), QStringLiteral("600")}));
    // Writes, a deletion, a modification, a new directory, a symlink, a mode change, a
    // deleted directory, and a file copied in with docker cp.
    QString why;
    QVERIFY2(m_engine.cli({QStringLiteral("exec"), QStringLiteral("worker"), QStringLiteral("sh"),
                           QStringLiteral("-c"),
                           QStringLiteral("echo hello > /root/new.txt && rm /etc/issue && "
                                          "echo more >> /etc/passwd && mkdir -p /var/lib/app/sub "
                                          "&& dd if=/dev/zero of=/var/lib/app/blob bs=1000 "
                                          "count=37 2>/dev/null && ln -s /root/new.txt /root/link "
                                          "&& chmod 600 /etc/group && rm -r /var/lib/data1")},
                          nullptr, &why),
             qPrintable(why));
    QFile copied(m_work.path() + QStringLiteral("/copied.txt"));
    QVERIFY(copied.open(QIODevice::WriteOnly));
    copied.write(QByteArray(12345, 'c'));
    copied.close();
    QVERIFY(m_engine.cli(
        {QStringLiteral("cp"), copied.fileName(), QStringLiteral("worker:/tmp/copied.txt")}));

    Error error;
    auto source = std::dynamic_pointer_cast<EngineImageSource>(openImageSource(
        m_engine.location(QStringLiteral("worker")) + QStringLiteral("&container"), &error));
    QVERIFY2(source, qPrintable(error.toString()));
    const ImageInfo &image = source->images().front();
    QVERIFY(image.container);
    QCOMPARE(image.container->name, QStringLiteral("worker"));
    QCOMPARE(image.container->state, QStringLiteral("running"));
    QCOMPARE(image.layers.size(), 4);
    QVERIFY(image.layers.last().readWrite);
    const auto layers = source->loadLayers(0, {}, &error);
    QVERIFY2(!error, qPrintable(error.toString()));

    // Exactly docker diff's changes.
    QCOMPARE(diffLines(layers),
             sortedLines(docker({QStringLiteral("diff"), QStringLiteral("worker")})));

    // Sizes and modes as the container sees them.
    const FileTree &rw = layers.back()->tree;
    auto node = [&](const char *path) { return rw.node(rw.find(path)); };
    QCOMPARE(node("root/new.txt").size, uint64_t(6));
    QCOMPARE(node("var/lib/app/blob").size, uint64_t(37000));
    QCOMPARE(node("tmp/copied.txt").size, uint64_t(12345));
    QCOMPARE(node("etc/group").mode, 0600u);
    QCOMPARE(node("root/link").type, FileType::Symlink);
    QCOMPARE(rw.linkTarget(rw.find("root/link")), std::string_view("/root/new.txt"));
    const QByteArray passwd =
        docker({QStringLiteral("exec"), QStringLiteral("worker"), QStringLiteral("stat"),
                QStringLiteral("-c"), QStringLiteral("%s"), QStringLiteral("/etc/passwd")});
    QCOMPARE(node("etc/passwd").size, passwd.trimmed().toULongLong());
    // What docker counts for the layer (`docker ps -s`) is what its files hold.
    QCOMPARE(dockerLayerSize(*layers.back()), image.container->sizeRw);
    const QByteArray sizeRw =
        docker({QStringLiteral("inspect"), QStringLiteral("--size"), QStringLiteral("--format"),
                QStringLiteral("{{.SizeRw}}"), QStringLiteral("worker")});
    QCOMPARE(image.container->sizeRw, sizeRw.trimmed().toLongLong());
    // A file of the read-write layer reads through the engine.
    QCOMPARE(source->readFile(0, 3, QStringLiteral("root/new.txt"), 100, &error),
             QByteArray("hello\n"));
    // The merged tree as the container sees it: deleted paths are gone, new ones there.
    const FileTree merged = mergeLayers(layers, 3);
    QCOMPARE(merged.find("etc/issue"), kNoNode);
    QCOMPARE(merged.find("var/lib/data1"), kNoNode);
    QVERIFY(merged.find("var/lib/data2") != kNoNode);
    QVERIFY(merged.find("tmp/copied.txt") != kNoNode);
    docker({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("worker")});
}

void TestDockerEngine::twoContainersOfOneImage()
{
    for (const char *name : {"first", "second"}) {
        QVERIFY(m_engine.cli(
            m_engine.runArguments() +
            QStringList{QStringLiteral("--name"), QLatin1String(name),
                        QStringLiteral("strata-test/other:1"), QStringLiteral("sh"),
                        QStringLiteral("-c"),
                        QStringLiteral("dd if=/dev/zero of=/root/%1 bs=100 count=%2 2>/dev/null; "
                                       "sleep 600")
                            .arg(QLatin1String(name))
                            .arg(QLatin1String(name) == QLatin1String("first") ? 3 : 5)}));
    }
    QTest::qWait(500);
    EngineClient client(endpointForHost(EngineKind::Docker, m_engine.host(), {}));
    Error error;
    const auto listing = listEngine(client, &error);
    QVERIFY2(listing, qPrintable(error.toString()));
    QMap<QString, qint64> sizes;
    for (const EngineContainer &c : listing->containers) {
        if (c.image == QStringLiteral("strata-test/other:1"))
            sizes.insert(c.name, c.sizeRw);
    }
    QCOMPARE(sizes.value(QStringLiteral("first")), qint64(300));
    QCOMPARE(sizes.value(QStringLiteral("second")), qint64(500));
    for (const EngineImage &image : listing->images) {
        if (image.repoTags.contains(QStringLiteral("strata-test/other:1")))
            QCOMPARE(image.containers, 2);
    }
    // Each opens as the image with its own thin layer.
    for (const char *name : {"first", "second"}) {
        auto source = openImageSource(m_engine.location(QLatin1String(name)), &error);
        QVERIFY2(source, qPrintable(error.toString()));
        const auto layers = source->loadLayers(0, {}, &error);
        QCOMPARE(dockerLayerSize(*layers.back()), sizes.value(QLatin1String(name)));
    }
    docker({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("first"),
            QStringLiteral("second")});
}

void TestDockerEngine::eventsArrive()
{
    std::atomic_bool stop{false};
    QMutex mutex;
    QStringList seen;
    bool watched = false;
    Error watchError;
    std::thread watcher([&] {
        EngineClient client(endpointForHost(EngineKind::Docker, m_engine.host(), {}));
        watched = client.watchEvents(
            [&](const EngineEvent &event) {
                QMutexLocker lock(&mutex);
                seen << event.type + QLatin1Char(' ') + event.action + QLatin1Char(' ') +
                            event.name;
            },
            &stop, &watchError);
    });
    auto saw = [&](const QString &line) {
        QMutexLocker lock(&mutex);
        return seen.contains(line);
    };
    QTest::qWait(300); // the stream is open
    QVERIFY(m_engine.cli(m_engine.runArguments() +
                         QStringList{QStringLiteral("--name"), QStringLiteral("evented"),
                                     QStringLiteral("strata-test/busybox:1"),
                                     QStringLiteral("sleep"), QStringLiteral("600")}));
    QTRY_VERIFY_WITH_TIMEOUT(saw(QStringLiteral("container create evented")), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(saw(QStringLiteral("container start evented")), 5000);
    docker({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("evented")});
    QTRY_VERIFY_WITH_TIMEOUT(saw(QStringLiteral("container destroy evented")), 5000);
    QVERIFY(m_engine.cli({QStringLiteral("tag"), QStringLiteral("strata-test/busybox:1"),
                          QStringLiteral("strata-test/busybox:evented")}));
    QTRY_VERIFY_WITH_TIMEOUT(saw(QStringLiteral("image tag strata-test/busybox:evented")), 5000);
    docker({QStringLiteral("rmi"), QStringLiteral("strata-test/busybox:evented")});
    stop = true;
    watcher.join();
    QVERIFY2(watched, qPrintable(watchError.toString())); // ended by the cancel, not an error
}

void TestDockerEngine::overlayFoldersAsOnDisk()
{
    QVERIFY(m_engine.cli({QStringLiteral("create"), QStringLiteral("--network"),
                          QStringLiteral("none"), QStringLiteral("--name"),
                          QStringLiteral("layered"), QStringLiteral("strata-test/busybox:1"),
                          QStringLiteral("sleep"), QStringLiteral("600")}));
    Error error;
    auto source = std::dynamic_pointer_cast<EngineImageSource>(openImageSource(
        m_engine.location(QStringLiteral("layered")) + QStringLiteral("&container"), &error));
    QVERIFY2(source, qPrintable(error.toString()));
    const OverlayFolders created = source->overlayFolders();
    QVERIFY2(created.available, qPrintable(created.why));
    QVERIFY(!created.mounted);

    // docker inspect's GraphDriver, to the letter.
    const QJsonObject data =
        QJsonDocument::fromJson(
            docker({QStringLiteral("inspect"), QStringLiteral("--format"),
                    QStringLiteral("{{json .GraphDriver.Data}}"), QStringLiteral("layered")}))
            .object();
    QCOMPARE(created.upperDir, data.value(QStringLiteral("UpperDir")).toString());
    QCOMPARE(created.workDir, data.value(QStringLiteral("WorkDir")).toString());
    QCOMPARE(created.mergedDir, data.value(QStringLiteral("MergedDir")).toString());
    QCOMPARE(created.lowerDirs.join(QLatin1Char(':')),
             data.value(QStringLiteral("LowerDir")).toString());
    QCOMPARE(created.root, m_engine.dataRoot() + QStringLiteral("/overlay2"));

    // Three image layers, the -init layer, the container's layer; each short name in l/
    // leads to its diff/, and each `lower` names the layers below.
    QCOMPARE(created.layers.size(), 5);
    QCOMPARE(created.layers[3].role, OverlayLayerFolder::Role::InitLayer);
    QCOMPARE(created.layers[4].role, OverlayLayerFolder::Role::ContainerLayer);
    QStringList below;
    for (const OverlayLayerFolder &folder : created.layers) {
        QCOMPARE(QFileInfo(created.root + QStringLiteral("/l/") + folder.link).canonicalFilePath(),
                 QFileInfo(folder.path + QStringLiteral("/diff")).canonicalFilePath());
        QCOMPARE(folder.lower, below.join(QLatin1Char(':')));
        below.prepend(QStringLiteral("l/") + folder.link);
        // du's figures for diff/.
        for (const auto &[option, figure] :
             {std::pair{QStringLiteral("-sb"), folder.diff.apparentBytes},
              std::pair{QStringLiteral("-sB1"), folder.diff.diskBytes}}) {
            QProcess du;
            du.start(QStringLiteral("du"), {option, folder.path + QStringLiteral("/diff")});
            QVERIFY(du.waitForFinished());
            QCOMPARE(du.readAllStandardOutput().split('\t').first().toLongLong(), figure);
        }
    }
    QVERIFY(created.layers[4].hasWork);

    // The mount Strata says the engine will make is the one it makes.
    QVERIFY(m_engine.cli({QStringLiteral("start"), QStringLiteral("layered")}));
    const OverlayFolders running = source->overlayFolders();
    QVERIFY(running.mounted);
    QVERIFY(running.layers[4].hasMerged);
    QCOMPARE(running.mountCommand, created.mountCommand);
    docker({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("layered")});
}

void TestDockerEngine::overlayFoldersOfVfsSayWhyNot()
{
    DockerEngine vfs(QStringLiteral("vfs"));
    QString why;
    QVERIFY2(vfs.start(&why), qPrintable(why));
    QVERIFY(vfs.cli({QStringLiteral("load"), QStringLiteral("-i"), m_archive}));
    Error error;
    auto source = std::dynamic_pointer_cast<EngineImageSource>(
        openImageSource(vfs.location(QStringLiteral("strata-test/busybox:1")), &error));
    QVERIFY2(source, qPrintable(error.toString()));
    const OverlayFolders folders = source->overlayFolders();
    QVERIFY(!folders.available);
    QCOMPARE(folders.driver, QStringLiteral("vfs"));
    QVERIFY2(folders.why.contains(QStringLiteral("vfs driver, not overlay2")),
             qPrintable(folders.why));
}

namespace {
struct CliRun
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};
CliRun runCli(const QStringList &arguments, const QString &dockerHost)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DOCKER_HOST"), dockerHost);
    process.setProcessEnvironment(env);
    process.start(qEnvironmentVariable("STRATA_CLI"), arguments);
    process.waitForFinished(120000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}
} // namespace

void TestDockerEngine::cliReadsEngine()
{
    QVERIFY(
        m_engine.cli(m_engine.runArguments() +
                     QStringList{QStringLiteral("--name"), QStringLiteral("clied"),
                                 QStringLiteral("strata-test/busybox:1"), QStringLiteral("sh"),
                                 QStringLiteral("-c"),
                                 QStringLiteral("echo hi > /root/hi; rm /etc/issue; sleep 600")}));
    QTest::qWait(500);
    const CliRun images =
        runCli({QStringLiteral("images"), QStringLiteral("--engine")}, m_engine.host());
    QCOMPARE(images.code, 0);
    QVERIFY(images.out.startsWith(
        "REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\tSHARED SIZE\tCONTAINERS\n"));
    QVERIFY2(images.out.contains("strata-test/busybox\t1\t"), images.out.constData());

    const CliRun containers =
        runCli({QStringLiteral("containers"), QStringLiteral("--format"), QStringLiteral("json")},
               m_engine.host());
    QCOMPARE(containers.code, 0);
    const QJsonArray rows = QJsonDocument::fromJson(containers.out)
                                .object()
                                .value(QStringLiteral("containers"))
                                .toArray();
    // Every container docker ps -a lists, this one among them.
    const QByteArray listed = docker({QStringLiteral("ps"), QStringLiteral("-a"),
                                      QStringLiteral("-q"), QStringLiteral("--no-trunc")});
    QCOMPARE(rows.size(), int(listed.count('\n')));
    QJsonObject clied;
    for (const QJsonValue &row : rows) {
        if (row.toObject().value(QStringLiteral("name")).toString() == QStringLiteral("clied"))
            clied = row.toObject();
    }
    QVERIFY(!clied.isEmpty());
    QCOMPARE(clied.value(QStringLiteral("sizeRw")).toInt(), 3);

    // The container's changes, like docker diff with types and sizes.
    const CliRun diff = runCli({QStringLiteral("tree"), QStringLiteral("docker://clied"),
                                QStringLiteral("--container"), QStringLiteral("--diff")},
                               m_engine.host());
    QCOMPARE(diff.code, 0);
    QCOMPARE(diff.out, QByteArray("etc\td\t0\t755\t\t3\tunchanged\n"
                                  "etc/issue\tf\t18\t644\t\t0\tdeleted\n"
                                  "root\td\t0\t700\t\t3\tunchanged\n"
                                  "root/hi\tf\t3\t644\t\t3\tadded\n"));
    // Its merged tree: the image's paths, less the deleted one, plus the new one.
    const CliRun merged =
        runCli({QStringLiteral("tree"), QStringLiteral("clied"), QStringLiteral("--container")},
               m_engine.host());
    QCOMPARE(merged.code, 0);
    QVERIFY(merged.out.contains("\nroot/hi\tf\t3\t644\t\t3\n"));
    QVERIFY(!merged.out.contains("etc/issue"));
    QVERIFY(merged.out.contains("\nbin/busybox\tf\t"));

    const CliRun history =
        runCli({QStringLiteral("history"), QStringLiteral("docker://strata-test/busybox:1")},
               m_engine.host());
    QCOMPARE(history.code, 0);
    QCOMPARE(history.err, QByteArray());

    const CliRun none =
        runCli({QStringLiteral("containers")},
               QStringLiteral("unix://") + m_work.path() + QStringLiteral("/no.sock"));
    QCOMPARE(none.code, 2);
    QVERIFY2(none.err.contains("no Docker engine answers"), none.err.constData());
    docker({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("clied")});
}

void TestDockerEngine::bareReferenceReachesEngine()
{
    qputenv("DOCKER_HOST", m_engine.host().toLocal8Bit());
    Error error;
    auto source = openImageSource(QStringLiteral("strata-test/busybox:1"), &error);
    QVERIFY2(source, qPrintable(error.toString()));
    QCOMPARE(source->location(), QStringLiteral("docker://strata-test/busybox:1"));
    // A name that is neither a file nor an image: both are said.
    QVERIFY(!openImageSource(QStringLiteral("strata-test/none:1"), &error));
    QCOMPARE(error.kind, Error::Kind::NotFound);
    QVERIFY2(error.message.contains(QStringLiteral("no such file")), qPrintable(error.toString()));
    QVERIFY2(error.message.contains(QStringLiteral("strata-test/none:1")),
             qPrintable(error.toString()));
    qunsetenv("DOCKER_HOST");
}

void TestDockerEngine::removedContainerIsSaid()
{
    QVERIFY(m_engine.cli(m_engine.runArguments() +
                         QStringList{QStringLiteral("--name"), QStringLiteral("brief"),
                                     QStringLiteral("strata-test/busybox:1"), QStringLiteral("sh"),
                                     QStringLiteral("-c"),
                                     QStringLiteral("echo x > /root/x; sleep 600")}));
    QTest::qWait(300);
    Error error;
    auto source = openImageSource(
        m_engine.location(QStringLiteral("brief")) + QStringLiteral("&container"), &error);
    QVERIFY2(source, qPrintable(error.toString()));
    docker({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("brief")});
    // Shown before it went: the tree stays; reading its files says why it cannot.
    const auto layers = source->loadLayers(0, {}, &error);
    QVERIFY(layers.back()->tree.find("root/x") != kNoNode);
    QVERIFY(source->readFile(0, 3, QStringLiteral("root/x"), 100, &error).isEmpty());
    QCOMPARE(error.kind, Error::Kind::NotFound);
    QVERIFY2(error.toString().contains(QStringLiteral("brief")), qPrintable(error.toString()));
    // Opened after it went: no such container.
    QVERIFY(!openImageSource(
        m_engine.location(QStringLiteral("brief")) + QStringLiteral("&container"), &error));
    QCOMPARE(error.kind, Error::Kind::NotFound);
    QVERIFY2(error.message.contains(QStringLiteral("no container \"brief\"")),
             qPrintable(error.toString()));
}

void TestDockerEngine::noEngineIsSaid()
{
    Error error;
    const QString nowhere = m_work.path() + QStringLiteral("/nothing.sock");
    QVERIFY(!openImageSource(QStringLiteral("docker://busybox?host=unix://") + nowhere, &error));
    QCOMPARE(error.kind, Error::Kind::Unreachable);
    QCOMPARE(error.file, QStringLiteral("unix://") + nowhere);
    QVERIFY2(error.message.contains(QStringLiteral("no Docker engine answers")),
             qPrintable(error.toString()));
    // Something that is no engine: a plain file where the socket should be.
    QFile(nowhere).open(QIODevice::WriteOnly);
    QVERIFY(!openImageSource(QStringLiteral("docker://busybox?host=unix://") + nowhere, &error));
    QCOMPARE(error.kind, Error::Kind::Unreachable);
}

void TestDockerEngine::tooOldApiIsSaid()
{
    qputenv("DOCKER_API_VERSION", "1.24");
    Error error;
    const bool opened =
        bool(openImageSource(m_engine.location(QStringLiteral("strata-test/busybox:1")), &error));
    qunsetenv("DOCKER_API_VERSION");
    QVERIFY(!opened);
    QCOMPARE(error.kind, Error::Kind::Unsupported);
    QVERIFY2(error.message.contains(QStringLiteral("API 1.24")), qPrintable(error.toString()));
    QVERIFY2(error.message.contains(QStringLiteral("1.25 or newer")), qPrintable(error.toString()));
}

void TestDockerEngine::deniedSocketIsSaid()
{
    // The CLI as an unprivileged user, against a socket only root may use.
    QVERIFY(QFile::setPermissions(m_engine.dir(), QFile::ReadOwner | QFile::WriteOwner |
                                                      QFile::ExeOwner | QFile::ExeGroup |
                                                      QFile::ExeOther));
    QFile::setPermissions(m_engine.socketPath(), QFile::ReadOwner | QFile::WriteOwner);
    QProcess cli;
    cli.start(QStringLiteral("setpriv"),
              {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
               QStringLiteral("--clear-groups"), qEnvironmentVariable("STRATA_CLI"),
               QStringLiteral("images"), QStringLiteral("docker://?host=") + m_engine.host()});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 2);
    const QString message = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(message.contains(QStringLiteral("permission denied")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("docker group")), qPrintable(message));
    QVERIFY2(message.contains(m_engine.socketPath()), qPrintable(message));

    // Let the user reach the socket: the engine's folders are still root's, and Strata says so.
    QFile::setPermissions(m_engine.socketPath(), QFile::ReadOwner | QFile::WriteOwner |
                                                     QFile::ReadOther | QFile::WriteOther);
    QTemporaryDir userCache;
    QFile::setPermissions(userCache.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                QFile::ReadOther | QFile::WriteOther |
                                                QFile::ExeOther);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("STRATA_CACHE_DIR"), userCache.path());
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral("setpriv"),
              {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
               QStringLiteral("--clear-groups"), qEnvironmentVariable("STRATA_CLI"),
               QStringLiteral("inspect"), QStringLiteral("--overlay"),
               m_engine.location(QStringLiteral("strata-test/busybox:1"))});
    QVERIFY(cli.waitForFinished(60000));
    const QByteArray out = cli.readAllStandardOutput();
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QVERIFY2(out.contains("not shown: Strata may not read"), out.right(600).constData());
    QVERIFY2(out.contains("Run Strata as root"), out.constData());
    QFile::setPermissions(m_engine.socketPath(), QFile::ReadOwner | QFile::WriteOwner);
}

void TestDockerEngine::fullCacheDiskLeavesNothing()
{
    // A 1 MB file system for the cache: the 2 MB image cannot fit.
    QTemporaryDir small;
    QVERIFY(QProcess::execute(QStringLiteral("mount"),
                              {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                               QStringLiteral("size=1m"), QStringLiteral("tmpfs"), small.path()}) ==
            0);
    qputenv("STRATA_CACHE_DIR", small.path().toLocal8Bit());
    Error error;
    const bool opened =
        bool(openImageSource(m_engine.location(QStringLiteral("strata-test/busybox:1")), &error));
    const QStringList left =
        QDir(small.path() + QStringLiteral("/engine")).entryList(QDir::Files) +
        QDir(small.path() + QStringLiteral("/blobs/sha256")).entryList(QDir::Files);
    qputenv("STRATA_CACHE_DIR", m_cache.path().toLocal8Bit());
    QProcess::execute(QStringLiteral("umount"), {small.path()});
    QVERIFY(!opened);
    QVERIFY2(error.message.contains(QStringLiteral("full")), qPrintable(error.toString()));
    QVERIFY2(error.file.contains(small.path()), qPrintable(error.toString()));
    QCOMPARE(left, QStringList());
}

void TestDockerEngine::engineStoppingMidStreamLeavesNothing()
{
    // An engine of its own: this one is killed.
    DockerEngine doomed;
    QString why;
    QVERIFY2(doomed.start(&why), qPrintable(why));
    QVERIFY(doomed.cli({QStringLiteral("load"), QStringLiteral("-i"), m_archive}));
    QTemporaryDir cache;
    qputenv("STRATA_CACHE_DIR", cache.path().toLocal8Bit());
    OpenObserver observer;
    bool killed = false;
    observer.progress = [&](const LoadProgress &p) {
        if (p.stage == OpenStage::Receiving && p.bytesDone > 0 && !killed) {
            killed = true;
            doomed.kill();
        }
    };
    Error error;
    const bool opened = bool(openImageSource(
        doomed.location(QStringLiteral("strata-test/busybox:1")), &error, observer));
    qputenv("STRATA_CACHE_DIR", m_cache.path().toLocal8Bit());
    QVERIFY(killed);
    QVERIFY(!opened);
    QVERIFY2(error.message.contains(QStringLiteral("stopped sending")),
             qPrintable(error.toString()));
    QCOMPARE(QDir(cache.path() + QStringLiteral("/engine")).entryList(QDir::Files), QStringList());
}

QTEST_GUILESS_MAIN(TestDockerEngine)
#include "tst_dockerengine.moc"

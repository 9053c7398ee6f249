#include "archive/bytesource.h"
#include "image/manifest.h"
#include "registry/blobcache.h"
#include "registry/registrycredentials.h"
#include "registry/registryimagesource.h"
#include "registry/registrylisting.h"
#include "report/treereport.h"
#include "source/opensource.h"
#include "tree/overlaymerge.h"

#include "engines.h"
#include "imagewriter/imagewriter.h"
#include "testregistry.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>

#include <unistd.h>

using namespace strata;

namespace {
// The merged tree of an image's default platform, as `strata-cli tree` prints it.
QString mergedTree(ImageSource &source, int image)
{
    Error error;
    const auto layers = source.loadLayers(image, LoadObserver{}, &error);
    for (const auto &layer : layers) {
        if (!layer || layer->error)
            return QStringLiteral("layer error: ") + (layer ? layer->error.toString() : QString());
    }
    const int top = int(layers.size()) - 1;
    return QString::fromUtf8(mergedTreeTsv(mergeLayers(layers, top), layers));
}

int cachedBlobs()
{
    return int(QDir(blobCacheDir()).entryList(QDir::Files).size());
}

// A loopback proxy in front of the registry that cuts the first reply carrying a blob after
// `cutAfter` bytes: what a registry that stops mid-blob looks like to a client.
class CuttingProxy : public QThread
{
public:
    CuttingProxy(quint16 upstream, qint64 cutAfter) : m_upstream(upstream), m_cutAfter(cutAfter)
    {
        m_ready.lock();
        start();
        m_ready.lock();
        m_ready.unlock();
    }
    ~CuttingProxy() override
    {
        quit();
        wait();
    }
    quint16 port() const { return m_port; }
    int cuts() const { return m_cuts; }

protected:
    void run() override
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        m_port = server.serverPort();
        QObject::connect(&server, &QTcpServer::newConnection, [&] {
            while (QTcpSocket *client = server.nextPendingConnection())
                relay(client);
        });
        m_ready.unlock();
        exec();
    }

private:
    void relay(QTcpSocket *client)
    {
        auto *upstream = new QTcpSocket(client);
        upstream->connectToHost(QHostAddress::LocalHost, m_upstream);
        auto *isBlob = new bool(false);
        auto *sent = new qint64(0);
        QObject::connect(client, &QTcpSocket::destroyed, [isBlob, sent] {
            delete isBlob;
            delete sent;
        });
        QObject::connect(client, &QTcpSocket::readyRead, [=] {
            const QByteArray bytes = client->readAll();
            if (bytes.contains("/blobs/sha256:") && bytes.startsWith("GET"))
                *isBlob = true;
            upstream->write(bytes);
        });
        QObject::connect(upstream, &QTcpSocket::readyRead, [=, this] {
            QByteArray bytes = upstream->readAll();
            const bool cutting = *isBlob && m_cuts == 0;
            if (cutting && *sent + bytes.size() > m_cutAfter) {
                client->write(bytes.left(m_cutAfter - *sent));
                client->flush();
                ++m_cuts;
                client->abort();
                client->deleteLater();
                return;
            }
            *sent += bytes.size();
            client->write(bytes);
        });
        QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        QObject::connect(upstream, &QTcpSocket::disconnected, client,
                         &QTcpSocket::disconnectFromHost);
    }

    quint16 m_upstream;
    qint64 m_cutAfter;
    quint16 m_port = 0;
    std::atomic<int> m_cuts{0};
    QMutex m_ready;
};
// A registry that answers what the test says, for the cases a real one never produces (a
// rate limit, a 100 MB manifest, blobs in storage on another host): each path gets a canned
// reply; every request's head is kept.
class CannedRegistry : public QThread
{
public:
    struct Reply
    {
        QByteArray status = "200 OK";
        QList<QByteArray> headers;
        QByteArray body;
    };
    CannedRegistry()
    {
        m_ready.lock();
        start();
        m_ready.lock();
        m_ready.unlock();
    }
    ~CannedRegistry() override
    {
        quit();
        wait();
    }
    QString host() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    void set(const QByteArray &path, const Reply &reply)
    {
        QMutexLocker lock(&m_mutex);
        m_replies.insert(path, reply);
    }
    // Every request without an Authorization header is answered 401 with a Basic challenge.
    void requireBasicAuth() { m_basic = true; }
    QList<QByteArray> requests() const
    {
        QMutexLocker lock(&m_mutex);
        return m_requests;
    }

protected:
    void run() override
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        m_port = server.serverPort();
        QObject::connect(&server, &QTcpServer::newConnection, [&] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                auto *buffer = new QByteArray;
                QObject::connect(socket, &QObject::destroyed, [buffer] { delete buffer; });
                QObject::connect(socket, &QTcpSocket::readyRead, [this, socket, buffer] {
                    buffer->append(socket->readAll());
                    qsizetype end;
                    while ((end = buffer->indexOf("\r\n\r\n")) >= 0) {
                        const QByteArray head = buffer->left(end);
                        buffer->remove(0, end + 4);
                        answer(socket, head);
                    }
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_ready.unlock();
        exec();
    }

private:
    void answer(QTcpSocket *socket, const QByteArray &head)
    {
        const QByteArray path = head.split(' ').value(1);
        Reply reply;
        {
            QMutexLocker lock(&m_mutex);
            m_requests << head;
            reply = m_replies.value(
                path, Reply{"404 Not Found", {}, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\"}]}"});
            if (path == "/v2/")
                reply = Reply{"200 OK", {}, "{}"};
            if (m_basic && !head.toLower().contains("\r\nauthorization: basic "))
                reply =
                    Reply{"401 Unauthorized", {"WWW-Authenticate: Basic realm=\"canned\""}, "{}"};
        }
        QByteArray out = "HTTP/1.1 " + reply.status +
                         "\r\nContent-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
        for (const QByteArray &h : reply.headers)
            out += h + "\r\n";
        socket->write(out + "\r\n" + reply.body);
    }

    quint16 m_port = 0;
    QMutex m_ready;
    mutable QMutex m_mutex;
    QHash<QByteArray, Reply> m_replies;
    QList<QByteArray> m_requests;
    std::atomic<bool> m_basic{false};
};
} // namespace

// Registry images against a real registry (Debian's docker-registry on 127.0.0.1) filled by
// skopeo from archives this test writes.
class TestRegistryImages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void stackAndHistoryWithoutLayers();
    void treeEqualsTheArchive();
    void sharedLayersFetchedOnce();
    void progressPerLayer();
    void tagListing();
    void indexWithAttestation();
    void missingTagAndRepository();
    void corruptBlobIsDiscarded();
    void tamperedManifestIsRefused();
    void brokenTransferIsResumed();
    void tlsWithStoredCredentials();
    void rateLimitSaysWhenToRetry();
    void hugeManifestIsRefused();
    void blobsFromAnotherHostGetNoCredentials();
    void deepIndexIsRefused();
    void fullDiskLeavesOnlyWholeBlobs();

private:
    QString writeImage(const QString &name, int extraLayers);
    QString push(const QString &archive, const QString &dest);

    QTemporaryDir m_work;
    QTemporaryDir m_cache;
    TestRegistry m_registry;
    QString m_archive;
};

void TestRegistryImages::initTestCase()
{
    QVERIFY(m_work.isValid() && m_cache.isValid());
    qputenv("STRATA_CACHE_DIR", m_cache.path().toLocal8Bit());
    QString why;
    QVERIFY2(m_registry.start(&why), qPrintable(why));
    m_archive = writeImage(QStringLiteral("app"), 2);
    QVERIFY(!m_archive.isEmpty());
    QVERIFY(!push(m_archive, QStringLiteral("team/app:1.4")).isEmpty());
}

void TestRegistryImages::cleanupTestCase()
{
    m_registry.stop();
}

void TestRegistryImages::init()
{
    QDir(blobCacheDir()).removeRecursively();
}

QString TestRegistryImages::writeImage(const QString &name, int extraLayers)
{
    QString error;
    const QString dir = m_work.path() + QLatin1Char('/') + name;
    QDir().mkpath(dir);
    const QString path = writeBusyboxImage(dir, name + QStringLiteral(":1"), &error, extraLayers);
    if (path.isEmpty())
        qWarning("%s", qPrintable(error));
    return path;
}

QString TestRegistryImages::push(const QString &archive, const QString &dest)
{
    QString why;
    if (!m_registry.push(QStringLiteral("docker-archive:") + archive, dest, &why)) {
        qWarning("%s", qPrintable(why));
        return {};
    }
    return QStringLiteral("registry://") + m_registry.host() + QLatin1Char('/') + dest;
}

void TestRegistryImages::stackAndHistoryWithoutLayers()
{
    Error error;
    const auto source =
        openImageSource(m_registry.host() + QStringLiteral("/team/app:1.4"), &error);
    QVERIFY2(source, qPrintable(error.toString()));
    QCOMPARE(source->location(),
             QStringLiteral("registry://%1/team/app:1.4").arg(m_registry.host()));
    QCOMPARE(int(source->images().size()), 1);
    const ImageInfo &image = source->images()[0];
    QCOMPARE(image.layers.size(), 3);
    QVERIFY(image.history.size() >= 3);
    QCOMPARE(image.config.cmd, QStringList{QStringLiteral("sh")});
    for (const LayerInfo &layer : image.layers)
        QVERIFY(layer.declaredSize > 0);
    // Manifest and config only: no layer was fetched.
    QCOMPARE(cachedBlobs(), 0);
    QCOMPARE(m_registry.blobGets(QStringLiteral("team/app")), 1); // the config
    qint64 declared = 0;
    for (const LayerInfo &layer : image.layers)
        declared += layer.declaredSize;
    QCOMPARE(source->bytesToFetch(0), declared);
    QCOMPARE(source->bytesToFetch(0, 0), image.layers[0].declaredSize);

    // Reading the lowest layer fetches that one blob; the rest still wait.
    Error loadError;
    const auto lowest = source->loadLayers(0, LoadObserver{}, &loadError, {0});
    QVERIFY2(lowest[0] && !lowest[0]->error, qPrintable(loadError.toString()));
    QVERIFY(!lowest[1] && !lowest[2]);
    QCOMPARE(cachedBlobs(), 1);
    QCOMPARE(source->bytesToFetch(0, 0), 0);
    QCOMPARE(source->bytesToFetch(0), declared - image.layers[0].declaredSize);
}

void TestRegistryImages::treeEqualsTheArchive()
{
    Error error;
    const auto remote = openImageSource(
        QStringLiteral("registry://%1/team/app:1.4").arg(m_registry.host()), &error);
    QVERIFY2(remote, qPrintable(error.toString()));
    const auto local = openImageSource(m_archive, &error);
    QVERIFY2(local, qPrintable(error.toString()));
    QCOMPARE(remote->images()[0].id, local->images()[0].id);
    const QString tree = mergedTree(*remote, 0);
    QVERIFY(tree.contains(QLatin1String("var/lib/data2/payload")));
    QCOMPARE(tree, mergedTree(*local, 0));
    QCOMPARE(cachedBlobs(), 3);
    // Every blob's digest checked: the cached copies are what the manifest names.
    for (const LayerDigestCheck &check : remote->verifyLayers(0))
        QCOMPARE(int(check.status), int(LayerDigestCheck::Status::Ok));
}

void TestRegistryImages::sharedLayersFetchedOnce()
{
    // 1.5 is 1.4 with one more layer: the three layers they share come once.
    const QString bigger = writeImage(QStringLiteral("app15"), 3);
    QVERIFY(!push(bigger, QStringLiteral("shared/app:1.5")).isEmpty());
    QVERIFY(!push(m_archive, QStringLiteral("shared/app:1.4")).isEmpty());
    const int before = m_registry.blobGets(QStringLiteral("shared/app"));
    Error error;
    const auto a =
        openImageSource(QStringLiteral("%1/shared/app:1.4").arg(m_registry.host()), &error);
    const auto b =
        openImageSource(QStringLiteral("%1/shared/app:1.5").arg(m_registry.host()), &error);
    QVERIFY2(a && b, qPrintable(error.toString()));
    QVERIFY(!mergedTree(*a, 0).startsWith(QLatin1String("layer error")));
    QVERIFY(!mergedTree(*b, 0).startsWith(QLatin1String("layer error")));
    // Two configs, three shared layers once, the one layer only 1.5 has.
    QCOMPARE(m_registry.blobGets(QStringLiteral("shared/app")) - before, 2 + 3 + 1);
    QCOMPARE(cachedBlobs(), 4);
}

void TestRegistryImages::progressPerLayer()
{
    Error error;
    const auto source =
        openImageSource(m_registry.host() + QStringLiteral("/team/app:1.4"), &error);
    QVERIFY2(source, qPrintable(error.toString()));
    const ImageInfo &image = source->images()[0];
    QMutex mutex;
    QList<qint64> last;
    bool receiving = false;
    qint64 bytesTotal = 0;
    LoadObserver observer;
    observer.progress = [&](const LoadProgress &p) {
        QMutexLocker lock(&mutex);
        QCOMPARE(p.fetched.size(), image.layers.size());
        last = p.fetched;
        receiving = receiving || p.stage == OpenStage::Receiving;
        bytesTotal = p.bytesTotal;
    };
    const auto layers = source->loadLayers(0, observer, &error);
    QVERIFY(receiving);
    // Each layer ends at its descriptor's size; the bytes count each blob received and read.
    qint64 declared = 0;
    for (qsizetype i = 0; i < image.layers.size(); ++i) {
        QCOMPARE(last[i], image.layers[i].declaredSize);
        declared += image.layers[i].declaredSize;
    }
    QCOMPARE(bytesTotal, 2 * declared);
}

void TestRegistryImages::tagListing()
{
    QVERIFY(!push(m_archive, QStringLiteral("list/app:a")).isEmpty());
    QVERIFY(!push(m_archive, QStringLiteral("list/app:b")).isEmpty());
    Error error;
    const auto tags = listRegistryTags(
        *RegistryReference::parse(m_registry.host() + QStringLiteral("/list/app")), &error);
    QVERIFY2(tags, qPrintable(error.toString()));
    QCOMPARE(tags->size(), 2);
    // What skopeo says the manifest lists (it compressed the layers on the way).
    QProcess skopeo;
    skopeo.start(QStringLiteral("skopeo"),
                 {QStringLiteral("inspect"), QStringLiteral("--raw"),
                  QStringLiteral("--tls-verify=false"),
                  QStringLiteral("docker://%1/list/app:a").arg(m_registry.host())});
    QVERIFY(skopeo.waitForFinished(60000) && skopeo.exitCode() == 0);
    qint64 stored = 0;
    for (const QJsonValue layer : QJsonDocument::fromJson(skopeo.readAllStandardOutput())
                                      .object()
                                      .value(QStringLiteral("layers"))
                                      .toArray())
        stored += layer.toObject().value(QStringLiteral("size")).toInteger();
    QVERIFY(stored > 0);
    for (const RegistryTag &tag : *tags) {
        QVERIFY(tag.tag == QLatin1String("a") || tag.tag == QLatin1String("b"));
        QVERIFY(tag.digest.startsWith(QLatin1String("sha256:")));
        QCOMPARE(tag.platforms, QStringList{QStringLiteral("linux/amd64")});
        QCOMPARE(tag.compressedSize, stored);
        QVERIFY(!tag.error);
    }
    QVERIFY(namesRepositoryOnly(m_registry.host() + QStringLiteral("/list/app")));
    QVERIFY(!namesRepositoryOnly(m_registry.host() + QStringLiteral("/list/app:a")));
}

void TestRegistryImages::indexWithAttestation()
{
    // Two platforms and an attestation of the amd64 one, as buildx pushes them: written as an
    // OCI layout whose index nests the platforms' index, then copied with skopeo --all.
    using namespace imagewriter;
    Image amd;
    amd.tags = {QStringLiteral("multi:1")};
    Layer l;
    l.entries = {Entry::dir("etc"), Entry::file("etc/arch", "amd64\n")};
    amd.layers = {l};
    amd.history = {{QStringLiteral("COPY arch /etc/arch"), false, {}, {}, {}}};
    Image arm = amd;
    arm.architecture = QStringLiteral("arm64");
    arm.layers[0].entries[1] = Entry::file("etc/arch", "arm64\n");
    const QString dir = m_work.path() + QStringLiteral("/multi");
    WriteOptions options;
    options.layout = Layout::OciArchive;
    options.asDirectory = true;
    options.layerCompression = Compression::Gzip;
    QString why;
    QVERIFY2(writeArchive(dir, {amd, arm}, options, &why), qPrintable(why));

    auto writeBlob = [&](const QByteArray &bytes) {
        const QString digest =
            QStringLiteral("sha256:") +
            QString::fromLatin1(
                QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        QFile f(dir + QStringLiteral("/blobs/sha256/") + digest.mid(7));
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return QJsonObject{{QStringLiteral("digest"), digest},
                           {QStringLiteral("size"), bytes.size()}};
    };
    QFile indexFile(dir + QStringLiteral("/index.json"));
    QVERIFY(indexFile.open(QIODevice::ReadOnly));
    QJsonArray platforms = QJsonDocument::fromJson(indexFile.readAll())
                               .object()
                               .value(QStringLiteral("manifests"))
                               .toArray();
    indexFile.close();
    QCOMPARE(platforms.size(), 2);
    QJsonArray entries;
    for (int i = 0; i < 2; ++i) {
        QJsonObject e = platforms[i].toObject();
        e.remove(QStringLiteral("annotations"));
        e.insert(QStringLiteral("platform"),
                 QJsonObject{{QStringLiteral("os"), QStringLiteral("linux")},
                             {QStringLiteral("architecture"),
                              i == 0 ? QStringLiteral("amd64") : QStringLiteral("arm64")}});
        entries.append(e);
    }
    const QByteArray statement =
        R"({"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://spdx.dev/Document","predicate":{}})";
    QJsonObject statementDesc = writeBlob(statement);
    statementDesc.insert(QStringLiteral("mediaType"),
                         QStringLiteral("application/vnd.in-toto+json"));
    statementDesc.insert(QStringLiteral("annotations"),
                         QJsonObject{{QStringLiteral("in-toto.io/predicate-type"),
                                      QStringLiteral("https://spdx.dev/Document")}});
    QJsonObject configDesc = writeBlob(
        "{\"architecture\":\"unknown\",\"os\":\"unknown\",\"config\":{},\"rootfs\":{\"type\":"
        "\"layers\",\"diff_ids\":[\"" +
        QCryptographicHash::hash(statement, QCryptographicHash::Sha256).toHex().prepend("sha256:") +
        "\"]}}");
    configDesc.insert(QStringLiteral("mediaType"),
                      QStringLiteral("application/vnd.oci.image.config.v1+json"));
    const QByteArray attestation =
        QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                  {QStringLiteral("mediaType"),
                                   QStringLiteral("application/vnd.oci.image.manifest.v1+json")},
                                  {QStringLiteral("config"), configDesc},
                                  {QStringLiteral("layers"), QJsonArray{statementDesc}}})
            .toJson(QJsonDocument::Compact);
    QJsonObject attestationDesc = writeBlob(attestation);
    attestationDesc.insert(QStringLiteral("mediaType"),
                           QStringLiteral("application/vnd.oci.image.manifest.v1+json"));
    attestationDesc.insert(
        QStringLiteral("platform"),
        QJsonObject{{QStringLiteral("os"), QStringLiteral("unknown")},
                    {QStringLiteral("architecture"), QStringLiteral("unknown")}});
    attestationDesc.insert(
        QStringLiteral("annotations"),
        QJsonObject{
            {QStringLiteral("vnd.docker.reference.type"), QStringLiteral("attestation-manifest")},
            {QStringLiteral("vnd.docker.reference.digest"),
             entries[0].toObject().value(QStringLiteral("digest")).toString()}});
    entries.append(attestationDesc);
    const QByteArray nested =
        QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                  {QStringLiteral("mediaType"),
                                   QStringLiteral("application/vnd.oci.image.index.v1+json")},
                                  {QStringLiteral("manifests"), entries}})
            .toJson(QJsonDocument::Compact);
    QJsonObject nestedDesc = writeBlob(nested);
    nestedDesc.insert(QStringLiteral("mediaType"),
                      QStringLiteral("application/vnd.oci.image.index.v1+json"));
    nestedDesc.insert(
        QStringLiteral("annotations"),
        QJsonObject{{QStringLiteral("org.opencontainers.image.ref.name"), QStringLiteral("1")}});
    QVERIFY(indexFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
    indexFile.write(
        QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                  {QStringLiteral("manifests"), QJsonArray{nestedDesc}}})
            .toJson());
    indexFile.close();
    QVERIFY2(m_registry.push(QStringLiteral("oci:") + dir + QStringLiteral(":1"),
                             QStringLiteral("multi/app:1"), &why, true),
             qPrintable(why));

    Error error;
    const auto source = openImageSource(m_registry.host() + QStringLiteral("/multi/app:1"), &error);
    QVERIFY2(source, qPrintable(error.toString()));
    QVERIFY(source->description().contains(QLatin1String("OCI image index")));
    // The attestation is not an image: it is attached to the image it describes.
    QCOMPARE(int(source->images().size()), 2);
    const int chosen = source->findImage(QString(), &error);
    QVERIFY2(chosen >= 0, qPrintable(error.toString()));
    const ImageInfo &image = source->images()[size_t(chosen)];
    QCOMPARE(image.platform.architecture, hostArchitecture());
    const ImageInfo &amd64 = source->images()[0].platform.architecture == QLatin1String("amd64")
                                 ? source->images()[0]
                                 : source->images()[1];
    QCOMPARE(amd64.attachments.size(), 1);
    QCOMPARE(amd64.attachments[0].kind, QStringLiteral("attestation-manifest"));
    QCOMPARE(amd64.attachments[0].predicateTypes,
             QStringList{QStringLiteral("https://spdx.dev/Document")});
    QCOMPARE(amd64.attachments[0].size, qint64(statement.size()));
    QVERIFY(mergedTree(*source, chosen).contains(QLatin1String("etc/arch")));

    const auto tags = listRegistryTags(
        *RegistryReference::parse(m_registry.host() + QStringLiteral("/multi/app")), &error);
    QVERIFY2(tags && tags->size() == 1, qPrintable(error.toString()));
    QCOMPARE(tags->at(0).platforms,
             (QStringList{QStringLiteral("linux/amd64"), QStringLiteral("linux/arm64")}));
}

void TestRegistryImages::missingTagAndRepository()
{
    Error error;
    QVERIFY(!openImageSource(m_registry.host() + QStringLiteral("/team/app:9.9"), &error));
    QCOMPARE(int(error.kind), int(Error::Kind::NoSuchImage));
    QCOMPARE(error.file, QStringLiteral("registry://%1/team/app:9.9").arg(m_registry.host()));
    QVERIFY2(error.message.contains(QLatin1String("tag \"9.9\"")), qPrintable(error.message));
    QVERIFY(!openImageSource(m_registry.host() + QStringLiteral("/no/such"), &error));
    QCOMPARE(int(error.kind), int(Error::Kind::NoSuchImage));
    QVERIFY(!openImageSource(QStringLiteral("127.0.0.1:1/team/app:1.4"), &error));
    QCOMPARE(int(error.kind), int(Error::Kind::Unreachable));
    QVERIFY2(error.message.contains(QLatin1String("does not answer")), qPrintable(error.message));
}

void TestRegistryImages::corruptBlobIsDiscarded()
{
    // A registry whose stored blob no longer matches its digest (a damaged disk, a hostile
    // mirror): what it sends is refused and never cached.
    const QString archive = writeImage(QStringLiteral("corrupt"), 1);
    QVERIFY(!push(archive, QStringLiteral("corrupt/app:1")).isEmpty());
    Error error;
    const auto source =
        openImageSource(m_registry.host() + QStringLiteral("/corrupt/app:1"), &error);
    QVERIFY2(source, qPrintable(error.toString()));
    const LayerInfo &top = source->images()[0].layers.last();
    const QString hex = top.blobDigest.mid(7);
    const QString data = m_registry.storedBlob(top.blobDigest);
    QFile blob(data);
    QVERIFY2(blob.open(QIODevice::ReadWrite), qPrintable(data));
    blob.seek(blob.size() / 2);
    const QByteArray original = blob.peek(4);
    blob.write("XXXX");
    blob.close();
    const auto layers = source->loadLayers(0, LoadObserver{}, &error);
    QVERIFY(layers.back()->error);
    QCOMPARE(int(layers.back()->error.kind), int(Error::Kind::DigestMismatch));
    QCOMPARE(layers.back()->error.file, source->location());
    QVERIFY(!QFile::exists(blobCacheDir() + QLatin1Char('/') + hex));
    QVERIFY(!layers.front()->error); // the intact layers are read
    QDirIterator partial(blobCacheDir(), QDir::Files | QDir::Hidden);
    while (partial.hasNext())
        QVERIFY(!partial.next().endsWith(QLatin1String(".partial")));

    // A failed download is not remembered: once the registry holds the right bytes again,
    // asking again fetches and reads the layer.
    QVERIFY(blob.open(QIODevice::ReadWrite));
    blob.seek(blob.size() / 2);
    blob.write(original);
    blob.close();
    const auto again = source->loadLayers(0, LoadObserver{}, &error);
    QVERIFY2(!again.back()->error, qPrintable(again.back()->error.toString()));
    QVERIFY(QFile::exists(blobCacheDir() + QLatin1Char('/') + hex));
}

void TestRegistryImages::tamperedManifestIsRefused()
{
    const QString archive = writeImage(QStringLiteral("tampered"), 1);
    QVERIFY(!push(archive, QStringLiteral("tampered/app:1")).isEmpty());
    Error error;
    const auto source =
        openImageSource(m_registry.host() + QStringLiteral("/tampered/app:1"), &error);
    QVERIFY2(source, qPrintable(error.toString()));
    // The registry serves the manifest's bytes from its blob store: changed there, they no
    // longer match the digest the registry announces.
    const QString digest = source->images()[0].manifestDigest;
    QFile manifest(m_registry.storedBlob(digest));
    QVERIFY(manifest.open(QIODevice::ReadWrite));
    QByteArray bytes = manifest.readAll();
    bytes.replace("\"schemaVersion\": 2", "\"schemaVersion\":  2");
    bytes.replace("\"schemaVersion\":2", "\"schemaVersion\": 2");
    manifest.seek(0);
    manifest.write(bytes);
    manifest.close();
    QVERIFY(!openImageSource(m_registry.host() + QStringLiteral("/tampered/app:1"), &error));
    QCOMPARE(int(error.kind), int(Error::Kind::DigestMismatch));
    QVERIFY2(error.message.contains(digest), qPrintable(error.message));
}

void TestRegistryImages::brokenTransferIsResumed()
{
    // A big layer, cut after 300 kB the first time it is sent: the fetch resumes with a Range
    // request and the layer is complete and checked.
    using namespace imagewriter;
    Image image;
    image.tags = {QStringLiteral("big:1")};
    Layer l;
    // Random bytes, so that the layer skopeo compresses stays 4 MB.
    QByteArray payload(4 << 20, '\0');
    QRandomGenerator random(17);
    random.fillRange(reinterpret_cast<quint32 *>(payload.data()), payload.size() / 4);
    l.entries = {Entry::dir("data"), Entry::file("data/blob", payload)};
    image.layers = {l};
    image.history = {{QStringLiteral("COPY blob /data/"), false, {}, {}, {}}};
    const QString archive = m_work.path() + QStringLiteral("/big.tar");
    QString why;
    QVERIFY2(writeArchive(archive, {image}, WriteOptions{}, &why), qPrintable(why));
    QVERIFY(!push(archive, QStringLiteral("big/app:1")).isEmpty());

    CuttingProxy proxy(quint16(m_registry.host().section(QLatin1Char(':'), 1).toInt()), 300 * 1024);
    Error error;
    const auto source =
        openImageSource(QStringLiteral("127.0.0.1:%1/big/app:1").arg(proxy.port()), &error);
    QVERIFY2(source, qPrintable(error.toString()));
    const auto layers = source->loadLayers(0, LoadObserver{}, &error);
    QVERIFY2(!layers[0]->error, qPrintable(layers[0]->error.toString()));
    QVERIFY2(proxy.cuts() == 1, qPrintable(QString::fromUtf8(m_registry.log().right(3000))));
    // The second request asked for the rest only: the registry answered 206 Partial Content.
    QVERIFY(m_registry.log().contains("HTTP/1.1\" 206 "));
    QByteArray read = source->readFile(0, 0, QStringLiteral("data/blob"), payload.size(), &error);
    QVERIFY2(read == payload, qPrintable(error.toString()));
}

void TestRegistryImages::tlsWithStoredCredentials()
{
    TestRegistry secure(
        TestRegistry::Options{true, QStringLiteral("teacher"), QStringLiteral("s3cret")});
    QString why;
    QVERIFY2(secure.start(&why), qPrintable(why));
    QVERIFY2(secure.push(QStringLiteral("docker-archive:") + m_archive,
                         QStringLiteral("private/app:1"), &why),
             qPrintable(why));
    qputenv("STRATA_CERTS_D", secure.certsDir().toLocal8Bit());
    QTemporaryDir config;
    qputenv("DOCKER_CONFIG", config.path().toLocal8Bit());
    qputenv("REGISTRY_AUTH_FILE", (config.path() + QStringLiteral("/none.json")).toLocal8Bit());
    const QString ref = secure.host() + QStringLiteral("/private/app:1");

    // No credentials stored: the message says where Strata looked.
    Error error;
    QVERIFY(!openImageSource(ref, &error));
    QVERIFY2(error.kind == Error::Kind::Denied, qPrintable(error.toString()));
    QVERIFY2(error.message.contains(QLatin1String("config.json")), qPrintable(error.message));

    // Wrong ones: the message names whose.
    auto writeConfig = [&](const QByteArray &userAndPassword) {
        QFile f(config.path() + QStringLiteral("/config.json"));
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(QJsonDocument(
                    QJsonObject{{QStringLiteral("auths"),
                                 QJsonObject{{secure.host(),
                                              QJsonObject{{QStringLiteral("auth"),
                                                           QString::fromLatin1(
                                                               userAndPassword.toBase64())}}}}}})
                    .toJson());
    };
    writeConfig("teacher:wrong");
    QVERIFY(!openImageSource(ref, &error));
    QCOMPARE(int(error.kind), int(Error::Kind::Denied));
    QVERIFY2(error.message.contains(QLatin1String("teacher")), qPrintable(error.message));

    writeConfig("teacher:s3cret");
    const auto source = openImageSource(ref, &error);
    QVERIFY2(source, qPrintable(error.toString()));
    const auto local = openImageSource(m_archive, &error);
    QCOMPARE(mergedTree(*source, 0), mergedTree(*local, 0));

    // Without the CA the certificate is not trusted, and plain HTTP is not tried against TLS.
    qputenv("STRATA_CERTS_D", config.path().toLocal8Bit());
    QDir(blobCacheDir()).removeRecursively();
    QVERIFY(!openImageSource(ref, &error));
    QVERIFY2(error.kind == Error::Kind::Denied, qPrintable(error.toString()));
    qunsetenv("STRATA_CERTS_D");
    qunsetenv("DOCKER_CONFIG");
    qunsetenv("REGISTRY_AUTH_FILE");
}

void TestRegistryImages::rateLimitSaysWhenToRetry()
{
    CannedRegistry canned;
    canned.set("/v2/busy/app/manifests/1", {"429 Too Many Requests", {"Retry-After: 42"}, "{}"});
    Error error;
    QVERIFY(!openImageSource(canned.host() + QStringLiteral("/busy/app:1"), &error));
    QCOMPARE(int(error.kind), int(Error::Kind::ServerError));
    QVERIFY2(error.message.contains(QLatin1String("retry in 42 s")), qPrintable(error.message));
    QCOMPARE(error.file, QStringLiteral("registry://%1/busy/app:1").arg(canned.host()));
}

void TestRegistryImages::hugeManifestIsRefused()
{
    CannedRegistry canned;
    canned.set("/v2/huge/app/manifests/1",
               {"200 OK",
                {"Content-Type: application/vnd.oci.image.manifest.v1+json"},
                QByteArray(100 << 20, ' ')});
    Error error;
    QVERIFY(!openImageSource(canned.host() + QStringLiteral("/huge/app:1"), &error));
    QCOMPARE(int(error.kind), int(Error::Kind::LimitExceeded));
    QVERIFY2(error.message.contains(QLatin1String("larger than")), qPrintable(error.message));
}

void TestRegistryImages::blobsFromAnotherHostGetNoCredentials()
{
    // The registry sends blobs to storage elsewhere, as Docker Hub sends them to its CDN: the
    // blob comes from there, and the registry's credentials stay with the registry.
    Error error;
    const auto real = openImageSource(m_archive, &error);
    QVERIFY(real);
    const ImageInfo &image = real->images()[0];
    CannedRegistry registry;
    CannedRegistry storage;
    // The archive is docker save's: its layers are plain tars, named by their diff_ids, under
    // a distribution manifest written here.
    QJsonArray layers;
    for (const LayerInfo &layer : image.layers) {
        layers.append(QJsonObject{{QStringLiteral("mediaType"),
                                   QStringLiteral("application/vnd.docker.image.rootfs.diff.tar")},
                                  {QStringLiteral("digest"), layer.diffId},
                                  {QStringLiteral("size"), layer.blobSize}});
    }
    const QByteArray config = image.configJson;
    const QByteArray distribution =
        QJsonDocument(
            QJsonObject{
                {QStringLiteral("schemaVersion"), 2},
                {QStringLiteral("mediaType"),
                 QStringLiteral("application/vnd.docker.distribution.manifest.v2+json")},
                {QStringLiteral("config"),
                 QJsonObject{{QStringLiteral("mediaType"),
                              QStringLiteral("application/vnd.docker.container.image.v1+json")},
                             {QStringLiteral("digest"), image.id},
                             {QStringLiteral("size"), config.size()}}},
                {QStringLiteral("layers"), layers}})
            .toJson(QJsonDocument::Compact);
    registry.set("/v2/cdn/app/manifests/1",
                 {"200 OK",
                  {"Content-Type: application/vnd.docker.distribution.manifest.v2+json"},
                  distribution});
    registry.set("/v2/cdn/app/blobs/" + image.id.toLatin1(), {"200 OK", {}, config});
    std::vector<int> all;
    for (int i = 0; i < image.layers.size(); ++i)
        all.push_back(i);
    QVERIFY(real->readLayerBlobs(
        0, all,
        [&](int layer, ByteSource &blob) {
            QByteArray bytes;
            char buffer[65536];
            qint64 n;
            while ((n = blob.read(buffer, sizeof buffer)) > 0)
                bytes.append(buffer, n);
            const QByteArray digest = image.layers[layer].diffId.toLatin1();
            registry.set("/v2/cdn/app/blobs/" + digest,
                         {"307 Temporary Redirect",
                          {"Location: http://" + storage.host().toLatin1() + "/signed/" +
                           digest.mid(7) + "?sig=abc"},
                          {}});
            storage.set("/signed/" + digest.mid(7) + "?sig=abc", {"200 OK", {}, bytes});
            return true;
        },
        &error));
    QTemporaryDir noConfig;
    qputenv("DOCKER_CONFIG", noConfig.path().toLocal8Bit());
    qputenv("REGISTRY_AUTH_FILE", (noConfig.path() + QStringLiteral("/none.json")).toLocal8Bit());
    rememberCredentials(registry.host(), RegistryCredentials{QStringLiteral("u"),
                                                             QStringLiteral("p"),
                                                             {},
                                                             QStringLiteral("typed in")});
    registry.requireBasicAuth();
    const auto source = openImageSource(registry.host() + QStringLiteral("/cdn/app:1"), &error);
    QVERIFY2(source, qPrintable(error.toString()));
    QCOMPARE(mergedTree(*source, 0), mergedTree(*real, 0));
    QVERIFY(!storage.requests().isEmpty());
    bool sentToRegistry = false;
    for (const QByteArray &head : registry.requests())
        sentToRegistry = sentToRegistry || head.contains("Authorization: Basic");
    QVERIFY(sentToRegistry);
    for (const QByteArray &head : storage.requests())
        QVERIFY2(!head.toLower().contains("authorization"), head.constData());
    forgetCredentials(registry.host());
    qunsetenv("DOCKER_CONFIG");
    qunsetenv("REGISTRY_AUTH_FILE");
}

void TestRegistryImages::deepIndexIsRefused()
{
    // Indexes nested deeper than any tool writes: refused, not followed without end.
    CannedRegistry canned;
    QByteArray child = "{\"schemaVersion\":2,\"mediaType\":\"application/"
                       "vnd.oci.image.index.v1+json\",\"manifests\":[]}";
    QByteArray top;
    for (int depth = 0; depth < 8; ++depth) {
        const QByteArray digest =
            "sha256:" + QCryptographicHash::hash(child, QCryptographicHash::Sha256).toHex();
        canned.set("/v2/deep/app/manifests/" + digest,
                   {"200 OK", {"Content-Type: application/vnd.oci.image.index.v1+json"}, child});
        child = "{\"schemaVersion\":2,\"mediaType\":\"application/"
                "vnd.oci.image.index.v1+json\",\"manifests\":[{\"mediaType\":\"application/"
                "vnd.oci.image.index.v1+json\",\"digest\":\"" +
                digest + "\",\"size\":" + QByteArray::number(child.size()) + "}]}";
    }
    canned.set("/v2/deep/app/manifests/1",
               {"200 OK", {"Content-Type: application/vnd.oci.image.index.v1+json"}, child});
    Error error;
    QVERIFY(!openImageSource(canned.host() + QStringLiteral("/deep/app:1"), &error));
    QCOMPARE(int(error.kind), int(Error::Kind::LimitExceeded));
    QVERIFY2(error.message.contains(QLatin1String("nests")), qPrintable(error.message));
}

void TestRegistryImages::fullDiskLeavesOnlyWholeBlobs()
{
    // The cache on a 256 kB file system: the small layers fit, the busybox layer does not.
    QVERIFY2(::geteuid() == 0, "mounting a small tmpfs for the cache needs root, as the tests run");
    QTemporaryDir small;
    QCOMPARE(QProcess::execute(QStringLiteral("mount"),
                               {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                QStringLiteral("size=256k"), QStringLiteral("strata-full-cache"),
                                small.path()}),
             0);
    const auto unmount = qScopeGuard([&] {
        QProcess::execute(QStringLiteral("umount"), {small.path()});
        qputenv("STRATA_CACHE_DIR", m_cache.path().toLocal8Bit());
    });
    qputenv("STRATA_CACHE_DIR", small.path().toLocal8Bit());

    Error error;
    const auto source =
        openImageSource(m_registry.host() + QStringLiteral("/team/app:1.4"), &error);
    QVERIFY2(source, qPrintable(error.toString()));
    const auto layers = source->loadLayers(0, LoadObserver{}, &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    // The busybox layer cannot fit; a small one fetched while its partial file filled the
    // disk may fail too. Each failure says why.
    const QList<LayerInfo> &infos = source->images()[0].layers;
    const auto biggest =
        std::max_element(infos.begin(), infos.end(), [](const LayerInfo &a, const LayerInfo &b) {
            return a.declaredSize < b.declaredSize;
        });
    QVERIFY(layers[size_t(biggest - infos.begin())]->error);
    for (const auto &layer : layers) {
        if (!layer->error)
            continue;
        QCOMPARE(layer->error.file, source->location());
        QVERIFY2(layer->error.message.contains(QLatin1String("disk holding the cache is full")),
                 qPrintable(layer->error.toString()));
    }
    // Those that fit are read when asked again: a failure is not remembered.
    std::vector<int> fitting;
    for (int i = 0; i < int(infos.size()); ++i) {
        if (i != int(biggest - infos.begin()))
            fitting.push_back(i);
    }
    const auto again = source->loadLayers(0, LoadObserver{}, &error, fitting);
    for (int i : fitting)
        QVERIFY2(!again[size_t(i)]->error, qPrintable(again[size_t(i)]->error.toString()));

    // What is in the cache is whole and verified: each file's SHA-256 is its name.
    int entries = 0;
    QDirIterator files(blobCacheDir(), QDir::Files | QDir::Hidden);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY2(!file.fileName().endsWith(QLatin1String(".partial")), qPrintable(file.fileName()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QVERIFY(hash.addData(&file));
        QCOMPARE(QString::fromLatin1(hash.result().toHex()), QFileInfo(file).fileName());
        ++entries;
    }
    QCOMPARE(entries, int(fitting.size()));
}

QTEST_GUILESS_MAIN(TestRegistryImages)
#include "tst_registry.moc"

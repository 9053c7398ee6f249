// Every layout and compression, written and then read back by the tools people use: GNU tar
// for the members and their order, skopeo (containers/image) for docker-archive: and
// oci-archive:, gzip/xz/zstd for the compressed blobs.

#include "archivechecks.h"
#include "externaltool.h"
#include "imagewriter/imagewriter.h"
#include "sampleimages.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace strata::imagewriter;
using namespace strata::testing;

namespace {

// Names in the order Go's filepath.Walk visits a directory: what tarring a directory gives.
QStringList walkOrder(QStringList names)
{
    std::stable_sort(names.begin(), names.end(), [](const QString &l, const QString &r) {
        const QStringList a = l.split(u'/', Qt::SkipEmptyParts);
        const QStringList b = r.split(u'/', Qt::SkipEmptyParts);
        return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
    });
    return names;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestImageWriter : public QObject
{
    Q_OBJECT

private slots:
    void archiveIsReadByStandardTools_data();
    void archiveIsReadByStandardTools();

private:
    void checkMembers(const QString &archive, Layout layout, Compression layers);
    void checkDockerLegacyMembers(const QStringList &names, const QString &dir);
    void checkDockerLegacyV1Members(const QStringList &names, const QString &dir);
    void checkPodmanMembers(const std::vector<TarMember> &members, const QString &dir);
    void checkOciMembers(const QStringList &names, const QString &dir, Layout layout,
                         Compression layers);
    void checkLayerBlobs(const QString &dir, const QStringList &layerPaths);

    ScratchArchives m_scratch;
};

void TestImageWriter::archiveIsReadByStandardTools_data()
{
    QTest::addColumn<Layout>("layout");
    QTest::addColumn<Compression>("layers");
    QTest::addColumn<Compression>("outer");
    const auto N = Compression::None, G = Compression::Gzip, Z = Compression::Zstd,
               X = Compression::Xz;
    QTest::newRow("docker-legacy") << Layout::DockerLegacy << N << N;
    QTest::newRow("docker-legacy | gzip") << Layout::DockerLegacy << N << G;
    QTest::newRow("docker-legacy | xz") << Layout::DockerLegacy << N << X;
    QTest::newRow("docker-legacy | zstd") << Layout::DockerLegacy << N << Z;
    QTest::newRow("docker-legacy-v1") << Layout::DockerLegacyV1 << N << N;
    QTest::newRow("docker-legacy-v1 | gzip") << Layout::DockerLegacyV1 << N << G;
    QTest::newRow("podman") << Layout::PodmanDockerArchive << N << N;
    QTest::newRow("podman, gzip layers") << Layout::PodmanDockerArchive << G << N;
    QTest::newRow("podman | xz") << Layout::PodmanDockerArchive << N << X;
    QTest::newRow("docker25") << Layout::Docker25 << N << N;
    QTest::newRow("docker25, gzip layers") << Layout::Docker25 << G << N;
    QTest::newRow("docker25, zstd layers") << Layout::Docker25 << Z << N;
    QTest::newRow("docker25 | gzip") << Layout::Docker25 << N << G;
    QTest::newRow("oci") << Layout::OciArchive << N << N;
    QTest::newRow("oci, gzip layers") << Layout::OciArchive << G << N;
    QTest::newRow("oci, zstd layers") << Layout::OciArchive << Z << N;
    QTest::newRow("oci, gzip layers | xz") << Layout::OciArchive << G << X;
    QTest::newRow("oci | zstd") << Layout::OciArchive << N << Z;
}

void TestImageWriter::archiveIsReadByStandardTools()
{
    QFETCH(Layout, layout);
    QFETCH(Compression, layers);
    QFETCH(Compression, outer);
    const Image image = sampleImage();
    const QString path = m_scratch.write({image}, {layout, layers, outer, false});
    QVERIFY(!path.isEmpty());

    // The outer compression wraps exactly the archive written without it.
    const QString plain = m_scratch.plainArchive(path, outer);
    QVERIFY(!plain.isEmpty());
    if (outer != Compression::None) {
        const QString uncompressed =
            m_scratch.write({image}, {layout, layers, Compression::None, false});
        QCOMPARE(readFile(plain), readFile(uncompressed));
    }

    checkMembers(path, layout, layers);
    if (QTest::currentTestFailed())
        return;
    const QString tag = image.tags.first();
    switch (layout) {
    case Layout::DockerLegacy:
    case Layout::PodmanDockerArchive:
        checkWithSkopeoDockerArchive(plain, tag, image);
        break;
    case Layout::Docker25:
        checkWithSkopeoDockerArchive(plain, tag, image);
        checkWithSkopeoOciArchive(plain, QStringLiteral("1.0"), image, layers);
        break;
    case Layout::OciArchive:
        checkWithSkopeoOciArchive(plain, tag, image, layers);
        break;
    case Layout::DockerLegacyV1:
        break; // skopeo needs manifest.json, which Docker 1.10 introduced
    }
}

void TestImageWriter::checkMembers(const QString &archive, Layout layout, Compression layers)
{
    QString error;
    const std::vector<TarMember> members = tarListing(archive, &error);
    QVERIFY2(!members.empty(), qPrintable(error));
    const QString dir = m_scratch.extract(archive);
    QVERIFY(!dir.isEmpty());
    const QStringList names = namesOf(members);
    switch (layout) {
    case Layout::DockerLegacy:
        checkDockerLegacyMembers(names, dir);
        break;
    case Layout::DockerLegacyV1:
        checkDockerLegacyV1Members(names, dir);
        break;
    case Layout::PodmanDockerArchive:
        checkPodmanMembers(members, dir);
        break;
    case Layout::Docker25:
    case Layout::OciArchive:
        checkOciMembers(names, dir, layout, layers);
        break;
    }
}

void TestImageWriter::checkDockerLegacyMembers(const QStringList &names, const QString &dir)
{
    const Image image = sampleImage();
    const QJsonArray manifest = jsonOf(readFile(dir + QStringLiteral("/manifest.json"))).array();
    QCOMPARE(manifest.size(), 1);
    const QJsonObject entry = manifest.first().toObject();
    const QString config = hexOf(imageId(image)) + QStringLiteral(".json");
    QCOMPARE(entry.value(u"Config").toString(), config);
    QCOMPARE(jsonStrings(entry.value(u"RepoTags")), image.tags);
    const QStringList layerPaths = jsonStrings(entry.value(u"Layers"));
    QCOMPARE(layerPaths.size(), 2);

    QStringList expected{config, QStringLiteral("manifest.json"), QStringLiteral("repositories")};
    QStringList ids;
    for (const QString &layerPath : layerPaths) {
        const QString id = layerPath.section(u'/', 0, 0);
        QCOMPARE(layerPath, id + QStringLiteral("/layer.tar"));
        QCOMPARE(id.size(), 64);
        ids.append(id);
        expected << id + u'/' << id + QStringLiteral("/VERSION") << id + QStringLiteral("/json")
                 << layerPath;
        QCOMPARE(readFile(dir + u'/' + id + QStringLiteral("/VERSION")), QByteArray("1.0"));
    }
    QCOMPARE(names, walkOrder(expected));
    checkLayerBlobs(dir, layerPaths);

    const QJsonObject top =
        jsonOf(readFile(dir + u'/' + ids[1] + QStringLiteral("/json"))).object();
    QCOMPARE(top.value(u"id").toString(), ids[1]);
    QCOMPARE(top.value(u"parent").toString(), ids[0]);
    QCOMPARE(top.value(u"config").toObject(), image.config);
    const QJsonObject repositories =
        jsonOf(readFile(dir + QStringLiteral("/repositories"))).object();
    QCOMPARE(repositories.value(u"example.com/strata/sample").toObject().value(u"1.0").toString(),
             ids[1]);
}

void TestImageWriter::checkDockerLegacyV1Members(const QStringList &names, const QString &dir)
{
    const Image image = sampleImage();
    QVERIFY(!names.contains(QStringLiteral("manifest.json")));
    const QJsonObject repositories =
        jsonOf(readFile(dir + QStringLiteral("/repositories"))).object();
    QString id =
        repositories.value(u"example.com/strata/sample").toObject().value(u"1.0").toString();

    // Walk the parent chain down from the tagged id: one directory per history step.
    QStringList chain;
    QStringList expected{QStringLiteral("repositories")};
    while (!id.isEmpty()) {
        chain.prepend(id);
        expected << id + u'/' << id + QStringLiteral("/VERSION") << id + QStringLiteral("/json")
                 << id + QStringLiteral("/layer.tar");
        id = jsonOf(readFile(dir + u'/' + id + QStringLiteral("/json")))
                 .object()
                 .value(u"parent")
                 .toString();
    }
    QCOMPARE(chain.size(), qsizetype(image.history.size()));
    QCOMPARE(sorted(names), sorted(expected));
    QCOMPARE(names, walkOrder(names));

    const QByteArray layer0 = readFile(dir + u'/' + chain[0] + QStringLiteral("/layer.tar"));
    const QByteArray empty = readFile(dir + u'/' + chain[1] + QStringLiteral("/layer.tar"));
    const QByteArray layer1 = readFile(dir + u'/' + chain[2] + QStringLiteral("/layer.tar"));
    QCOMPARE(sha256Hex(layer0), hexOf(diffId(image.layers[0])));
    QCOMPARE(sha256Hex(layer1), hexOf(diffId(image.layers[1])));
    QString error;
    QVERIFY(writeFile(dir + QStringLiteral("/empty-step.tar"), empty));
    const std::vector<TarMember> emptyListing =
        tarListing(dir + QStringLiteral("/empty-step.tar"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(emptyListing.empty());

    const QJsonObject envStep =
        jsonOf(readFile(dir + u'/' + chain[1] + QStringLiteral("/json"))).object();
    QCOMPARE(jsonStrings(envStep.value(u"container_config").toObject().value(u"Cmd")),
             (QStringList{QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                          QStringLiteral("#(nop)  ENV A=b")}));
    QCOMPARE(envStep.value(u"parent").toString(), chain[0]);
}

void TestImageWriter::checkPodmanMembers(const std::vector<TarMember> &members, const QString &dir)
{
    const Image image = sampleImage();
    const QStringList diffIds = diffIdsOf(image);
    const QString d1 = hexOf(diffIds[0]);
    const QString d2 = hexOf(diffIds[1]);
    const QString c2 = sha256Hex((diffIds[0] + u' ' + diffIds[1]).toLatin1()); // ChainID
    const QString config = hexOf(imageId(image)) + QStringLiteral(".json");
    const QStringList expected{d1 + QStringLiteral(".tar"),
                               d2 + QStringLiteral(".tar"),
                               config,
                               d1 + QStringLiteral("/layer.tar"),
                               d1 + QStringLiteral("/VERSION"),
                               d1 + QStringLiteral("/json"),
                               c2 + QStringLiteral("/layer.tar"),
                               c2 + QStringLiteral("/VERSION"),
                               c2 + QStringLiteral("/json"),
                               QStringLiteral("repositories"),
                               QStringLiteral("manifest.json")};
    QCOMPARE(namesOf(members), expected);
    for (const TarMember &m : members) {
        if (m.name.endsWith(QStringLiteral("/layer.tar"))) {
            QCOMPARE(m.type, u'l');
        } else {
            QCOMPARE(m.type, u'-');
            QCOMPARE(m.permissions, QStringLiteral("r--r--r--"));
        }
    }
    QCOMPARE(members[3].linkTarget, QStringLiteral("../") + d1 + QStringLiteral(".tar"));
    QCOMPARE(members[6].linkTarget, QStringLiteral("../") + d2 + QStringLiteral(".tar"));

    const QJsonObject entry =
        jsonOf(readFile(dir + QStringLiteral("/manifest.json"))).array().first().toObject();
    QCOMPARE(entry.value(u"Config").toString(), config);
    QCOMPARE(jsonStrings(entry.value(u"Layers")),
             (QStringList{d1 + QStringLiteral(".tar"), d2 + QStringLiteral(".tar")}));
    checkLayerBlobs(dir, jsonStrings(entry.value(u"Layers")));
    const QJsonObject top = jsonOf(readFile(dir + u'/' + c2 + QStringLiteral("/json"))).object();
    QCOMPARE(top.value(u"parent").toString(), d1);
    QCOMPARE(top.value(u"os").toString(), QStringLiteral("linux"));
    QVERIFY(top.value(u"docker_version").isNull()); // copied blindly from a config lacking it
}

void TestImageWriter::checkOciMembers(const QStringList &names, const QString &dir, Layout layout,
                                      Compression layers)
{
    const Image image = sampleImage();
    const bool classicDocker = layout == Layout::Docker25 && layers == Compression::None;
    const QJsonObject index = jsonOf(readFile(dir + QStringLiteral("/index.json"))).object();
    QCOMPARE(index.value(u"schemaVersion").toInt(), 2);
    const QJsonArray manifests = index.value(u"manifests").toArray();
    QCOMPARE(manifests.size(), 1);
    const QJsonObject descriptor = manifests.first().toObject();
    const QString refName = descriptor.value(u"annotations")
                                .toObject()
                                .value(u"org.opencontainers.image.ref.name")
                                .toString();
    QCOMPARE(refName, layout == Layout::Docker25 ? QStringLiteral("1.0") : image.tags.first());
    if (layout == Layout::Docker25) {
        QCOMPARE(descriptor.value(u"annotations")
                     .toObject()
                     .value(u"io.containerd.image.name")
                     .toString(),
                 image.tags.first()); // has a registry, so nothing to normalise
    }

    const QString manifestPath =
        QStringLiteral("blobs/sha256/") + hexOf(descriptor.value(u"digest").toString());
    const QByteArray manifestBytes = readFile(dir + u'/' + manifestPath);
    QCOMPARE(QStringLiteral("sha256:") + sha256Hex(manifestBytes),
             descriptor.value(u"digest").toString());
    QCOMPARE(qint64(manifestBytes.size()), descriptor.value(u"size").toInteger());
    const QJsonObject manifest = jsonOf(manifestBytes).object();
    QCOMPARE(manifest.value(u"mediaType").toString(),
             QStringLiteral("application/vnd.oci.image.manifest.v1+json"));
    const QString configPath = QStringLiteral("blobs/sha256/") + hexOf(imageId(image));
    QCOMPARE(manifest.value(u"config").toObject().value(u"digest").toString(), imageId(image));

    QStringList expected{QStringLiteral("blobs/"),
                         QStringLiteral("blobs/sha256/"),
                         QStringLiteral("index.json"),
                         QStringLiteral("oci-layout"),
                         manifestPath,
                         configPath};
    QStringList layerPaths;
    const QString mediaType = QStringLiteral("application/vnd.oci.image.layer.v1.tar") +
                              (layers == Compression::Gzip   ? QStringLiteral("+gzip")
                               : layers == Compression::Zstd ? QStringLiteral("+zstd")
                                                             : QString());
    const QJsonArray layerDescriptors = manifest.value(u"layers").toArray();
    for (const QJsonValue &v : layerDescriptors) {
        const QJsonObject d = v.toObject();
        QCOMPARE(d.value(u"mediaType").toString(), mediaType);
        const QString path = QStringLiteral("blobs/sha256/") + hexOf(d.value(u"digest").toString());
        const QByteArray blob = readFile(dir + u'/' + path);
        QCOMPARE(qint64(blob.size()), d.value(u"size").toInteger());
        QCOMPARE(QStringLiteral("sha256:") + sha256Hex(blob), d.value(u"digest").toString());
        layerPaths.append(path);
        expected.append(path);
    }
    checkLayerBlobs(dir, layerPaths);

    if (layout == Layout::Docker25) {
        expected.append(QStringLiteral("manifest.json"));
        const QJsonObject entry =
            jsonOf(readFile(dir + QStringLiteral("/manifest.json"))).array().first().toObject();
        QCOMPARE(entry.value(u"Config").toString(), configPath);
        QCOMPARE(jsonStrings(entry.value(u"Layers")), layerPaths);
        QCOMPARE(entry.contains(u"LayerSources"), classicDocker);
    }
    if (classicDocker) {
        // The classic store also saves each layer's legacy v1 json as a blob of its own.
        expected.append(QStringLiteral("repositories"));
        int v1Blobs = 0;
        for (const QString &name : names) {
            if (name.startsWith(QStringLiteral("blobs/sha256/")) && !expected.contains(name) &&
                jsonOf(readFile(dir + u'/' + name)).object().contains(u"container_config")) {
                expected.append(name);
                ++v1Blobs;
            }
        }
        QCOMPARE(v1Blobs, int(image.layers.size()));
    }
    QCOMPARE(sorted(names), sorted(expected));
    QCOMPARE(names, walkOrder(names));
}

void TestImageWriter::checkLayerBlobs(const QString &dir, const QStringList &layerPaths)
{
    // Each stored layer, decompressed by the standard tool its magic calls for, is the tar
    // whose SHA-256 the config lists as its DiffID.
    const QStringList diffIds = diffIdsOf(sampleImage());
    QCOMPARE(layerPaths.size(), diffIds.size());
    for (qsizetype i = 0; i < layerPaths.size(); ++i) {
        QByteArray blob = readFile(dir + u'/' + layerPaths[i]);
        const QString tool = decompressorForBytes(blob);
        if (!tool.isEmpty()) {
            QString error;
            blob = decompressWith(tool, blob, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        QCOMPARE(QStringLiteral("sha256:") + sha256Hex(blob), diffIds[i]);
    }
}

QTEST_GUILESS_MAIN(TestImageWriter)
#include "tst_imagewriter.moc"

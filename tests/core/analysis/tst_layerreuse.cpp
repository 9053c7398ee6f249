// Layer reuse: which layers images share (same diff_id and chain ID), what they cost stored
// once, and what containers add. On real multi-image archives from the shared fixtures and on
// archives this test writes, whose sizes are worked out by hand below.
#include "fixtures.h"

#include "analysis/layerreuse.h"
#include "archive/imagearchive.h"
#include "imagewriter/imagewriter.h"
#include "report/reusereport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace strata;
namespace iw = strata::imagewriter;
using iw::Entry;

namespace {

// Every image of every archive, layers read as `strata-cli reuse` reads them.
std::vector<ReuseInput> load(const QStringList &paths, bool readLayers = true)
{
    std::vector<ReuseInput> inputs;
    for (const QString &path : paths) {
        Error error;
        auto archive = ImageArchive::open(path, &error);
        if (!archive) {
            qWarning() << error.toString();
            return {};
        }
        for (ReuseInput &input : reuseInputs(*archive)) {
            if (readLayers)
                input.layers = archive->loadLayers(input.imageIndex, LoadObserver{}, &error);
            inputs.push_back(std::move(input));
        }
    }
    return inputs;
}

// chain(n) = sha256(chain(n-1) + " " + diff(n)), written out again from the OCI image spec.
QString chainOf(const QStringList &diffIds)
{
    QString chain;
    for (const QString &diff : diffIds) {
        chain =
            chain.isEmpty()
                ? diff
                : QStringLiteral("sha256:") +
                      QString::fromLatin1(QCryptographicHash::hash((chain + u' ' + diff).toUtf8(),
                                                                   QCryptographicHash::Sha256)
                                              .toHex());
    }
    return chain;
}

int imageNamed(const ReuseAnalysis &a, const QString &name)
{
    for (size_t i = 0; i < a.images.size(); ++i) {
        if (a.images[i].names.contains(name))
            return int(i);
    }
    return -1;
}

// What the diagram relies on: a layer's images sit in adjacent columns and all have it at its
// position; the columns hold every image once.
void checkColumns(const ReuseAnalysis &a)
{
    QList<int> sorted = a.columns;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(sorted.size(), qsizetype(a.images.size()));
    for (qsizetype i = 0; i < sorted.size(); ++i)
        QCOMPARE(sorted[i], int(i));
    for (size_t i = 0; i < a.layers.size(); ++i) {
        const ReuseLayer &layer = a.layers[i];
        QCOMPARE(layer.lastColumn - layer.firstColumn + 1, int(layer.images.size()));
        for (int column = layer.firstColumn; column <= layer.lastColumn; ++column) {
            const ReuseImage &image = a.images[size_t(a.columns[column])];
            QVERIFY(layer.position < image.layers.size());
            QCOMPARE(image.layers[layer.position], int(i));
        }
    }
}

ContainerSpec onInput(int input)
{
    return ContainerSpec{input, kDefaultContainerLayerSize, {}, false, {}};
}

QByteArray bytes(char c, int n)
{
    return QByteArray(n, c);
}

// Hand-sized layers. Docker counts regular file sizes plus symlink target lengths; hard links,
// whiteouts and directories add nothing.
iw::Layer b1() // 100 + 1000 + 2 ("sh") = 1102
{
    return {{Entry::dir("bin"), Entry::file("bin/sh", bytes('s', 1000), 0755),
             Entry::symlink("bin/bash", "sh"), Entry::dir("etc"),
             Entry::file("etc/os-release", bytes('a', 100))}};
}
iw::Layer b1Other() // 90
{
    return {{Entry::dir("etc"), Entry::file("etc/os-release", bytes('b', 90))}};
}
iw::Layer b2() // 5000; the hard link shares the file's inode
{
    return {{Entry::dir("usr"), Entry::dir("usr/lib"),
             Entry::file("usr/lib/libc.so", bytes('c', 5000)),
             Entry::hardlink("usr/lib/libc.so.6", "usr/lib/libc.so")}};
}
iw::Layer x3() // 300; the whiteout adds nothing
{
    return {{Entry::dir("app"), Entry::file("app/x", bytes('x', 300)),
             Entry::whiteout("etc/os-release")}};
}
iw::Layer y3() // 700
{
    return {{Entry::dir("app"), Entry::file("app/y", bytes('y', 700))}};
}
iw::Layer y4() // 20 + 1 ("y") = 21
{
    return {{Entry::file("app/y.conf", bytes('f', 20)), Entry::symlink("app/current", "y")}};
}

iw::Image image(const QString &tag, std::vector<iw::Layer> layers)
{
    iw::Image i;
    i.tags = {tag};
    i.layers = std::move(layers);
    return i;
}

// X = B1 B2 X3 in a.tar (docker save); Y = B1 B2 Y3 Y4 and Z = B1' B2 in b.tar (OCI, gzip
// layers): X and Y share a base, Z has B2's exact diff on a different bottom layer.
QStringList writeSharedBase(const QTemporaryDir &dir)
{
    const QString a = dir.filePath(QStringLiteral("a.tar"));
    const QString b = dir.filePath(QStringLiteral("b.tar"));
    QString error;
    iw::WriteOptions oci;
    oci.layout = iw::Layout::OciArchive;
    oci.layerCompression = iw::Compression::Gzip;
    if (!iw::writeArchive(a, {image(QStringLiteral("example/x:1"), {b1(), b2(), x3()})}, {},
                          &error) ||
        !iw::writeArchive(b,
                          {image(QStringLiteral("example/y:1"), {b1(), b2(), y3(), y4()}),
                           image(QStringLiteral("example/z:1"), {b1Other(), b2()})},
                          oci, &error))
        qWarning() << error;
    return {a, b};
}

// By hand: X = 1102 + 5000 + 300 = 6402, Y = 1102 + 5000 + 700 + 21 = 6823, Z = 90 + 5000 = 5090.
constexpr qint64 kX = 6402, kY = 6823, kZ = 5090;
constexpr qint64 kBase = 1102 + 5000; // B1 and B2, shared by X and Y
// Stored once: B1, B1+B2, X3, Y3, Y4, B1', B1'+B2 = 1102+5000+300+700+21+90+5000.
constexpr qint64 kStored = 12213;

} // namespace

class TestLayerReuse : public QObject
{
    Q_OBJECT
private slots:
    void dockerSizeCountsFilesAndSymlinkTargets()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("b1.tar"));
        QVERIFY(iw::writeArchive(
            path, {image(QStringLiteral("example/b:1"), {b1(), b2(), x3(), y4()})}, {}));
        const std::vector<ReuseInput> inputs = load({path});
        QCOMPARE(inputs.size(), size_t(1));
        const auto &layers = inputs.front().layers;
        QCOMPARE(layers.size(), size_t(4));
        QCOMPARE(dockerLayerSize(*layers[0]), qint64(1102)); // 1000 + 100 + strlen("sh")
        QCOMPARE(dockerLayerSize(*layers[1]), qint64(5000)); // the hard link is the same inode
        QCOMPARE(dockerLayerSize(*layers[2]), qint64(300));  // a whiteout is an empty char device
        QCOMPARE(dockerLayerSize(*layers[3]), qint64(21));   // 20 + strlen("y")
        QVERIFY(layers[0]->tarSize > 1102);                  // headers and padding are not counted
    }

    void podmanTwoImagesShareTheirOnlyLayer()
    {
        const QString path =
            fixturePath(QStringLiteral("containers_podman/docker-two-images.tar.xz"));
        REQUIRE_FIXTURE(path);
        const ReuseAnalysis a = analyzeReuse(load({path}));
        QCOMPARE(a.images.size(), size_t(2));
        QVERIFY(imageNamed(a, QStringLiteral("example.com/empty:latest")) >= 0);
        QVERIFY(imageNamed(a, QStringLiteral("example.com/empty/but:different")) >= 0);
        QVERIFY(a.images[0].id != a.images[1].id);
        // The second image's layer.tar is a symlink to the first's: one stored layer.
        QCOMPARE(a.layers.size(), size_t(1));
        const ReuseLayer &layer = a.layers.front();
        QCOMPARE(layer.images, QList<int>({0, 1}));
        QVERIFY(layer.isShared());
        QCOMPARE(layer.diffId,
                 QStringLiteral(
                     "sha256:dcbaa840b88808e329e03e84c9193dd1d4765998b6643babe2fd24e6771bdca2"));
        QCOMPARE(layer.chainId, layer.diffId);
        QCOMPARE(layer.matchedBy, LayerMatch::ChainId);
        QCOMPARE(layer.sizeSource, SizeSource::Files);
        QCOMPARE(layer.size, qint64(0)); // one empty file
        QCOMPARE(a.totals.layerReferences, 2);
        QCOMPARE(a.totals.storedLayers, 1);
        QCOMPARE(a.totals.sharedLayers, 1);
        QCOMPARE(a.totals.imagesSum, qint64(0));
        QCOMPARE(a.totals.saved, qint64(0));
        QCOMPARE(a.totals.savedPercent, 0.0); // no division by zero
        QVERIFY(a.sameDiff.empty());
        checkColumns(a);
    }

    void imagesv11SharesOneLayerAndStoresOneDiffTwice()
    {
        const QString path =
            fixturePath(QStringLiteral("aboutcode-org_container-inspector/imagesv11.tar"));
        REQUIRE_FIXTURE(path);
        const ReuseAnalysis a = analyzeReuse(load({path}));
        QCOMPARE(a.images.size(), size_t(3));
        const int me = imageNamed(a, QStringLiteral("me/test_image_tar:1.0"));
        const int she = imageNamed(a, QStringLiteral("she/image_from_scratch:1.0"));
        const int you = imageNamed(a, QStringLiteral("you/secondimage:1.2"));
        QVERIFY(me >= 0 && she >= 0 && you >= 0);
        const QString c2c0 = QStringLiteral(
            "sha256:c2c0564e4d42ab2b8e947861d9324a6ab087818731e818bc8667c7523507c4f9");
        const QString d2d3 = QStringLiteral(
            "sha256:2d3d307589a202188a779ec6d094a39a396d7d48d6fef273b902af4389bcfd62");

        // you/secondimage has both layers of the others (PROVENANCE), but only the bottom one is
        // the same stored layer: 2d3d… sits on c2c0… there and on nothing in
        // she/image_from_scratch.
        QCOMPARE(a.layers.size(), size_t(3));
        const ReuseLayer &shared = a.layers[size_t(a.images[size_t(me)].layers[0])];
        QCOMPARE(shared.diffId, c2c0);
        QCOMPARE(shared.images, QList<int>({me, you}));
        QCOMPARE(a.images[size_t(you)].layers[0], a.images[size_t(me)].layers[0]);
        const ReuseLayer &alone = a.layers[size_t(a.images[size_t(she)].layers[0])];
        const ReuseLayer &onTop = a.layers[size_t(a.images[size_t(you)].layers[1])];
        QCOMPARE(alone.diffId, d2d3);
        QCOMPARE(onTop.diffId, d2d3);
        QCOMPARE(alone.chainId, d2d3);
        QCOMPARE(onTop.chainId, chainOf({c2c0, d2d3}));
        QVERIFY(!alone.isShared() && !onTop.isShared());

        // Sizes: the 71 regular files of c2c0… hold 142 bytes, the one file of 2d3d… 1 byte
        // (a tar listing of the layers; no symlinks, no hard links).
        QCOMPARE(shared.size, qint64(142));
        QCOMPARE(alone.size, qint64(1));
        QCOMPARE(onTop.size, qint64(1));
        QCOMPARE(a.images[size_t(me)].size, qint64(142));
        QCOMPARE(a.images[size_t(she)].size, qint64(1));
        QCOMPARE(a.images[size_t(you)].size, qint64(143));
        QCOMPARE(a.images[size_t(me)].sharedSize, qint64(142));
        QCOMPARE(a.images[size_t(me)].uniqueSize, qint64(0));
        QCOMPARE(a.images[size_t(she)].sharedSize, qint64(0));
        QCOMPARE(a.images[size_t(she)].uniqueSize, qint64(1));
        QCOMPARE(a.images[size_t(you)].sharedSize, qint64(142));
        QCOMPARE(a.images[size_t(you)].uniqueSize, qint64(1));
        QCOMPARE(a.totals.imagesSum, qint64(286));
        QCOMPARE(a.totals.storedOnce, qint64(144));
        QCOMPARE(a.totals.saved, qint64(142));
        QCOMPARE(a.totals.savedPercent, 100.0 * 142 / 286);
        QVERIFY(!a.totals.estimated);

        QCOMPARE(a.sameDiff.size(), size_t(1));
        const ReuseSameDiff &same = a.sameDiff.front();
        QCOMPARE(same.diffId, d2d3);
        QCOMPARE(same.layers.size(), 2);
        QCOMPARE(same.divergences.size(), size_t(1));
        QCOMPARE(same.divergences.front().divergesAt, 0);
        QCOMPARE(alone.sameDiffGroup, 0);
        QCOMPARE(onTop.sameDiffGroup, 0);
        const QString reason = same.divergences.front().reason;
        QVERIFY2(reason.contains(QStringLiteral("you/secondimage:1.2")) &&
                     reason.contains(QStringLiteral("c2c0564e4d42")),
                 qPrintable(reason));
        checkColumns(a);
    }

    void twoArchivesSharingABase()
    {
        QTemporaryDir dir;
        const QStringList paths = writeSharedBase(dir);
        const ReuseAnalysis a = analyzeReuse(load(paths));
        QCOMPARE(a.images.size(), size_t(3));
        const int x = imageNamed(a, QStringLiteral("example/x:1"));
        const int y = imageNamed(a, QStringLiteral("example/y:1"));
        const int z = imageNamed(a, QStringLiteral("example/z:1"));
        QVERIFY(x >= 0 && y >= 0 && z >= 0);
        QCOMPARE(a.images[size_t(x)].archives, QStringList({paths[0]}));
        QCOMPARE(a.images[size_t(y)].archives, QStringList({paths[1]}));

        // X (docker save, plain layers) and Y (OCI, gzip layers) share B1 and B2: the blobs
        // differ, the diff_ids and chains do not.
        const QList<int> &lx = a.images[size_t(x)].layers;
        const QList<int> &ly = a.images[size_t(y)].layers;
        const QList<int> &lz = a.images[size_t(z)].layers;
        QCOMPARE(lx.size(), 3);
        QCOMPARE(ly.size(), 4);
        QCOMPARE(lz.size(), 2);
        QCOMPARE(ly.mid(0, 2), lx.mid(0, 2));
        QVERIFY(lx[2] != ly[2]);
        QCOMPARE(a.layers[size_t(lx[1])].chainId, chainOf({iw::diffId(b1()), iw::diffId(b2())}));
        QCOMPARE(a.layers[size_t(lx[1])].images, QList<int>({x, y}));
        QCOMPARE(a.layers[size_t(lz[1])].diffId, iw::diffId(b2()));
        QCOMPARE(a.layers[size_t(lz[1])].images, QList<int>({z}));
        for (const ReuseLayer &layer : a.layers)
            QCOMPARE(layer.sizeSource, SizeSource::Files);

        QCOMPARE(a.images[size_t(x)].size, kX);
        QCOMPARE(a.images[size_t(y)].size, kY);
        QCOMPARE(a.images[size_t(z)].size, kZ);
        QCOMPARE(a.images[size_t(x)].sharedSize, kBase);
        QCOMPARE(a.images[size_t(x)].uniqueSize, qint64(300));
        QCOMPARE(a.images[size_t(y)].sharedSize, kBase);
        QCOMPARE(a.images[size_t(y)].uniqueSize, qint64(721));
        QCOMPARE(a.images[size_t(z)].sharedSize, qint64(0));
        QCOMPARE(a.images[size_t(z)].uniqueSize, kZ);
        QCOMPARE(a.totals.imagesSum, kX + kY + kZ); // 18315
        QCOMPARE(a.totals.storedOnce, kStored);
        QCOMPARE(a.totals.saved, kBase); // 6102: the base, stored once instead of twice
        QCOMPARE(a.totals.savedPercent, 100.0 * 6102 / 18315);
        QCOMPARE(a.totals.layerReferences, 9);
        QCOMPARE(a.totals.storedLayers, 7);
        QCOMPARE(a.totals.sharedLayers, 2);

        // Z's B2 is the same diff on another chain: stored again, diverging at the bottom.
        QCOMPARE(a.sameDiff.size(), size_t(1));
        const ReuseSameDiff &same = a.sameDiff.front();
        QCOMPARE(same.diffId, iw::diffId(b2()));
        QCOMPARE(same.layers, QList<int>({lx[1], lz[1]}));
        QCOMPARE(same.divergences.front().divergesAt, 0);
        QCOMPARE(same.divergences.front().layer, lz[1]);
        const QString reason = same.divergences.front().reason;
        QVERIFY2(reason.contains(QStringLiteral("position 0")) &&
                     reason.contains(shortDigest(iw::diffId(b1()))) &&
                     reason.contains(shortDigest(iw::diffId(b1Other()))),
                 qPrintable(reason));

        // Columns: X and Y next to each other under their shared base, Z after them.
        QCOMPARE(a.columns, QList<int>({x, y, z}));
        QCOMPARE(a.layers[size_t(lx[0])].firstColumn, 0);
        QCOMPARE(a.layers[size_t(lx[0])].lastColumn, 1);
        QCOMPARE(a.maxDepth, 4);
        checkColumns(a);
    }

    void containersCostThinLayersNotImages()
    {
        QTemporaryDir dir;
        const std::vector<ReuseInput> inputs = load(writeSharedBase(dir));
        QCOMPARE(inputs.size(), size_t(3));
        // Inputs: 0 = X, 1 = Y, 2 = Z. Three default containers on X, one of 1 MB on Y.
        const ReuseAnalysis a = analyzeReuse(
            inputs, {onInput(0), onInput(0), onInput(0),
                     ContainerSpec{1, 1000000, QStringLiteral("web"), false, {}}, onInput(7)});
        QCOMPARE(a.containers.size(), size_t(4));
        QCOMPARE(a.images[0].containers, QList<int>({0, 1, 2}));
        QCOMPARE(a.images[1].containers, QList<int>({3}));
        QVERIFY(a.images[2].containers.isEmpty());
        QCOMPARE(a.containers[0].name, QStringLiteral("container 1"));
        QCOMPARE(a.containers[2].name, QStringLiteral("container 3"));
        QCOMPARE(a.containers[3].name, QStringLiteral("web"));
        QCOMPARE(a.containers[0].size, kDefaultContainerLayerSize);
        QCOMPARE(a.totals.containers, 4);
        QCOMPARE(a.totals.containersSize, 3 * kDefaultContainerLayerSize + 1000000); // 1012000
        // Had each container copied its image: 3 × (6402 + 4000) + (6823 + 1000000).
        QCOMPARE(a.totals.containersIfCopied, qint64(1038029));
        QCOMPARE(a.totals.storedWithContainers, kStored + 1012000);
        // Containers change no image or layer figure.
        QCOMPARE(a.totals.storedOnce, kStored);
        QCOMPARE(a.images[0].size, kX);
        QVERIFY(a.notes.join(u'\n').contains(QStringLiteral("input 7")));
    }

    void anImageGivenTwiceIsCountedOnce()
    {
        QTemporaryDir dir;
        const QStringList paths = writeSharedBase(dir);
        const ReuseAnalysis a = analyzeReuse(load({paths[0], paths[0], paths[1]}),
                                             {ContainerSpec{1, 500, {}, false, {}}});
        QCOMPARE(a.images.size(), size_t(3));
        QCOMPARE(a.images[0].inputs, QList<int>({0, 1}));
        QCOMPARE(a.totals.imagesSum, kX + kY + kZ);
        QCOMPARE(a.totals.storedOnce, kStored);
        QCOMPARE(a.images[0].containers, QList<int>({0})); // input 1 is image 0
        QVERIFY(a.notes.contains(
            QStringLiteral("example/x:1 (image %1) was given 2 times: counted once")
                .arg(shortDigest(a.images[0].id))));
    }

    void unreadLayersFallBackToBlobSizes()
    {
        QTemporaryDir dir;
        const std::vector<ReuseInput> inputs = load(writeSharedBase(dir), false);
        const ReuseAnalysis a = analyzeReuse(inputs);
        QVERIFY(a.totals.estimated);
        QVERIFY(a.notes.join(u'\n').contains(QStringLiteral("not read")));
        // Sharing does not depend on reading layers; sizes are the blobs of the first archive.
        QCOMPARE(a.totals.storedLayers, 7);
        QCOMPARE(a.totals.sharedLayers, 2);
        for (const ReuseLayer &layer : a.layers) {
            QCOMPARE(layer.sizeSource, SizeSource::Blob);
            QCOMPARE(layer.size, layer.blobSize);
        }
        // X's layers are plain tars in a docker save: header blocks and padding make them bigger
        // than their files.
        QVERIFY(a.images[0].size > kX);
        qint64 sum = 0;
        for (const LayerInfo &layer : inputs[0].image.layers)
            sum += layer.blobSize;
        QCOMPARE(a.images[0].size, sum);
    }

    void withoutDiffIdsLayersAreMatchedByV1Ids()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v1.tar"));
        iw::WriteOptions options;
        options.layout = iw::Layout::DockerLegacyV1;
        QVERIFY(iw::writeArchive(path,
                                 {image(QStringLiteral("example/x:1"), {b1(), b2(), x3()}),
                                  image(QStringLiteral("example/y:1"), {b1(), b2(), y3(), y4()})},
                                 options));
        const ReuseAnalysis a = analyzeReuse(load({path}));
        QCOMPARE(a.images.size(), size_t(2));
        const int x = imageNamed(a, QStringLiteral("example/x:1"));
        const int y = imageNamed(a, QStringLiteral("example/y:1"));
        QVERIFY(x >= 0 && y >= 0);
        for (const ReuseLayer &layer : a.layers) {
            QVERIFY(layer.chainId.isEmpty());
            QCOMPARE(layer.matchedBy, LayerMatch::V1Id);
            QVERIFY(layer.key.startsWith(QStringLiteral("sha256:")));
        }
        QCOMPARE(a.images[size_t(x)].layers.mid(0, 2), a.images[size_t(y)].layers.mid(0, 2));
        QCOMPARE(a.totals.storedLayers, 5);
        QCOMPARE(a.totals.imagesSum, kX + kY);
        QCOMPARE(a.totals.storedOnce, kX + kY - kBase);
        QCOMPARE(a.totals.saved, kBase);
        QVERIFY(a.sameDiff.empty());
        QVERIFY(a.notes.join(u'\n').contains(QStringLiteral("v1 layer ids")));
        checkColumns(a);
    }

    void reportsCarryTheFigures()
    {
        QTemporaryDir dir;
        const ReuseAnalysis a = analyzeReuse(load(writeSharedBase(dir)), {onInput(0), onInput(0)});
        const QJsonObject json = QJsonDocument::fromJson(reuseJson(a)).object();
        const QJsonObject totals = json.value(QStringLiteral("totals")).toObject();
        QCOMPARE(totals.value(QStringLiteral("imagesSum")).toInteger(), kX + kY + kZ);
        QCOMPARE(totals.value(QStringLiteral("storedOnce")).toInteger(), kStored);
        QCOMPARE(totals.value(QStringLiteral("saved")).toInteger(), kBase);
        QCOMPARE(totals.value(QStringLiteral("containersSize")).toInteger(),
                 2 * kDefaultContainerLayerSize);
        const QJsonArray layers = json.value(QStringLiteral("layers")).toArray();
        QCOMPARE(layers.size(), 7);
        QCOMPARE(layers.at(0).toObject().value(QStringLiteral("images")).toArray().size(), 2);
        QCOMPARE(layers.at(0).toObject().value(QStringLiteral("chainId")).toString(),
                 iw::diffId(b1()));
        const QJsonArray same = json.value(QStringLiteral("sameDiffNotShared")).toArray();
        QCOMPARE(same.size(), 1);
        QCOMPARE(same.at(0).toObject().value(QStringLiteral("diffId")).toString(),
                 iw::diffId(b2()));

        const QString text = QString::fromUtf8(reuseText(a));
        QVERIFY(text.contains(QStringLiteral("18.3 kB (18315 bytes)")));
        QVERIFY(text.contains(QStringLiteral("12.2 kB (12213 bytes)")));
        QVERIFY(text.contains(QStringLiteral("6.10 kB (6102 bytes), 33.3% of the sum")));
        QVERIFY(text.contains(QStringLiteral("Same diff, not shared")));
        // Two default containers on X: 2 × 4000 B, against 2 × (6402 + 4000) as copies.
        QVERIFY(text.contains(QStringLiteral(
            "2 thin layer(s), 8.00 kB (8000 bytes); not 2 image copies, 20.8 kB (20804 bytes)")));
        QVERIFY(text.contains(shortDigest(iw::diffId(b2()))));
    }

    void parsesByteSizes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("bytes");
        QTest::newRow("plain") << "4000" << true << qint64(4000);
        QTest::newRow("zero") << "0" << true << qint64(0);
        QTest::newRow("B") << "512B" << true << qint64(512);
        QTest::newRow("k") << "4k" << true << qint64(4000);
        QTest::newRow("kB") << "4kB" << true << qint64(4000);
        QTest::newRow("KB") << "4KB" << true << qint64(4000);
        QTest::newRow("MB fraction") << "1.5MB" << true << qint64(1500000);
        QTest::newRow("KiB") << "4KiB" << true << qint64(4096);
        QTest::newRow("GiB spaced") << "2 GiB" << true << qint64(2147483648);
        QTest::newRow("empty") << "" << false << qint64(0);
        QTest::newRow("negative") << "-1" << false << qint64(0);
        QTest::newRow("unit") << "4XB" << false << qint64(0);
        QTest::newRow("word") << "abc" << false << qint64(0);
        QTest::newRow("huge") << "9000000TB" << false << qint64(0);
    }

    void parsesByteSizes()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, bytes);
        qint64 parsed = -1;
        QCOMPARE(parseByteSize(text, &parsed), valid);
        if (valid)
            QCOMPARE(parsed, bytes);
    }
};

QTEST_GUILESS_MAIN(TestLayerReuse)
#include "tst_layerreuse.moc"

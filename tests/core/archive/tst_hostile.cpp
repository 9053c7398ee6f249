// Hostile and unusual archives, each built here: damage libarchive only warns about, members
// stored sparse, filters that would run a program, inputs of a few kilobytes that would cost
// minutes, manifests and configs that are not what their digests say, and writers whose
// output differs from Docker's (Jib, skopeo's dir:). Each must give the right tree or a clear
// error, quickly.
#include "archive/imagearchive.h"
#include "common/limits.h"
#include "fixtures.h"
#include "imagewriter/imagewriter.h"
#include "rawimage.h"
#include "rawtar.h"
#include "report/treereport.h"
#include "rootfslisting.h"
#include "source/opensource.h"
#include "tree/layerindexer.h"
#include "tree/overlaymerge.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <clocale>
#include <sys/stat.h>

using namespace strata;
using strata::test::RawTar;
namespace iw = strata::imagewriter;
using iw::Entry;
using Layers = std::vector<std::shared_ptr<const LayerTree>>;

namespace {
// Every layer these tests build also seeds fuzz_layer: fuzz/run.sh sets STRATA_FUZZ_SEEDS.
void keepAsSeed(const QByteArray &tar)
{
    const QString dir = qEnvironmentVariable("STRATA_FUZZ_SEEDS");
    if (!dir.isEmpty() && tar.size() < (1 << 20))
        strata::test::writeFile(
            dir + QStringLiteral("/hostile-") + strata::test::sha256Hex(tar).left(16), tar);
}

LayerTree index(const QByteArray &tar, LayerIndexOptions options = {})
{
    keepAsSeed(tar);
    BufferSource source(tar);
    return indexLayer(source, options, QStringLiteral("test.tar"), QStringLiteral("layer"));
}

QString kindOf(const Error &error)
{
    return Error::kindName(error.kind);
}

// Loads every layer of the only image; the first layer error or the load's own error.
Error loadError(const QString &path, Layers *layers = nullptr)
{
    Error error;
    const auto source = openImageSource(path, &error);
    if (!source)
        return error;
    const Layers loaded = source->loadLayers(0, LoadObserver{}, &error);
    if (layers)
        *layers = loaded;
    if (error)
        return error;
    for (const auto &layer : loaded) {
        if (layer && layer->error)
            return layer->error;
    }
    return {};
}

QByteArray treeOf(const QString &path)
{
    Layers layers;
    const Error error = loadError(path, &layers);
    if (error)
        return error.toString().toUtf8();
    return mergedTreeTsv(mergeLayers(layers, int(layers.size()) - 1), layers);
}

QString writeImage(const QTemporaryDir &dir, const QString &name, const iw::Image &image,
                   iw::Layout layout = iw::Layout::DockerLegacy,
                   iw::Compression layers = iw::Compression::None)
{
    iw::WriteOptions options;
    options.layout = layout;
    options.layerCompression = layers;
    QString error;
    const QString path = dir.filePath(name);
    if (!iw::writeArchive(path, {image}, options, &error))
        qWarning() << error;
    return path;
}

iw::Image imageOf(std::vector<iw::Layer> layers)
{
    iw::Image image;
    image.tags = {QStringLiteral("hostile/test:1")};
    image.layers = std::move(layers);
    return image;
}
} // namespace

class TestHostile : public QObject
{
    Q_OBJECT
private slots:
    // ---- Wrong trees that used to load with exit 0 ----

    // A bad checksum in a later header: libarchive skips ahead and says ARCHIVE_RETRY or
    // ARCHIVE_WARN; the layer must not end there silently.
    void bitFlipInLaterHeader()
    {
        QByteArray tar = RawTar()
                             .entry("a", '0', "first")
                             .entry("b", '0', "second")
                             .entry("c", '0', "third")
                             .finish();
        tar[2 * 1024 + 20] = char(tar[2 * 1024 + 20] ^ 0x04); // in "c"'s header
        const LayerTree layer = index(tar);
        QCOMPARE(kindOf(layer.error), QStringLiteral("damaged-layer"));
        QVERIFY(layer.tree.find("a") != kNoNode); // what came before stays
    }

    // Docker refuses a regular file whose name ends in "/"; libarchive would make it a
    // directory and the layer would look fine.
    void regularFileNamedLikeADirectory()
    {
        const QByteArray tar = RawTar().entry("dir/", '0', "data").finish();
        const LayerTree layer = index(tar);
        QCOMPARE(kindOf(layer.error), QStringLiteral("damaged-layer"));
        // A real directory entry is fine.
        QVERIFY(!index(RawTar().entry("dir/", '5').finish()).error);
    }

    // Under the C locale libarchive warns about every name beyond ASCII: that is no damage,
    // and the name stays its bytes.
    void namesBeyondAsciiUnderTheCLocale()
    {
        const std::string previous = std::setlocale(LC_CTYPE, nullptr);
        std::setlocale(LC_CTYPE, "C");
        const LayerTree layer = index(
            RawTar().pax({{"path", "caf\xc3\xa9/men\xc3\xba"}}).entry("x", '0', "x").finish());
        std::setlocale(LC_CTYPE, previous.c_str());
        QVERIFY2(!layer.error, qPrintable(layer.error.toString()));
        QVERIFY(layer.tree.find("caf\xc3\xa9/men\xc3\xba") != kNoNode);
    }

    // A malformed or over-long PAX record: libarchive falls back to the ustar name.
    void malformedPaxRecords_data()
    {
        QTest::addColumn<QByteArray>("records");
        QTest::newRow("length past the header") << QByteArray("999 path=x\n");
        QTest::newRow("no equals sign") << QByteArray("11 pathx\n");
        QTest::newRow("length not a number") << QByteArray("ab path=y\n");
    }
    void malformedPaxRecords()
    {
        QFETCH(QByteArray, records);
        const QByteArray tar = RawTar().pax({}, records).entry("fallback", '0', "data").finish();
        const LayerTree layer = index(tar);
        QCOMPARE(kindOf(layer.error), QStringLiteral("damaged-layer"));
    }

    // A layer stored in the outer archive as a GNU sparse member: its data is not one range
    // of the file, so it is read through libarchive (which fills the holes).
    void layerStoredSparse()
    {
        QTemporaryDir dir;
        // Zero blocks in the middle of the layer let GNU tar store it sparse.
        QByteArray layer = iw::layerTar(iw::Layer{
            {Entry::file("zeros", QByteArray(1 << 20, '\0')), Entry::file("after", "the end")}});
        const QString unpacked = dir.filePath(QStringLiteral("unpacked"));
        strata::test::writeRawImage(unpacked, {layer});
        // Make the layer file sparse on disk so GNU tar finds its holes.
        const QString layerPath = unpacked + QStringLiteral("/layer0/layer.tar");
        QVERIFY(QProcess::execute(QStringLiteral("fallocate"),
                                  {QStringLiteral("--dig-holes"), layerPath}) == 0);
        const QString sparse = dir.filePath(QStringLiteral("sparse.tar"));
        QVERIFY(strata::test::tarDirectory(unpacked, sparse, {QStringLiteral("--sparse")}));
        QProcess list;
        list.start(QStringLiteral("tar"), {QStringLiteral("-tvf"), sparse});
        list.waitForFinished();
        const QByteArray plain = treeOf(unpacked);
        QVERIFY2(plain.contains("after\tf\t7\t"), plain.constData());
        QCOMPARE(treeOf(sparse), plain);
        Error error;
        const auto source = openImageSource(sparse, &error);
        QVERIFY(source);
        for (const LayerDigestCheck &check : source->verifyLayers(0))
            QCOMPARE(int(check.status), int(LayerDigestCheck::Status::Ok));
    }

    // ---- No program is ever run on a stranger's bytes ----

    void noExternalProgram_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QByteArray>("magic");
        QTest::newRow("lrzip") << QStringLiteral("lrzip") << QByteArray("LRZI\x00\x06", 6);
        QTest::newRow("lzop") << QStringLiteral("lzop") << QByteArray("\x89LZO\x00\r\n\x1a\n", 9);
        QTest::newRow("grzip") << QStringLiteral("grzip")
                               << QByteArray("GRZipII\x00\x02\x04:)", 12);
        QTest::newRow("lz4") << QStringLiteral("lz4") << QByteArray("\x04\x22\x4d\x18", 4);
    }
    void noExternalProgram()
    {
        QFETCH(QString, program);
        QFETCH(QByteArray, magic);
        QTemporaryDir dir;
        // Every program libarchive could hand data to, on PATH, leaves a mark if it runs.
        const QString bin = dir.filePath(QStringLiteral("bin"));
        QDir().mkpath(bin);
        const QString mark = dir.filePath(QStringLiteral("ran"));
        for (const char *name : {"lrzip", "lzop", "grzip", "lz4", "lzip", "gzip", "bzip2", "xz",
                                 "zstd", "uudecode", "compress", "lzma"}) {
            const QString trap = bin + QLatin1Char('/') + QLatin1String(name);
            strata::test::writeFile(trap, "#!/bin/sh\necho ran >> '" + mark.toUtf8() + "'\ncat\n");
            QFile::setPermissions(trap, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        const QByteArray oldPath = qgetenv("PATH");
        qputenv("PATH", bin.toUtf8());
        const QByteArray payload = magic + QByteArray(4096, 'x');
        // As a layer, and as a whole archive.
        const LayerTree layer = index(payload);
        const QString archive = dir.filePath(program + QStringLiteral(".tar"));
        strata::test::writeFile(archive, payload);
        Error error;
        const auto source = openImageSource(archive, &error);
        qputenv("PATH", oldPath);
        QVERIFY(layer.error);
        QVERIFY(!source);
        QCOMPARE(kindOf(error), QStringLiteral("not-an-archive"));
        QVERIFY2(!QFile::exists(mark), qPrintable(program + QStringLiteral(" was run")));
    }

    // ---- Bounded work: each of these is a few kilobytes ----

    // One PAX path of 800 kB ("a/" 400,000 times): the tree would be 400,000 deep.
    void deepPath()
    {
        std::string path;
        for (int i = 0; i < 400'000; ++i)
            path += "a/";
        path += "f";
        const QByteArray tar = RawTar().pax({{"path", path}}).entry("f", '0', "x").finish();
        QElapsedTimer clock;
        clock.start();
        const LayerTree layer = index(tar);
        QCOMPARE(kindOf(layer.error), QStringLiteral("limit-exceeded"));
        QVERIFY2(layer.error.message.contains(QStringLiteral("4096")),
                 qPrintable(layer.error.message));
        QVERIFY(clock.elapsed() < 5000);
    }

    // 1,200 empty files whose names are each about 1 MB, gzip'd to ~1.3 MB: libarchive
    // refuses headers that large itself; names just past Linux's limits stop at ours.
    void hugeNames_data()
    {
        QTest::addColumn<int>("nameBytes");
        QTest::addColumn<QString>("kind");
        QTest::newRow("1 MB names") << (1 << 20) << QStringLiteral("damaged-layer");
        QTest::newRow("5 kB names") << 5000 << QStringLiteral("limit-exceeded");
    }
    void hugeNames()
    {
        QFETCH(int, nameBytes);
        QFETCH(QString, kind);
        RawTar tar;
        for (int i = 0; i < 1200; ++i)
            tar.pax({{"path", std::to_string(i) + std::string(size_t(nameBytes), 'n')}})
                .entry("x", '0');
        const QByteArray gz = iw::compress(tar.finish(), iw::Compression::Gzip);
        QElapsedTimer clock;
        clock.start();
        const LayerTree layer = index(gz);
        QCOMPARE(kindOf(layer.error), kind);
        QVERIFY(clock.elapsed() < 5000);
    }

    // A name no Linux filesystem can hold stops the layer; one of 255 bytes is fine.
    void nameLimits()
    {
        const std::string longest(255, 'n');
        QVERIFY(!index(RawTar().pax({{"path", "d/" + longest}}).entry("x", '0').finish()).error);
        const LayerTree tooLong =
            index(RawTar().pax({{"path", "d/" + longest + "n"}}).entry("x", '0').finish());
        QCOMPARE(kindOf(tooLong.error), QStringLiteral("limit-exceeded"));
        QVERIFY(tooLong.error.message.contains(QStringLiteral("255")));
    }

    // verify inflates like indexing does, within the same bound.
    void verifyStopsABomb()
    {
        QTemporaryDir dir;
        // 1.5 GiB of zeros as one file, made by GNU tar from a sparse file and zstd: a few MB.
        const QString big = dir.filePath(QStringLiteral("zeros"));
        QVERIFY(QProcess::execute(QStringLiteral("truncate"),
                                  {QStringLiteral("-s"), QStringLiteral("1536M"), big}) == 0);
        const QString layerFile = dir.filePath(QStringLiteral("layer.tar.zst"));
        QVERIFY(QProcess::execute(QStringLiteral("sh"),
                                  {QStringLiteral("-c"),
                                   QStringLiteral("tar -C '%1' -cf - zeros | zstd -q -1 -c > '%2'")
                                       .arg(dir.path(), layerFile)}) == 0);
        QFile file(layerFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray blob = file.readAll();
        QVERIFY(blob.size() < 16 << 20);
        const QString unpacked = dir.filePath(QStringLiteral("image"));
        strata::test::writeRawImage(unpacked, {blob});
        Error error;
        const auto source = openImageSource(unpacked, &error);
        QVERIFY2(source, qPrintable(error.toString()));
        QElapsedTimer clock;
        clock.start();
        const std::vector<LayerDigestCheck> checks = source->verifyLayers(0);
        QCOMPARE(kindOf(checks.at(0).error), QStringLiteral("limit-exceeded"));
        const Layers layers = source->loadLayers(0, LoadObserver{}, &error);
        QCOMPARE(kindOf(layers.at(0)->error), QStringLiteral("limit-exceeded"));
        QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
    }

    // Layers that each stay under the per-layer floor, together far past the image's.
    void imageWideInflationBound()
    {
        QTemporaryDir dir;
        std::vector<QByteArray> blobs;
        for (int i = 0; i < 6; ++i) {
            const QString big = dir.filePath(QStringLiteral("zeros%1").arg(i));
            QVERIFY(QProcess::execute(QStringLiteral("truncate"),
                                      {QStringLiteral("-s"), QStringLiteral("900M"), big}) == 0);
            const QString out = dir.filePath(QStringLiteral("layer%1.zst").arg(i));
            QVERIFY(QProcess::execute(
                        QStringLiteral("sh"),
                        {QStringLiteral("-c"),
                         QStringLiteral("tar -C '%1' -cf - zeros%2 | zstd -q -1 -c > '%3'")
                             .arg(dir.path())
                             .arg(i)
                             .arg(out)}) == 0);
            QFile file(out);
            QVERIFY(file.open(QIODevice::ReadOnly));
            blobs.push_back(file.readAll());
            QFile::remove(big);
        }
        const QString unpacked = dir.filePath(QStringLiteral("image"));
        strata::test::writeRawImage(unpacked, blobs);
        Layers layers;
        QElapsedTimer clock;
        clock.start();
        const Error error = loadError(unpacked, &layers);
        QCOMPARE(kindOf(error), QStringLiteral("limit-exceeded"));
        QVERIFY2(error.message.contains(QStringLiteral("image")), qPrintable(error.message));
        QVERIFY2(clock.elapsed() < 30000, qPrintable(QString::number(clock.elapsed())));
    }

    // ---- Overflow ----

    // Two sparse files claiming 2^63-1 bytes each: the sums saturate instead of wrapping.
    void sizesSaturate()
    {
        RawTar tar;
        for (const char *name : {"big1", "big2"}) {
            tar.pax({{"GNU.sparse.major", "1"},
                     {"GNU.sparse.minor", "0"},
                     {"GNU.sparse.name", name},
                     {"GNU.sparse.realsize", "9223372036854775807"}})
                .entry(std::string("GNUSparseFile.0/") + name, '0',
                       QByteArray("0\n").leftJustified(512, '\0'));
        }
        const LayerTree layer = index(tar.finish());
        QVERIFY2(!layer.error, qPrintable(layer.error.toString()));
        QCOMPARE(layer.tree.node(layer.tree.find("big1")).size, uint64_t(INT64_MAX));
        QCOMPARE(layer.contentSize, std::numeric_limits<qint64>::max());
        QCOMPARE(layer.tree.totalSize(0), uint64_t(INT64_MAX) * 2); // fits: unsigned
    }

    // ---- Integrity: what a digest names is what the bytes are ----

    // An OCI manifest changed after its digest was written: a problem, and the manifest
    // digest shown is the bytes'.
    void manifestNotWhatItsDigestSays()
    {
        QTemporaryDir dir;
        iw::WriteOptions options;
        options.layout = iw::Layout::OciArchive;
        options.asDirectory = true;
        const QString layout = dir.filePath(QStringLiteral("oci"));
        const iw::Image image = imageOf({iw::Layer{{Entry::file("a", "a")}}});
        QVERIFY(iw::writeArchive(layout, {image}, options));
        Error error;
        auto source = openImageSource(layout, &error);
        QVERIFY(source);
        const QString manifestDigest = source->images().at(0).manifestDigest;
        QVERIFY(source->images().at(0).problems.isEmpty());
        source.reset();
        const QString manifestPath =
            layout + QStringLiteral("/blobs/sha256/") + manifestDigest.mid(7);
        QFile manifest(manifestPath);
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        QByteArray bytes = manifest.readAll();
        manifest.close();
        bytes.replace("\"schemaVersion\"", "\"schemaVersion\" ");
        QFile::setPermissions(manifestPath, QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(strata::test::writeFile(manifestPath, bytes));
        source = openImageSource(layout, &error);
        QVERIFY2(source, qPrintable(error.toString()));
        const ImageInfo &info = source->images().at(0);
        QCOMPARE(info.problems.size(), 1);
        QCOMPARE(kindOf(info.problems.at(0)), QStringLiteral("digest-mismatch"));
        QVERIFY(info.problems.at(0).message.contains(manifestDigest));
        QVERIFY(info.manifestDigest != manifestDigest);
    }

    // A config whose bytes are not what its descriptor names: the image ID is the bytes'.
    void configNotWhatItsDigestSays()
    {
        QTemporaryDir dir;
        const QString unpacked = dir.filePath(QStringLiteral("image"));
        const QString id =
            strata::test::writeRawImage(unpacked, {RawTar().entry("a", '0', "a").finish()});
        const QString configPath =
            unpacked + QLatin1Char('/') + id.mid(7) + QStringLiteral(".json");
        QFile config(configPath);
        QVERIFY(config.open(QIODevice::ReadOnly));
        QByteArray bytes = config.readAll();
        config.close();
        bytes.replace("\"os\":\"linux\"", "\"os\":\"plan9\"");
        QVERIFY(strata::test::writeFile(configPath, bytes));
        Error error;
        const auto source = openImageSource(unpacked, &error);
        QVERIFY2(source, qPrintable(error.toString()));
        const ImageInfo &info = source->images().at(0);
        QCOMPARE(info.problems.size(), 1);
        QCOMPARE(kindOf(info.problems.at(0)), QStringLiteral("digest-mismatch"));
        QCOMPARE(info.id, QStringLiteral("sha256:") + strata::test::sha256Hex(bytes));
        QCOMPARE(info.platform.os, QStringLiteral("plan9"));
    }

    // ---- Messages that say what is really wrong ----

    void notFiles()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("pipe"));
        QCOMPARE(mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        Error error;
        QVERIFY(!openImageSource(fifo, &error)); // and it does not block
        QVERIFY2(error.message.contains(QStringLiteral("named pipe")),
                 qPrintable(error.toString()));
        QVERIFY(!openImageSource(QStringLiteral("/dev/zero"), &error));
        QVERIFY2(error.message.contains(QStringLiteral("device")), qPrintable(error.toString()));
        // /proc's files say they are empty and are not.
        QVERIFY(!openImageSource(QStringLiteral("/proc/self/status"), &error));
        QVERIFY2(!error.message.startsWith(QStringLiteral("the file is empty")),
                 qPrintable(error.toString()));
        QVERIFY(error.message.contains(QStringLiteral("has content")));
        QCOMPARE(kindOf(error), QStringLiteral("not-an-archive"));
    }

    // An OCI layout without its oci-layout file is still read, with a warning that says so.
    void ociLayoutWithoutMarker()
    {
        QTemporaryDir dir;
        iw::WriteOptions options;
        options.layout = iw::Layout::OciArchive;
        options.asDirectory = true;
        const QString layout = dir.filePath(QStringLiteral("oci"));
        QVERIFY(iw::writeArchive(layout, {imageOf({iw::Layer{{Entry::file("a", "a")}}})}, options));
        QVERIFY(QFile::remove(layout + QStringLiteral("/oci-layout")));
        Error error;
        const auto source = openImageSource(layout, &error);
        QVERIFY2(source, qPrintable(error.toString()));
        QVERIFY(source->images()
                    .at(0)
                    .warnings.join(QLatin1Char(' '))
                    .contains(QStringLiteral("oci-layout")));
    }

    // A layer named by a digest no file can have: the message names the digest.
    void malformedLayerDigest()
    {
        QTemporaryDir dir;
        iw::WriteOptions options;
        options.layout = iw::Layout::OciArchive;
        options.asDirectory = true;
        const QString layout = dir.filePath(QStringLiteral("oci"));
        QVERIFY(iw::writeArchive(layout, {imageOf({iw::Layer{{Entry::file("a", "a")}}})}, options));
        Error error;
        auto source = openImageSource(layout, &error);
        QVERIFY(source);
        const QString manifestDigest = source->images().at(0).manifestDigest;
        const QString layerDigest = source->images().at(0).layers.at(0).blobDigest;
        source.reset();
        const QString manifestPath =
            layout + QStringLiteral("/blobs/sha256/") + manifestDigest.mid(7);
        QFile manifest(manifestPath);
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        QByteArray bytes = manifest.readAll();
        manifest.close();
        bytes.replace(layerDigest.toUtf8(), "sha256:../../etc/passwd");
        QVERIFY(strata::test::writeFile(manifestPath, bytes));
        Layers layers;
        error = loadError(layout, &layers);
        QCOMPARE(kindOf(error), QStringLiteral("missing-member"));
        QVERIFY2(error.toString().contains(QStringLiteral("sha256:../../etc/passwd")),
                 qPrintable(error.toString()));
    }

    // ---- Writers whose output differs from Docker's ----

    // Jib writes manifest.json with lowercase keys, which Docker's JSON decoding accepts.
    void jibLowercaseManifest()
    {
        QTemporaryDir dir;
        const QString unpacked = dir.filePath(QStringLiteral("jib"));
        strata::test::writeRawImage(unpacked, {RawTar().entry("app.jar", '0', "jar").finish()},
                                    QStringLiteral("jib/app:1.0"));
        QFile manifest(unpacked + QStringLiteral("/manifest.json"));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        QByteArray bytes = manifest.readAll();
        manifest.close();
        bytes.replace("\"Config\"", "\"config\"")
            .replace("\"RepoTags\"", "\"repoTags\"")
            .replace("\"Layers\"", "\"layers\"");
        QVERIFY(strata::test::writeFile(manifest.fileName(), bytes));
        const QString archive = dir.filePath(QStringLiteral("jib.tar"));
        QVERIFY(strata::test::tarDirectory(unpacked, archive));
        Error error;
        const auto source = openImageSource(archive, &error);
        QVERIFY2(source, qPrintable(error.toString()));
        QCOMPARE(source->images().at(0).names, QStringList{QStringLiteral("jib/app:1.0")});
        QVERIFY(treeOf(archive).startsWith("app.jar\tf\t3\t"));
    }

    // skopeo's dir: layout, written by skopeo itself, has the same tree as the archive it
    // was copied from.
    void skopeoDirLayout()
    {
        QTemporaryDir dir;
        const iw::Image image = imageOf({iw::Layer{{Entry::dir("etc"), Entry::file("etc/a", "a")}},
                                         iw::Layer{{Entry::file("etc/b", "bb")}}});
        const QString archive = writeImage(dir, QStringLiteral("image.tar"), image,
                                           iw::Layout::OciArchive, iw::Compression::Gzip);
        const QString copied = dir.filePath(QStringLiteral("dir-copy"));
        QVERIFY(
            runTool(QStringLiteral("skopeo"),
                    {QStringLiteral("copy"), QStringLiteral("--quiet"),
                     QStringLiteral("oci-archive:") + archive + QStringLiteral(":hostile/test:1"),
                     QStringLiteral("dir:") + copied}));
        QVERIFY(QFile::exists(copied + QStringLiteral("/version")));
        Error error;
        const auto source =
            std::dynamic_pointer_cast<ImageArchive>(openImageSource(copied, &error));
        QVERIFY2(source, qPrintable(error.toString()));
        QCOMPARE(int(source->format()), int(ArchiveFormat::SkopeoDirectory));
        QCOMPARE(treeOf(copied), treeOf(archive));
    }

    // An OCI layout names an image by its tag alone ("0.0.1", skopeo's oci:DIR:TAG).
    void ociRefNameIsATag()
    {
        QTemporaryDir dir;
        const QString archive = writeImage(dir, QStringLiteral("image.tar"),
                                           imageOf({iw::Layer{{Entry::file("a", "a")}}}));
        const QString layout = dir.filePath(QStringLiteral("oci"));
        QVERIFY(runTool(QStringLiteral("skopeo"),
                        {QStringLiteral("copy"), QStringLiteral("--quiet"),
                         QStringLiteral("docker-archive:") + archive,
                         QStringLiteral("oci:") + layout + QStringLiteral(":0.0.1")}));
        Error error;
        const auto source = openImageSource(layout, &error);
        QVERIFY2(source, qPrintable(error.toString()));
        const ImageInfo &info = source->images().at(0);
        QCOMPARE(info.names, QStringList{QStringLiteral(":0.0.1")});
        QCOMPARE(info.displayName(), QStringLiteral("0.0.1"));
        QCOMPARE(source->findImage(QStringLiteral("0.0.1"), &error), 0);
    }

    // An index naming platforms whose manifests are not in the archive lists them as absent.
    void platformsNotInTheArchive()
    {
        QTemporaryDir dir;
        iw::Image amd = imageOf({iw::Layer{{Entry::file("amd", "a")}}});
        iw::Image arm = amd;
        arm.architecture = QStringLiteral("arm64");
        arm.layers = {iw::Layer{{Entry::file("arm", "b")}}};
        iw::WriteOptions options;
        options.layout = iw::Layout::OciArchive;
        options.asDirectory = true;
        const QString layout = dir.filePath(QStringLiteral("oci"));
        QVERIFY(iw::writeArchive(layout, {amd, arm}, options));
        Error error;
        auto source = openImageSource(layout, &error);
        QVERIFY(source);
        QCOMPARE(source->images().size(), size_t(2));
        const QString armManifest = source->images().at(1).manifestDigest;
        source.reset();
        QVERIFY(QFile::remove(layout + QStringLiteral("/blobs/sha256/") + armManifest.mid(7)));
        source = openImageSource(layout, &error);
        QVERIFY2(source, qPrintable(error.toString()));
        QCOMPARE(source->images().size(), size_t(2));
        const ImageInfo &absent = source->images().at(1);
        QVERIFY(absent.absent);
        QCOMPARE(absent.manifestDigest, armManifest);
        QCOMPARE(absent.platform.architecture, QStringLiteral("arm64"));
        QVERIFY(!source->images().at(0).absent);
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"

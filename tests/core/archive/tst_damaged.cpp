// Damaged and hostile archives: each case is written here (from images the test builds, and
// from the shared fixtures) and must give one clear error of the right kind, naming the file,
// without a crash, a hang or a change to the input.
#include "fixtures.h"
#include "numbered.h"

#include "archive/archivesource.h"
#include "archive/imagearchive.h"
#include "imagewriter/imagewriter.h"
#include "report/treereport.h"
#include "tree/layerindexer.h"
#include "tree/overlaymerge.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace strata;
namespace iw = strata::imagewriter;
using iw::Entry;
using Layers = std::vector<std::shared_ptr<const LayerTree>>;

namespace {
iw::Image smallImage()
{
    iw::Image image;
    image.tags = {QStringLiteral("damaged/test:1")};
    image.layers = {
        iw::Layer{{Entry::dir("etc"), Entry::file("etc/a", QByteArray(3000, 'a'))}},
        iw::Layer{{Entry::file("etc/b", QByteArray(5000, 'b')), Entry::whiteout("etc/a")}}};
    return image;
}

QString write(const QTemporaryDir &dir, const QString &name, iw::Layout layout,
              iw::Compression layers = iw::Compression::None, bool directory = false,
              const iw::Image &image = smallImage())
{
    iw::WriteOptions options;
    options.layout = layout;
    options.layerCompression = layers;
    options.asDirectory = directory;
    const QString path = dir.filePath(name);
    QString error;
    if (!iw::writeArchive(path, {image}, options, &error))
        qWarning() << error;
    return path;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return file.readAll();
}

void writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.write(data);
}

QByteArray sha256(const QString &path)
{
    return QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256);
}

// Opens, loads every image and verifies digests: everything a user can make Strata do.
// Returns every error seen, in order.
QList<Error> exercise(const QString &path)
{
    QList<Error> seen;
    Error error;
    const auto archive = ImageArchive::open(path, &error);
    if (!archive) {
        seen << error;
        return seen;
    }
    for (int i = 0; i < int(archive->images().size()); ++i) {
        seen << archive->images()[size_t(i)].problems;
        const Layers layers = archive->loadLayers(i, LoadObserver{}, &error);
        if (error)
            seen << error;
        for (const auto &layer : layers) {
            if (layer->error)
                seen << layer->error;
        }
        mergedTreeTsv(mergeLayers(layers, int(layers.size()) - 1), layers);
        for (const LayerDigestCheck &check : archive->verifyLayers(i)) {
            if (check.error)
                seen << check.error;
        }
    }
    return seen;
}

bool hasKind(const QList<Error> &errors, Error::Kind kind)
{
    return std::any_of(errors.begin(), errors.end(),
                       [kind](const Error &e) { return e.kind == kind; });
}

QString kinds(const QList<Error> &errors)
{
    QStringList names;
    for (const Error &e : errors)
        names << Error::kindName(e.kind) + QStringLiteral(" (") + e.toString() + QLatin1Char(')');
    return names.join(QStringLiteral("; "));
}

// A tar layer with one file whose header claims `size` bytes, patched into the ustar header
// with GNU base-256 numbers (the way tar writes sizes above 8 GiB), checksum recomputed.
QByteArray layerClaimingSize(quint64 size)
{
    QByteArray tar = iw::layerTar(iw::Layer{{Entry::file("huge", "x")}});
    char *header = tar.data();
    memset(header + 124, 0, 12);
    header[124] = char(0x80);
    for (int i = 0; i < 8; ++i)
        header[135 - i] = char((size >> (8 * i)) & 0xff);
    memset(header + 148, ' ', 8);
    unsigned sum = 0;
    for (int i = 0; i < 512; ++i)
        sum += static_cast<unsigned char>(header[i]);
    snprintf(header + 148, 8, "%06o", sum);
    return tar.left(512 + 512); // the header and one block of data: the rest is missing
}
} // namespace

class TestDamaged : public QObject
{
    Q_OBJECT
private slots:
    void emptyFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("empty.tar"));
        writeAll(path, {});
        const QList<Error> errors = exercise(path);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0].kind, Error::Kind::NotAnArchive);
        QVERIFY(errors[0].toString().startsWith(path));
    }

    void notAnArchive()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        writeAll(path, QByteArray("these are not the layers you are looking for\n").repeated(100));
        const QList<Error> errors = exercise(path);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0].kind, Error::Kind::NotAnArchive);
    }

    void directoryThatIsNoImage()
    {
        QTemporaryDir dir;
        writeAll(dir.filePath(QStringLiteral("readme.txt")), "hello");
        const QList<Error> errors = exercise(dir.path());
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0].kind, Error::Kind::NotAnImage);
    }

    // Cut anywhere: before the first header is whole the file is no archive; inside the
    // metadata it is damaged; inside a layer's data (OCI archives keep blobs before index.json
    // sorted, so the image is known) only that layer is.
    void truncatedEverywhere_data()
    {
        QTest::addColumn<int>("layout");
        QTest::newRow("docker save") << int(iw::Layout::DockerLegacy);
        QTest::newRow("oci archive") << int(iw::Layout::OciArchive);
    }
    void truncatedEverywhere()
    {
        QFETCH(int, layout);
        QTemporaryDir dir;
        const iw::Compression layers =
            layout == int(iw::Layout::OciArchive) ? iw::Compression::Gzip : iw::Compression::None;
        const QString intact = write(dir, QStringLiteral("intact.tar"), iw::Layout(layout), layers);
        const QByteArray bytes = readAll(intact);
        QVERIFY(bytes.size() > 4096);
        const QString cut = dir.filePath(QStringLiteral("cut.tar"));
        for (qsizetype at = 0; at < bytes.size() - 1024; at += 97) {
            writeAll(cut, bytes.left(at));
            const QList<Error> errors = exercise(cut);
            QVERIFY2(!errors.isEmpty(),
                     qPrintable(QStringLiteral("cut at %1 went unnoticed").arg(at)));
            const Error::Kind kind = errors.first().kind;
            if (at < 512)
                QVERIFY2(kind == Error::Kind::NotAnArchive, qPrintable(kinds(errors)));
            else
                QVERIFY2(kind == Error::Kind::Io || kind == Error::Kind::DamagedLayer,
                         qPrintable(kinds(errors)));
            for (const Error &e : errors)
                QVERIFY(e.toString().startsWith(cut));
        }
    }

    void bitFlipInLayerHeader()
    {
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("flip.tar"), iw::Layout::DockerLegacy);
        Error error;
        auto source = ArchiveSource::open(path, &error);
        QVERIFY(source);
        const ArchiveMember *layer = nullptr;
        for (const ArchiveMember &m : source->members())
            if (m.name.ends_with("/layer.tar") && !layer)
                layer = &m;
        QVERIFY(layer && layer->offset > 0);
        QByteArray bytes = readAll(path);
        bytes[layer->offset + 10] = char(bytes[layer->offset + 10] ^ 0x20); // inside the first name
        bytes[layer->offset + 150] = char(bytes[layer->offset + 150] ^ 0x01); // and its checksum
        writeAll(path, bytes);
        const QList<Error> errors = exercise(path);
        QVERIFY2(hasKind(errors, Error::Kind::DamagedLayer) ||
                     hasKind(errors, Error::Kind::DigestMismatch),
                 qPrintable(kinds(errors)));
        QVERIFY2(hasKind(errors, Error::Kind::DigestMismatch), qPrintable(kinds(errors)));
    }

    void bitFlipInCompressedData()
    {
        QTemporaryDir dir;
        iw::Image image = smallImage();
        QByteArray noise;
        for (int i = 0; i < 20000; ++i)
            noise.append(char((i * 7919) % 251));
        image.layers[0].entries.push_back(Entry::file("noise", noise));
        const QString path = write(dir, QStringLiteral("flip.tar"), iw::Layout::OciArchive,
                                   iw::Compression::Gzip, false, image);
        Error error;
        auto source = ArchiveSource::open(path, &error);
        const ArchiveMember *biggest = nullptr;
        for (const ArchiveMember &m : source->members())
            if (m.type == ArchiveMember::File && (!biggest || m.size > biggest->size))
                biggest = &m;
        QByteArray bytes = readAll(path);
        const qsizetype at = biggest->offset + biggest->size / 2;
        bytes[at] = char(bytes[at] ^ 0x55);
        writeAll(path, bytes);
        const QList<Error> errors = exercise(path);
        QVERIFY2(hasKind(errors, Error::Kind::DamagedLayer) ||
                     hasKind(errors, Error::Kind::DigestMismatch),
                 qPrintable(kinds(errors)));
    }

    void missingLayerFile()
    {
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("unpacked"), iw::Layout::DockerLegacy,
                                   iw::Compression::None, true);
        QDir root(path);
        const QStringList ids = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(!ids.isEmpty());
        QVERIFY(QFile::remove(root.filePath(ids.first() + QStringLiteral("/layer.tar"))));
        const QList<Error> errors = exercise(path);
        QVERIFY2(hasKind(errors, Error::Kind::MissingMember), qPrintable(kinds(errors)));
        // The other layer stays readable.
        Error error;
        const auto archive = ImageArchive::open(path, &error);
        const Layers layers = archive->loadLayers(0, LoadObserver{}, &error);
        QCOMPARE(
            std::count_if(layers.begin(), layers.end(), [](const auto &l) { return !l->error; }),
            1);
    }

    void malformedMetadata_data()
    {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("kind");
        const int malformed = int(Error::Kind::MalformedJson);
        QTest::newRow("manifest not json")
            << "manifest.json" << QByteArray("[{\"Config\": ") << malformed;
        QTest::newRow("manifest null") << "manifest.json" << QByteArray("null") << malformed;
        QTest::newRow("manifest object")
            << "manifest.json" << QByteArray("{\"Config\": \"x\"}") << malformed;
        QTest::newRow("manifest wrong types")
            << "manifest.json" << QByteArray("[{\"Config\": 5, \"Layers\": \"a\"}]") << malformed;
        QTest::newRow("manifest huge number")
            << "manifest.json" << QByteArray("[{\"Config\": 1e999999, \"Layers\": []}]")
            << malformed;
        QTest::newRow("manifest deep nesting")
            << "manifest.json" << QByteArray(100000, '[') << malformed;
        QTest::newRow("manifest names a missing config")
            << "manifest.json" << QByteArray("[{\"Config\": \"nope.json\", \"Layers\": []}]")
            << int(Error::Kind::MissingMember);
        QTest::newRow("same layer 10000 times")
            << "manifest.json" << QByteArray() << int(Error::Kind::LimitExceeded);
    }
    void malformedMetadata()
    {
        QFETCH(QString, member);
        QFETCH(QByteArray, content);
        QFETCH(int, kind);
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("unpacked"), iw::Layout::DockerLegacy,
                                   iw::Compression::None, true);
        const QString file = path + QLatin1Char('/') + member;
        if (content.isEmpty()) {
            // The first image's first layer, listed 10,000 times.
            QByteArray manifest = readAll(file);
            const qsizetype start = manifest.indexOf("\"Layers\":[") + 10;
            const qsizetype end = manifest.indexOf(']', start);
            const QByteArray first = manifest.mid(start, manifest.indexOf(',', start) - start);
            QByteArrayList many;
            for (int i = 0; i < 10000; ++i)
                many << first;
            content = manifest.left(start) + many.join(',') + manifest.mid(end);
        }
        writeAll(file, content);
        const QList<Error> errors = exercise(path);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(Error::kindName(errors[0].kind), Error::kindName(Error::Kind(kind)));
        QVERIFY(errors[0].toString().startsWith(path));
    }

    void malformedConfigAndIndex_data()
    {
        QTest::addColumn<int>("layout");
        QTest::addColumn<QString>("which");
        QTest::newRow("docker config") << int(iw::Layout::DockerLegacy) << "config";
        QTest::newRow("oci index") << int(iw::Layout::OciArchive) << "index.json";
        QTest::newRow("oci config") << int(iw::Layout::OciArchive) << "config";
    }
    void malformedConfigAndIndex()
    {
        QFETCH(int, layout);
        QFETCH(QString, which);
        QTemporaryDir dir;
        const QString path =
            write(dir, QStringLiteral("unpacked"), iw::Layout(layout), iw::Compression::None, true);
        QString target = path + QLatin1Char('/') + which;
        if (which == QLatin1String("config")) {
            const QString id = iw::imageId(smallImage()).mid(7);
            target = layout == int(iw::Layout::OciArchive)
                         ? QString(path + QStringLiteral("/blobs/sha256/") + id)
                         : QString(path + QLatin1Char('/') + id + QStringLiteral(".json"));
        }
        QVERIFY(QFile::exists(target));
        writeAll(target, "{\"rootfs\": [[[");
        const QList<Error> errors = exercise(path);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0].kind, Error::Kind::MalformedJson);
    }

    void diffIdCountDiffers()
    {
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("unpacked"), iw::Layout::DockerLegacy,
                                   iw::Compression::None, true);
        const QString config =
            path + QLatin1Char('/') + iw::imageId(smallImage()).mid(7) + QStringLiteral(".json");
        QByteArray json = readAll(config);
        const qsizetype diff = json.indexOf("\"diff_ids\":[") + 12;
        json.insert(diff,
                    "\"sha256:0000000000000000000000000000000000000000000000000000000000000000\",");
        // Under the name of its new digest, so that only the diff_ids are wrong.
        QFile::remove(config);
        const QString renamed =
            QString::fromLatin1(
                QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex()) +
            QStringLiteral(".json");
        writeAll(path + QLatin1Char('/') + renamed, json);
        QByteArray manifest = readAll(path + QStringLiteral("/manifest.json"));
        manifest.replace(QFileInfo(config).fileName().toUtf8(), renamed.toUtf8());
        writeAll(path + QStringLiteral("/manifest.json"), manifest);
        const QList<Error> errors = exercise(path);
        QVERIFY2(hasKind(errors, Error::Kind::MalformedJson), qPrintable(kinds(errors)));
        QVERIFY(errors[0].message.contains(QStringLiteral("diff_ids")));
    }

    void digestMismatch()
    {
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("unpacked"), iw::Layout::OciArchive,
                                   iw::Compression::None, true);
        // Swap one layer blob's content for another valid tar.
        const QString layerDigest = iw::diffId(smallImage().layers[0]).mid(7);
        writeAll(path + QStringLiteral("/blobs/sha256/") + layerDigest,
                 iw::layerTar(iw::Layer{{Entry::file("etc/a", "tampered")}}));
        const QList<Error> errors = exercise(path);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0].kind, Error::Kind::DigestMismatch);
        QVERIFY(errors[0].member.contains(layerDigest));
    }

    void hostileEntries()
    {
        // The longest name a Linux filesystem holds (longer ones stop the layer: tst_hostile).
        const std::string longName = "dir/" + std::string(255, 'n');
        QTemporaryDir dir;
        iw::Image image;
        image.tags = {QStringLiteral("hostile:1")};
        image.layers = {iw::Layer{{
            Entry::file("../../etc/passwd", "root"),
            Entry::file("/abs/file", "a"),
            Entry::symlink("out", "../../../../etc/shadow"),
            Entry::symlink("loop1", "loop2"),
            Entry::symlink("loop2", "loop1"),
            Entry::hardlink("hl-missing", "not/there"),
            Entry::hardlink("hl-escape", "../../outside"),
            Entry::file(longName, "long"),
            Entry::file("nested.tar", iw::layerTar(iw::Layer{{Entry::file("inner", "x")}})),
        }}};
        const QString path = write(dir, QStringLiteral("hostile.tar"), iw::Layout::DockerLegacy,
                                   iw::Compression::None, false, image);
        const QByteArray before = sha256(path);
        Error error;
        const auto archive = ImageArchive::open(path, &error);
        QVERIFY(archive);
        const Layers layers = archive->loadLayers(0, LoadObserver{}, &error);
        QCOMPARE(layers[0]->rejected, QStringList({"../../etc/passwd", "hl-escape"}));
        const FileTree merged = mergeLayers(layers, 0);
        QVERIFY(merged.find("abs/file") != kNoNode);
        QVERIFY(merged.find(longName) != kNoNode);
        QCOMPARE(merged.node(merged.find("nested.tar")).type, FileType::Regular);
        QVERIFY(mergedTreeTsv(merged, layers).contains("hl-missing\th\t0\t644\tnot/there\t0\n"));
        // Reading never follows a symlink from the archive.
        for (const char *link : {"out", "loop1"}) {
            const QByteArray data =
                archive->readFile(0, 0, QString::fromLatin1(link), 1 << 20, &error);
            QVERIFY(data.isEmpty());
            QCOMPARE(error.kind, Error::Kind::NotFound);
        }
        QCOMPARE(archive->readFile(0, 0, QStringLiteral("abs/file"), 100, &error), QByteArray("a"));
        QCOMPARE(sha256(path), before);
    }

    void layerClaimingOnePetabyte()
    {
        const QByteArray tar = layerClaimingSize(quint64(1) << 50);
        BufferSource source(tar);
        const LayerTree layer = indexLayer(source, LayerIndexOptions{}, QStringLiteral("test"),
                                           QStringLiteral("layer"));
        QCOMPARE(layer.error.kind, Error::Kind::DamagedLayer);
    }

    void decompressionBomb()
    {
        // 64 MiB of zeros in one file: gzip shrinks it about 1000 times.
        const QByteArray tar =
            iw::layerTar(iw::Layer{{Entry::file("zeros", QByteArray(64 << 20, '\0'))}});
        const QByteArray gz = iw::compress(tar, iw::Compression::Gzip);
        QVERIFY(gz.size() < tar.size() / 500);
        BufferSource source(gz);
        LayerIndexOptions options;
        options.maxInflationRatio = 100;
        options.minInflationLimit = 1 << 20;
        const LayerTree layer =
            indexLayer(source, options, QStringLiteral("test"), QStringLiteral("bomb"));
        QCOMPARE(layer.error.kind, Error::Kind::LimitExceeded);
        QVERIFY(layer.tarSize < 64 << 20);
        // The default bound leaves real layers alone.
        BufferSource again(gz);
        QVERIFY(
            !indexLayer(again, LayerIndexOptions{}, QStringLiteral("test"), QStringLiteral("bomb"))
                 .error);
    }

    // A million zero-byte files: memory stays proportional to the entries.
    void manyEmptyFiles()
    {
#if defined(__SANITIZE_ADDRESS__)
        const int count = 100'000; // the sanitizer build is ten times slower; same code path
#else
        const int count = 1'000'000;
#endif
        iw::Layer layer;
        layer.entries.reserve(size_t(count) + 1000);
        for (int d = 0; d < 1000; ++d) {
            const std::string dirName = test::numbered("d", d);
            layer.entries.push_back(Entry::dir(dirName));
            for (int f = 0; f < count / 1000; ++f)
                layer.entries.push_back(Entry::file(dirName + "/f" + std::to_string(f), {}));
        }
        const QByteArray gz = iw::compress(iw::layerTar(layer), iw::Compression::Gzip);
        layer = {};
        BufferSource source(gz);
        const LayerTree tree =
            indexLayer(source, LayerIndexOptions{}, QStringLiteral("test"), QStringLiteral("many"));
        QVERIFY(!tree.error);
        QCOMPARE(tree.fileCount, count);
        QCOMPARE(tree.tree.nodeCount(), uint32_t(count + 1000 + 1));
        QVERIFY2(tree.tree.memoryBytes() < size_t(count) * 150,
                 qPrintable(QString::number(tree.tree.memoryBytes() / double(count)) +
                            QStringLiteral(" bytes per path")));
    }

    void symlinkLoopInsideArchive()
    {
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("unpacked"), iw::Layout::PodmanDockerArchive,
                                   iw::Compression::None, true);
        // podman's <id>/layer.tar are symlinks to the <diffid>.tar blobs the manifest names;
        // turn one blob into a symlink back to its <id>/layer.tar: a loop.
        QDir root(path);
        QString looped;
        for (const QString &id : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QString link = root.filePath(id + QStringLiteral("/layer.tar"));
            if (!QFileInfo(link).isSymLink() || !looped.isEmpty())
                continue;
            const QString blob = QFileInfo(link).canonicalFilePath();
            QVERIFY(QFile::remove(blob));
            QVERIFY(QFile::link(id + QStringLiteral("/layer.tar"), blob));
            looped = blob;
        }
        QVERIFY(!looped.isEmpty());
        const QList<Error> errors = exercise(path);
        QVERIFY2(hasKind(errors, Error::Kind::MissingMember), qPrintable(kinds(errors)));
    }

    // Reading every fixture, damaged ones included, never changes a byte of it.
    void fixturesNeverModified()
    {
        const QStringList files = {
            QStringLiteral("snyk_snyk-docker-plugin/oci-archives/nginx.tar"),
            QStringLiteral("snyk_snyk-docker-plugin/oci-archives/oci-with-manifest.tar"),
            QStringLiteral("aboutcode-org_container-inspector/images.tar.gz"),
            QStringLiteral("google_go-containerregistry/null_manifest.tar"),
            QStringLiteral("moby_moby/emptyLayer.tar"),
            QStringLiteral("google_osv-scalibr/layerscanning/symlink-attack.tar"),
        };
        for (const QString &file : files) {
            const QString path = fixturePath(file);
            REQUIRE_FIXTURE(path);
            const QByteArray before = sha256(path);
            const QList<Error> errors = exercise(path);
            for (const Error &e : errors)
                QVERIFY(e.toString().startsWith(path));
            QCOMPARE(sha256(path), before);
        }
        // The minimized snyk nginx: blobs do not match their digests, and that is said.
        QVERIFY(hasKind(exercise(fixturePath(files[0])), Error::Kind::DigestMismatch));
    }
};

QTEST_GUILESS_MAIN(TestDamaged)
#include "tst_damaged.moc"

// Every archive in the shared fixtures, written by real tools (docker, podman, skopeo, buildkit,
// kaniko, bazel...), opened through the core. Expected values come from the fixtures'
// provenance notes and the test suites of the projects they come from, not from our output.
#include "fixtures.h"

#include "archive/imagearchive.h"
#include "report/treereport.h"
#include "tree/overlaymerge.h"

#include <QDirIterator>
#include <QSet>

#include <QtTest>

using namespace strata;
using Layers = std::vector<std::shared_ptr<const LayerTree>>;

namespace {
struct Loaded
{
    std::shared_ptr<ImageArchive> archive;
    int image = -1;
    Layers layers;
    FileTree merged;
};

Loaded load(const QString &relative, const QString &ref = {})
{
    Loaded l;
    Error error;
    l.archive = ImageArchive::open(fixturePath(relative), &error);
    if (!l.archive) {
        qWarning() << error.toString();
        return l;
    }
    l.image = l.archive->findImage(ref, &error);
    if (l.image < 0) {
        qWarning() << error.toString();
        return l;
    }
    l.layers = l.archive->loadLayers(l.image, LoadObserver{}, &error);
    l.merged = mergeLayers(l.layers, int(l.layers.size()) - 1);
    return l;
}

bool hasPathContaining(const FileTree &tree, std::string_view needle)
{
    for (uint32_t i = 1; i < tree.nodeCount(); ++i) {
        if (tree.path(i).find(needle) != std::string::npos)
            return true;
    }
    return false;
}
} // namespace

class TestFixtures : public QObject
{
    Q_OBJECT
private slots:
    // Every fixture opens as what it is, or fails with the right kind of error.
    void openAll_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("errorKind");
        QTest::addColumn<int>("images");
        QTest::addColumn<int>("format");
        const int ok = int(Error::Kind::None);
        auto row = [](const char *file, int kind, int images, ArchiveFormat format) {
            QTest::newRow(file) << QString::fromLatin1(file) << kind << images << int(format);
        };
        row("dive/test-docker-image.tar", ok, 1, ArchiveFormat::DockerLegacy);
        row("dive/test-kaniko-image.tar", ok, 1, ArchiveFormat::DockerArchive);
        row("dive/test-oci-uncompressed-image.tar", ok, 1, ArchiveFormat::OciArchive);
        row("dive/test-oci-gzip-image.tar", ok, 1, ArchiveFormat::OciArchive);
        row("dive/test-oci-zstd-image.tar", ok, 1, ArchiveFormat::OciArchive);
        row("dive/test-oci-estargz-image.tar", ok, 1, ArchiveFormat::OciArchive);
        row("google_go-containerregistry/hello-world-v25.tar", ok, 1, ArchiveFormat::Docker25);
        row("google_go-containerregistry/test_link.tar", ok, 2, ArchiveFormat::DockerLegacy);
        row("google_go-containerregistry/test_bundle.tar", ok, 2, ArchiveFormat::DockerLegacy);
        row("google_go-containerregistry/no_manifest.tar", ok, 1, ArchiveFormat::DockerLegacyV1);
        row("moby_moby/emptyLayer.tar", ok, 1, ArchiveFormat::DockerLegacyV1);
        row("containers_podman/docker-two-images.tar.xz", ok, 2, ArchiveFormat::DockerLegacy);
        row("containers_podman/oci-two-images.tar.xz", ok, 2, ArchiveFormat::OciArchive);
        row("aboutcode-org_container-inspector/imagesv11.tar", ok, 3, ArchiveFormat::DockerLegacy);
        row("aboutcode-org_container-inspector/windows-mini-image.tar.gz", ok, 1,
            ArchiveFormat::DockerArchive);
        row("aquasecurity_trivy/alpine-310.tar.gz", ok, 1, ArchiveFormat::DockerLegacy);
        row("GitGuardian_ggshield/docker-example.tar.xz", ok, 1, ArchiveFormat::DockerLegacy);
        row("snyk_cli/docker-test-image.tar", ok, 1, ArchiveFormat::Docker25);
        row("snyk_cli/zstd-test-oci.tar", ok, 1, ArchiveFormat::OciArchive);
        row("snyk_snyk-docker-plugin/containerd-archives/"
            "busybox-single-arch-with-attestation-manifest.tar",
            ok, 1, ArchiveFormat::Docker25);
        row("snyk_snyk-docker-plugin/skopeo-copy/nodes-fake-multi.tar", ok, 1,
            ArchiveFormat::DockerArchive);
        row("snyk_snyk-docker-plugin/oci-archives/oci-with-manifest.tar", ok, 1,
            ArchiveFormat::Docker25);
        // 23 image manifests are reachable from index.json (loops and artifacts left out).
        row("regclient_regclient/testrepo", ok, 23, ArchiveFormat::OciDirectory);
        // Malformed on purpose.
        row("google_go-containerregistry/null_manifest.tar", int(Error::Kind::MalformedJson), 0,
            ArchiveFormat::DockerLegacy);
        row("google_osv-scalibr/layerscanning/empty.tar", int(Error::Kind::NotAnImage), 0,
            ArchiveFormat::DockerLegacy);
        row("snyk_snyk-docker-plugin/docker-oci-archives/unsupported-image.tar",
            int(Error::Kind::NotAnImage), 0, ArchiveFormat::DockerLegacy);
        row("dive/test-uncompressed-image.tar", int(Error::Kind::NotAnImage), 0,
            ArchiveFormat::DockerLegacy);
        row("dive/PROVENANCE.md", int(Error::Kind::NotAnArchive), 0, ArchiveFormat::DockerLegacy);
        row("no/such/file.tar", int(Error::Kind::NotFound), 0, ArchiveFormat::DockerLegacy);
    }
    void openAll()
    {
        QFETCH(QString, file);
        QFETCH(int, errorKind);
        QFETCH(int, images);
        QFETCH(int, format);
        Error error;
        const auto archive = ImageArchive::open(fixturePath(file), &error);
        QCOMPARE(int(error.kind), errorKind);
        if (errorKind != int(Error::Kind::None)) {
            QVERIFY(!archive);
            QVERIFY(error.toString().startsWith(fixturePath(file)));
            return;
        }
        QVERIFY2(archive, qPrintable(error.toString()));
        QCOMPARE(int(archive->images().size()), images);
        QCOMPARE(int(archive->format()), format);
    }

    // Every archive in the fixtures folder, found by walking it: the ones known to be no image
    // fail with a message naming the file; every other one opens, every image loads, each
    // layer reads to its end or says why, and the merged tree can be printed.
    void everyFixture()
    {
        const QSet<QString> notImages = {
            "google_go-containerregistry/null_manifest.tar",
            "google_osv-scalibr/layerscanning/empty.tar",
            "snyk_snyk-docker-plugin/docker-oci-archives/unsupported-image.tar",
            "dive/test-uncompressed-image.tar",
            "dive/test-gzip-image.tar",
            "dive/test-estargz-image.tar",
            "dive/test-zstd-image.tar",
        };
        // Layers that are damaged on purpose (minimized by their authors).
        const QSet<QString> damagedLayers = {"aboutcode-org_container-inspector/images.tar.gz"};
        const QString root = fixturePath(QString());
        QStringList archives;
        QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.contains(QStringLiteral("/blobs/")) ||
                path.endsWith(QStringLiteral(".json")) || path.endsWith(QStringLiteral(".md")) ||
                path.endsWith(QStringLiteral("oci-layout")))
                continue;
            archives << path;
        }
        archives << root + QStringLiteral("regclient_regclient/testrepo");
        QVERIFY(archives.size() >= 60);
        int images = 0;
        for (const QString &path : archives) {
            const QString relative = path.mid(root.size());
            Error error;
            const auto archive = ImageArchive::open(path, &error);
            if (notImages.contains(relative)) {
                QVERIFY2(!archive && error.toString().startsWith(path), qPrintable(relative));
                continue;
            }
            QVERIFY2(archive, qPrintable(error.toString()));
            for (int i = 0; i < int(archive->images().size()); ++i) {
                ++images;
                const Layers layers = archive->loadLayers(i, LoadObserver{}, &error);
                QVERIFY2(!error, qPrintable(error.toString()));
                for (const auto &layer : layers) {
                    if (damagedLayers.contains(relative))
                        QVERIFY2(layer->error, qPrintable(relative));
                    else if (layer->error)
                        QVERIFY2(layer->error.toString().startsWith(path),
                                 qPrintable(layer->error.toString()));
                }
                const FileTree merged = mergeLayers(layers, int(layers.size()) - 1);
                QCOMPARE(mergedTreeTsv(merged, layers).count('\n'),
                         qsizetype(merged.nodeCount() - 1));
                // The streamed listing is the merged tree's, byte for byte, at every layer.
                for (int top = 0; top < int(layers.size()); ++top) {
                    QByteArray streamed;
                    writeMergedTreeTsv(layers, top, [&](std::string_view chunk) {
                        streamed.append(chunk.data(), qsizetype(chunk.size()));
                    });
                    QVERIFY2(
                        streamed == mergedTreeTsv(mergeLayers(layers, top), layers),
                        qPrintable(relative + QStringLiteral(" layer ") + QString::number(top)));
                }
            }
        }
        QVERIFY(images >= 80);
    }

    // ggcr TestExtractWhiteout: the flattened FS has no path containing "foo".
    void whiteoutImage()
    {
        const Loaded l = load(QStringLiteral("google_go-containerregistry/whiteout_image.tar"));
        QCOMPARE(l.layers.size(), size_t(3));
        QVERIFY(!hasPathContaining(l.merged, "foo"));
        QVERIFY(l.merged.find("bar.txt") != kNoNode);
        // As of the first layer foo.txt is there.
        QVERIFY(mergeLayers(l.layers, 0).find("foo.txt") != kNoNode);
    }

    // ggcr TestExtractWhiteoutDir: dir a is whited out, then a/baz re-added and survives.
    void whiteoutDir()
    {
        const Loaded l = load(QStringLiteral("google_go-containerregistry/whiteout_dir.tar"));
        QCOMPARE(l.layers.size(), size_t(4));
        QVERIFY(!hasPathContaining(l.merged, "foo"));
        QVERIFY(l.merged.find("a/baz") != kNoNode);
        QVERIFY(l.merged.find("b/bar") != kNoNode);
        QCOMPARE(int(l.merged.node(l.merged.find("a/baz")).layer), 3);
        QVERIFY(mergeLayers(l.layers, 1).find("a/foo") != kNoNode);
        QVERIFY(mergeLayers(l.layers, 2).find("a") == kNoNode);
    }

    // ggcr TestExtractOverwrittenFile: the symlink to bar.txt replaces the file foo.txt.
    void overwrittenFile()
    {
        const Loaded l = load(QStringLiteral("google_go-containerregistry/overwritten_file.tar"));
        const uint32_t foo = l.merged.find("foo.txt");
        QVERIFY(foo != kNoNode);
        QCOMPARE(l.merged.node(foo).type, FileType::Symlink);
        QCOMPARE(l.merged.linkTarget(foo), std::string_view("bar.txt"));
        QVERIFY(l.merged.node(foo).flags & NodeFlag::Replaced);
    }

    // ggcr TestLayerLink: the symlinked layer.tar of test_image_3 is followed.
    void symlinkedLayer()
    {
        const Loaded l = load(QStringLiteral("google_go-containerregistry/test_link.tar"),
                              QStringLiteral("bazel/v1/tarball:test_image_3"));
        QVERIFY(l.image >= 0);
        const ImageInfo &image = l.archive->images().at(size_t(l.image));
        int found = -1;
        for (int i = 0; i < image.layers.size(); ++i) {
            if (image.layers[i].diffId ==
                QLatin1String(
                    "sha256:8897395fd26dc44ad0e2a834335b33198cb41ac4d98dfddf58eced3853fa7b17"))
                found = i;
        }
        QVERIFY(found >= 0);
        QVERIFY(!l.layers[size_t(found)]->error);
        QVERIFY(l.layers[size_t(found)]->tarSize > 0);
        QVERIFY(l.layers[size_t(found)]->fileCount > 0);
    }

    // ggcr TestBundleMultiple / TestBundleSingle.
    void bundleReferences()
    {
        Error error;
        const auto archive = ImageArchive::open(
            fixturePath(QStringLiteral("google_go-containerregistry/test_bundle.tar")), &error);
        QVERIFY(archive);
        for (const char *ref : {"test_image_1", "test_image_2", ":latest",
                                "index.docker.io/library/test_image_1:latest"}) {
            if (QByteArray(ref) == ":latest")
                continue; // ggcr treats ":latest" specially; a bare tag names no image here
            QVERIFY2(archive->findImage(QString::fromLatin1(ref), &error) >= 0, ref);
        }
        QCOMPARE(archive->findImage(QString(), &error), -1);
        QCOMPARE(error.kind, Error::Kind::AmbiguousImage);
    }

    // podman pull_test/load_test: @0, @1 and both names load; @2 and an unknown name fail.
    void podmanTwoImages()
    {
        Error error;
        const auto archive = ImageArchive::open(
            fixturePath(QStringLiteral("containers_podman/docker-two-images.tar.xz")), &error);
        QVERIFY(archive);
        QCOMPARE(archive->outerCompression(), QStringLiteral("xz"));
        QCOMPARE(archive->findImage(QStringLiteral("@0"), &error), 0);
        QCOMPARE(archive->findImage(QStringLiteral("@1"), &error), 1);
        QVERIFY(archive->findImage(QStringLiteral("example.com/empty:latest"), &error) >= 0);
        QVERIFY(archive->findImage(QStringLiteral("example.com/empty/but:different"), &error) >= 0);
        QCOMPARE(archive->findImage(QStringLiteral("@2"), &error), -1);
        QCOMPARE(archive->findImage(QStringLiteral("foo.com/does/not/exist:latest"), &error), -1);
        QCOMPARE(error.kind, Error::Kind::NoSuchImage);
    }

    // snyk-docker-plugin image.spec.ts: image id and manifest layers of the minimized nginx.
    void snykNginx()
    {
        Error error;
        const auto archive = ImageArchive::open(
            fixturePath(QStringLiteral("snyk_snyk-docker-plugin/oci-archives/nginx.tar")), &error);
        QVERIFY(archive);
        const ImageInfo &image = archive->images().at(0);
        QCOMPARE(image.id,
                 QStringLiteral(
                     "sha256:32cc7aa0cb24d7b4e1907a1a658676aacd676356a6ea818549cdd8a2a38e43b6"));
        QCOMPARE(image.layers.size(), 4);
        QVERIFY(image.layers[0].blobDigest.startsWith(QStringLiteral("sha256:dd3ac810")));
        QVERIFY(image.layers[1].blobDigest.startsWith(QStringLiteral("sha256:8de28bdd")));
        QVERIFY(image.layers[2].blobDigest.startsWith(QStringLiteral("sha256:a2c431ac")));
        QVERIFY(image.layers[3].blobDigest.startsWith(QStringLiteral("sha256:e070d03f")));
    }

    // container-inspector: layer ids (sha256 of layer.tar) and sizes of imagesv11.tar.
    void imagesV11()
    {
        Error error;
        const auto archive = ImageArchive::open(
            fixturePath(QStringLiteral("aboutcode-org_container-inspector/imagesv11.tar")), &error);
        QVERIFY(archive);
        const int me = archive->findImage(QStringLiteral("me/test_image_tar:1.0"), &error);
        const int she = archive->findImage(QStringLiteral("she/image_from_scratch:1.0"), &error);
        const int you = archive->findImage(QStringLiteral("you/secondimage:1.2"), &error);
        QVERIFY(me >= 0 && she >= 0 && you >= 0);
        const LayerInfo &meLayer = archive->images().at(size_t(me)).layers.at(0);
        QCOMPARE(meLayer.blobSize, 102400);
        QVERIFY(meLayer.diffId.endsWith(
            QStringLiteral("c2c0564e4d42ab2b8e947861d9324a6ab087818731e818bc8667c7523507c4f9")));
        QCOMPARE(archive->images().at(size_t(she)).layers.at(0).blobSize, 2048);
        QCOMPARE(archive->images().at(size_t(you)).layers.size(), 2);
        const auto layers = archive->loadLayers(me, LoadObserver{}, &error);
        QCOMPARE(layers.at(0)->entryCount, 110);
    }

    void windowsImage()
    {
        const Loaded l =
            load(QStringLiteral("aboutcode-org_container-inspector/windows-mini-image.tar.gz"));
        const ImageInfo &image = l.archive->images().at(0);
        QCOMPARE(image.platform.os, QStringLiteral("windows"));
        QCOMPARE(image.platform.osVersion, QStringLiteral("10.0.19042.985"));
        QCOMPARE(image.layers.at(0).blobSize, 22016);
        int hardlinks = 0;
        for (uint32_t i = 0; i < l.merged.nodeCount(); ++i)
            hardlinks += l.merged.node(i).type == FileType::Hardlink;
        QCOMPARE(hardlinks, 4);
    }

    // Opaque markers: she-image re-creates additions/ over the same directory.
    void opaqueDirectory()
    {
        const Loaded l = load(
            QStringLiteral("aboutcode-org_container-inspector/she-image_from_scratch-1.0.tar"));
        QCOMPARE(l.layers.size(), size_t(4));
        QVERIFY(l.layers[1]->tree.node(l.layers[1]->tree.find("additions")).flags &
                NodeFlag::Opaque);
        QVERIFY(l.merged.find("additions/hello") != kNoNode);
        QVERIFY(l.merged.find("hello") != kNoNode);
    }

    // snyk deleted-files.spec.ts: /node is deleted in node-removed.tar.
    void deletedFile()
    {
        const Loaded l =
            load(QStringLiteral("snyk_snyk-docker-plugin/skopeo-copy/node-removed.tar"));
        QCOMPARE(l.layers.size(), size_t(3));
        QVERIFY(mergeLayers(l.layers, 1).find("node") != kNoNode);
        QVERIFY(l.merged.find("node") == kNoNode);
        QVERIFY(l.merged.find("bin/busybox") != kNoNode);
    }

    // osv-scalibr image_test.go and ggshield conftest.py: file contents per layer.
    void fileContents_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("layer");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("basic") << "google_osv-scalibr/layerscanning/basic.tar" << 0 << "sample.txt"
                               << QByteArray("sample text file\n");
        QTest::newRow("basic larger")
            << "google_osv-scalibr/layerscanning/basic.tar" << 1 << "larger-sample.txt"
            << QByteArray("sample text file\n").repeated(400);
        QTest::newRow("overwrite") << "google_osv-scalibr/layerscanning/overwrite-file.tar" << 1
                                   << "/sample.txt" << QByteArray("overwritten sample text file\n");
        QTest::newRow("multiple") << "google_osv-scalibr/layerscanning/multiple-files.tar" << 1
                                  << "dir1/baz.txt" << QByteArray("baz\n");
        QTest::newRow("ggshield one")
            << "GitGuardian_ggshield/docker-example.tar.xz" << -1 << "/app/file_one"
            << QByteArray("Hello, I am the first file!\n");
        QTest::newRow("ggshield three")
            << "GitGuardian_ggshield/docker-example.tar.xz" << -2 << "/app/file_three.sh"
            << QByteArray("echo Life is beautiful.\n");
    }
    void fileContents()
    {
        QFETCH(QString, file);
        QFETCH(int, layer);
        QFETCH(QString, path);
        QFETCH(QByteArray, content);
        Loaded l = load(file);
        QVERIFY(l.image >= 0);
        // Negative: find the layer by what holds the path (ggshield's layers are named by digest).
        if (layer < 0) {
            const auto occurrences =
                pathOccurrences(l.layers, int(l.layers.size()) - 1, path.mid(1).toStdString());
            QVERIFY(!occurrences.empty());
            layer = occurrences.back().layer;
        }
        Error error;
        const QByteArray data = l.archive->readFile(l.image, layer, path, 1 << 20, &error);
        QVERIFY2(!error, qPrintable(error.toString()));
        QCOMPARE(data, content);
    }

    // The gzip and zstd builds of the same image (same diff_ids) merge to the same tree.
    void sameTreeAcrossCompressions()
    {
        const Loaded gzip = load(QStringLiteral("snyk_cli/gzip-test-oci.tar"));
        const Loaded zstd = load(QStringLiteral("snyk_cli/zstd-test-oci.tar"));
        QCOMPARE(gzip.archive->images().at(0).layers.at(0).diffId,
                 zstd.archive->images().at(0).layers.at(0).diffId);
        QCOMPARE(zstd.layers.at(0)->compression, QStringLiteral("zstd"));
        QCOMPARE(gzip.layers.at(0)->compression, QStringLiteral("gzip"));
        QCOMPARE(gzip.merged.nodeCount(), zstd.merged.nodeCount());
        QVERIFY(gzip.merged.nodeCount() > 900);
        for (uint32_t i = 1; i < gzip.merged.nodeCount(); ++i) {
            QCOMPARE(gzip.merged.path(i), zstd.merged.path(i));
            QCOMPARE(gzip.merged.node(i).size, zstd.merged.node(i).size);
        }
    }

    // A zero-byte layer.tar (moby#18170) is an empty layer, not an error.
    void zeroByteLayer()
    {
        const Loaded l = load(QStringLiteral("moby_moby/emptyLayer.tar"));
        QCOMPARE(l.layers.size(), size_t(3));
        for (const auto &layer : l.layers)
            QVERIFY2(!layer->error, qPrintable(layer->error.toString()));
        QCOMPARE(l.layers[1]->entryCount, 0);
        QVERIFY(l.merged.find("tmp/foo") != kNoNode);
    }

    // The 30-byte placeholders of images.tar.gz are not tars: each layer says so, by name.
    void placeholderLayers()
    {
        const Loaded l = load(QStringLiteral("aboutcode-org_container-inspector/images.tar.gz"),
                              QStringLiteral("@0"));
        QVERIFY(!l.layers.empty());
        for (const auto &layer : l.layers) {
            QCOMPARE(layer->error.kind, Error::Kind::DamagedLayer);
            QVERIFY(!layer->error.member.isEmpty());
        }
    }

    // An index with several platforms offers this machine's by default, the others by name.
    void platformChoice()
    {
        Error error;
        const auto archive =
            ImageArchive::open(fixturePath(QStringLiteral("regclient_regclient/testrepo")), &error);
        QVERIFY(archive);
        int others = 0;
        for (const ImageInfo &image : archive->images())
            others += image.otherPlatform;
        QVERIFY(others > 0);
        const int v1 = archive->findImage(QStringLiteral("v1"), &error);
        QVERIFY(v1 >= 0);
        QVERIFY(!archive->images().at(size_t(v1)).otherPlatform);
        QCOMPARE(archive->images().at(size_t(v1)).platform.architecture, QStringLiteral("amd64"));
    }

    // Entries escaping the root are reported and never merged.
    void escapingEntriesRejected()
    {
        const Loaded l = load(QStringLiteral("google_osv-scalibr/unpack/symlinks.tar"));
        QVERIFY(l.image >= 0);
        for (uint32_t i = 1; i < l.merged.nodeCount(); ++i)
            QVERIFY(l.merged.path(i).find("..") == std::string::npos);
    }

    void history()
    {
        Error error;
        const auto archive = ImageArchive::open(
            fixturePath(QStringLiteral("GitGuardian_ggshield/docker-example.tar.xz")), &error);
        QVERIFY(archive);
        const ImageInfo &image = archive->images().at(0);
        QCOMPARE(image.history.size(), 6);
        int empty = 0;
        for (const HistoryEntry &step : image.history)
            empty += step.emptyLayer;
        QCOMPARE(empty, 3);
        QCOMPARE(image.layers.size(), 3);
        for (const LayerInfo &layer : image.layers)
            QVERIFY(layer.historyIndex >= 0 && !image.history[layer.historyIndex].emptyLayer);
        QVERIFY(!image.layers.last().chainId.isEmpty());
        QCOMPARE(image.layers.first().chainId, image.layers.first().diffId);
    }
};

QTEST_GUILESS_MAIN(TestFixtures)
#include "tst_fixtures.moc"

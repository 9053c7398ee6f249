// Export of the merged filesystem, checked against `umoci unpack` of the same image: the tar
// extracted by GNU tar and the folder written directly must hold what umoci's rootfs holds,
// byte for byte. And hostile layers: nothing lands outside the chosen folder.
#include "fixtures.h"
#include "rawimage.h"
#include "rawtar.h"
#include "rootfslisting.h"

#include "archive/imagearchive.h"
#include "extract/exportdestination.h"
#include "extract/treeexport.h"
#include "imagewriter/imagewriter.h"
#include "tree/overlaymerge.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace strata;
namespace iw = strata::imagewriter;
using iw::Entry;
Q_DECLARE_METATYPE(strata::imagewriter::Image)

namespace {

iw::Image imageOf(std::vector<std::vector<Entry>> layers)
{
    iw::Image image;
    image.tags = {QStringLiteral("export/test:latest")};
    for (auto &entries : layers)
        image.layers.push_back(iw::Layer{std::move(entries)});
    return image;
}

struct Loaded
{
    std::shared_ptr<ImageArchive> archive;
    int image = -1;
    std::vector<std::shared_ptr<const LayerTree>> layers;
};

Loaded load(const QString &path, const QString &ref = {})
{
    Loaded loaded;
    Error error;
    loaded.archive = ImageArchive::open(path, &error);
    if (!loaded.archive) {
        qWarning() << error.toString();
        return loaded;
    }
    loaded.image = loaded.archive->findImage(ref, &error);
    if (loaded.image >= 0)
        loaded.layers = loaded.archive->loadLayers(loaded.image, LoadObserver{}, &error);
    return loaded;
}

// Exports `path` as of `top` (-1: the top layer) of `loaded` to `out` (a .tar or a folder);
// the summary, or a failure.
bool exportTo(const Loaded &loaded, const QString &out, ExportSummary *summary, Error *error,
              int top = -1, const std::string &path = {})
{
    ExportRequest request;
    request.image = loaded.image;
    request.top = top < 0 ? int(loaded.layers.size()) - 1 : top;
    request.path = path;
    const auto destination = out.endsWith(QLatin1String(".tar"))
                                 ? ExportDestination::tarFile(out, false, error)
                                 : ExportDestination::folder(out, error);
    if (!destination)
        return false;
    return exportTree(*loaded.archive, loaded.layers, request, *destination, ExportObserver{},
                      summary, error);
}

QStringList withoutDevices(QStringList lines)
{
    lines.removeIf([](const QString &line) {
        const QString type = line.section(QLatin1Char('\t'), 1, 1);
        return type == QLatin1String("c") || type == QLatin1String("b");
    });
    return lines;
}

} // namespace

class TestTreeExport : public QObject
{
    Q_OBJECT

private slots:
    void matchesUmoci_data()
    {
        QTest::addColumn<iw::Image>("image");
        QTest::newRow("overlay rules") << imageOf({
            {Entry::dir("bin"), Entry::file("bin/busybox", QByteArray(70000, 'x'), 0755),
             Entry::hardlink("bin/sh", "bin/busybox", 0755), Entry::symlink("bin/ls", "busybox"),
             Entry::dir("etc"), Entry::file("etc/os-release", "ID=demo\n"),
             Entry::dir("tmp", 01777), Entry::dir("usr"), Entry::dir("usr/share"),
             Entry::dir("usr/share/doc"), Entry::file("usr/share/doc/README", "docs\n"),
             Entry::file("usr/share/doc/LICENSE", "MIT\n"), Entry::fifo("run-fifo"),
             Entry::file("setuid", "s", 04755), Entry::charDevice("dev-null", 1, 3),
             Entry::dir("ro", 0555), Entry::file("ro/inside", "written before its folder closes")},
            {Entry::dir("etc"), Entry::file("etc/os-release", "ID=demo\nVERSION=2\n"),
             Entry::whiteout("usr/share/doc/LICENSE"), Entry::dir("var"), Entry::dir("var/log"),
             Entry::symlink("var/log/access.log", "/dev/stdout"), Entry::file("данные.txt", "ru")},
            {Entry::dir("usr/share/doc"), Entry::opaque("usr/share/doc"),
             Entry::file("usr/share/doc/NEW", "new\n"), Entry::whiteout("bin/ls"),
             Entry::file("bin/ls", "replaced", 0700)},
        });
        const auto usrLib = [] {
            return std::vector<Entry>{Entry::dir("usr"), Entry::dir("usr/lib"),
                                      Entry::file("usr/lib/foo", "foo"),
                                      Entry::symlink("lib", "usr/lib")};
        };
        QTest::newRow("new file through a lower symlink")
            << imageOf({usrLib(), {Entry::file("lib/new", "new")}});
        QTest::newRow("symlink made earlier in the same layer")
            << imageOf({{Entry::dir("usr"), Entry::dir("usr/lib")},
                        {Entry::symlink("lib", "usr/lib"), Entry::file("lib/new", "new")}});
        QTest::newRow("hardlink chain")
            << imageOf({{Entry::file("f", QByteArray(100, 'f')), Entry::hardlink("h1", "f"),
                         Entry::hardlink("h2", "h1")}});
        QTest::newRow("hardlink target replaced later")
            << imageOf({{Entry::file("f", QByteArray(100, 'f')), Entry::hardlink("h", "f")},
                        {Entry::file("f", "small")}});
        QTest::newRow("hardlink target deleted later")
            << imageOf({{Entry::file("f", QByteArray(100, 'f')), Entry::hardlink("h", "f")},
                        {Entry::whiteout("f")}});
        QTest::newRow("hardlink through a lower symlink")
            << imageOf({usrLib(), {Entry::hardlink("h", "lib/foo")}});
    }
    void matchesUmoci()
    {
        QFETCH(iw::Image, image);
        QTemporaryDir dir;
        const QString layout = dir.filePath(QStringLiteral("oci"));
        iw::WriteOptions options;
        options.layout = iw::Layout::OciArchive;
        options.layerCompression = iw::Compression::Gzip;
        options.asDirectory = true;
        QString writeError;
        QVERIFY2(iw::writeArchive(layout, {image}, options, &writeError), qPrintable(writeError));
        const QString rootfs =
            unpackWithUmoci(layout, image.tags.first(), dir.filePath(QStringLiteral("bundle")));
        QVERIFY(!rootfs.isEmpty());
        compareExports(load(layout), rootfs, dir);
    }

    // Archives other tools wrote, converted for umoci with skopeo.
    void fixturesMatchUmoci_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("transport");
        QTest::newRow("dive docker save") << "dive/test-docker-image.tar"
                                          << "docker-archive";
        QTest::newRow("opaque she-image")
            << "aboutcode-org_container-inspector/she-image_from_scratch-1.0.tar"
            << "docker-archive";
        QTest::newRow("busybox hardlinks") << "snyk_snyk-docker-plugin/skopeo-copy/busybox.tar"
                                           << "docker-archive";
        QTest::newRow("buildkit gzip") << "snyk_cli/gzip-test-oci.tar"
                                       << "oci-archive";
    }
    void fixturesMatchUmoci()
    {
        QFETCH(QString, file);
        QFETCH(QString, transport);
        const QString archive = fixturePath(file);
        REQUIRE_FIXTURE(archive);
        QTemporaryDir dir;
        const QString layout = dir.filePath(QStringLiteral("oci"));
        QVERIFY(runTool(QStringLiteral("skopeo"),
                        {QStringLiteral("copy"), QStringLiteral("-q"),
                         transport + QLatin1Char(':') + archive,
                         QStringLiteral("oci:") + layout + QStringLiteral(":t")}));
        const QString rootfs =
            unpackWithUmoci(layout, QStringLiteral("t"), dir.filePath(QStringLiteral("bundle")));
        QVERIFY(!rootfs.isEmpty());
        compareExports(load(archive), rootfs, dir);
    }

    // One folder of the tree, named from its last component; and a file a later layer
    // deleted, exported from the layer that still has it.
    void pathAndEarlierLayer()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("image.tar"));
        QString writeError;
        QVERIFY(iw::writeArchive(
            path,
            {imageOf({{Entry::dir("etc"), Entry::dir("etc/app"), Entry::file("etc/app/a.conf", "a"),
                       Entry::file("etc/app/b.conf", "b"), Entry::file("etc/other", "o")},
                      {Entry::whiteout("etc/app/b.conf")}})},
            {}, &writeError));
        const Loaded loaded = load(path);
        QCOMPARE(int(loaded.layers.size()), 2);
        ExportSummary summary;
        Error error;
        const QString top = dir.filePath(QStringLiteral("top"));
        QVERIFY2(exportTo(loaded, top, &summary, &error, -1, "etc/app"),
                 qPrintable(error.toString()));
        QCOMPARE(listRootfs(top), QStringList({"app\td\t0\t755\t", "app/a.conf\tf\t1\t644\t"}));
        const QString lower = dir.filePath(QStringLiteral("lower"));
        QVERIFY2(exportTo(loaded, lower, &summary, &error, 0, "etc/app/b.conf"),
                 qPrintable(error.toString()));
        QCOMPARE(listRootfs(lower), QStringList({"b.conf\tf\t1\t644\t"}));
        QFile deleted(lower + QStringLiteral("/b.conf"));
        QVERIFY(deleted.open(QIODevice::ReadOnly));
        QCOMPARE(deleted.readAll(), QByteArray("b"));
        QVERIFY(!exportTo(loaded, dir.filePath(QStringLiteral("gone")), &summary, &error, 1,
                          "etc/app/b.conf"));
        QCOMPARE(error.kind, Error::Kind::NotFound);
        QVERIFY2(error.toString().contains(QLatin1String("/etc/app/b.conf")),
                 qPrintable(error.toString()));
    }

    // Layers no honest tool writes: names with "..", absolute names, symlinks out of the
    // image and entries through them. The folder export writes inside itself only.
    void hostileLayersStayInside()
    {
        QTemporaryDir dir;
        const QString outside = dir.filePath(QStringLiteral("outside"));
        QVERIFY(QDir().mkpath(outside));
        const std::string outsideAbs = QFile::encodeName(outside).toStdString();
        using strata::test::RawTar;
        const QByteArray first = RawTar()
                                     .entry("../escaped", '0', "x")
                                     .entry("/abs-escaped", '0', "x")
                                     .entry("up", '2', {}, 0, "../../../../../..")
                                     .entry("abs", '2', {}, 0, outsideAbs)
                                     .entry("hard", '1', {}, 0, "../../etc/passwd")
                                     .entry("ok", '0', "fine")
                                     .finish();
        const QByteArray second = RawTar()
                                      .entry("abs/planted", '0', "through the absolute link")
                                      .entry("up/planted", '0', "through the climbing link")
                                      .finish();
        const QString raw = dir.filePath(QStringLiteral("raw"));
        strata::test::writeRawImage(raw, {first, second});
        const Loaded loaded = load(raw);
        QCOMPARE(int(loaded.layers.size()), 2);
        const QString out = dir.filePath(QStringLiteral("export"));
        ExportSummary summary;
        Error error;
        exportTo(loaded, out, &summary, &error);
        // Whatever the outcome, nothing was written outside the export's folder.
        QVERIFY(QDir(outside).isEmpty());
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("escaped"))));
        QVERIFY(!QFileInfo::exists(QStringLiteral("/abs-escaped")));
        QVERIFY(!QFileInfo::exists(QStringLiteral("/planted")));
        QVERIFY2(!error, qPrintable(error.toString()));
        // The links are written as links, and what went through them lands where the
        // engine puts it: inside the image.
        QCOMPARE(QFileInfo(out + QStringLiteral("/abs")).symLinkTarget(), outside);
        QVERIFY(QFileInfo(out + QStringLiteral("/abs")).isSymLink());
        QVERIFY(QFileInfo(out + QStringLiteral("/up")).isSymLink());
        QVERIFY(QFileInfo::exists(out + QStringLiteral("/ok")));
        const QStringList listed = listRootfs(out);
        QVERIFY2(listed.contains(QStringLiteral("planted\tf\t25\t644\t")),
                 qPrintable(listed.join('\n')));
        QVERIFY2(listed.contains(
                     QString(QStringLiteral("%1/planted\tf\t25\t644\t").arg(outside.mid(1)))),
                 qPrintable(listed.join('\n')));
    }

    void existingDestinationsAreKept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("image.tar"));
        QString writeError;
        QVERIFY(iw::writeArchive(path, {imageOf({{Entry::file("a", "a")}})}, {}, &writeError));
        const Loaded loaded = load(path);
        const QString tar = dir.filePath(QStringLiteral("out.tar"));
        QVERIFY(strata::test::writeFile(tar, "keep me"));
        const QString folder = dir.filePath(QStringLiteral("full"));
        QVERIFY(strata::test::writeFile(folder + QStringLiteral("/mine"), "keep me too"));
        ExportSummary summary;
        Error error;
        QVERIFY(!exportTo(loaded, tar, &summary, &error));
        QVERIFY2(error.toString().contains(QLatin1String("already exists")),
                 qPrintable(error.toString()));
        QVERIFY(!exportTo(loaded, folder, &summary, &error));
        QVERIFY(error.toString().contains(folder));
        QFile kept(tar);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("keep me"));
        QCOMPARE(QDir(folder).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
                 QStringList{QStringLiteral("mine")});
        // An empty folder is written into.
        const QString empty = dir.filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(empty));
        QVERIFY2(exportTo(loaded, empty, &summary, &error), qPrintable(error.toString()));
        QCOMPARE(summary.entries, 1);
    }

private:
    // The tar (extracted by GNU tar) and the folder against umoci's rootfs.
    void compareExports(const Loaded &loaded, const QString &rootfs, const QTemporaryDir &dir)
    {
        QVERIFY(loaded.archive && !loaded.layers.empty());
        const QString tar = dir.filePath(QStringLiteral("export.tar"));
        ExportSummary summary;
        Error error;
        QVERIFY2(exportTo(loaded, tar, &summary, &error), qPrintable(error.toString()));
        QVERIFY(summary.entries > 0);
        const QString extracted = dir.filePath(QStringLiteral("extracted"));
        QVERIFY(QDir().mkpath(extracted));
        QVERIFY(runTool(QStringLiteral("tar"),
                        {QStringLiteral("-xpf"), tar, QStringLiteral("--same-owner"),
                         QStringLiteral("-C"), extracted}));
        const QStringList expected = listRootfs(rootfs);
        QCOMPARE(listRootfs(extracted), expected);
        const QStringList contents = regularFileHashes(rootfs);
        QCOMPARE(regularFileHashes(extracted), contents);

        const QString folder = dir.filePath(QStringLiteral("folder"));
        QVERIFY2(exportTo(loaded, folder, &summary, &error), qPrintable(error.toString()));
        QCOMPARE(listRootfs(folder), withoutDevices(expected));
        QCOMPARE(regularFileHashes(folder), contents);
        QCOMPARE(summary.leftOut, qint64(expected.size() - withoutDevices(expected).size()));
    }
};

QTEST_GUILESS_MAIN(TestTreeExport)
#include "tst_treeexport.moc"

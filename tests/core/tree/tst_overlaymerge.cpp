// The overlay rules of the OCI image spec ("Representing Changes"), each on an image this
// test writes itself, checked against the rules and against what `umoci unpack` builds.
#include "fixtures.h"
#include "numbered.h"
#include "rootfslisting.h"

#include "archive/imagearchive.h"
#include "imagewriter/imagewriter.h"
#include "report/treereport.h"
#include "tree/overlaymerge.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace strata;
namespace iw = strata::imagewriter;
using iw::Entry;
Q_DECLARE_METATYPE(strata::imagewriter::Image)

namespace {
struct Merged
{
    std::shared_ptr<ImageArchive> archive;
    std::vector<std::shared_ptr<const LayerTree>> layers;
    FileTree tree;
};

Merged writeAndMerge(const QTemporaryDir &dir, const iw::Image &image,
                     const iw::WriteOptions &options = {})
{
    Merged m;
    const QString path = dir.filePath(QStringLiteral("image.tar"));
    QString writeError;
    if (!iw::writeArchive(path, {image}, options, &writeError)) {
        qWarning() << writeError;
        return m;
    }
    Error error;
    m.archive = ImageArchive::open(path, &error);
    if (!m.archive) {
        qWarning() << error.toString();
        return m;
    }
    m.layers = m.archive->loadLayers(0, LoadObserver{}, &error);
    m.tree = mergeLayers(m.layers, int(m.layers.size()) - 1);
    return m;
}

iw::Image imageOf(std::vector<std::vector<Entry>> layers)
{
    iw::Image image;
    image.tags = {QStringLiteral("overlay/test:latest")};
    for (auto &entries : layers)
        image.layers.push_back(iw::Layer{std::move(entries)});
    return image;
}

QStringList paths(const FileTree &tree)
{
    QStringList list;
    for (uint32_t i = 1; i < tree.nodeCount(); ++i)
        list << QString::fromStdString(tree.path(i));
    list.sort();
    return list;
}
} // namespace

class TestOverlayMerge : public QObject
{
    Q_OBJECT
private slots:
    void whiteoutDeletesLowerEntry()
    {
        QTemporaryDir dir;
        const Merged m = writeAndMerge(
            dir, imageOf({
                     {Entry::dir("etc"), Entry::file("etc/a", "a"), Entry::file("etc/b", "b")},
                     {Entry::whiteout("etc/a")},
                 }));
        QCOMPARE(paths(m.tree), QStringList({"etc", "etc/b"}));
        QCOMPARE(paths(mergeLayers(m.layers, 0)), QStringList({"etc", "etc/a", "etc/b"}));
    }

    void whiteoutOfDirectoryDeletesSubtree()
    {
        QTemporaryDir dir;
        const Merged m =
            writeAndMerge(dir, imageOf({
                                   {Entry::dir("a"), Entry::dir("a/b"), Entry::file("a/b/c", "c"),
                                    Entry::file("keep", "k")},
                                   {Entry::whiteout("a")},
                                   {Entry::dir("a"), Entry::file("a/new", "n")},
                               }));
        QCOMPARE(paths(m.tree), QStringList({"a", "a/new", "keep"}));
    }

    // Opaque hides every lower entry of its directory but none of its own layer, whatever
    // the order of the marker in the tar.
    void opaqueDirectory_data()
    {
        QTest::addColumn<bool>("markerFirst");
        QTest::newRow("marker first") << true;
        QTest::newRow("marker last") << false;
    }
    void opaqueDirectory()
    {
        QFETCH(bool, markerFirst);
        std::vector<Entry> top = {Entry::dir("d"), Entry::file("d/mine", "m")};
        top.insert(markerFirst ? top.begin() + 1 : top.end(), Entry::opaque("d"));
        QTemporaryDir dir;
        const Merged m = writeAndMerge(
            dir, imageOf({
                     {Entry::dir("d"), Entry::file("d/old1", "1"), Entry::dir("d/sub"),
                      Entry::file("d/sub/old2", "2"), Entry::file("other", "o")},
                     top,
                 }));
        QCOMPARE(paths(m.tree), QStringList({"d", "d/mine", "other"}));
        QVERIFY(m.layers[1]->tree.node(m.layers[1]->tree.find("d")).flags & NodeFlag::Opaque);
    }

    // A whiteout never hides an entry of its own layer, before or after it in the tar.
    void whiteoutSameLayerDoesNotHide()
    {
        QTemporaryDir dir;
        const Merged m =
            writeAndMerge(dir, imageOf({
                                   {Entry::file("x", "lower"), Entry::file("y", "lower")},
                                   {Entry::whiteout("x"), Entry::file("x", "upper!"),
                                    Entry::file("y", "upper!"), Entry::whiteout("y")},
                               }));
        QCOMPARE(paths(m.tree), QStringList({"x", "y"}));
        QCOMPARE(m.tree.node(m.tree.find("x")).size, 6u);
        QCOMPARE(m.tree.node(m.tree.find("y")).size, 6u);
        QCOMPARE(int(m.tree.node(m.tree.find("y")).layer), 1);
    }

    void lastEntryInLayerWins()
    {
        QTemporaryDir dir;
        const Merged m = writeAndMerge(
            dir, imageOf({
                     {Entry::file("f", "first"), Entry::file("f", "second one", 0600)},
                 }));
        const uint32_t f = m.tree.find("f");
        QCOMPARE(m.tree.node(f).size, 10u);
        QCOMPARE(m.tree.node(f).mode, 0600u);
        QCOMPARE(m.layers[0]->entryCount, 2);
    }

    // A merged tree refers to the layers' nodes: what it shows of each path, and the totals
    // of what it shows (not of what the layers hold).
    void mergedTreeRefersToLayerNodes()
    {
        QTemporaryDir dir;
        const Merged m = writeAndMerge(
            dir, imageOf({
                     {Entry::dir("usr"), Entry::file("usr/a", QByteArray(100, 'a')),
                      Entry::file("usr/b", QByteArray(50, 'b')),
                      Entry::file("usr/sub/c", QByteArray(10, 'c')),
                      Entry::file("etc/x", QByteArray(7, 'x')), Entry::dir("empty")},
                     {Entry::whiteout("usr/b"), Entry::file("usr/a", QByteArray(30, 'A'), 0600),
                      Entry::file("usr/sub/d", QByteArray(5, 'd')), Entry::symlink("usr/l", "a")},
                 }));
        const FileTree &t = m.tree;
        QCOMPARE(paths(t), QStringList({"empty", "etc", "etc/x", "usr", "usr/a", "usr/l", "usr/sub",
                                        "usr/sub/c", "usr/sub/d"}));
        const uint32_t a = t.find("usr/a");
        QCOMPARE(t.name(a), std::string_view("a"));
        QCOMPARE(t.node(a).size, 30u);
        QCOMPARE(t.node(a).mode, 0600u);
        QCOMPARE(t.node(a).layer, 1);
        QVERIFY(t.node(a).flags & NodeFlag::Replaced);
        QCOMPARE(t.linkTarget(t.find("usr/l")), std::string_view("a"));
        QCOMPARE(t.node(t.find("usr/sub/c")).layer, 0);
        // Totals: 30 + 10 + 5 below usr (b is deleted), and 7 in etc.
        QCOMPARE(t.totalSize(t.find("usr")), 45u);
        QCOMPARE(t.totalCount(t.find("usr")), 5u); // a, l, sub, sub/c, sub/d
        QCOMPARE(t.totalSize(0), 52u);
        QCOMPARE(t.totalCount(0), 9u);
        QCOMPARE(t.totalSize(a), 30u);
        QCOMPARE(t.totalCount(a), 0u);
        QCOMPARE(t.totalSize(t.find("usr/l")), 0u);
        QCOMPARE(t.totalSize(t.find("empty")), 0u);
        QCOMPARE(t.node(t.find("usr")).size, 0u); // a directory's own size stays 0
        // The layer trees' own totals still count what each layer holds.
        const FileTree &lower = m.layers[0]->tree;
        QCOMPARE(lower.totalSize(lower.find("usr")), 160u);
        QCOMPARE(lower.totalCount(lower.find("usr")), 4u); // a, b, sub, sub/c
    }

    // A merged node costs a reference, not a copy of the layer's node and name.
    void mergedTreeIsSmall()
    {
        QTemporaryDir dir;
        std::vector<Entry> files;
        for (int i = 0; i < 20000; ++i)
            files.push_back(Entry::file(
                test::numbered("d", i % 50) + "/file-with-a-long-name-" + std::to_string(i), "x"));
        const Merged m = writeAndMerge(dir, imageOf({std::move(files)}));
        QCOMPARE(m.tree.nodeCount(), 20051u);
        const double perNode = double(m.tree.memoryBytes()) / m.tree.nodeCount();
        QVERIFY2(perNode < 24, qPrintable(QString::number(perNode)));
        QVERIFY(m.layers[0]->tree.memoryBytes() / m.layers[0]->tree.nodeCount() >= 48);
    }

    // Frozen pools are in bytewise order, and a merge gives the same tree with ranks made
    // beforehand, without, or with ranks of other layers (which it must not use).
    void namesRankedOnce()
    {
        QTemporaryDir dir, otherDir;
        const Merged m = writeAndMerge(
            dir, imageOf({
                     {Entry::file("b", "1"), Entry::file("B", "2"), Entry::file("a-b", "3"),
                      Entry::file("a/c", "4"), Entry::file("\xc3\xa9", "5")},
                     {Entry::file("a.b", "6"), Entry::whiteout("B"), Entry::file("a/b", "7"),
                      Entry::file("aa", "8")},
                 }));
        for (const auto &layer : m.layers) {
            const StringPool &pool = layer->tree.pool();
            for (uint32_t id = 1; id < pool.count(); ++id)
                QVERIFY(pool.view(id - 1) < pool.view(id));
        }
        const NameRanks ranks(m.layers);
        QVERIFY(ranks.fits(m.layers));
        const QByteArray expected = mergedTreeTsv(m.tree, m.layers);
        QCOMPARE(mergedTreeTsv(mergeLayers(m.layers, 1, &ranks), m.layers), expected);
        QCOMPARE(paths(m.tree),
                 QStringList({"a", "a-b", "a.b", "a/b", "a/c", "aa", "b", "\xc3\xa9"}));

        const Merged other =
            writeAndMerge(otherDir, imageOf({{Entry::file("z", "1")}, {Entry::file("y", "2")}}));
        const NameRanks otherRanks(other.layers);
        QVERIFY(!otherRanks.fits(m.layers));
        QCOMPARE(mergedTreeTsv(mergeLayers(m.layers, 1, &otherRanks), m.layers), expected);
    }

    void typeChangeReplacesSubtree()
    {
        QTemporaryDir dir;
        const Merged m = writeAndMerge(
            dir, imageOf({
                     {Entry::dir("d"), Entry::file("d/inner", "i"), Entry::file("f", "file")},
                     {Entry::file("d", "now a file"), Entry::dir("f"), Entry::file("f/child", "c")},
                 }));
        QCOMPARE(paths(m.tree), QStringList({"d", "f", "f/child"}));
        QCOMPARE(m.tree.node(m.tree.find("d")).type, FileType::Regular);
        QCOMPARE(m.tree.node(m.tree.find("f")).type, FileType::Directory);
    }

    void hardlinkKeepsTarget()
    {
        QTemporaryDir dir;
        const Merged m = writeAndMerge(
            dir, imageOf({
                     {Entry::dir("bin"), Entry::file("bin/busybox", QByteArray(1000, 'b'), 0755),
                      Entry::hardlink("bin/sh", "bin/busybox", 0755)},
                 }));
        const uint32_t sh = m.tree.find("bin/sh");
        QCOMPARE(m.tree.node(sh).type, FileType::Hardlink);
        QCOMPARE(m.tree.linkTarget(sh), std::string_view("bin/busybox"));
        QVERIFY(mergedTreeTsv(m.tree, m.layers).contains("bin/sh\th\t1000\t755\tbin/busybox\t0\n"));
    }

    void unusualNames()
    {
        const std::string longName =
            "deep/" + std::string(150, 'n') + "/file-with-a-name-longer-than-the-ustar-limit";
        const std::string russian = "данные/файл.txt";
        QTemporaryDir dir;
        const Merged m =
            writeAndMerge(dir, imageOf({
                                   {Entry::file("./dot-slash", "1"), Entry::file("/absolute", "2"),
                                    Entry::file(longName, "3"), Entry::file(russian, "4")},
                               }));
        QVERIFY(m.tree.find("dot-slash") != kNoNode);
        QVERIFY(m.tree.find("absolute") != kNoNode);
        QVERIFY(m.tree.find(longName) != kNoNode);
        QVERIFY(m.tree.find(russian) != kNoNode);
        QVERIFY(m.tree.node(m.tree.find("deep")).flags & NodeFlag::Implied);
    }

    void escapingEntriesReportedNotMerged()
    {
        QTemporaryDir dir;
        const Merged m =
            writeAndMerge(dir, imageOf({
                                   {Entry::file("ok", "1"), Entry::file("../escape", "2"),
                                    Entry::file("a/../../b", "3"), Entry::file("a/../inside", "4")},
                               }));
        QCOMPARE(paths(m.tree), QStringList({"inside", "ok"}));
        QCOMPARE(m.layers[0]->rejected, QStringList({"../escape", "a/../../b"}));
    }

    void pathOccurrencesShowWinnerAndWhiteouts()
    {
        QTemporaryDir dir;
        const Merged m = writeAndMerge(dir, imageOf({
                                                {Entry::file("etc/conf", "one")},
                                                {Entry::file("etc/conf", "two!")},
                                                {Entry::whiteout("etc/conf")},
                                                {Entry::file("etc/conf", "four")},
                                            }));
        const auto occ = pathOccurrences(m.layers, 3, "etc/conf");
        QCOMPARE(occ.size(), size_t(4));
        QVERIFY(occ[2].whiteout);
        QVERIFY(occ[3].visible && !occ[0].visible && !occ[1].visible);
        const auto asOf1 = pathOccurrences(m.layers, 1, "etc/conf");
        QVERIFY(asOf1[1].visible);
        const auto asOf2 = pathOccurrences(m.layers, 2, "etc/conf");
        QVERIFY(std::none_of(asOf2.begin(), asOf2.end(),
                             [](const PathOccurrence &o) { return o.visible; }));
        QCOMPARE(occ[0].hiddenBy, PathOccurrence::HiddenBy::NewerCopy);
        QCOMPARE(occ[0].hiddenByLayer, 1);
        QCOMPARE(occ[1].hiddenBy, PathOccurrence::HiddenBy::Whiteout);
        QCOMPARE(occ[1].hiddenByLayer, 2);
    }

    // A layer that deletes, hides or replaces a parent directory hides the path too, and says so.
    void pathOccurrencesHiddenByParent()
    {
        QTemporaryDir dir;
        const Merged m = writeAndMerge(
            dir, imageOf({
                     {Entry::file("a/x", "1"), Entry::file("b/y", "2"), Entry::file("c/z", "3")},
                     {Entry::whiteout("a"), Entry::opaque("b"), Entry::file("c", "now a file")},
                 }));
        const auto a = pathOccurrences(m.layers, 1, "a/x");
        QCOMPARE(a.size(), size_t(1));
        QCOMPARE(a[0].hiddenBy, PathOccurrence::HiddenBy::ParentWhiteout);
        QCOMPARE(a[0].hiddenByLayer, 1);
        QCOMPARE(pathOccurrences(m.layers, 1, "b/y")[0].hiddenBy,
                 PathOccurrence::HiddenBy::OpaqueParent);
        QCOMPARE(pathOccurrences(m.layers, 1, "c/z")[0].hiddenBy,
                 PathOccurrence::HiddenBy::ParentReplaced);
        QCOMPARE(pathOccurrences(m.layers, 0, "c/z")[0].hiddenBy,
                 PathOccurrence::HiddenBy::Nothing);
    }

    void changeKinds()
    {
        QTemporaryDir dir;
        const Merged m = writeAndMerge(
            dir, imageOf({
                     {Entry::dir("d"), Entry::file("d/same", "s"), Entry::file("d/gone", "g")},
                     {Entry::dir("d"), Entry::file("d/same", "changed"), Entry::file("d/new", "n"),
                      Entry::whiteout("d/gone")},
                 }));
        const FileTree lower = mergeLayers(m.layers, 0);
        const QByteArray tsv = layerChangesTsv(m.layers[1]->tree, 1, &lower);
        QCOMPARE(tsv, QByteArray("d\td\t0\t755\t\t1\tunchanged\n"
                                 "d/gone\tf\t1\t644\t\t0\tdeleted\n"
                                 "d/new\tf\t1\t644\t\t1\tadded\n"
                                 "d/same\tf\t7\t644\t\t1\tmodified\n"));
    }

    // Every way of storing one image gives the same merged tree.
    void sameTreeInEveryFormat_data()
    {
        QTest::addColumn<int>("layout");
        QTest::addColumn<int>("layerCompression");
        QTest::addColumn<int>("outer");
        QTest::addColumn<bool>("directory");
        using L = iw::Layout;
        using C = iw::Compression;
        auto row = [](const char *name, L l, C layers, C outer, bool directory) {
            QTest::newRow(name) << int(l) << int(layers) << int(outer) << directory;
        };
        row("docker legacy", L::DockerLegacy, C::None, C::None, false);
        row("docker legacy gzipped", L::DockerLegacy, C::None, C::Gzip, false);
        row("docker legacy xz", L::DockerLegacy, C::None, C::Xz, false);
        row("docker legacy zstd", L::DockerLegacy, C::None, C::Zstd, false);
        row("docker legacy unpacked", L::DockerLegacy, C::None, C::None, true);
        row("docker v1", L::DockerLegacyV1, C::None, C::None, false);
        row("podman", L::PodmanDockerArchive, C::None, C::None, false);
        row("podman unpacked", L::PodmanDockerArchive, C::None, C::None, true);
        row("docker 25", L::Docker25, C::None, C::None, false);
        row("docker 25 containerd gzip", L::Docker25, C::Gzip, C::None, false);
        row("oci gzip", L::OciArchive, C::Gzip, C::None, false);
        row("oci zstd", L::OciArchive, C::Zstd, C::None, false);
        row("oci plain", L::OciArchive, C::None, C::None, false);
        row("oci directory", L::OciArchive, C::Gzip, C::None, true);
    }
    void sameTreeInEveryFormat()
    {
        QFETCH(int, layout);
        QFETCH(int, layerCompression);
        QFETCH(int, outer);
        QFETCH(bool, directory);
        const iw::Image image = sampleImage();
        QTemporaryDir dir;
        const Merged reference = writeAndMerge(dir, image);
        const QByteArray expected = mergedTreeTsv(reference.tree, reference.layers);
        QVERIFY(expected.count('\n') > 10);

        iw::WriteOptions options;
        options.layout = iw::Layout(layout);
        options.layerCompression = iw::Compression(layerCompression);
        options.outer = iw::Compression(outer);
        options.asDirectory = directory;
        const QString path =
            dir.filePath(directory ? QStringLiteral("variant") : QStringLiteral("variant.tar"));
        QString writeError;
        QVERIFY2(iw::writeArchive(path, {image}, options, &writeError), qPrintable(writeError));
        Error error;
        const auto archive = ImageArchive::open(path, &error);
        QVERIFY2(archive, qPrintable(error.toString()));
        const int index = archive->findImage(QString(), &error);
        QVERIFY2(index >= 0, qPrintable(error.toString()));
        const auto layers = archive->loadLayers(index, LoadObserver{}, &error);
        for (const auto &layer : layers)
            QVERIFY2(!layer->error, qPrintable(layer->error.toString()));
        QByteArray actual = mergedTreeTsv(mergeLayers(layers, int(layers.size()) - 1), layers);
        QByteArray wanted = expected;
        if (layout == int(iw::Layout::DockerLegacyV1)) {
            // Before 1.10 every history step was a layer, empty ones too: indexes shift.
            QCOMPARE(int(layers.size()), int(image.history.size()));
            actual = withoutLayerColumn(actual);
            wanted = withoutLayerColumn(wanted);
        }
        QCOMPARE(actual, wanted);
        if (layerCompression != int(iw::Compression::None))
            QCOMPARE(layers[0]->compression, layerCompression == int(iw::Compression::Gzip)
                                                 ? QStringLiteral("gzip")
                                                 : QStringLiteral("zstd"));
    }

    // The reference: `umoci unpack` of the same image, listed from disk.
    void matchesUmoci()
    {
        QTemporaryDir dir;
        const iw::Image image = sampleImage();
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
        Error error;
        const auto archive = ImageArchive::open(layout, &error);
        QVERIFY(archive);
        const auto layers = archive->loadLayers(0, LoadObserver{}, &error);
        compareWithRootfs(layers, rootfs);
    }

    // Layers written through symlinked directories, and hardlinks whose targets change later,
    // as umoci unpacks them (Docker and containerd apply them the same way).
    void throughSymlinksAndHardlinksMatchUmoci_data()
    {
        QTest::addColumn<iw::Image>("image");
        const auto usrLib = [] {
            return std::vector<Entry>{Entry::dir("usr"), Entry::dir("usr/lib"),
                                      Entry::file("usr/lib/foo", "foo"),
                                      Entry::symlink("lib", "usr/lib")};
        };
        QTest::newRow("new file through a lower symlink")
            << imageOf({usrLib(), {Entry::file("lib/new", "new")}});
        QTest::newRow("whiteout through a lower symlink")
            << imageOf({usrLib(), {Entry::whiteout("lib/foo")}});
        QTest::newRow("opaque directory through a lower symlink")
            << imageOf({usrLib(), {Entry::opaque("lib"), Entry::file("lib/only", "1")}});
        QTest::newRow("absolute symlink") << imageOf(
            {{Entry::dir("usr"), Entry::dir("usr/lib"), Entry::symlink("lib", "/usr/lib")},
             {Entry::file("lib/new", "new")}});
        QTest::newRow("chain of symlinks")
            << imageOf({{Entry::dir("usr"), Entry::dir("usr/lib"),
                         Entry::symlink("lib2", "usr/lib"), Entry::symlink("lib", "lib2")},
                        {Entry::file("lib/new", "new")}});
        QTest::newRow("symlink escaping the root") << imageOf(
            {{Entry::dir("usr"), Entry::dir("usr/lib"), Entry::symlink("lib", "../../../usr/lib")},
             {Entry::file("lib/new", "new")}});
        QTest::newRow("symlink made earlier in the same layer")
            << imageOf({{Entry::dir("usr"), Entry::dir("usr/lib")},
                        {Entry::symlink("lib", "usr/lib"), Entry::file("lib/new", "new")}});
        QTest::newRow("a directory entry replaces the symlink")
            << imageOf({usrLib(), {Entry::dir("lib"), Entry::file("lib/new", "new")}});
        QTest::newRow("nested implied directories")
            << imageOf({usrLib(), {Entry::file("lib/a/b/c", "deep")}});
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
    void throughSymlinksAndHardlinksMatchUmoci()
    {
        QFETCH(iw::Image, image);
        QTemporaryDir dir;
        const QString layout = dir.filePath(QStringLiteral("oci"));
        iw::WriteOptions options;
        options.layout = iw::Layout::OciArchive;
        options.asDirectory = true;
        QString writeError;
        QVERIFY2(iw::writeArchive(layout, {image}, options, &writeError), qPrintable(writeError));
        const QString rootfs =
            unpackWithUmoci(layout, image.tags.first(), dir.filePath(QStringLiteral("bundle")));
        QVERIFY(!rootfs.isEmpty());
        Error error;
        const auto archive = ImageArchive::open(layout, &error);
        QVERIFY(archive);
        const auto layers = archive->loadLayers(0, LoadObserver{}, &error);
        compareWithRootfs(layers, rootfs);
        // The streamed listing agrees with the merged tree's.
        QByteArray streamed;
        writeMergedTreeTsv(layers, int(layers.size()) - 1, [&](std::string_view chunk) {
            streamed.append(chunk.data(), qsizetype(chunk.size()));
        });
        QCOMPARE(streamed, mergedTreeTsv(mergeLayers(layers, int(layers.size()) - 1), layers));
    }

    // The same against umoci for archives written by real tools, converted with skopeo.
    void fixturesMatchUmoci_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("transport");
        QTest::addColumn<QString>("image");
        QTest::newRow("dive docker save") << "dive/test-docker-image.tar"
                                          << "docker-archive"
                                          << "";
        QTest::newRow("dive kaniko") << "dive/test-kaniko-image.tar"
                                     << "docker-archive"
                                     << "";
        QTest::newRow("whiteout dir") << "google_go-containerregistry/whiteout_dir.tar"
                                      << "docker-archive"
                                      << "";
        QTest::newRow("opaque she-image")
            << "aboutcode-org_container-inspector/she-image_from_scratch-1.0.tar"
            << "docker-archive"
            << "";
        QTest::newRow("node removed") << "snyk_snyk-docker-plugin/skopeo-copy/node-removed.tar"
                                      << "oci-archive"
                                      << "";
        QTest::newRow("nodes fake multi")
            << "snyk_snyk-docker-plugin/skopeo-copy/nodes-fake-multi.tar"
            << "docker-archive"
            << "";
        QTest::newRow("busybox hardlinks") << "snyk_snyk-docker-plugin/skopeo-copy/busybox.tar"
                                           << "docker-archive"
                                           << "";
        QTest::newRow("buildkit gzip") << "snyk_cli/gzip-test-oci.tar"
                                       << "oci-archive"
                                       << "";
        QTest::newRow("podman oci two images") << "containers_podman/oci-two-images.tar.xz"
                                               << "oci-archive"
                                               << "example.com/empty/but:different";
    }
    void fixturesMatchUmoci()
    {
        QFETCH(QString, file);
        QFETCH(QString, transport);
        QFETCH(QString, image);
        const QString archivePath = fixturePath(file);
        REQUIRE_FIXTURE(archivePath);
        QTemporaryDir dir;
        const QString layout = dir.filePath(QStringLiteral("oci"));
        QString source = transport + QLatin1Char(':') + archivePath;
        if (!image.isEmpty())
            source += QLatin1Char(':') + image;
        QVERIFY(runTool(QStringLiteral("skopeo"),
                        {QStringLiteral("copy"), QStringLiteral("-q"), source,
                         QStringLiteral("oci:") + layout + QStringLiteral(":t")}));
        const QString rootfs =
            unpackWithUmoci(layout, QStringLiteral("t"), dir.filePath(QStringLiteral("bundle")));
        QVERIFY(!rootfs.isEmpty());
        Error error;
        const auto archive = ImageArchive::open(archivePath, &error);
        QVERIFY(archive);
        const int index = archive->findImage(image, &error);
        QVERIFY2(index >= 0, qPrintable(error.toString()));
        const auto layers = archive->loadLayers(index, LoadObserver{}, &error);
        compareWithRootfs(layers, rootfs);
    }

private:
    static iw::Image sampleImage()
    {
        iw::Image image = imageOf({
            {Entry::dir("bin"), Entry::file("bin/busybox", QByteArray(4096, 'x'), 0755),
             Entry::hardlink("bin/sh", "bin/busybox", 0755), Entry::symlink("bin/ls", "busybox"),
             Entry::dir("etc"), Entry::file("etc/os-release", "ID=demo\n"),
             Entry::dir("tmp", 01777), Entry::dir("usr"), Entry::dir("usr/share"),
             Entry::dir("usr/share/doc"), Entry::file("usr/share/doc/README", "docs\n"),
             Entry::file("usr/share/doc/LICENSE", "MIT\n"), Entry::fifo("run-fifo"),
             Entry::file("setuid", "s", 04755)},
            {Entry::dir("etc"), Entry::file("etc/os-release", "ID=demo\nVERSION=2\n"),
             Entry::whiteout("usr/share/doc/LICENSE"), Entry::dir("var"), Entry::dir("var/log"),
             Entry::symlink("var/log/access.log", "/dev/stdout"), Entry::file("данные.txt", "ru")},
            {Entry::dir("usr/share/doc"), Entry::opaque("usr/share/doc"),
             Entry::file("usr/share/doc/NEW", "new\n"), Entry::whiteout("bin/ls"),
             Entry::file("bin/ls", "replaced", 0700)},
        });
        image.history = {
            {QStringLiteral("/bin/sh -c #(nop) ADD file:abc in / "), false, {}, {}, {}},
            {QStringLiteral("/bin/sh -c #(nop)  ENV A=b"), true, {}, {}, {}},
            {QStringLiteral("/bin/sh -c echo 2 > /etc/os-release"), false, {}, {}, {}},
            {QStringLiteral("/bin/sh -c rm -rf /usr/share/doc/*"), false, {}, {}, {}}};
        return image;
    }

    static QByteArray withoutLayerColumn(const QByteArray &tsv)
    {
        QByteArray out;
        for (const QByteArray &line : tsv.split('\n')) {
            if (!line.isEmpty())
                out += line.left(line.lastIndexOf('\t')) + '\n';
        }
        return out;
    }

    static void compareWithRootfs(const std::vector<std::shared_ptr<const LayerTree>> &layers,
                                  const QString &rootfs)
    {
        const FileTree merged = mergeLayers(layers, int(layers.size()) - 1);
        // umoci's rootfs cannot show that a file is a hardlink, only that it shares an inode;
        // compare hardlinks as the regular files they are on disk.
        QStringList ours;
        for (const QByteArray &line : mergedTreeTsv(merged, layers).split('\n')) {
            if (line.isEmpty())
                continue;
            QList<QByteArray> cols = line.split('\t');
            if (cols[1] == "h") {
                cols[1] = "f";
                cols[4].clear();
            }
            cols.removeLast(); // layer: not on disk
            ours << QString::fromUtf8(cols.join('\t'));
        }
        const QStringList theirs = listRootfs(rootfs);
        if (ours != theirs) {
            for (const QString &line : theirs)
                if (!ours.contains(line))
                    qWarning() << "only umoci:" << line;
            for (const QString &line : ours)
                if (!theirs.contains(line))
                    qWarning() << "only strata:" << line;
        }
        QCOMPARE(ours.size(), theirs.size());
        QCOMPARE(ours, theirs);
    }
};

QTEST_GUILESS_MAIN(TestOverlayMerge)
#include "tst_overlaymerge.moc"

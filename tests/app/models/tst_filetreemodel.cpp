// FileTreeModel on real archives, under QAbstractItemModelTester: every row the model shows,
// at every layer, merged and layer-only, compared with listings checked by hand with
// `tar tvf` of each layer (whiteout_dir.tar: a/foo; b/bar; .wh.a; a/baz. dive's test image:
// 14 layers over busybox, ending with root/saved.txt re-added as -rwxr-xr-x).
#include "fixtures.h"
#include "numbered.h"
#include "treedump.h"

#include "archive/imagearchive.h"
#include "models/filetreemodel.h"
#include "models/treefilter.h"
#include "models/treesnapshot.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QTreeView>
#include <QtTest>

using namespace strata;

namespace {

LayerTrees loadLayers(const QString &path)
{
    Error error;
    auto archive = ImageArchive::open(path, &error);
    if (!archive) {
        qWarning() << error.toString();
        return {};
    }
    auto layers = archive->loadLayers(0, LoadObserver{}, &error);
    if (error)
        qWarning() << error.toString();
    return layers;
}

// A synthetic tree: `dirs` directories of `files` files each under "big/".
std::shared_ptr<const FileTree> syntheticTree(int dirs, int files)
{
    TreeBuilder builder;
    FileNode big;
    big.type = FileType::Directory;
    big.mode = 0755;
    big.name = builder.pool().intern("big");
    const uint32_t root = builder.setChild(TreeBuilder::root(), big);
    for (int d = 0; d < dirs; ++d) {
        FileNode dir = big;
        dir.name = builder.pool().intern(test::numbered("d", d));
        const uint32_t dirNode = builder.setChild(root, dir);
        for (int f = 0; f < files; ++f) {
            FileNode file;
            file.type = FileType::Regular;
            file.mode = 0644;
            file.size = uint64_t((f * 7919) % 100000);
            file.name = builder.pool().intern("file" + std::to_string(f) +
                                              (f % 10 == 0 ? ".conf" : ".txt"));
            builder.setChild(dirNode, file);
        }
    }
    return std::make_shared<const FileTree>(builder.freeze());
}

} // namespace

class TestFileTreeModel : public QObject
{
    Q_OBJECT

private:
    LayerTrees m_whiteoutDir;
    LayerTrees m_dive;

private slots:
    void initTestCase()
    {
        const QString whiteout =
            fixturePath(QStringLiteral("google_go-containerregistry/whiteout_dir.tar"));
        const QString dive = fixturePath(QStringLiteral("dive/test-docker-image.tar"));
        REQUIRE_FIXTURE(whiteout);
        REQUIRE_FIXTURE(dive);
        m_whiteoutDir = loadLayers(whiteout);
        m_dive = loadLayers(dive);
        QCOMPARE(m_whiteoutDir.size(), size_t(4));
        QCOMPARE(m_dive.size(), size_t(14));
    }

    void whiteoutDirMerged_data()
    {
        QTest::addColumn<int>("layer");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("layer 0: a/foo") << 0
                                        << QStringList{
                                               QStringLiteral("a|0 B|drwxr-xr-x 0:0|0|Added"),
                                               QStringLiteral("a/foo|0 B|-rw-r--r-- 0:0|0|Added"),
                                           };
        QTest::newRow("layer 1: b/bar")
            << 1
            << QStringList{
                   QStringLiteral("a|0 B|drwxr-xr-x 0:0|0|Unchanged"),
                   QStringLiteral("a/foo|0 B|-rw-r--r-- 0:0|0|Unchanged"),
                   QStringLiteral("b|0 B|drwxr-xr-x 0:0|1|Added"),
                   QStringLiteral("b/bar|0 B|-rw-r--r-- 0:0|1|Added"),
               };
        QTest::newRow("layer 2: .wh.a deletes a")
            << 2
            << QStringList{
                   QStringLiteral("b|0 B|drwxr-xr-x 0:0|1|Unchanged"),
                   QStringLiteral("b/bar|0 B|-rw-r--r-- 0:0|1|Unchanged"),
               };
        QTest::newRow("layer 3: a re-created")
            << 3
            << QStringList{
                   QStringLiteral("a|0 B|drwxr-xr-x 0:0|3|Added"),
                   QStringLiteral("a/baz|0 B|-rw-r--r-- 0:0|3|Added"),
                   QStringLiteral("b|0 B|drwxr-xr-x 0:0|1|Unchanged"),
                   QStringLiteral("b/bar|0 B|-rw-r--r-- 0:0|1|Unchanged"),
               };
    }

    void whiteoutDirMerged()
    {
        QFETCH(int, layer);
        QFETCH(QStringList, expected);
        FileTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(mergedSnapshot(m_whiteoutDir, layer));
        QCOMPARE(dumpTree(model), expected);
        QCOMPARE(model.visibleEntryCount(), uint32_t(expected.size()));
    }

    void whiteoutDirLayerOnly_data()
    {
        QTest::addColumn<int>("layer");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("layer 0") << 0
                                 << QStringList{
                                        QStringLiteral("a|0 B|drwxr-xr-x 0:0|0|Added"),
                                        QStringLiteral("a/foo|0 B|-rw-r--r-- 0:0|0|Added"),
                                    };
        QTest::newRow("layer 2: the whiteout") << 2
                                               << QStringList{
                                                      QStringLiteral("a||whiteout|2|Deleted"),
                                                  };
        QTest::newRow("layer 3") << 3
                                 << QStringList{
                                        QStringLiteral("a|0 B|drwxr-xr-x 0:0|3|Added"),
                                        QStringLiteral("a/baz|0 B|-rw-r--r-- 0:0|3|Added"),
                                    };
    }

    void whiteoutDirLayerOnly()
    {
        QFETCH(int, layer);
        QFETCH(QStringList, expected);
        FileTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(layerSnapshot(m_whiteoutDir, layer));
        QCOMPARE(dumpTree(model), expected);
        if (layer == 2) {
            // A deletion is drawn struck out.
            const QModelIndex a = model.index(0, FileTreeModel::NameColumn);
            QVERIFY(a.data(Qt::FontRole).value<QFont>().strikeOut());
            QCOMPARE(a.data(FileTreeModel::ChangeRole).toInt(), int(ChangeKind::Deleted));
        }
    }

    void diveMergedRoot()
    {
        FileTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(mergedSnapshot(m_dive, 13));
        // 423 paths at the top layer, as a replay of the 14 `tar tvf` listings gives.
        QCOMPARE(dumpTree(model).size(), 423);
        QCOMPARE(childNames(model),
                 (QStringList{QStringLiteral("bin"), QStringLiteral("dev"), QStringLiteral("etc"),
                              QStringLiteral("home"), QStringLiteral("root"),
                              QStringLiteral("somefile.txt"), QStringLiteral("tmp"),
                              QStringLiteral("usr"), QStringLiteral("var")}));
        const QModelIndex root = model.indexOfPath(QStringLiteral("root"));
        QVERIFY(root.isValid());
        QCOMPARE(
            dumpTree(model, root),
            (QStringList{
                QStringLiteral("root/.data|8.6 kB|drwxr-xr-x 0:0|10|Unchanged"),
                QStringLiteral("root/.data/saved.again2.txt|6.4 kB|-rw-r--r-- 0:0|12|Unchanged"),
                QStringLiteral("root/.data/tag.sh|917 B|-rwxrwxr-x 0:0|10|Unchanged"),
                QStringLiteral("root/.data/test.sh|1.3 kB|-rwxr-xr-x 0:0|10|Unchanged"),
                QStringLiteral("root/.saved.txt|6.4 kB|-rw-r--r-- 0:0|8|Unchanged"),
                QStringLiteral("root/saved.txt|6.4 kB|-rwxr-xr-x 0:0|13|Modified"),
            }));
        // 3 × 6405 + 917 + 1270 bytes below root/.
        QCOMPARE(model.index(root.row(), FileTreeModel::SizeColumn)
                     .data(FileTreeModel::SortRole)
                     .toULongLong(),
                 21402ull);
        // Hard links show their target (busybox: every applet links to bin/[).
        const QModelIndex sh = model.indexOfPath(QStringLiteral("bin/sh"));
        QVERIFY(sh.isValid());
        QCOMPARE(model.index(sh.row(), FileTreeModel::ModeColumn, sh.parent()).data().toString(),
                 QStringLiteral("-rwxr-xr-x 0:0 ⇒ bin/["));
        QVERIFY(
            !model.indexOfPath(QStringLiteral("root/example")).isValid()); // .wh.example, layer 9
    }

    // The size bar: each entry's bytes over its directory's (root/ holds 21402 bytes), and
    // whether the shown layer wrote it.
    void sizeShareAndViewedLayer()
    {
        FileTreeModel model;
        model.setSnapshot(mergedSnapshot(m_dive, 13));
        auto share = [&](const char *path) {
            const QModelIndex index = model.indexOfPath(QLatin1String(path));
            return index.siblingAtColumn(FileTreeModel::SizeColumn)
                .data(FileTreeModel::ShareRole)
                .toDouble();
        };
        auto viewed = [&](const char *path) {
            return model.indexOfPath(QLatin1String(path))
                .data(FileTreeModel::ViewedLayerRole)
                .toBool();
        };
        QCOMPARE(share("root/saved.txt"), 6405.0 / 21402.0);
        QCOMPARE(share("root/.data"), (6405.0 + 917 + 1270) / 21402.0);
        QCOMPARE(share("root/.data/tag.sh"), 917.0 / (6405 + 917 + 1270));
        QVERIFY(viewed("root/saved.txt"));   // layer 13
        QVERIFY(!viewed("root/.saved.txt")); // layer 8
        // The shares of a directory's children add up to the whole directory.
        const QModelIndex data = model.indexOfPath(QStringLiteral("root/.data"));
        double sum = 0;
        for (int row = 0; row < model.rowCount(data); ++row)
            sum += model.index(row, FileTreeModel::SizeColumn, data)
                       .data(FileTreeModel::ShareRole)
                       .toDouble();
        QVERIFY(qAbs(sum - 1.0) < 1e-12);
    }

    void diveLayerOnlyWithWhiteout()
    {
        FileTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(layerSnapshot(m_dive, 7));
        QCOMPARE(dumpTree(model),
                 (QStringList{
                     // Directories the layer only passes through say what is below them.
                     QStringLiteral("root|6.4 kB|drwx------ 0:0|7|Changes inside"),
                     QStringLiteral("root/example|0 B|drwxr-xr-x 0:0|7|Changes inside"),
                     QStringLiteral("root/example/somefile3.txt||whiteout|7|Deleted"),
                     QStringLiteral("root/saved.txt|6.4 kB|-rw-r--r-- 0:0|7|Added"),
                 }));
    }

    void filterByNameAndChange()
    {
        FileTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const TreeSnapshot top = mergedSnapshot(m_dive, 13);
        model.setSnapshot(top,
                          computeFilterMask(top, TreeFilterSpec{QStringLiteral("*.TXT"), false}));
        QCOMPARE(model.filterMask()->hitCount, 5u); // case-insensitive glob
        QCOMPARE(
            dumpTree(model),
            (QStringList{
                // root holds the file layer 13 changed; root/.data holds none.
                QStringLiteral("root|21.4 kB|drwx------ 0:0|0|Changes inside"),
                QStringLiteral("root/.data|8.6 kB|drwxr-xr-x 0:0|10|Unchanged"),
                QStringLiteral("root/.data/saved.again2.txt|6.4 kB|-rw-r--r-- 0:0|12|Unchanged"),
                QStringLiteral("root/.saved.txt|6.4 kB|-rw-r--r-- 0:0|8|Unchanged"),
                QStringLiteral("root/saved.txt|6.4 kB|-rwxr-xr-x 0:0|13|Modified"),
                QStringLiteral("somefile.txt|6.4 kB|-rw-rw-r-- 0:0|1|Unchanged"),
                QStringLiteral("tmp|6.4 kB|drwxrwxrwt 0:0|0|Unchanged"),
                QStringLiteral("tmp/saved.again1.txt|6.4 kB|-rw-r--r-- 0:0|11|Unchanged"),
            }));
        QVERIFY(!model.index(0, 0).data(FileTreeModel::HitRole).toBool()); // root: a parent only

        // Substring, and the contents of a matching directory come along.
        model.setFilterMask(computeFilterMask(top, TreeFilterSpec{QStringLiteral("data"), false}));
        QCOMPARE(dumpTree(model).size(), 5); // root, root/.data and its three files

        // What layer 7 changed, in the merged view: it added root/saved.txt.
        const TreeSnapshot seven = mergedSnapshot(m_dive, 7);
        model.setSnapshot(seven, computeFilterMask(seven, TreeFilterSpec{QString(), true}));
        QCOMPARE(dumpTree(model),
                 (QStringList{
                     QStringLiteral("root|19.2 kB|drwx------ 0:0|0|Changes inside"),
                     QStringLiteral("root/saved.txt|6.4 kB|-rw-r--r-- 0:0|7|Added"),
                 }));
        // Nothing matches: an empty model, the tester still satisfied.
        model.setFilterMask(
            computeFilterMask(seven, TreeFilterSpec{QStringLiteral("nothing-like-this"), false}));
        QCOMPARE(model.rowCount(), 0);
    }

    void sortKeepsPersistentIndexes()
    {
        FileTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(mergedSnapshot(m_dive, 13));
        const QPersistentModelIndex saved(model.indexOfPath(QStringLiteral("root/saved.txt")));
        QVERIFY(saved.isValid());

        model.sort(FileTreeModel::SizeColumn, Qt::DescendingOrder);
        QCOMPARE(saved.data(FileTreeModel::PathRole).toString(), QStringLiteral("root/saved.txt"));
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("bin")); // busybox: 1 MB
        for (const QModelIndex &parent :
             {QModelIndex(), model.indexOfPath(QStringLiteral("root"))}) {
            quint64 previous = UINT64_MAX;
            for (int row = 0; row < model.rowCount(parent); ++row) {
                const quint64 size = model.index(row, FileTreeModel::SizeColumn, parent)
                                         .data(FileTreeModel::SortRole)
                                         .toULongLong();
                QVERIFY(size <= previous);
                previous = size;
            }
        }
        model.sort(FileTreeModel::LayerColumn, Qt::AscendingOrder);
        QCOMPARE(childNames(model, model.indexOfPath(QStringLiteral("root"))),
                 (QStringList{QStringLiteral(".saved.txt"), QStringLiteral(".data"),
                              QStringLiteral("saved.txt")}));
        model.sort(FileTreeModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(childNames(model).first(), QStringLiteral("var"));
        QCOMPARE(saved.row(), 0); // "saved.txt" sorts last by name, first descending
        model.sort(FileTreeModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(childNames(model).first(), QStringLiteral("bin"));
        QCOMPARE(dumpTree(model).size(), 423);
    }

    // The scale the model is built for: a directory of 100,000 entries expands in a view at
    // once, and a filter runs over a million paths.
    void largeDirectory()
    {
        const auto tree = syntheticTree(1, 100000);
        FileTreeModel model;
        TreeSnapshot snapshot;
        snapshot.tree = tree;
        snapshot.layer = 0;
        model.setSnapshot(snapshot);
        QTreeView view;
        view.setUniformRowHeights(true);
        view.setModel(&model);
        view.resize(800, 600);
        view.show();
        const QModelIndex big = model.indexOfPath(QStringLiteral("big"));
        view.expand(big);
        const QModelIndex dir = model.indexOfPath(QStringLiteral("big/d0"));
        QElapsedTimer clock;
        clock.start();
        view.expand(dir);
        view.scrollTo(model.index(99999, 0, dir));
        QCoreApplication::processEvents();
        const qint64 expandMs = clock.elapsed();
        qInfo("expanding 100,000 entries: %lld ms", expandMs);
        QCOMPARE(model.rowCount(dir), 100000);
        QVERIFY2(expandMs < 2000, "expanding a directory of 100k entries is far too slow");

        clock.restart();
        model.sort(FileTreeModel::SizeColumn, Qt::AscendingOrder);
        QCoreApplication::processEvents();
        qInfo("sorting 100,000 entries by size: %lld ms", clock.elapsed());
        QVERIFY(model.index(0, FileTreeModel::SizeColumn, dir)
                    .data(FileTreeModel::SortRole)
                    .toULongLong() <= model.index(99999, FileTreeModel::SizeColumn, dir)
                                          .data(FileTreeModel::SortRole)
                                          .toULongLong());
    }

    void filterMillionPaths()
    {
        const auto tree = syntheticTree(100, 10000); // 1,000,102 nodes
        TreeSnapshot snapshot;
        snapshot.tree = tree;
        snapshot.layer = 0;
        QElapsedTimer clock;
        clock.start();
        auto mask =
            computeFilterMask(snapshot, TreeFilterSpec{QStringLiteral("file12*.conf"), false});
        qInfo("glob over %u paths: %lld ms", tree->nodeCount(), clock.elapsed());
        // file120, file1200..file1290 (step 10), file12000..: per directory 1 + 10 + 0 = 11.
        QCOMPARE(mask->hitCount, 1100u);
        clock.restart();
        mask = computeFilterMask(snapshot, TreeFilterSpec{QStringLiteral("99"), false});
        qInfo("substring over %u paths: %lld ms", tree->nodeCount(), clock.elapsed());
        QVERIFY(mask->hitCount > 0);
        FileTreeModel model;
        model.setSnapshot(snapshot, mask);
        // d99 matches by name: its 10,000 files come along; other directories show only hits.
        QCOMPARE(model.rowCount(model.indexOfPath(QStringLiteral("big/d99"))), 10000);
    }
};

QTEST_MAIN(TestFileTreeModel)
#include "tst_filetreemodel.moc"

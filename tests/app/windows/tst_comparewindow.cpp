// The comparison window on two images the test writes: a shared base and different tops.
#include "fixtures.h"

#include "imagewriter/imagewriter.h"
#include "models/largestchangesmodel.h"
#include "models/packagemodel.h"
#include "models/treediffmodel.h"
#include "views/layerstackview.h"
#include "windows/comparewindow.h"
#include "windows/language.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace strata;
namespace iw = strata::imagewriter;
using iw::Entry;

namespace {
constexpr int kTimeout = 60000;

QString writeImage(const QTemporaryDir &dir, const QString &name, std::vector<iw::Layer> layers,
                   std::vector<iw::HistoryStep> history)
{
    iw::Image image;
    image.tags = {name + QStringLiteral(":1")};
    image.layers = std::move(layers);
    image.history = std::move(history);
    const QString path = dir.filePath(name + QStringLiteral(".tar"));
    iw::writeArchive(path, {image}, iw::WriteOptions{});
    return path;
}

iw::Layer base()
{
    return iw::Layer{{Entry::dir("etc"), Entry::file("etc/os-release", "ID=demo\n"),
                      Entry::dir("bin"), Entry::file("bin/sh", QByteArray(1000, 's'), 0755)}};
}
} // namespace

class TestCompareWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // English, with its plural forms, as the application starts.
        language::install(qApp, QStringLiteral("en"));
    }

    void sharedBaseDifferentTops()
    {
        QTemporaryDir dir;
        const QString a =
            writeImage(dir, QStringLiteral("naive"),
                       {base(), iw::Layer{{Entry::file("app/tool", QByteArray(5000, 't')),
                                           Entry::file("app/cache", QByteArray(3000, 'c'))}}},
                       {{QStringLiteral("/bin/sh -c #(nop) ADD file:base in /"), false, {}, {}, {}},
                        {QStringLiteral("/bin/sh -c make install"), false, {}, {}, {}}});
        const QString b = writeImage(
            dir, QStringLiteral("slim"),
            {base(), iw::Layer{{Entry::file("app/tool", QByteArray(2000, 't'))}}},
            {{QStringLiteral("/bin/sh -c #(nop) ADD file:base in /"), false, {}, {}, {}},
             {QStringLiteral("/bin/sh -c #(nop) COPY file:tool in /app/"), false, {}, {}, {}}});
        CompareWindow window;
        QSignalSpy ready(&window, &CompareWindow::comparisonReady);
        window.openLocations(a, b);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), kTimeout);
        const ImageComparison *c = window.comparison();
        QVERIFY(c);
        // The shading of the shared layers has its legend under the stacks.
        const auto *legend = window.findChild<QLabel *>(QStringLiteral("sharedLegend"));
        QVERIFY(legend && legend->isVisible());
        QVERIFY(legend->text().contains(QLatin1String("shared with the other image")));
        // Sizes: A = 8 + 1000 + 5000 + 3000, B = 8 + 1000 + 2000; one shared layer.
        QCOMPARE(c->summary.a.totalSize, 9008);
        QCOMPARE(c->summary.b.totalSize, 3008);
        QCOMPARE(c->layers.shared, 1);
        const QString summary = window.summaryLabel()->text();
        QVERIFY2(summary.contains(QStringLiteral("1 shared")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("0 added, 1 removed, 1 changed")),
                 qPrintable(summary));

        TreeDiffModel *model = window.treeModel();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Changes only: just app/ at the top, with the removed cache and the smaller tool.
        QCOMPARE(model->rowCount(), 1);
        const QModelIndex app = model->index(0, 0);
        QCOMPARE(app.data().toString(), QStringLiteral("app"));
        QCOMPARE(model->rowCount(app), 2);
        QCOMPARE(model->index(0, TreeDiffModel::DeltaColumn, app).data().toString().isEmpty(),
                 false);
        model->setChangesOnly(false);
        QCOMPARE(model->rowCount(), 3); // app, bin, etc

        // The largest change first: the removed 3000-byte cache and the 3000-byte smaller tool,
        // then app/ with both.
        LargestChangesModel *largest = window.largestModel();
        QCOMPARE(largest->fileRows(), 2);
        QCOMPARE(largest->directoryRows(), 1);
        QCOMPARE(largest->index(0, LargestChangesModel::PathColumn).data().toString(),
                 QStringLiteral("/app"));
        QCOMPARE(largest->delta(largest->entryOf(0)), -6000);
        // History: the base step the same, the top step changed (RUN vs COPY differ in keyword:
        // one removed, one inserted).
        QTableWidget *history = window.historyTable();
        QCOMPARE(history->item(0, 1)->text(), QStringLiteral("="));
        QVERIFY(history->rowCount() >= 2);

        // Choosing the bottom layer of both compares the shared base: nothing differs.
        ready.clear();
        window.stackA()->setCurrentLayer(0);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), kTimeout);
        ready.clear();
        window.stackB()->setCurrentLayer(0);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), kTimeout);
        QCOMPARE(window.comparison()->files.counts().added +
                     window.comparison()->files.counts().removed +
                     window.comparison()->files.counts().changed,
                 0u);
    }

    void shrinkingPairRanksEveryChangeBySize()
    {
        // A naive build against its slim twin: the toolchain and the package cache go, the
        // binary grows. What went must rank above what grew, by size, directories included.
        QTemporaryDir dir;
        const QString naive = writeImage(
            dir, QStringLiteral("naive"),
            {base(), iw::Layer{{Entry::file("usr/lib/go/compile", QByteArray(300000, 'g')),
                                Entry::file("usr/lib/go/link", QByteArray(200000, 'l')),
                                Entry::file("var/cache/apt/pkgcache.bin", QByteArray(150000, 'p')),
                                Entry::file("hello", QByteArray(10, 'h'))}}},
            {{QStringLiteral("/bin/sh -c #(nop) ADD file:base in /"), false, {}, {}, {}},
             {QStringLiteral("/bin/sh -c go build"), false, {}, {}, {}}});
        const QString slim = writeImage(
            dir, QStringLiteral("slim"),
            {base(), iw::Layer{{Entry::file("hello", QByteArray(1800, 'h'))}}},
            {{QStringLiteral("/bin/sh -c #(nop) ADD file:base in /"), false, {}, {}, {}},
             {QStringLiteral("/bin/sh -c #(nop) COPY file:hello in /"), false, {}, {}, {}}});
        CompareWindow window;
        QSignalSpy ready(&window, &CompareWindow::comparisonReady);
        window.openLocations(naive, slim);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), kTimeout);

        LargestChangesModel *model = window.largestModel();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Every change, none cut: four files, and the totals of usr, usr/lib, usr/lib/go, var,
        // var/cache and var/cache/apt.
        QCOMPARE(model->fileRows(), 4);
        QCOMPARE(model->directoryRows(), 6);
        QCOMPARE(model->rowCount(), 10);
        QVERIFY2(window.findChild<QLabel *>(QStringLiteral("largestCount"))
                     ->text()
                     .contains(QStringLiteral("4 changed files and 6 directory totals")),
                 qPrintable(window.findChild<QLabel *>(QStringLiteral("largestCount"))->text()));
        auto pathAt = [&](int row) {
            return model->index(row, LargestChangesModel::PathColumn).data().toString();
        };
        auto rowOf = [&](const QString &path) {
            for (int r = 0; r < model->rowCount(); ++r) {
                if (pathAt(r) == path)
                    return r;
            }
            return -1;
        };
        // The toolchain's directories first, in tree order, as one line each.
        QCOMPARE(pathAt(0), QStringLiteral("/usr"));
        QCOMPARE(pathAt(2), QStringLiteral("/usr/lib/go"));
        QCOMPARE(model->index(2, LargestChangesModel::DeltaColumn).data().toString(),
                 QStringLiteral("−500.0 kB"));
        QCOMPARE(model->index(2, LargestChangesModel::StatusColumn).data().toString(),
                 QStringLiteral("Removed"));
        // Shrink and growth ranked together by size: the 150 kB cache above the 1.8 kB binary,
        // which comes last.
        QVERIFY(rowOf(QStringLiteral("/usr/lib/go/compile")) <
                rowOf(QStringLiteral("/var/cache/apt/pkgcache.bin")));
        QCOMPARE(rowOf(QStringLiteral("/hello")), model->rowCount() - 1);
        QCOMPARE(
            model->index(model->rowCount() - 1, LargestChangesModel::DeltaColumn).data().toString(),
            QStringLiteral("+1.8 kB"));

        // The headers sort.
        window.largestView()->sortByColumn(LargestChangesModel::PathColumn, Qt::AscendingOrder);
        QCOMPARE(pathAt(0), QStringLiteral("/hello"));
        window.largestView()->sortByColumn(LargestChangesModel::DeltaColumn, Qt::AscendingOrder);
        QCOMPARE(pathAt(0), QStringLiteral("/hello"));
        QCOMPARE(pathAt(model->rowCount() - 1), QStringLiteral("/usr/lib/go"));
    }

    // The Packages tab: apk's databases of two images, an upgrade, a removal and an addition.
    void packageDifferences()
    {
        QTemporaryDir dir;
        const auto apk = [](const QByteArray &packages) {
            return iw::Layer{{Entry::dir("lib"), Entry::dir("lib/apk"), Entry::dir("lib/apk/db"),
                              Entry::file("lib/apk/db/installed", packages)}};
        };
        const QString a = writeImage(
            dir, QStringLiteral("old"), {apk("P:busybox\nV:1.36.1-r5\n\nP:musl\nV:1.2.4-r2\n\n")},
            {{QStringLiteral("/bin/sh -c #(nop) ADD file:a in /"), false, {}, {}, {}}});
        const QString b = writeImage(
            dir, QStringLiteral("new"), {apk("P:busybox\nV:1.36.1-r7\n\nP:zlib\nV:1.3-r0\n\n")},
            {{QStringLiteral("/bin/sh -c #(nop) ADD file:b in /"), false, {}, {}, {}}});
        CompareWindow window;
        QAbstractItemModelTester tester(window.packageModel());
        window.openLocations(a, b);
        QTRY_VERIFY_WITH_TIMEOUT(window.packageModel()->rowCount() == 3, kTimeout);
        QStringList rows;
        for (int row = 0; row < 3; ++row)
            rows
                << window.packageModel()->index(row, PackageModel::ChangeColumn).data().toString() +
                       QLatin1Char(' ') +
                       window.packageModel()
                           ->index(row, PackageModel::NameColumn)
                           .data()
                           .toString() +
                       QLatin1Char(' ') +
                       window.packageModel()
                           ->index(row, PackageModel::VersionColumn)
                           .data()
                           .toString();
        QCOMPARE(rows, QStringList({QStringLiteral("Upgraded busybox 1.36.1-r5 → 1.36.1-r7"),
                                    QStringLiteral("Removed musl 1.2.4-r2"),
                                    QStringLiteral("Added zlib 1.3-r0")}));
        QCOMPARE(window.packageSummary()->text(),
                 QStringLiteral("From A to B: 1 added, 1 removed, 1 upgraded."));
    }

    void fixturePairWithoutDifferences()
    {
        CompareWindow window;
        QSignalSpy ready(&window, &CompareWindow::comparisonReady);
        window.openLocations(fixturePath(QStringLiteral("snyk_cli/gzip-test-oci.tar")),
                             fixturePath(QStringLiteral("snyk_cli/zstd-test-oci.tar")));
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), kTimeout);
        QCOMPARE(window.comparison()->layers.shared, 5);
        QCOMPARE(window.treeModel()->rowCount(), 0); // changes only, and there are none
    }
};

QTEST_MAIN(TestCompareWindow)
#include "tst_comparewindow.moc"

// The comparison window on two images the test writes: a shared base and different tops.
#include "fixtures.h"

#include "imagewriter/imagewriter.h"
#include "models/treediffmodel.h"
#include "views/layerstackview.h"
#include "windows/comparewindow.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSignalSpy>
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

        // The largest change first: the removed 3000-byte cache and the 3000-byte smaller tool.
        QCOMPARE(window.largestTable()->rowCount(), 2);
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

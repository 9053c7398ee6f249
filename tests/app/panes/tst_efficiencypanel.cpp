// The Efficiency panel on dive's own test image: the figures dive's tests assert, the list,
// and what choosing a path tells the page (which path, at which layer, which layers to shade).
#include "fixtures.h"

#include "archive/imagearchive.h"
#include "models/efficiencymodel.h"
#include "models/imageloader.h"
#include "panes/efficiencypanel.h"
#include "panes/filetreepane.h"
#include "panes/imagepage.h"
#include "panes/imagetab.h"
#include "windows/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTabWidget>
#include <QtTest>

using namespace strata;

namespace {
constexpr int kTimeout = 60000;

struct Dive
{
    std::shared_ptr<ImageArchive> archive;
    std::vector<std::shared_ptr<const LayerTree>> layers;
};

Dive loadDive()
{
    Dive d;
    Error error;
    d.archive =
        ImageArchive::open(fixturePath(QStringLiteral("dive/test-docker-image.tar")), &error);
    if (d.archive)
        d.layers = d.archive->loadLayers(0, LoadObserver{}, &error);
    return d;
}

int rowOf(const EfficiencyModel &model, const QString &path)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, EfficiencyModel::PathColumn).data().toString() == path)
            return row;
    }
    return -1;
}
} // namespace

class TestEfficiencyPanel : public QObject
{
    Q_OBJECT
private slots:
    void diveFigures()
    {
        const Dive dive = loadDive();
        QVERIFY(dive.archive);
        EfficiencyPanel panel;
        panel.show();
        QSignalSpy ready(&panel, &EfficiencyPanel::reportReady);
        panel.setImage(dive.archive->images().at(0), dive.layers);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), kTimeout); // it may come before a wait() starts
        QAbstractItemModelTester tester(panel.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // dive's Test_Analysis: efficiency 0.98442..., wasted 32025, user wasted 0.48349...
        QVERIFY2(panel.findChild<QLabel *>(QStringLiteral("efficiencyScore"))
                     ->text()
                     .contains(QStringLiteral("98.44")),
                 qPrintable(panel.findChild<QLabel *>(QStringLiteral("efficiencyScore"))->text()));
        const QString figures =
            panel.findChild<QLabel *>(QStringLiteral("efficiencyFigures"))->text();
        QVERIFY2(figures.contains(QLocale().toString(32025)), qPrintable(figures));
        QVERIFY2(figures.contains(QStringLiteral("48.35")), qPrintable(figures));
        for (const char *path :
             {"/root/saved.txt", "/root/example/somefile1.txt", "/root/example/somefile3.txt"})
            QVERIFY2(rowOf(*panel.model(), QString::fromLatin1(path)) >= 0, path);
    }

    void choosingAPath()
    {
        const Dive dive = loadDive();
        EfficiencyPanel panel;
        panel.show();
        QSignalSpy ready(&panel, &EfficiencyPanel::reportReady);
        panel.setImage(dive.archive->images().at(0), dive.layers);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), kTimeout); // it may come before a wait() starts
        QSignalSpy activated(&panel, &EfficiencyPanel::pathActivated);
        QSignalSpy shades(&panel, &EfficiencyPanel::layerShadesChanged);
        // somefile1.txt: added in layer 3, chmod-copied in layer 4, deleted with its directory
        // in layer 9 (`tar -tvf` of those layer.tar files): no copy survives, so the page is
        // sent to layer 4, the last one that has it.
        QTableView *table = panel.table();
        const int sourceRow = rowOf(*panel.model(), QStringLiteral("/root/example/somefile1.txt"));
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, 0).data().toString() ==
                QLatin1String("/root/example/somefile1.txt"))
                table->setCurrentIndex(table->model()->index(row, 0));
        }
        QVERIFY(sourceRow >= 0);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated[0][0].toString(), QStringLiteral("root/example/somefile1.txt"));
        QCOMPARE(activated[0][1].toInt(), 4);
        QCOMPARE(shades.size(), 1);
        const QList<double> held = shades[0][0].value<QList<double>>();
        QCOMPARE(held.size(), 14);
        for (int layer = 0; layer < 14; ++layer)
            QCOMPARE(held[layer], (layer == 3 || layer == 4) ? 1.0 : 0.0);
    }

    void shadingByWaste()
    {
        const Dive dive = loadDive();
        EfficiencyPanel panel;
        panel.show();
        QSignalSpy ready(&panel, &EfficiencyPanel::reportReady);
        panel.setImage(dive.archive->images().at(0), dive.layers);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), kTimeout); // it may come before a wait() starts
        QVERIFY(panel.currentShades().isEmpty());
        QSignalSpy shades(&panel, &EfficiencyPanel::layerShadesChanged);
        panel.shadeCheckBox()->setChecked(true);
        QCOMPARE(shades.size(), 1);
        const QList<double> values = shades[0][0].value<QList<double>>();
        QCOMPARE(values.size(), 14);
        for (double v : values)
            QVERIFY(v >= 0.0 && v <= 1.0);
        QCOMPARE(values[3], 1.0);  // somefile1.txt's first copy: all of layer 3 is later wasted
        QCOMPARE(values[13], 0.0); // the top layer's copy survives
    }

    // In the window: the tab is there, and choosing a path moves the tree to it.
    void inTheWindow()
    {
        MainWindow window;
        window.show();
        ImageTab *tab = window.openPath(fixturePath(QStringLiteral("dive/test-docker-image.tar")));
        QVERIFY(QTest::qWaitFor(
            [&] { return tab->loader()->state() == ImageLoader::State::Loaded; }, kTimeout));
        EfficiencyPanel *panel = tab->page()->efficiencyPanel();
        // Nothing is analysed until the tab is looked at.
        QVERIFY(QTest::qWaitFor([&] { return panel->isWaitingToBeShown(); }, kTimeout));
        QVERIFY(!panel->report());
        tab->page()->findChild<QTabWidget *>(QStringLiteral("leftTabs"))->setCurrentWidget(panel);
        QVERIFY(!panel->isWaitingToBeShown());
        QVERIFY(QTest::qWaitFor([&] { return panel->report() != nullptr; }, kTimeout));
        QTableView *table = panel->table();
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, 0).data().toString() == QLatin1String("/root/saved.txt"))
                table->setCurrentIndex(table->model()->index(row, 0));
        }
        QCOMPARE(tab->page()->currentLayer(), 13);
    }
};

QTEST_MAIN(TestEfficiencyPanel)
#include "tst_efficiencypanel.moc"

// The Efficiency panel on dive's own test image: the figures dive's tests assert, the list,
// and what choosing a path tells the page (which path, at which layer, which layers to shade);
// on a naive Go build with known waste: the findings, their grouping, their details and the
// base image left out.
#include "fixtures.h"
#include "wastefulimage.h"

#include "archive/imagearchive.h"
#include "common/datasize.h"
#include "models/efficiencymodel.h"
#include "models/findingsmodel.h"
#include "models/imageloader.h"
#include "panes/efficiencypanel.h"
#include "panes/filetreepane.h"
#include "panes/findingspane.h"
#include "panes/imagepage.h"
#include "panes/imagetab.h"
#include "windows/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeView>
#include <QtTest>

#include <set>

using namespace strata;
using namespace strata::testing;

namespace {
constexpr int kTimeout = 60000;

struct Loaded
{
    std::shared_ptr<ImageArchive> archive;
    std::vector<std::shared_ptr<const LayerTree>> layers;
};

Loaded load(const QString &path)
{
    Loaded loaded;
    Error error;
    loaded.archive = ImageArchive::open(path, &error);
    if (loaded.archive)
        loaded.layers = loaded.archive->loadLayers(0, LoadObserver{}, &error);
    return loaded;
}

Loaded loadDive()
{
    return load(fixturePath(QStringLiteral("dive/test-docker-image.tar")));
}

// The view's row whose Finding column reads `what`, under `parent`.
QModelIndex findingRow(QAbstractItemModel *model, const QString &what,
                       const QModelIndex &parent = {})
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, FindingsModel::WhatColumn, parent);
        if (index.data().toString() == what)
            return index;
        const QModelIndex child = findingRow(model, what, index);
        if (child.isValid())
            return child;
    }
    return {};
}

QString cell(const QModelIndex &row, int column)
{
    return row.sibling(row.row(), column).data().toString();
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

    QTemporaryDir m_dir;
    QString m_naive;

    Loaded loadNaive() const { return load(m_naive); }
    // Until the findings are there and the files' contents have been read for secrets.
    static bool waitForScannedFindings(EfficiencyPanel &panel)
    {
        return QTest::qWaitFor([&] { return panel.findings() && !panel.isScanningContents(); },
                               kTimeout);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const HostProgram host = hostProgram();
        QVERIFY2(host.isValid(), "this machine's /usr/bin/true and its libc are needed");
        m_naive = m_dir.filePath(QStringLiteral("naive.tar"));
        QVERIFY(writeDockerArchive(m_naive, naiveGoBuild(host)));
    }

    // Every finding with its bytes, layer and Dockerfile step; secrets first, in red, with
    // the byte offset in the layer's tar once the contents are read.
    void findingsOfANaiveBuild()
    {
        const Loaded n = loadNaive();
        QVERIFY(n.archive);
        EfficiencyPanel panel;
        panel.resize(900, 700);
        panel.show();
        panel.setImage(n.archive, 0, n.archive->images().at(0), n.layers);
        QVERIFY(waitForScannedFindings(panel));
        FindingsPane *pane = panel.findingsPane();
        QAbstractItemModelTester tester(pane->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(panel.views()->currentWidget(), pane);
        QAbstractItemModel *view = pane->view()->model();
        // The 11 the core's test names from the trees, and the AWS key found by content (the
        // private key is already named by its path).
        QCOMPARE(view->rowCount(), 12);

        const QModelIndex lists = findingRow(view, QStringLiteral("apt package lists"));
        QVERIFY(lists.isValid());
        QCOMPARE(cell(lists, FindingsModel::BytesColumn), formatDataSize(kAptListsBytes));
        QCOMPARE(cell(lists, FindingsModel::LayerColumn), QStringLiteral("1"));
        QVERIFY2(cell(lists, FindingsModel::StepColumn).startsWith(QLatin1String("RUN apt-get")),
                 qPrintable(cell(lists, FindingsModel::StepColumn)));

        const QModelIndex first = view->index(0, FindingsModel::WhatColumn);
        QCOMPARE(pane->model()
                     ->findingAt(qobject_cast<QSortFilterProxyModel *>(view)->mapToSource(first))
                     ->kind,
                 FindingKind::Secret);
        QCOMPARE(first.data(Qt::ForegroundRole).value<QColor>(), QColor(0xc0, 0x1c, 0x28));

        const QString figures =
            panel.findChild<QLabel *>(QStringLiteral("efficiencyFigures"))->text();
        QVERIFY2(figures.contains(formatDataSize(panel.findings()->totalBytes)),
                 qPrintable(figures));
        QVERIFY2(figures.contains(QStringLiteral("/usr/local/bin/hello")), qPrintable(figures));

        // The key: its fix, its step, and where it is in layer 2's tar; choosing it shows it
        // in the tree as of layer 2, the last layer that has it, and shades 2 and 3.
        QSignalSpy activated(&panel, &EfficiencyPanel::pathActivated);
        QSignalSpy shades(&panel, &EfficiencyPanel::layerShadesChanged);
        const QModelIndex key = findingRow(view, QStringLiteral("SSH private key"));
        QVERIFY(key.isValid());
        pane->view()->setCurrentIndex(key);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated[0][0].toString(), QStringLiteral("/root/.ssh/id_rsa"));
        QCOMPARE(activated[0][1].toInt(), 2);
        QCOMPARE(shades.size(), 1);
        const QList<double> held = shades[0][0].value<QList<double>>();
        QCOMPARE(held.size(), 7);
        QCOMPARE(held[2], 1.0);
        QCOMPARE(held[3], 0.4);
        const QString details = pane->details()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("layer 3 deleted or replaced them")),
                 qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("in layer 2's tar at byte ")),
                 qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("COPY")), qPrintable(details));
    }

    // Grouped by layer: one row per layer, summing its findings; by directory: "/var/cache".
    void groupingByLayerAndDirectory()
    {
        const Loaded n = loadNaive();
        EfficiencyPanel panel;
        panel.show();
        panel.setImage(n.archive, 0, n.archive->images().at(0), n.layers);
        QVERIFY(waitForScannedFindings(panel));
        FindingsPane *pane = panel.findingsPane();
        QAbstractItemModelTester tester(pane->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModel *view = pane->view()->model();
        pane->groupingBox()->setCurrentIndex(
            pane->groupingBox()->findData(int(FindingsModel::Grouping::Layer)));
        // Layers 4 and 6 only rewrite what lower layers hold: the findings are the lower
        // layers' copies, so the groups are layers 0, 1, 2, 3 and 5.
        QCOMPARE(view->rowCount(), 5);
        QVERIFY(!findingRow(view, QStringLiteral("Layer 4")).isValid());
        const QModelIndex layer1 = findingRow(view, QStringLiteral("Layer 1"));
        QVERIFY(layer1.isValid());
        qint64 sum = 0;
        for (const Finding &f : panel.findings()->findings)
            sum += f.layer == 1 ? f.bytes : 0;
        QCOMPARE(cell(layer1, FindingsModel::BytesColumn), formatDataSize(sum));
        QVERIFY(findingRow(view, QStringLiteral("apt package lists"), layer1).isValid());
        QVERIFY(pane->view()->isExpanded(layer1));

        pane->groupingBox()->setCurrentIndex(
            pane->groupingBox()->findData(int(FindingsModel::Grouping::Directory)));
        const QModelIndex varCache = findingRow(view, QStringLiteral("/var/cache"));
        QVERIFY(varCache.isValid());
        QVERIFY(findingRow(view, QStringLiteral("apt package cache"), varCache).isValid());
    }

    // The base image's layer out: its log is no longer a finding.
    void leavingOutTheBase()
    {
        const Loaded n = loadNaive();
        EfficiencyPanel panel;
        panel.show();
        panel.setImage(n.archive, 0, n.archive->images().at(0), n.layers);
        QVERIFY(waitForScannedFindings(panel));
        QCOMPARE(panel.excludeBaseCheckBox()->text(),
                 QStringLiteral("Leave out the base image (layer 0)"));
        auto layersOf = [&] {
            std::set<int> layers;
            for (const Finding &f : panel.findings()->findings)
                layers.insert(f.layer);
            return layers;
        };
        QVERIFY(layersOf().count(0));
        panel.excludeBaseCheckBox()->setChecked(true);
        QVERIFY(QTest::qWaitFor(
            [&] { return panel.findings()->firstLayer == 1 && !panel.isScanningContents(); },
            kTimeout));
        QVERIFY(!layersOf().count(0));
        QVERIFY(layersOf().count(1));
    }

    void diveFigures()
    {
        const Loaded dive = loadDive();
        QVERIFY(dive.archive);
        EfficiencyPanel panel;
        panel.show();
        QSignalSpy ready(&panel, &EfficiencyPanel::reportReady);
        panel.setImage(dive.archive, 0, dive.archive->images().at(0), dive.layers);
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
        // No toolchain, no headers: no multi-stage estimate, though busybox's sh is there.
        QVERIFY(waitForScannedFindings(panel));
        const QString withFindings =
            panel.findChild<QLabel *>(QStringLiteral("efficiencyFigures"))->text();
        QVERIFY2(withFindings.contains(QStringLiteral("Findings:")), qPrintable(withFindings));
        QVERIFY2(!withFindings.contains(QStringLiteral("multi-stage")), qPrintable(withFindings));
    }

    void choosingAPath()
    {
        const Loaded dive = loadDive();
        EfficiencyPanel panel;
        panel.show();
        QSignalSpy ready(&panel, &EfficiencyPanel::reportReady);
        panel.setImage(dive.archive, 0, dive.archive->images().at(0), dive.layers);
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
        const Loaded dive = loadDive();
        EfficiencyPanel panel;
        panel.show();
        QSignalSpy ready(&panel, &EfficiencyPanel::reportReady);
        panel.setImage(dive.archive, 0, dive.archive->images().at(0), dive.layers);
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

    // Layers that cannot be read again for their contents: the figures say so, naming why.
    void contentsThatCannotBeRead()
    {
        // Every layer.tar of this archive is a 30-byte text placeholder, not a tar.
        const QString path =
            fixturePath(QStringLiteral("aboutcode-org_container-inspector/images.tar.gz"));
        REQUIRE_FIXTURE(path);
        const Loaded damaged = load(path);
        QVERIFY(damaged.archive);
        QCOMPARE(damaged.layers.size(), damaged.archive->images().at(0).layers.size());
        EfficiencyPanel panel;
        panel.show();
        panel.setImage(damaged.archive, 0, damaged.archive->images().at(0), damaged.layers);
        QVERIFY(waitForScannedFindings(panel));
        const QString figures =
            panel.findChild<QLabel *>(QStringLiteral("efficiencyFigures"))->text();
        QVERIFY2(figures.contains(QStringLiteral("Not every file's contents could be read")),
                 qPrintable(figures));
        QVERIFY2(figures.contains(QStringLiteral("images.tar.gz")), qPrintable(figures));
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
        panel->views()->setCurrentWidget(panel->table());
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

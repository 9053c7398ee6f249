// The engine as a user meets it in the application, against a dockerd the test starts: the
// start page says it answers, the browser lists its images and containers as docker images
// and docker ps -a -s do (and follows the engine's events), an image and a container open in
// tabs (the container with its read-write layer on top and its overlay2 folders on disk),
// the Reuse window counts the real containers as the engine measures them, and the settings
// choose the engine and clear the cache.
#include "engines.h"

#include "cache/cachedirectory.h"
#include "common/datasize.h"
#include "engine/savedimage.h"
#include "models/enginecontainermodel.h"
#include "models/engineimagemodel.h"
#include "models/enginemonitor.h"
#include "models/imageloader.h"
#include "models/reuseworkspace.h"
#include "panes/containerspane.h"
#include "panes/filetreepane.h"
#include "panes/imagepage.h"
#include "panes/imagetab.h"
#include "panes/messagebar.h"
#include "panes/overlaypane.h"
#include "panes/storagepane.h"
#include "panes/welcomepage.h"
#include "source/sourcesettings.h"
#include "views/layerstackview.h"
#include "windows/enginebrowser.h"
#include "windows/mainwindow.h"
#include "windows/reusewindow.h"
#include "windows/settingsdialog.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

using namespace strata;

namespace {

constexpr int kTimeout = 60000;

// The rows of `model` whose HostRole is `host`, each as the text of `column`.
QStringList column(const QAbstractItemModel &model, int column, int hostRole, const QString &host)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(hostRole).toString() == host)
            texts << model.index(row, column).data().toString();
    }
    texts.sort();
    return texts;
}

// Selects the rows of `view` whose first column reads `text`.
void selectRows(QTableView *view, const QString &text, int column = 0)
{
    view->clearSelection();
    QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, column).data().toString() == text)
            view->selectionModel()->select(model->index(row, 0),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

} // namespace

class TestEngineWindows : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void startPageSaysEngineAnswers();
    void modelsListLikeDockerCli();
    void browserFiltersAndOpensAnImage();
    void imageShowsItsContainers();
    void copyUpMatchesTheEngine();
    void containerOpensWithItsLayerAndFolders();
    void removedContainerIsSaid();
    void reuseCountsRealContainers();
    void settingsChooseEngineAndClearCache();

private:
    QByteArray docker(const QStringList &arguments);
    // Opens the image named `name` from the Engine browser, as a user would, and waits for it.
    static ImageTab *openFromBrowser(MainWindow &window, const QString &name);
    qint64 sizeRw(const QString &container);

    QTemporaryDir m_work;
    QTemporaryDir m_cache;
    QTemporaryDir m_dockerConfig;
    DockerEngine m_engine;
};

QByteArray TestEngineWindows::docker(const QStringList &arguments)
{
    return m_engine.output(arguments);
}

qint64 TestEngineWindows::sizeRw(const QString &container)
{
    return docker({QStringLiteral("inspect"), QStringLiteral("--size"), QStringLiteral("--format"),
                   QStringLiteral("{{.SizeRw}}"), container})
        .trimmed()
        .toLongLong();
}

void TestEngineWindows::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // This engine only: not the machine's own, nor a docker context of the user's.
    qputenv("STRATA_CACHE_DIR", m_cache.path().toLocal8Bit());
    qputenv("DOCKER_CONFIG", m_dockerConfig.path().toLocal8Bit());
    qunsetenv("DOCKER_CONTEXT");
    qunsetenv("CONTAINER_HOST");
    QString why;
    QVERIFY2(m_engine.start(&why), qPrintable(why));
    qputenv("DOCKER_HOST", m_engine.host().toLocal8Bit());
    SourceSettings settings = SourceSettings::load();
    settings.engineHost.clear();
    settings.save();

    // Two images that share their base layer.
    for (const auto &[tag, layers] :
         {std::pair{"strata-test/busybox:1", 2}, std::pair{"strata-test/other:1", 1}}) {
        const QString archive = writeBusyboxImage(m_work.path(), QLatin1String(tag), &why, layers);
        QVERIFY2(!archive.isEmpty(), qPrintable(why));
        QVERIFY2(
            m_engine.cli({QStringLiteral("load"), QStringLiteral("-i"), archive}, nullptr, &why),
            qPrintable(why));
    }
    QVERIFY2(m_engine.cli(m_engine.runArguments() +
                              QStringList{QStringLiteral("--name"), QStringLiteral("web"),
                                          QStringLiteral("strata-test/busybox:1"),
                                          QStringLiteral("sh"), QStringLiteral("-c"),
                                          QStringLiteral("echo hi > /root/hi; sleep 600")},
                          nullptr, &why),
             qPrintable(why));
    QVERIFY2(m_engine.cli({QStringLiteral("create"), QStringLiteral("--network"),
                           QStringLiteral("none"), QStringLiteral("--name"), QStringLiteral("idle"),
                           QStringLiteral("strata-test/busybox:1"), QStringLiteral("true")},
                          nullptr, &why),
             qPrintable(why));
    QTRY_COMPARE_WITH_TIMEOUT(sizeRw(QStringLiteral("web")), qint64(3), 10000);
}

void TestEngineWindows::cleanupTestCase()
{
    m_engine.stop();
}

void TestEngineWindows::startPageSaysEngineAnswers()
{
    auto *monitor = new EngineMonitor;
    WelcomePage page(monitor);
    QVERIFY(page.engineButton()->isHidden() || !page.engineButton()->isEnabled());
    monitor->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(monitor->hasLooked(), kTimeout);
    QVERIFY(monitor->engine(m_engine.host()) != nullptr);
    const QString text = page.enginesLabel()->text();
    QVERIFY2(text.contains(QStringLiteral("Docker")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("20.10")), qPrintable(text));
    QVERIFY(!page.engineButton()->isHidden());
    QVERIFY(page.engineButton()->isEnabled());
    // Closing does not wait on the event stream it watches.
    QTest::qWait(500);
    QElapsedTimer clock;
    clock.start();
    delete monitor;
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
}

void TestEngineWindows::modelsListLikeDockerCli()
{
    EngineMonitor monitor;
    monitor.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(monitor.hasLooked(), kTimeout);
    EngineImageModel images;
    QAbstractItemModelTester imagesTester(&images,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    EngineContainerModel containers;
    QAbstractItemModelTester containersTester(
        &containers, QAbstractItemModelTester::FailureReportingMode::QtTest);
    images.setEngines(monitor.engines(), {});
    containers.setEngines(monitor.engines(), {});

    const QString host = m_engine.host();
    QStringList expected =
        QString::fromUtf8(docker({QStringLiteral("images"), QStringLiteral("--format"),
                                  QStringLiteral("{{.Repository}}:{{.Tag}}")}))
            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    expected.sort();
    QStringList listed;
    for (int row = 0; row < images.rowCount(); ++row) {
        if (images.index(row, 0).data(EngineImageModel::HostRole).toString() == host)
            listed << images.index(row, EngineImageModel::RepositoryColumn).data().toString() +
                          QLatin1Char(':') +
                          images.index(row, EngineImageModel::TagColumn).data().toString();
    }
    listed.sort();
    QCOMPARE(listed, expected);
    // The containers column counts what docker system df -v does: two of busybox:1.
    for (int row = 0; row < images.rowCount(); ++row) {
        const QModelIndex repository = images.index(row, EngineImageModel::RepositoryColumn);
        const int count = images.index(row, EngineImageModel::ContainersColumn)
                              .data(EngineImageModel::SortRole)
                              .toInt();
        QCOMPARE(count,
                 repository.data().toString() == QStringLiteral("strata-test/busybox") ? 2 : 0);
        QVERIFY(images.index(row, 0)
                    .data(EngineImageModel::LocationRole)
                    .toString()
                    .startsWith(QStringLiteral("docker://")));
    }

    QStringList names =
        QString::fromUtf8(docker({QStringLiteral("ps"), QStringLiteral("-a"),
                                  QStringLiteral("--format"), QStringLiteral("{{.Names}}")}))
            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    names.sort();
    QCOMPARE(
        column(containers, EngineContainerModel::NameColumn, EngineContainerModel::HostRole, host),
        names);
    for (int row = 0; row < containers.rowCount(); ++row) {
        const QString name =
            containers.index(row, EngineContainerModel::NameColumn).data().toString();
        QCOMPARE(containers.index(row, EngineContainerModel::SizeColumn)
                     .data(EngineContainerModel::SortRole)
                     .toLongLong(),
                 sizeRw(name));
        QVERIFY(containers.index(row, 0)
                    .data(EngineContainerModel::LocationRole)
                    .toString()
                    .contains(QStringLiteral("?container")));
    }
}

void TestEngineWindows::browserFiltersAndOpensAnImage()
{
    MainWindow window;
    window.show();
    EngineBrowser *browser = window.openEngineBrowser();
    QTableView *images = browser->imagesView();
    QTRY_VERIFY_WITH_TIMEOUT(images->model()->rowCount() >= 2, kTimeout);
    QVERIFY(!browser->openButton()->isEnabled());
    // Newest first, as docker images and docker ps list them.
    QCOMPARE(images->horizontalHeader()->sortIndicatorSection(),
             int(EngineImageModel::CreatedColumn));
    QCOMPARE(browser->containersView()->horizontalHeader()->sortIndicatorSection(),
             int(EngineContainerModel::CreatedColumn));

    browser->filter()->setText(QStringLiteral("OTHER"));
    QCOMPARE(images->model()->rowCount(), 1);
    browser->filter()->clear();
    QVERIFY(images->model()->rowCount() >= 2);

    // Two selected: Compare is offered; one: Open.
    images->selectAll();
    QCOMPARE(browser->compareButton()->isEnabled(), images->model()->rowCount() == 2);
    selectRows(images, QStringLiteral("strata-test/other"));
    QCOMPARE(browser->selectedLocations().size(), 1);
    QVERIFY(browser->openButton()->isEnabled());
    QTest::mouseClick(browser->openButton(), Qt::LeftButton);
    QCOMPARE(window.tabCount(), 1);
    ImageTab *tab = window.tab(0);
    QTRY_VERIFY_WITH_TIMEOUT(tab->isLoaded(), kTimeout);
    const QJsonArray layers =
        QJsonDocument::fromJson(docker({QStringLiteral("inspect"), QStringLiteral("--format"),
                                        QStringLiteral("{{json .RootFS.Layers}}"),
                                        QStringLiteral("strata-test/other:1")}))
            .array();
    QCOMPARE(int(tab->loader()->layers().size()), int(layers.size()));
    QVERIFY2(tab->title().contains(QStringLiteral("strata-test/other:1")),
             qPrintable(tab->title()));
    // An image is not a container: no read-write layer, and its folders on disk.
    QVERIFY(!tab->loader()->imageInfo().container);
    QVERIFY(tab->page()->storagePane() != nullptr);

    // A container the engine creates appears without asking.
    const int before = browser->containersView()->model()->rowCount();
    docker({QStringLiteral("create"), QStringLiteral("--network"), QStringLiteral("none"),
            QStringLiteral("--name"), QStringLiteral("later"),
            QStringLiteral("strata-test/other:1"), QStringLiteral("true")});
    QTRY_COMPARE_WITH_TIMEOUT(browser->containersView()->model()->rowCount(), before + 1, 20000);
    docker({QStringLiteral("rm"), QStringLiteral("later")});
    QTRY_COMPARE_WITH_TIMEOUT(browser->containersView()->model()->rowCount(), before, 20000);
}

ImageTab *TestEngineWindows::openFromBrowser(MainWindow &window, const QString &name)
{
    EngineBrowser *browser = window.openEngineBrowser();
    QTableView *images = browser->imagesView();
    if (!QTest::qWaitFor([&] { return images->model()->rowCount() >= 2; }, kTimeout))
        return nullptr;
    selectRows(images, name);
    QTest::mouseClick(browser->openButton(), Qt::LeftButton);
    ImageTab *tab = window.currentTab();
    if (!tab || !QTest::qWaitFor([&] { return tab->isLoaded(); }, kTimeout))
        return nullptr;
    return tab;
}

// A click on the read-write layer on top of an engine's image lists the real containers of
// that image with the sizes docker ps -s gives; double-clicking one opens it.
void TestEngineWindows::imageShowsItsContainers()
{
    MainWindow window;
    window.show();
    ImageTab *tab = openFromBrowser(window, QStringLiteral("strata-test/busybox"));
    QVERIFY(tab);
    QCOMPARE(window.tabCount(), 1);
    ImagePage *page = tab->page();
    LayerStackView *stack = page->layerStack();
    const QRect container = stack->containerRect();
    QVERIFY(container.isValid());
    QTest::mouseClick(stack, Qt::LeftButton, {}, container.center());
    ContainersPane *pane = page->containersPane();
    QCOMPARE(page->detailTabs()->currentWidget(), pane);
    QTRY_VERIFY_WITH_TIMEOUT(pane->isLoaded(), kTimeout);

    QStringList names;
    for (int row = 0; row < pane->model()->rowCount(); ++row)
        names << pane->model()->container(row).name;
    names.sort();
    QCOMPARE(names, (QStringList{QStringLiteral("idle"), QStringLiteral("web")}));
    for (int row = 0; row < pane->model()->rowCount(); ++row) {
        const EngineContainer &c = pane->model()->container(row);
        QCOMPARE(c.sizeRw, sizeRw(c.name));
    }
    QVERIFY2(pane->summary()->text().startsWith(QLatin1String("2 container")),
             qPrintable(pane->summary()->text()));

    int web = 0;
    while (pane->model()->container(web).name != QLatin1String("web"))
        ++web;
    emit pane->list()->activated(pane->model()->index(web, 0));
    QCOMPARE(window.tabCount(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(window.tab(1)->isLoaded(), kTimeout);
    QVERIFY(window.tab(1)->loader()->imageInfo().container);
    QCOMPARE(window.tab(1)->loader()->imageInfo().container->name, QStringLiteral("web"));
}

// The overlay2 tab's copy-up, tried on the image, against a container of the same image that
// does the same on the real engine: the same upper entries as docker diff, the same size as
// docker ps -s.
void TestEngineWindows::copyUpMatchesTheEngine()
{
    QVERIFY(m_engine.cli(m_engine.runArguments() +
                         QStringList{QStringLiteral("--name"), QStringLiteral("copyup"),
                                     QStringLiteral("strata-test/busybox:1"), QStringLiteral("sh"),
                                     QStringLiteral("-c"),
                                     QStringLiteral("echo -n x >> /etc/passwd; rm -r /etc/group; "
                                                    "sleep 600")}));
    QTRY_VERIFY_WITH_TIMEOUT(sizeRw(QStringLiteral("copyup")) > 0, 10000);

    MainWindow window;
    window.show();
    ImageTab *tab = openFromBrowser(window, QStringLiteral("strata-test/busybox"));
    QVERIFY(tab);
    ImagePage *page = tab->page();
    OverlayPane *overlay = page->overlayPane();
    QTRY_VERIFY_WITH_TIMEOUT(overlay->simulation() != nullptr, kTimeout);
    page->detailTabs()->setCurrentWidget(overlay);

    page->treePane()->selectPath(QStringLiteral("etc/passwd"));
    QTRY_VERIFY_WITH_TIMEOUT(overlay->writeButton()->isEnabled(), kTimeout);
    QTest::mouseClick(overlay->writeButton(), Qt::LeftButton);
    page->treePane()->selectPath(QStringLiteral("etc/group"));
    QTRY_VERIFY_WITH_TIMEOUT(overlay->deleteButton()->isEnabled(), kTimeout);
    QTest::mouseClick(overlay->deleteButton(), Qt::LeftButton);

    QCOMPARE(overlay->simulation()->upperBytes(), sizeRw(QStringLiteral("copyup")));
    // docker diff: C /etc, C /etc/passwd, D /etc/group.
    QStringList engine =
        QString::fromUtf8(docker({QStringLiteral("diff"), QStringLiteral("copyup")}))
            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    engine.sort();
    QStringList simulated;
    for (const CopyUpSimulation::UpperEntry &e : overlay->simulation()->upper()) {
        const QChar letter =
            e.kind == CopyUpSimulation::UpperEntry::Kind::Whiteout  ? QLatin1Char('D')
            : e.kind == CopyUpSimulation::UpperEntry::Kind::Created ? QLatin1Char('A')
                                                                    : QLatin1Char('C');
        simulated << QStringLiteral("%1 /%2").arg(letter).arg(QString::fromStdString(e.path));
    }
    simulated.sort();
    QCOMPARE(simulated, engine);
    QVERIFY2(
        overlay->sizesLabel()->text().contains(formatDataSize(sizeRw(QStringLiteral("copyup")))),
        qPrintable(overlay->sizesLabel()->text()));
    QTest::mouseClick(overlay->resetButton(), Qt::LeftButton);
    QCOMPARE(overlay->simulation()->upperBytes(), 0);
    docker({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("copyup")});
}

void TestEngineWindows::containerOpensWithItsLayerAndFolders()
{
    MainWindow window;
    window.show();
    EngineBrowser *browser = window.openEngineBrowser();
    browser->tabs()->setCurrentIndex(1);
    QTableView *containers = browser->containersView();
    QTRY_VERIFY_WITH_TIMEOUT(containers->model()->rowCount() >= 2, kTimeout);
    selectRows(containers, QStringLiteral("web"));
    QTest::mouseClick(browser->openButton(), Qt::LeftButton);
    QCOMPARE(window.tabCount(), 1);
    ImageTab *tab = window.tab(0);
    QTRY_VERIFY_WITH_TIMEOUT(tab->isLoaded(), kTimeout);

    const ImageInfo &info = tab->loader()->imageInfo();
    QVERIFY(info.container);
    QCOMPARE(info.container->name, QStringLiteral("web"));
    QCOMPARE(info.container->sizeRw, sizeRw(QStringLiteral("web")));
    QVERIFY(info.layers.back().readWrite);
    const auto &trees = tab->loader()->layers();
    QVERIFY(trees.back());
    QVERIFY(trees.back()->tree.find("root/hi") != kNoNode);

    // On Disk: the container's upperdir is the read-write layer's diff folder.
    StoragePane *storage = tab->page()->storagePane();
    QVERIFY(storage);
    tab->page()->detailTabs()->setCurrentWidget(storage);
    QTRY_VERIFY_WITH_TIMEOUT(storage->isLoaded(), kTimeout);
    const QByteArray upper =
        docker({QStringLiteral("inspect"), QStringLiteral("--format"),
                QStringLiteral("{{.GraphDriver.Data.UpperDir}}"), QStringLiteral("web")})
            .trimmed();
    QVERIFY2(storage->mountText()->toPlainText().contains(QString::fromUtf8(upper)),
             qPrintable(storage->mountText()->toPlainText() + storage->whyLabel()->text()));
    QCOMPARE(storage->folders()->topLevelItemCount(), int(info.layers.size()) + 1); // + init
}

void TestEngineWindows::removedContainerIsSaid()
{
    QVERIFY(m_engine.cli(m_engine.runArguments() +
                         QStringList{QStringLiteral("--name"), QStringLiteral("shortlived"),
                                     QStringLiteral("strata-test/other:1"), QStringLiteral("sleep"),
                                     QStringLiteral("600")}));
    MainWindow window;
    window.show();
    ImageTab *tab = window.openPath(m_engine.location(QStringLiteral("shortlived")) +
                                    QStringLiteral("&container"));
    QTRY_VERIFY_WITH_TIMEOUT(tab->isLoaded(), kTimeout);
    QVERIFY(tab->loader()->imageInfo().container);
    QTRY_VERIFY_WITH_TIMEOUT(window.engines()->engine(m_engine.host()) != nullptr, kTimeout);
    docker({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("shortlived")});
    QTRY_VERIFY_WITH_TIMEOUT(
        tab->messageBar()->text().startsWith(QStringLiteral("Container shortlived was removed")),
        20000);
    // What it held stays on screen; reading it again says it is gone.
    QVERIFY(tab->isLoaded());
    QToolButton *again = nullptr;
    for (QToolButton *button : tab->messageBar()->findChildren<QToolButton *>()) {
        if (button->text() == QStringLiteral("Read Again"))
            again = button;
    }
    QVERIFY(again);
    again->click();
    QTRY_VERIFY_WITH_TIMEOUT(tab->loader()->state() == ImageLoader::State::Failed, kTimeout);
    QVERIFY2(tab->messageBar()->text().contains(QStringLiteral("no container \"shortlived\"")),
             qPrintable(tab->messageBar()->text()));
}

void TestEngineWindows::reuseCountsRealContainers()
{
    MainWindow window;
    window.show();
    EngineBrowser *browser = window.openEngineBrowser();
    QTableView *images = browser->imagesView();
    QTRY_VERIFY_WITH_TIMEOUT(images->model()->rowCount() >= 2, kTimeout);
    images->selectAll();
    QTest::mouseClick(browser->reuseButton(), Qt::LeftButton);
    ReuseWindow *reuse = window.openReuse();
    ReuseWorkspace *workspace = reuse->workspace();
    QTRY_VERIFY_WITH_TIMEOUT(
        workspace->pendingJobs() == 0 && workspace->analysis().images.size() == 2, kTimeout);
    // The engine's two containers, as it measures them, and one the user assumes.
    QTRY_COMPARE_WITH_TIMEOUT(int(workspace->analysis().containers.size()), 2, kTimeout);
    workspace->addContainer(0, 5000);
    const ReuseAnalysis &a = workspace->analysis();
    QCOMPARE(int(a.containers.size()), 3);
    QVERIFY(!a.containers[0].measured);
    qint64 measured = 0;
    QStringList names;
    for (size_t i = 1; i < a.containers.size(); ++i) {
        QVERIFY(a.containers[i].measured);
        QVERIFY(workspace->isMeasured(int(i)));
        QCOMPARE(a.containers[i].size, sizeRw(a.containers[i].name));
        measured += a.containers[i].size;
        names << a.containers[i].name;
    }
    names.sort();
    QCOMPARE(names, QStringList({QStringLiteral("idle"), QStringLiteral("web")}));
    QCOMPARE(a.totals.containersSize, measured + 5000);
    QVERIFY(a.totals.containersAssumed);

    // The engine's own disk usage: what the images' layers take stored once.
    QProcess curl;
    curl.start(QStringLiteral("curl"),
               {QStringLiteral("-sf"), QStringLiteral("--unix-socket"), m_engine.socketPath(),
                QStringLiteral("http://engine/system/df")});
    QVERIFY(curl.waitForFinished(30000));
    const QJsonObject df = QJsonDocument::fromJson(curl.readAllStandardOutput()).object();
    QVERIFY(df.contains(QStringLiteral("LayersSize")));
    QCOMPARE(a.totals.storedOnce, qint64(df.value(QStringLiteral("LayersSize")).toDouble()));

    // The totals beside the diagram, one line each.
    auto *totals = reuse->findChild<QLabel *>(QStringLiteral("reuseTotals"));
    QVERIFY(totals);
    QVERIFY2(totals->text().contains(QStringLiteral("<br>3 container")),
             qPrintable(totals->text()));

    // The table says which is which; a measured container is not the user's to edit.
    auto *table = reuse->findChild<QTableWidget *>(QStringLiteral("reuseContainers"));
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("assumed"));
    QVERIFY(table->item(1, 3)->text().startsWith(QStringLiteral("measured")));
    QVERIFY(table->item(0, 2)->flags() & Qt::ItemIsEditable);
    QVERIFY(!(table->item(1, 2)->flags() & Qt::ItemIsEditable));

    // A container the engine removes goes from the window.
    docker({QStringLiteral("rm"), QStringLiteral("idle")});
    QTRY_COMPARE_WITH_TIMEOUT(int(workspace->analysis().containers.size()), 2, 20000);
    docker({QStringLiteral("create"), QStringLiteral("--network"), QStringLiteral("none"),
            QStringLiteral("--name"), QStringLiteral("idle"),
            QStringLiteral("strata-test/busybox:1"), QStringLiteral("true")});
    QTRY_COMPARE_WITH_TIMEOUT(int(workspace->analysis().containers.size()), 3, 20000);
}

void TestEngineWindows::settingsChooseEngineAndClearCache()
{
    // The earlier tests saved images into the cache.
    CacheDirectory cache(savedImagesDir(), 0);
    QVERIFY(cache.entryCount() > 0);
    SettingsDialog dialog;
    QVERIFY2(dialog.cacheUsage()->text().contains(QStringLiteral("image")),
             qPrintable(dialog.cacheUsage()->text()));
    dialog.engineHost()->setText(m_engine.host());
    dialog.save();
    QCOMPARE(SourceSettings::load().engineHost, m_engine.host());
    QTest::mouseClick(dialog.clearCacheButton(), Qt::LeftButton);
    QCOMPARE(cache.entryCount(), 0);

    // The chosen address is enough without DOCKER_HOST.
    const QByteArray host = qgetenv("DOCKER_HOST");
    qunsetenv("DOCKER_HOST");
    EngineMonitor monitor;
    monitor.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(monitor.hasLooked(), kTimeout);
    qputenv("DOCKER_HOST", host);
    QVERIFY(monitor.engine(m_engine.host()) != nullptr);
    SourceSettings cleared = SourceSettings::load();
    cleared.engineHost.clear();
    cleared.save();
}

QTEST_MAIN(TestEngineWindows)
#include "tst_enginewindows.moc"

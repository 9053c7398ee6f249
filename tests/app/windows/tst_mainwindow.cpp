// The application as a user drives it: open archives through the main window, wait for the
// background loading, select layers and watch the tree change, filter, cancel, pick one of
// several images, and see errors that name the file.
#include "fixtures.h"
#include "processrun.h"
#include "treedump.h"

#include "archive/archivemap.h"
#include "imagewriter/imagewriter.h"
#include "models/archivemembermodel.h"
#include "models/filetreemodel.h"
#include "models/imagelistmodel.h"
#include "models/imageloader.h"
#include "models/overlaymodel.h"
#include "models/packagemodel.h"
#include "models/storedentrymodel.h"
#include "panes/archivepane.h"
#include "panes/containerspane.h"
#include "panes/entrydetailspane.h"
#include "panes/exportflow.h"
#include "panes/filepreview.h"
#include "panes/filetreepane.h"
#include "panes/imagechooser.h"
#include "panes/imagepage.h"
#include "panes/imagetab.h"
#include "panes/layertarpane.h"
#include "panes/loadprogressbar.h"
#include "panes/messagebar.h"
#include "panes/packagespane.h"
#include "views/historyview.h"
#include "views/layerstackview.h"
#include "windows/mainwindow.h"
#include "windows/presentationzoom.h"
#include "windows/recentfiles.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QProcess>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

using namespace strata;
namespace iw = strata::imagewriter;

namespace {

constexpr int kTimeout = 60000;

QString whiteoutDir()
{
    return fixturePath(QStringLiteral("google_go-containerregistry/whiteout_dir.tar"));
}

QString diveImage()
{
    return fixturePath(QStringLiteral("dive/test-docker-image.tar"));
}

// Waits until the tab's image is loaded and the tree pane shows a tree.
bool waitLoaded(ImageTab *tab)
{
    FileTreePane *pane = tab->page()->treePane();
    return QTest::qWaitFor(
        [&] { return tab->isLoaded() && !pane->isBusy() && !pane->model()->snapshot().isNull(); },
        kTimeout);
}

bool waitTree(FileTreePane *pane, int layer)
{
    return QTest::qWaitFor(
        [&] { return !pane->isBusy() && pane->model()->snapshot().layer == layer; }, kTimeout);
}

// The bytes of `member` of layer tar `layer` inside the archive, extracted by GNU tar.
QByteArray tarExtract(const QString &archive, const QString &layer, const QString &member)
{
    QProcess process;
    process.start(QStringLiteral("sh"),
                  {QStringLiteral("-c"),
                   QStringLiteral("tar -xOf \"$0\" \"$1\" | tar -xOf - \"$2\""), archive, layer,
                   member});
    process.waitForFinished(60000);
    return process.readAllStandardOutput();
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
        REQUIRE_FIXTURE(whiteoutDir());
        REQUIRE_FIXTURE(diveImage());
    }

    void cleanupTestCase() { QSettings().clear(); }

    void openAndSelectLayers()
    {
        MainWindow window;
        window.show();
        ImageTab *tab = window.openPath(whiteoutDir());
        QVERIFY(waitLoaded(tab));
        QCOMPARE(window.windowTitle(), QStringLiteral("whiteout_dir.tar — Strata"));
        ImagePage *page = tab->page();
        FileTreePane *pane = page->treePane();
        FileTreeModel *model = pane->model();
        // The top layer is selected first: a was deleted (layer 2) and re-created (layer 3).
        QCOMPARE(page->currentLayer(), 3);
        QCOMPARE(page->layerStack()->currentLayer(), 3);
        QVERIFY(model->indexOfPath(QStringLiteral("a/baz")).isValid());
        QVERIFY(!model->indexOfPath(QStringLiteral("a/foo")).isValid());

        // Selecting layer 0 in the stack shows a/foo ...
        page->layerStack()->setCurrentLayer(0);
        QVERIFY(waitTree(pane, 0));
        QCOMPARE(page->currentLayer(), 0);
        QCOMPARE(page->historyView()->currentLayer(), 0);
        QCOMPARE(dumpTree(*model),
                 (QStringList{QStringLiteral("a|0 B|drwxr-xr-x 0:0|0|Added"),
                              QStringLiteral("a/foo|0 B|-rw-r--r-- 0:0|0|Added")}));

        // ... and the whiteout layer, selected in the history, takes a away.
        page->historyView()->selectLayer(2);
        QVERIFY(waitTree(pane, 2));
        QCOMPARE(page->layerStack()->currentLayer(), 2);
        QVERIFY(!model->indexOfPath(QStringLiteral("a")).isValid());
        QVERIFY(!model->indexOfPath(QStringLiteral("a/foo")).isValid());
        QVERIFY(model->indexOfPath(QStringLiteral("b/bar")).isValid());

        // "Changes in this layer only": the whiteout itself, as a deletion.
        pane->setLayerOnly(true);
        QVERIFY(QTest::qWaitFor([&] { return !pane->isBusy() && model->snapshot().layerOnly; },
                                kTimeout));
        QCOMPARE(dumpTree(*model), QStringList{QStringLiteral("a||whiteout|2|Deleted")});
        // ... and, as stored in the layer's tar, the file .wh.a.
        auto *asStored = pane->findChild<QToolButton *>(QStringLiteral("asStored"));
        QVERIFY(asStored && asStored->isVisible());
        QTest::mouseClick(asStored, Qt::LeftButton);
        QCOMPARE(page->centerTabs()->currentWidget(), page->layerTarPane());
        QTRY_VERIFY_WITH_TIMEOUT(page->layerTarPane()->isLoaded(), kTimeout);
        const StoredEntryModel *stored = page->layerTarPane()->model();
        QCOMPARE(stored->rowCount(), 1);
        QCOMPARE(stored->index(0, StoredEntryModel::NameColumn).data().toString(),
                 QStringLiteral(".wh.a"));
        QCOMPARE(stored->index(0, StoredEntryModel::MeaningColumn).data().toString(),
                 QStringLiteral("Deletes /a from the layers below"));
        page->centerTabs()->setCurrentWidget(pane);
        pane->setLayerOnly(false);
        QVERIFY(QTest::qWaitFor([&] { return !pane->isBusy() && !model->snapshot().layerOnly; },
                                kTimeout));
        QCOMPARE(dumpTree(*model).size(), 2);
    }

    // The archive and the container on top, as the lesson shows them: the Archive tab lists
    // the archive's members and opens a layer; a click on the read-write layer says which
    // container it stands for, assumed here since no engine runs the image.
    void archiveAndContainerLayer()
    {
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        ImageTab *tab = window.openPath(whiteoutDir());
        QVERIFY(waitLoaded(tab));
        ImagePage *page = tab->page();
        ArchivePane *archive = page->archivePane();
        QVERIFY(archive);
        QCOMPARE(page->centerTabs()->indexOf(archive), 2);
        page->centerTabs()->setCurrentWidget(archive);
        const ArchiveMap &map = *archive->model()->map();
        const int layer1 = map.findLayerMember(0, 1, MemberRole::Layer);
        QVERIFY(layer1 >= 0);
        emit archive->memberList()->activated(archive->model()->index(layer1, 0));
        QCOMPARE(page->currentLayer(), 1);
        QCOMPARE(page->centerTabs()->currentWidget(), page->treePane());
        QVERIFY(waitTree(page->treePane(), 1));

        LayerStackView *stack = page->layerStack();
        const QRect container = stack->containerRect();
        QVERIFY(container.isValid());
        QTest::mouseClick(stack, Qt::LeftButton, {}, container.center());
        QCOMPARE(page->detailTabs()->currentWidget(), page->containersPane());
        QVERIFY(page->containersPane()->isLoaded());
        QVERIFY2(page->containersPane()->summary()->text().startsWith(QLatin1String("Assumed:")),
                 qPrintable(page->containersPane()->summary()->text()));
        QCOMPARE(page->currentLayer(), 1); // the selection stays
    }

    // "from layer 2" at layer 3: what the deletion of a and its re-creation do together,
    // against layer 1's filesystem: a/foo is gone, a/baz is new, and a, the same directory on
    // both sides, has "Changes inside".
    void changesOfARangeOfLayers()
    {
        MainWindow window;
        window.show();
        ImageTab *tab = window.openPath(whiteoutDir());
        QVERIFY(waitLoaded(tab));
        FileTreePane *pane = tab->page()->treePane();
        FileTreeModel *model = pane->model();
        QVERIFY(waitTree(pane, 3));
        QSpinBox *from = pane->fromLayerBox();
        QVERIFY(!from->isVisible());
        pane->setLayerOnly(true);
        QVERIFY(from->isVisible());
        QCOMPARE(from->maximum(), 3);
        QCOMPARE(from->value(), 3);
        from->setValue(2);
        QVERIFY(QTest::qWaitFor([&] { return !pane->isBusy() && model->snapshot().fromLayer == 2; },
                                kTimeout));
        QCOMPARE(dumpTree(*model),
                 (QStringList{QStringLiteral("a|0 B|drwxr-xr-x 0:0|3|Changes inside"),
                              QStringLiteral("a/baz|0 B|-rw-r--r-- 0:0|3|Added"),
                              QStringLiteral("a/foo||whiteout|3|Deleted")}));
        QVERIFY2(pane->statusText().startsWith(QStringLiteral("Layers 2 to 3 together")),
                 qPrintable(pane->statusText()));
        // Back to layer 3 alone: its own tar.
        from->setValue(3);
        QVERIFY(QTest::qWaitFor([&] { return !pane->isBusy() && model->snapshot().fromLayer == 3; },
                                kTimeout));
        QVERIFY(pane->statusText().startsWith(QStringLiteral("Layer 3 only")));
    }

    void detailsFollowTheSelection()
    {
        MainWindow window;
        window.show();
        ImageTab *tab = window.openPath(whiteoutDir());
        QVERIFY(waitLoaded(tab));
        ImagePage *page = tab->page();
        FileTreePane *pane = page->treePane();
        EntryDetailsPane *details = page->entryDetails();

        page->selectLayer(1);
        QVERIFY(waitTree(pane, 1));
        pane->selectPath(QStringLiteral("a/foo"));
        QCOMPARE(details->path(), QStringLiteral("/a/foo"));
        QCOMPARE(details->fieldText(QStringLiteral("type")), QStringLiteral("Regular file"));
        QCOMPARE(details->fieldText(QStringLiteral("mode")), QStringLiteral("-rw-r--r-- (0644)"));
        QCOMPARE(details->fieldText(QStringLiteral("layer")), QStringLiteral("0"));
        OverlayModel *overlay = details->overlayModel();
        QCOMPARE(overlay->rowCount(), 2); // merged + layer 0 as lowerdir
        QCOMPARE(overlay->visibleLayer(), 0);
        QCOMPARE(overlay->index(1, OverlayModel::RoleColumn).data().toString(),
                 QStringLiteral("lowerdir"));

        // At the whiteout layer the entry is gone; the pane says so and why.
        page->selectLayer(2);
        QVERIFY(waitTree(pane, 2));
        QCOMPARE(details->path(), QStringLiteral("/a/foo"));
        QCOMPARE(details->fieldText(QStringLiteral("change")),
                 QStringLiteral("Not in the filesystem at layer 2"));
        QCOMPARE(overlay->visibleLayer(), -1);
        QCOMPARE(overlay->index(0, OverlayModel::StatusColumn).data().toString(),
                 QStringLiteral("Absent at layer 2"));

        // The directory that the whiteout deletes: upperdir whiteout over the lowerdir copy.
        pane->selectPath(QStringLiteral("b"));
        pane->setLayerOnly(true);
        QVERIFY(QTest::qWaitFor(
            [&] { return !pane->isBusy() && pane->model()->snapshot().layerOnly; }, kTimeout));
        pane->selectPath(QStringLiteral("a"));
        QCOMPARE(details->fieldText(QStringLiteral("change")), QStringLiteral("Deleted"));
        QCOMPARE(overlay->rowCount(), 3);
        QCOMPARE(overlay->index(1, OverlayModel::RoleColumn).data().toString(),
                 QStringLiteral("upperdir"));
        QCOMPARE(overlay->index(1, OverlayModel::EntryColumn).data().toString(),
                 QStringLiteral("whiteout"));
        QCOMPARE(overlay->index(2, OverlayModel::StatusColumn).data().toString(),
                 QStringLiteral("Deleted by the whiteout in layer 2"));
    }

    void previewAndSaveAs()
    {
        MainWindow window;
        window.show();
        ImageTab *tab = window.openPath(diveImage());
        QVERIFY(waitLoaded(tab));
        FileTreePane *pane = tab->page()->treePane();
        FilePreview *preview = tab->page()->entryDetails()->preview();
        pane->selectPath(QStringLiteral("root/saved.txt"));
        QVERIFY(QTest::qWaitFor([&] { return !preview->isLoading(); }, kTimeout));
        const QByteArray expected = tarExtract(
            diveImage(),
            QStringLiteral(
                "cfb35bb5c127d848739be5ca726057e6e2c77b2849f588e7aebb642c0d3d4b7b/layer.tar"),
            QStringLiteral("root/saved.txt"));
        QCOMPARE(expected.size(), 6405);
        QCOMPARE(preview->text(), QString::fromUtf8(expected));
        QVERIFY(preview->stateText().startsWith(QStringLiteral("Text file")));

        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("saved-copy.txt"));
        QSignalSpy saved(preview, &FilePreview::saveFinished);
        preview->saveTo(target);
        QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty(), kTimeout);
        QVERIFY2(saved.first().at(0).toBool(), qPrintable(saved.first().at(1).toString()));
        QFile copy(target);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), expected);

        // A busybox applet is a hard link to bin/[: the preview reads the target's bytes (an ELF).
        pane->selectPath(QStringLiteral("bin/ls"));
        QVERIFY(QTest::qWaitFor([&] { return !preview->isLoading(); }, kTimeout));
        QVERIFY2(preview->stateText().startsWith(QStringLiteral("Binary file")),
                 qPrintable(preview->stateText()));
        QVERIFY(preview->text().startsWith(QStringLiteral("00000000  7f 45 4c 46")));
    }

    // The tree's context menu and drags write entries out: a folder as a tar, a file a later
    // layer deleted from the layer that still has it, a dragged file as a file URL.
    void exportFromTheTree()
    {
        MainWindow window;
        window.show();
        ImageTab *tab = window.openPath(diveImage());
        QVERIFY(waitLoaded(tab));
        ImagePage *page = tab->page();
        FileTreePane *pane = page->treePane();
        pane->selectPath(QStringLiteral("root/saved.txt"));
        const QModelIndex saved = pane->model()->indexOfPath(QStringLiteral("root/saved.txt"));
        QVERIFY(saved.isValid());

        QStringList offered;
        QTimer::singleShot(0, this, [&] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (QAction *action : menu->actions()) {
                if (!action->isSeparator())
                    offered << action->text();
            }
            for (QAction *action : menu->actions()) {
                if (action->text() == QStringLiteral("Copy Path"))
                    action->trigger();
            }
            menu->close();
        });
        emit pane->view()->customContextMenuRequested(pane->view()->visualRect(saved).center());
        QCOMPARE(
            offered,
            // The top layer rewrote saved.txt: it can be compared with the one below.
            QStringList({QStringLiteral("Save File As…"), QStringLiteral("Compare with Layer 12"),
                         QStringLiteral("Export as Tar…"), QStringLiteral("Extract to Folder…"),
                         QStringLiteral("Copy Path")}));
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("/root/saved.txt"));

        QTemporaryDir dir;
        ExportFlow *flow = page->exportFlow();
        QSignalSpy finished(flow, &ExportFlow::finished);
        const QString tar = dir.filePath(QStringLiteral("root.tar"));
        flow->start(QStringLiteral("root"), ExportJob::Kind::Tar, tar, false);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeout);
        QVERIFY(finished.takeFirst().at(0).toBool());
        const QString listed = QString::fromUtf8(
            testing::runProcess(QStringLiteral("tar"), {QStringLiteral("-tf"), tar}).out);
        QVERIFY2(listed.contains(QStringLiteral("root/.data/tag.sh\n")), qPrintable(listed));
        QVERIFY(listed.contains(QStringLiteral("root/saved.txt\n")));
        QVERIFY(!listed.contains(QStringLiteral("somefile3")));

        // Deleted by layer 7 (and its folder by layer 9): written from layer 6.
        const QString copy = dir.filePath(QStringLiteral("somefile3.txt"));
        flow->start(QStringLiteral("root/example/somefile3.txt"), ExportJob::Kind::File, copy,
                    false);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeout);
        QVERIFY(finished.takeFirst().at(0).toBool());
        QFile file(copy);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().size(), 6405);
        const QString folder = dir.filePath(QStringLiteral("example"));
        flow->start(QStringLiteral("root/example"), ExportJob::Kind::Folder, folder, false);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeout);
        QVERIFY(finished.takeFirst().at(0).toBool());
        QVERIFY(QFileInfo(folder + QStringLiteral("/example/somefile1.txt")).isFile());
        QVERIFY(!QFileInfo::exists(folder + QStringLiteral("/example/somefile3.txt")));
        MessageBar *bar = window.findChild<MessageBar *>();
        QVERIFY(bar);
        QVERIFY2(bar->text().contains(QStringLiteral("deleted by layer 9, written from layer 8")),
                 qPrintable(bar->text()));

        // A drag carries the file, exported when the drop asks for it.
        std::unique_ptr<QMimeData> drag(pane->model()->mimeData({saved}));
        QVERIFY(drag);
        QVERIFY(drag->hasUrls());
        const QList<QUrl> urls = drag->urls();
        QCOMPARE(urls.size(), 1);
        QCOMPARE(urls.first().fileName(), QStringLiteral("saved.txt"));
        QFile dragged(urls.first().toLocalFile());
        QVERIFY(dragged.open(QIODevice::ReadOnly));
        QCOMPARE(
            dragged.readAll(),
            tarExtract(diveImage(),
                       QStringLiteral("cfb35bb5c127d848739be5ca726057e6e2c77b2849f588e7aebb642c0d"
                                      "3d4b7b/layer.tar"),
                       QStringLiteral("root/saved.txt")));
    }

    // The Packages tab follows the selected layer: what it changed, what is installed; the
    // File tab names a file's package; the SBOM lists what the tab lists.
    void packagesTab()
    {
        const QString file = fixturePath(QStringLiteral("snyk_cli/gzip-test-oci.tar"));
        REQUIRE_FIXTURE(file);
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        ImageTab *tab = window.openPath(file);
        QVERIFY(waitLoaded(tab));
        ImagePage *page = tab->page();
        PackagesPane *pane = page->packagesPane();
        QAbstractItemModelTester changesTester(pane->changesModel());
        QAbstractItemModelTester installedTester(pane->installedModel());
        QVERIFY(QTest::qWaitFor([&] { return pane->installedModel()->rowCount() > 0; }, kTimeout));
        QVERIFY2(pane->statusText().startsWith(QStringLiteral("16 ")) &&
                     pane->statusText().endsWith(QStringLiteral(" as of layer 4: apk 16.")),
                 qPrintable(pane->statusText()));
        QCOMPARE(pane->changesModel()->rowCount(), 0); // the top layer installs nothing

        page->selectLayer(1);
        QCOMPARE(pane->changesModel()->rowCount(), 1);
        const QModelIndex name = pane->changesModel()->index(0, PackageModel::NameColumn);
        QCOMPARE(name.data().toString(), QStringLiteral("ca-certificates"));
        QCOMPARE(pane->changesModel()->index(0, PackageModel::ChangeColumn).data().toString(),
                 QStringLiteral("Added"));
        QCOMPARE(pane->installedModel()->rowCount(), 16);
        page->selectLayer(0);
        QCOMPARE(pane->changesModel()->rowCount(), 15);
        pane->setFilterText(QStringLiteral("busy"));
        const auto *view = pane->findChild<QTreeView *>(QStringLiteral("installedPackages"));
        QVERIFY(view);
        QCOMPARE(view->model()->rowCount(), 2); // busybox, busybox-binsh
        pane->setFilterText(QString());

        // The File tab: who installed the selected file.
        page->treePane()->selectPath(QStringLiteral("bin/busybox"));
        QTRY_COMPARE_WITH_TIMEOUT(page->entryDetails()->fieldText(QStringLiteral("package")),
                                  QStringLiteral("busybox 1.36.1-r7 (apk), installed by layer 0"),
                                  kTimeout);

        QTemporaryDir dir;
        QString message;
        QVERIFY(pane->exportSbom(dir.filePath(QStringLiteral("sbom.json")), &message));
        QFile sbom(dir.filePath(QStringLiteral("sbom.json")));
        QVERIFY(sbom.open(QIODevice::ReadOnly));
        QCOMPARE(
            QJsonDocument::fromJson(sbom.readAll())[QLatin1String("components")].toArray().size(),
            15);
    }

    void filterByName()
    {
        MainWindow window;
        window.show();
        ImageTab *tab = window.openPath(diveImage());
        QVERIFY(waitLoaded(tab));
        FileTreePane *pane = tab->page()->treePane();
        FileTreeModel *model = pane->model();
        pane->setFilterText(QStringLiteral("saved*"));
        QVERIFY(QTest::qWaitFor([&] { return !pane->isBusy() && model->filterMask(); }, kTimeout));
        QCOMPARE(model->filterMask()->hitCount,
                 3u); // saved.txt, saved.again1.txt, saved.again2.txt
        QVERIFY(model->indexOfPath(QStringLiteral("root/saved.txt")).isValid());
        QVERIFY(model->indexOfPath(QStringLiteral("tmp/saved.again1.txt")).isValid());
        QVERIFY(!model->indexOfPath(QStringLiteral("root/.saved.txt")).isValid());
        QVERIFY(!model->indexOfPath(QStringLiteral("bin")).isValid());
        // Few hits: every directory leading to one is expanded.
        QVERIFY(pane->view()->isExpanded(model->indexOfPath(QStringLiteral("root/.data"))));
        QVERIFY(pane->statusText().contains(QStringLiteral("3 of 423 entries match")));

        // The filter stays when another layer is selected: at layer 7 only root/saved.txt exists.
        tab->page()->selectLayer(7);
        QVERIFY(waitTree(pane, 7));
        QCOMPARE(model->filterMask()->hitCount, 1u);
        pane->setFilterText(QString());
        QVERIFY(QTest::qWaitFor([&] { return !pane->isBusy() && !model->filterMask(); }, kTimeout));
        QCOMPARE(dumpTree(*model).size(), 422);
    }

    void cancelLoading()
    {
        // An image big enough that indexing takes a while: 3 gzip layers of 20,000 files.
        QTemporaryDir dir;
        iw::Image image;
        image.tags = {QStringLiteral("big/cancel:latest")};
        for (int l = 0; l < 3; ++l) {
            iw::Layer layer;
            for (int f = 0; f < 20000; ++f) {
                const std::string name = "data/l" + std::to_string(l) + "/f" + std::to_string(f);
                layer.entries.push_back(iw::Entry::file(name, QByteArray(256, char('a' + f % 26))));
            }
            image.layers.push_back(std::move(layer));
        }
        iw::WriteOptions options;
        options.layout = iw::Layout::OciArchive;
        options.layerCompression = iw::Compression::Gzip;
        const QString path = dir.filePath(QStringLiteral("big.tar"));
        QString error;
        QVERIFY2(iw::writeArchive(path, {image}, options, &error), qPrintable(error));

        MainWindow window;
        window.show();
        // Cancelled while the archive is being opened...
        ImageTab *tab = window.openPath(path);
        QVERIFY(tab->progressBar()->isVisible());
        tab->cancel();
        QCOMPARE(tab->loader()->state(), ImageLoader::State::Cancelled);
        QVERIFY(!tab->progressBar()->isVisible());
        QVERIFY(tab->messageBar()->isVisible());
        QVERIFY(tab->messageBar()->text().contains(QStringLiteral("cancelled")));

        // ... and while its layers are read: cancel as soon as the metadata is there.
        QSignalSpy trees(tab->loader(), &ImageLoader::treesReady);
        connect(tab->loader(), &ImageLoader::metadataReady, tab, &ImageTab::cancel);
        tab->reload();
        QVERIFY(QTest::qWaitFor(
            [&] { return tab->loader()->state() == ImageLoader::State::Cancelled; }, kTimeout));
        QVERIFY(tab->messageBar()->text().contains(QStringLiteral("cancelled")));
        QCOMPARE(tab->page()->treePane()->statusText(), QStringLiteral("Loading was cancelled."));
        QCOMPARE(tab->page()->layerStack()->layerCount(), 3); // the metadata stays on screen
        QTest::qWait(300);
        QCOMPARE(trees.size(), 0); // the cancelled load's results never arrive

        // Reload brings everything.
        disconnect(tab->loader(), &ImageLoader::metadataReady, tab, &ImageTab::cancel);
        tab->reload();
        QVERIFY(waitLoaded(tab));
        QCOMPARE(trees.size(), 1);
        QCOMPARE(tab->page()->treePane()->model()->visibleEntryCount(),
                 4u + 3u * 20000u); // data/, data/l0..l2
    }

    void multiImageArchive()
    {
        const QString path = fixturePath(QStringLiteral("containers_podman/oci-two-images.tar.xz"));
        REQUIRE_FIXTURE(path);
        MainWindow window;
        window.show();
        ImageTab *tab = window.openPath(path);
        ImageChooser *chooser = tab->chooser();
        QVERIFY(QTest::qWaitFor([&] { return chooser->isVisible(); }, kTimeout));
        ImageListModel *images = chooser->model();
        QCOMPARE(images->rowCount(), 2);
        QStringList rows;
        for (int r = 0; r < 2; ++r)
            rows << images->index(r, ImageListModel::RepositoryColumn).data().toString() +
                        QLatin1Char(':') +
                        images->index(r, ImageListModel::TagColumn).data().toString();
        rows.sort();
        QCOMPARE(rows, (QStringList{QStringLiteral("example.com/empty/but:different"),
                                    QStringLiteral("example.com/empty:latest")}));
        for (int r = 0; r < 2; ++r)
            QCOMPARE(images->index(r, ImageListModel::IdColumn).data().toString().size(), 12);

        // Open each in its own tab: this tab takes the first, a new tab the second.
        emit chooser->openEachRequested(images->distinctImages());
        QCOMPARE(window.tabCount(), 2);
        QVERIFY(waitLoaded(tab));
        QVERIFY(waitLoaded(window.tab(1)));
        QCOMPARE(window.tab(0)->loader()->source(), window.tab(1)->loader()->source()); // shared
        QVERIFY(window.tab(0)->title() != window.tab(1)->title());
        QVERIFY(window.tab(1)->title().startsWith(QStringLiteral("oci-two-images.tar.xz: ")));
        // busybox (398 hard links) and alpine (324 symlinks) differ.
        QVERIFY(window.tab(0)->page()->treePane()->model()->visibleEntryCount() !=
                window.tab(1)->page()->treePane()->model()->visibleEntryCount());
    }

    void invalidFileNamesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("not-an-image.tar"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a tar archive at all\n");
        file.close();

        MainWindow window;
        window.show();
        ImageTab *tab = window.openPath(path);
        QVERIFY(QTest::qWaitFor([&] { return tab->messageBar()->isVisible(); }, kTimeout));
        QCOMPARE(tab->messageBar()->kind(), MessageBar::Kind::Error);
        QVERIFY2(tab->messageBar()->text().startsWith(path + QLatin1Char(':')),
                 qPrintable(tab->messageBar()->text()));
        QCOMPARE(tab->loader()->error().kind, Error::Kind::NotAnArchive);

        const QString missing = dir.filePath(QStringLiteral("missing.tar"));
        ImageTab *second = window.openPath(missing);
        QVERIFY(QTest::qWaitFor([&] { return second->messageBar()->isVisible(); }, kTimeout));
        QVERIFY(second->messageBar()->text().contains(missing));
        QCOMPARE(second->loader()->error().kind, Error::Kind::NotFound);
        // Neither is worth a place in Open Recent.
        QVERIFY(!window.recentFiles()->paths().contains(path));
    }

    void damagedLayerIsMarked()
    {
        // Every layer.tar of this archive is a 30-byte text placeholder, not a tar.
        const QString path =
            fixturePath(QStringLiteral("aboutcode-org_container-inspector/images.tar.gz"));
        REQUIRE_FIXTURE(path);
        MainWindow window;
        window.show();
        ImageTab *tab = window.openPath(path);
        QVERIFY(QTest::qWaitFor([&] { return tab->chooser()->isVisible(); }, kTimeout));
        tab->openImage(0);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return tab->loader()->state() == ImageLoader::State::Loaded ||
                       tab->loader()->state() == ImageLoader::State::Failed;
            },
            kTimeout));
        QVERIFY(tab->messageBar()->isVisible());
        QVERIFY2(tab->messageBar()->text().contains(QStringLiteral("images.tar.gz")),
                 qPrintable(tab->messageBar()->text()));
    }

    // The digests are checked in the background once the trees are shown: the minimized snyk
    // nginx.tar holds blobs that match no digest, and the window says so without blocking.
    void digestMismatchShown()
    {
        const QString path =
            fixturePath(QStringLiteral("snyk_snyk-docker-plugin/oci-archives/nginx.tar"));
        REQUIRE_FIXTURE(path);
        MainWindow window;
        window.show();
        ImageTab *tab = window.openPath(path);
        QVERIFY(QTest::qWaitFor(
            [&] { return tab->loader()->state() == ImageLoader::State::Loaded; }, kTimeout));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return tab->messageBar()->isVisible() &&
                       tab->messageBar()->text().startsWith(QStringLiteral("4 layer"));
            },
            kTimeout));
        // What loading found stays beside it: the manifest does not match its digest.
        QVERIFY2(
            tab->messageBar()->text().contains(QStringLiteral("is not what its descriptor names")),
            qPrintable(tab->messageBar()->text()));
    }

    void exportLayerStack()
    {
        const QString path =
            fixturePath(QStringLiteral("google_go-containerregistry/whiteout_dir.tar"));
        MainWindow window;
        window.show();
        ImageTab *tab = window.openPath(path);
        QVERIFY(QTest::qWaitFor(
            [&] { return tab->loader()->state() == ImageLoader::State::Loaded; }, kTimeout));
        QTemporaryDir dir;
        QVERIFY(window.exportLayerStack(dir.filePath(QStringLiteral("stack.svg"))));
        QFile svg(dir.filePath(QStringLiteral("stack.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray text = svg.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("container layer"));
        QVERIFY(window.exportLayerStack(dir.filePath(QStringLiteral("stack.png"))));
        QImage png(dir.filePath(QStringLiteral("stack.png")));
        QVERIFY(!png.isNull() && png.height() > 100);
        // Two pixels a point, whatever the window: 960 points by default, or a chosen width.
        QCOMPARE(png.width(), 2 * LayerStackView::kSlideWidth);
        QVERIFY(window.exportLayerStack(dir.filePath(QStringLiteral("wide.png")), 1280));
        QCOMPARE(QImage(dir.filePath(QStringLiteral("wide.png"))).width(), 2560);
        QVERIFY(window.exportLayerStack(dir.filePath(QStringLiteral("wide.svg")), 1280));
        QFile wide(dir.filePath(QStringLiteral("wide.svg")));
        QVERIFY(wide.open(QIODevice::ReadOnly));
        QVERIFY(wide.readAll().contains("viewBox=\"0 0 1280 "));
    }

    void recentFilesAndDrop()
    {
        QSettings().clear();
        MainWindow window;
        window.show();
        // Dropping a file opens it.
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(whiteoutDir())});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &drop);
        QCOMPARE(window.tabCount(), 1);
        QVERIFY(waitLoaded(window.tab(0)));
        QCOMPARE(window.recentFiles()->paths(),
                 QStringList{QFileInfo(whiteoutDir()).absoluteFilePath()});
        // Opening it again shows the same tab.
        QCOMPARE(window.openPath(whiteoutDir()), window.tab(0));
        QCOMPARE(window.tabCount(), 1);

        RecentFiles *recent = window.recentFiles();
        for (int i = 0; i < 12; ++i)
            recent->add(QStringLiteral("/tmp/archive-%1.tar").arg(i));
        QCOMPARE(recent->paths().size(), RecentFiles::kMaximum);
        QCOMPARE(recent->paths().first(), QStringLiteral("/tmp/archive-11.tar"));
        emit window.recentMenu()->aboutToShow();
        QVERIFY(window.recentMenu()->actions().first()->text().startsWith(
            QStringLiteral("&1 archive-11.tar")));
        recent->clear();
        QVERIFY(recent->paths().isEmpty());

        window.closeCurrentTab();
        QCOMPARE(window.tabCount(), 0);
        QCOMPARE(window.windowTitle(), QStringLiteral("Strata"));
    }

    void demoImage()
    {
        MainWindow window;
        window.recentFiles()->clear();
        window.show();
        window.openDemo();
        QCOMPARE(window.tabCount(), 1);
        ImageTab *tab = window.currentTab();
        QVERIFY(waitLoaded(tab));
        QCOMPARE(window.windowTitle(), QStringLiteral("strata-demo.tar — Strata"));
        QCOMPARE(tab->loader()->imageInfo().names,
                 QStringList{QStringLiteral("strata-demo/nginx:1.0")});
        QCOMPARE(tab->page()->layerStack()->layerCount(), 4);
        QVERIFY(tab->page()
                    ->treePane()
                    ->model()
                    ->indexOfPath(QStringLiteral("etc/nginx/nginx.conf"))
                    .isValid());
        // The demo is not a file the user chose: it stays out of Open Recent.
        QVERIFY(window.recentFiles()->paths().isEmpty());
    }

    void presentationZoom()
    {
        QSettings().clear();
        MainWindow window;
        window.show();
        const qreal base = window.font().pointSizeF();
        window.zoom()->zoomIn();
        window.zoom()->zoomIn();
        QCOMPARE(window.zoom()->percent(), 125);
        QCOMPARE(window.font().pointSizeF(), base * 1.25);
        ImageTab *tab = window.openPath(whiteoutDir());
        QVERIFY(waitLoaded(tab));
        // Children follow the window, the monospace preview included.
        QCOMPARE(tab->page()->treePane()->view()->font().pointSizeF(), base * 1.25);
        QCOMPARE(tab->page()
                     ->entryDetails()
                     ->preview()
                     ->findChild<QWidget *>(QStringLiteral("previewText"))
                     ->font()
                     .pointSizeF(),
                 base * 1.25);
        window.zoom()->reset();
        QCOMPARE(window.font().pointSizeF(), base);
        QCOMPARE(QSettings().value(QStringLiteral("view/zoomPercent")).toInt(), 100);
    }

    // At 200 % the controls grow with the text (check boxes, tree arrows, icons, scroll bars),
    // menus and dialogs too (the application's font), the window stays on its screen, and the
    // Name column keeps room for names, scrolling sideways rather than squeezing.
    void presentationZoomScalesEverything()
    {
        QSettings().clear();
        MainWindow window;
        window.resize(1400, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ImageTab *tab = window.openPath(diveImage());
        QVERIFY(waitLoaded(tab));
        QStyle *style = QApplication::style();
        const int indicator = style->pixelMetric(QStyle::PM_IndicatorWidth);
        const int icon = style->pixelMetric(QStyle::PM_SmallIconSize);
        const int indent = style->pixelMetric(QStyle::PM_TreeViewIndentation);
        const qreal appFont = QApplication::font().pointSizeF();
        window.zoom()->setStep(7);
        QCOMPARE(window.zoom()->percent(), 200);
        style = QApplication::style();
        QCOMPARE(style->pixelMetric(QStyle::PM_IndicatorWidth), indicator * 2);
        QCOMPARE(style->pixelMetric(QStyle::PM_SmallIconSize), icon * 2);
        QCOMPARE(style->pixelMetric(QStyle::PM_TreeViewIndentation), indent * 2);
        QCOMPARE(QApplication::font().pointSizeF(), appFont * 2);
        QCOMPARE(window.menuBar()->actions().first()->menu()->font().pointSizeF(), appFont * 2);
        QTest::qWait(50);
        // What the window needs at 200 % fits a 1920x1080 projector (the test's own screen
        // is smaller: there the window is as small as it can be).
        const QSize needed = window.minimumSizeHint();
        QVERIFY2(needed.width() <= 1920 && needed.height() <= 1080,
                 qPrintable(QStringLiteral("%1x%2").arg(needed.width()).arg(needed.height())));
        const QRect screen = window.screen()->availableGeometry();
        QVERIFY(window.width() <= std::max(screen.width(), needed.width()));
        QVERIFY(window.height() <= std::max(screen.height(), needed.height()));

        FileTreePane *pane = tab->page()->treePane();
        QTreeView *view = pane->view();
        const int readable = QFontMetrics(view->font()).horizontalAdvance(QLatin1Char('M')) * 16;
        QVERIFY(view->header()->sectionSize(FileTreeModel::NameColumn) >= readable);
        for (int c = 0; c < FileTreeModel::ColumnCount; ++c) {
            const QString title = view->model()->headerData(c, Qt::Horizontal).toString();
            QVERIFY2(view->header()->sectionSize(c) >=
                         QFontMetrics(view->font()).horizontalAdvance(title),
                     qPrintable(title));
        }
        window.zoom()->reset();
        QCOMPARE(QApplication::style()->pixelMetric(QStyle::PM_IndicatorWidth), indicator);
        QCOMPARE(QApplication::font().pointSizeF(), appFont);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

// The Layer Reuse window on the built-in reuse demo (three images saved together), on two
// archives the test writes that share a base, and on a file that is not there.
#include "common/datasize.h"
#include "demoimages.h" // the images behind the embedded archive
#include "imagewriter/imagewriter.h"
#include "models/formatting.h"
#include "models/imageloader.h"
#include "models/overlaymodel.h"
#include "models/reuseworkspace.h"
#include "panes/imagetab.h"
#include "panes/messagebar.h"
#include "views/reusediagram.h"
#include "windows/mainwindow.h"
#include "windows/presentationzoom.h"
#include "windows/reusewindow.h"

#include <QAbstractItemModelTester>

#include <climits>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "archive/demoimage.h" // demoReuseArchivePath(): the embedded copy

using namespace strata;
namespace iw = strata::imagewriter;
using iw::Entry;

namespace {
constexpr int kTimeout = 60000;

// What docker counts for a layer, worked out from the entries the generator wrote: the bytes
// of regular files and the length of symlink targets.
qint64 dockerSize(const iw::Layer &layer)
{
    qint64 size = 0;
    for (const Entry &e : layer.entries) {
        if (e.type == Entry::Type::File)
            size += e.content.size();
        else if (e.type == Entry::Type::Symlink)
            size += qint64(e.linkTarget.size());
    }
    return size;
}

qint64 imageSize(const iw::Image &image)
{
    qint64 size = 0;
    for (const iw::Layer &layer : image.layers)
        size += dockerSize(layer);
    return size;
}

int imageNamed(const ReuseAnalysis &a, const char *name)
{
    for (size_t i = 0; i < a.images.size(); ++i) {
        if (a.images[i].name == QLatin1String(name))
            return int(i);
    }
    return -1;
}

bool settled(const ReuseWindow &window, size_t images)
{
    return window.workspace()->pendingJobs() == 0 &&
           window.workspace()->analysis().images.size() == images;
}

QString writeImage(const QTemporaryDir &dir, const QString &name, std::vector<iw::Layer> layers)
{
    iw::Image image;
    image.tags = {name + QStringLiteral(":1")};
    image.layers = std::move(layers);
    const QString path = dir.filePath(name + QStringLiteral(".tar"));
    iw::writeArchive(path, {image}, iw::WriteOptions{});
    return path;
}
} // namespace

class TestReuseWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<ReuseWindow> openDemo()
    {
        auto window = std::make_unique<ReuseWindow>();
        window->addLocations({demoReuseArchivePath()});
        window->show();
        return window;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void cleanupTestCase() { QSettings().clear(); }

    void demoSharesLayersAndStoresOneDiffTwice()
    {
        const auto window = openDemo();
        QTRY_VERIFY_WITH_TIMEOUT(settled(*window, 3), kTimeout);
        const ReuseAnalysis &a = window->workspace()->analysis();
        const std::vector<iw::Image> images = demo::demoReuseImages();
        const int nginx = imageNamed(a, demo::kDemoTag);
        const int debug = imageNamed(a, demo::kDemoDebugTag);
        const int php = imageNamed(a, demo::kDemoPhpTag);
        QVERIFY(nginx >= 0 && debug >= 0 && php >= 0);

        // Sizes as docker counts them, from the files the generator put in each layer.
        QCOMPARE(a.images[size_t(nginx)].size, imageSize(images[0]));
        QCOMPARE(a.images[size_t(debug)].size, imageSize(images[1]));
        QCOMPARE(a.images[size_t(php)].size, imageSize(images[2]));
        const qint64 base = dockerSize(images[0].layers[0]);
        const qint64 nginxOwn = imageSize(images[0]) - base;
        QCOMPARE(a.images[size_t(php)].sharedSize, base);
        QCOMPARE(a.images[size_t(debug)].uniqueSize, dockerSize(images[1].layers[4]));
        // Stored once: the base, nginx's three, debug's one, php's two (its entrypoint again).
        QCOMPARE(a.totals.storedLayers, 7);
        QCOMPARE(a.totals.sharedLayers, 4);
        QCOMPARE(a.totals.storedOnce, base + nginxOwn + dockerSize(images[1].layers[4]) +
                                          dockerSize(images[2].layers[1]) +
                                          dockerSize(images[2].layers[2]));
        QVERIFY(!a.totals.estimated);
        QVERIFY(window->totalsLabel()->text().contains(formatDataSize(a.totals.saved)));

        // The base is drawn once across all three columns; debug's own layer in its column only.
        const ReuseDiagram *diagram = window->diagram();
        QRect columns;
        for (int image : {nginx, debug, php})
            columns |= diagram->imageRect(image);
        const QRect baseRect = diagram->layerRect(a.images[size_t(nginx)].layers[0]);
        QVERIFY(baseRect.left() <= columns.left() + 1 && baseRect.right() >= columns.right() - 1);
        const QRect debugTop = diagram->layerRect(a.images[size_t(debug)].layers[4]);
        const QRect debugColumn = diagram->imageRect(debug);
        QVERIFY(debugTop.left() >= debugColumn.left() - 1 &&
                debugTop.right() <= debugColumn.right() + 1);
        QVERIFY(debugTop.bottom() < baseRect.top()); // above, bottom layer at the bottom

        // php's entrypoint layer: same diff as nginx's, another chain, and the window says why.
        const int phpEntrypoint = a.images[size_t(php)].layers[2];
        const int nginxEntrypoint = a.images[size_t(nginx)].layers[2];
        QVERIFY(phpEntrypoint != nginxEntrypoint);
        QCOMPARE(a.layers[size_t(phpEntrypoint)].diffId, a.layers[size_t(nginxEntrypoint)].diffId);
        QCOMPARE(a.sameDiff.size(), size_t(1));
        const QString reason = diagram->scene().divergenceText(phpEntrypoint);
        QVERIFY2(reason.contains(QLatin1String(demo::kDemoPhpTag)) &&
                     reason.contains(QStringLiteral("position 1")),
                 qPrintable(reason));
    }

    // Every column on one scale: a block's height over its size is the same in every column,
    // but for blocks held at the minimum height; a shared layer sits at one height across the
    // columns it spans.
    void oneScaleAcrossTheColumns()
    {
        const auto window = openDemo();
        QTRY_VERIFY_WITH_TIMEOUT(settled(*window, 3), kTimeout);
        const ReuseAnalysis &a = window->workspace()->analysis();
        const ReuseDiagram *diagram = window->diagram();
        int minimum = INT_MAX;
        for (size_t i = 0; i < a.layers.size(); ++i)
            minimum = std::min(minimum, diagram->layerRect(int(i)).height());
        double perByte = 0;
        int compared = 0;
        QSet<int> columns;
        for (size_t i = 0; i < a.layers.size(); ++i) {
            const int height = diagram->layerRect(int(i)).height() + 2; // the 1 px gaps
            if (height <= minimum + 4 || a.layers[i].size <= 0)         // at the minimum, rounded

                continue;
            const double ratio = double(height) / double(a.layers[i].size);
            if (perByte == 0)
                perByte = ratio;
            QVERIFY2(qAbs(ratio / perByte - 1) < 0.05 ||
                         qAbs(height - perByte * a.layers[i].size) < 2,
                     qPrintable(QStringLiteral("layer %1: %2 px for %3 B")
                                    .arg(i)
                                    .arg(height)
                                    .arg(a.layers[i].size)));
            ++compared;
            columns.insert(a.layers[i].firstColumn);
        }
        QVERIFY(compared >= 2);
        QVERIFY(columns.size() >= 2);
        for (size_t i = 0; i < a.layers.size(); ++i) {
            if (a.layers[i].isShared())
                QVERIFY(diagram->layerRect(int(i)).width() > diagram->imageRect(0).width());
        }
    }

    void clickingAndKeysSelectLayersAndImages()
    {
        const auto window = openDemo();
        QTRY_VERIFY_WITH_TIMEOUT(settled(*window, 3), kTimeout);
        const ReuseAnalysis &a = window->workspace()->analysis();
        ReuseDiagram *diagram = window->diagram();
        const int php = imageNamed(a, demo::kDemoPhpTag);
        const int phpTop = a.images[size_t(php)].layers[2];

        QTest::mouseClick(diagram, Qt::LeftButton, {}, diagram->layerRect(phpTop).center());
        QCOMPARE(diagram->current().kind, ReuseScene::Kind::Layer);
        QCOMPARE(diagram->current().index, phpTop);
        QCOMPARE(diagram->currentImage(), php);
        const QString details = window->selectionLabel()->text();
        QVERIFY2(details.contains(a.layers[size_t(phpTop)].diffId), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("not shared")), qPrintable(details));

        // Down walks php's stack towards its base; the base is shared, php stays selected.
        QTest::keyClick(diagram, Qt::Key_Down);
        QTest::keyClick(diagram, Qt::Key_Down);
        QCOMPARE(diagram->current().index, a.images[size_t(php)].layers[0]);
        QCOMPARE(diagram->currentImage(), php);

        // Clicking an image name selects that image, here and in the table.
        const int nginx = imageNamed(a, demo::kDemoTag);
        QTest::mouseClick(diagram, Qt::LeftButton, {}, diagram->imageRect(nginx).center());
        QCOMPARE(diagram->currentImage(), nginx);
        QTableWidget *table = window->imagesTable();
        QCOMPARE(table->item(table->currentRow(), 0)->text(), QLatin1String(demo::kDemoTag));
    }

    void containersCostThinLayersWithEditableSizes()
    {
        const auto window = openDemo();
        QTRY_VERIFY_WITH_TIMEOUT(settled(*window, 3), kTimeout);
        const ReuseAnalysis &a = window->workspace()->analysis();
        const int nginx = imageNamed(a, demo::kDemoTag);
        window->diagram()->setCurrentImage(nginx);
        QCOMPARE(window->addContainerOnSelectedImage(), 0);
        QCOMPARE(window->addContainerOnSelectedImage(), 1);
        const ReuseTotals &t = window->workspace()->analysis().totals;
        QCOMPARE(t.containers, 2);
        QCOMPARE(t.containersSize, 2 * kDefaultContainerLayerSize);
        const qint64 nginxSize = window->workspace()->analysis().images[size_t(nginx)].size;
        QCOMPARE(t.containersIfCopied, 2 * (nginxSize + kDefaultContainerLayerSize));
        QCOMPARE(t.storedWithContainers, t.storedOnce + 2 * kDefaultContainerLayerSize);
        QCOMPARE(window->containersTable()->rowCount(), 2);

        // Both sit on nginx's top layer, one above the other.
        const ReuseAnalysis &b = window->workspace()->analysis();
        const QRect top = window->diagram()->layerRect(b.images[size_t(nginx)].layers.last());
        const QRect first = window->diagram()->containerRect(0);
        const QRect second = window->diagram()->containerRect(1);
        QVERIFY(first.bottom() <= top.top());
        QVERIFY(second.bottom() <= first.top());

        // The user sets the assumed size in the table.
        window->containersTable()->item(0, 2)->setText(QStringLiteral("12MB"));
        QCOMPARE(window->workspace()->containers()[0].size, qint64(12000000));
        QCOMPARE(window->workspace()->analysis().totals.containersSize,
                 12000000 + kDefaultContainerLayerSize);
        QCOMPARE(window->containersTable()->item(0, 2)->text(), formatDataSize(12000000));
        window->containersTable()->item(1, 2)->setText(QStringLiteral("a lot"));
        QCOMPARE(window->workspace()->containers()[1].size, kDefaultContainerLayerSize);
        QCOMPARE(window->messageBar()->kind(), MessageBar::Kind::Warning);
        QVERIFY(window->messageBar()->text().contains(QStringLiteral("a lot")));
        QVERIFY(window->diagram()->scene().totalsLines().join(u'\n').contains(
            QStringLiteral("2 container")));
    }

    void overlayShowsLowerUpperAndMerged()
    {
        const auto window = openDemo();
        QTRY_VERIFY_WITH_TIMEOUT(settled(*window, 3), kTimeout);
        OverlayModel *model = window->overlayModel();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const ReuseAnalysis &a = window->workspace()->analysis();
        const int nginx = imageNamed(a, demo::kDemoTag);

        // The image itself: its top layer is the upperdir, and it deletes dash's docs.
        window->overlayTarget()->setCurrentIndex(
            window->overlayTarget()->findData(QPoint(nginx, -1)));
        window->showOverlay(QStringLiteral("/usr/share/doc/dash"));
        QCOMPARE(model->visibleLayer(), -1);
        QCOMPARE(model->rowCount(), 3); // merged, the whiteout in layer 3, dash's docs in layer 0
        QCOMPARE(model->index(1, OverlayModel::RoleColumn).data().toString(),
                 QStringLiteral("upperdir"));
        QCOMPARE(model->index(1, OverlayModel::EntryColumn).data().toString(),
                 QStringLiteral("whiteout"));
        QCOMPARE(model->index(2, OverlayModel::RoleColumn).data().toString(),
                 QStringLiteral("lowerdir"));
        QCOMPARE(model->index(2, OverlayModel::LayerColumn).data().toString(), QStringLiteral("0"));
        QVERIFY(model->index(2, OverlayModel::StatusColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("whiteout in layer 3")));

        // A container of it: an empty upperdir of its own above all four layers.
        window->diagram()->setCurrentImage(nginx);
        const int container = window->addContainerOnSelectedImage();
        window->overlayTarget()->setCurrentIndex(
            window->overlayTarget()->findData(QPoint(nginx, container)));
        window->showOverlay(QStringLiteral("docker-entrypoint.sh"));
        QCOMPARE(model->visibleLayer(), 2);
        QCOMPARE(model->rowCount(), 3); // merged, the container's upperdir, layer 2
        QCOMPARE(model->index(1, OverlayModel::RoleColumn).data().toString(),
                 QStringLiteral("upperdir"));
        QCOMPARE(model->index(1, OverlayModel::LayerColumn).data().toString(),
                 window->workspace()->analysis().containers[size_t(container)].name);
        QCOMPARE(model->index(2, OverlayModel::RoleColumn).data().toString(),
                 QStringLiteral("lowerdir"));
        const QString mount = window->mountLabel()->text();
        // Four lowerdirs, the top layer first, as overlay2 lists them.
        QVERIFY2(mount.indexOf(QStringLiteral("layer 3")) <
                     mount.indexOf(QStringLiteral("layer 0")),
                 qPrintable(mount));
        QCOMPARE(mount.count(QStringLiteral(" : ")), 3);

        // Shown the Overlay tab, it offers the paths several layers write or delete: passwd
        // (written by layers 0 and 1), dash's copyright (deleted by layer 3), not the
        // entrypoint (one copy).
        QCOMPARE(window->overlayPath()->count(), 0); // not analysed while the tab is hidden
        window->findChild<QTabWidget *>()->setCurrentWidget(
            window->findChild<QTableView *>(QStringLiteral("overlayTable"))->parentWidget());
        QTRY_VERIFY_WITH_TIMEOUT(window->overlayPath()->count() > 0, kTimeout);
        QVERIFY(window->overlayPath()->findText(QStringLiteral("etc/passwd")) >= 0);
        QVERIFY(window->overlayPath()->findText(QStringLiteral("usr/share/doc/dash/copyright")) >=
                0);
        QCOMPARE(window->overlayPath()->findText(QStringLiteral("docker-entrypoint.sh")), -1);
    }

    void exportsThePictureForSlides()
    {
        const auto window = openDemo();
        QTRY_VERIFY_WITH_TIMEOUT(settled(*window, 3), kTimeout);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("reuse.png"));
        const QString svg = dir.filePath(QStringLiteral("reuse.svg"));
        QVERIFY(window->exportDiagram(png));
        QVERIFY(window->exportDiagram(svg));
        const QImage image(png);
        QCOMPARE(image.size(), window->diagram()->scene().size().toSize());
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains(demo::kDemoPhpTag));
        QVERIFY(text.contains("stored once"));
    }

    void presentationZoomEnlargesTheDiagram()
    {
        const auto window = openDemo();
        QTRY_VERIFY_WITH_TIMEOUT(settled(*window, 3), kTimeout);
        const QSizeF before = window->diagram()->scene().size();
        window->zoom()->zoomIn();
        window->zoom()->zoomIn();
        const QSizeF after = window->diagram()->scene().size();
        QVERIFY2(after.height() > before.height() * 1.1,
                 qPrintable(QStringLiteral("%1 -> %2").arg(before.height()).arg(after.height())));
        window->zoom()->reset();
    }

    void mainWindowShowsTheImagesOfItsTabs()
    {
        QTemporaryDir dir;
        const iw::Layer base{{Entry::dir("etc"), Entry::file("etc/os-release", "ID=demo\n"),
                              Entry::file("bin/sh", QByteArray(1000, 's'), 0755)}};
        const QString x = writeImage(dir, QStringLiteral("x"),
                                     {base, iw::Layer{{Entry::file("x", QByteArray(300, 'x'))}}});
        const QString y = writeImage(dir, QStringLiteral("y"),
                                     {base, iw::Layer{{Entry::file("y", QByteArray(700, 'y'))}}});
        MainWindow main;
        main.openPath(x, false);
        main.openPath(y, false);
        QTRY_VERIFY_WITH_TIMEOUT(main.tabCount() == 2 &&
                                     main.tab(0)->loader()->state() == ImageLoader::State::Loaded &&
                                     main.tab(1)->loader()->state() == ImageLoader::State::Loaded,
                                 kTimeout);
        ReuseWindow *window = main.openReuse();
        QTRY_VERIFY_WITH_TIMEOUT(settled(*window, 2), kTimeout);
        const ReuseAnalysis &a = window->workspace()->analysis();
        QCOMPARE(a.totals.sharedLayers, 1);
        QCOMPARE(a.totals.imagesSum, 2 * 1008 + 300 + 700);
        QCOMPARE(a.totals.storedOnce, 1008 + 300 + 700);
        QCOMPARE(a.totals.saved, 1008);

        // An archive opened in a tab while the window is open joins it; asking again raises
        // the same window.
        const QString z = writeImage(dir, QStringLiteral("z"), {base});
        main.openPath(z, false);
        QTRY_VERIFY_WITH_TIMEOUT(settled(*window, 3), kTimeout);
        QCOMPARE(window->workspace()->analysis().totals.sharedLayers, 1);
        QCOMPARE(window->workspace()->analysis().layers[0].images.size(), 3);
        QCOMPARE(main.openReuse(), window);
        window->close();
    }

    // One image is one narrow column: the heading above it is not cut, the diagram is as wide
    // as the heading needs.
    void oneImageKeepsItsHeading()
    {
        QTemporaryDir dir;
        const QString x = writeImage(dir, QStringLiteral("x"),
                                     {iw::Layer{{Entry::file("x", QByteArray(300, 'x'))}}});
        MainWindow main;
        main.openPath(x, false);
        QTRY_VERIFY_WITH_TIMEOUT(main.tabCount() == 1 &&
                                     main.tab(0)->loader()->state() == ImageLoader::State::Loaded,
                                 kTimeout);
        ReuseWindow *window = main.openReuse();
        QTRY_VERIFY_WITH_TIMEOUT(settled(*window, 1), kTimeout);
        const ReuseScene &scene = window->diagram()->scene();
        const qreal needed = QFontMetricsF(scene.titleFont(), window->diagram())
                                 .horizontalAdvance(scene.titleText());
        QVERIFY2(scene.titleRect().width() >= needed,
                 qPrintable(QStringLiteral("%1 < %2").arg(scene.titleRect().width()).arg(needed)));
        QVERIFY(scene.size().width() >= scene.titleRect().right());
        window->close();
    }

    void anArchiveThatIsNotThereIsNamed()
    {
        ReuseWindow window;
        const QString missing = QStringLiteral("/nonexistent/strata-missing.tar");
        window.addLocations({missing});
        QTRY_VERIFY_WITH_TIMEOUT(window.workspace()->pendingJobs() == 0, kTimeout);
        QCOMPARE(window.messageBar()->kind(), MessageBar::Kind::Error);
        QVERIFY2(window.messageBar()->text().contains(missing),
                 qPrintable(window.messageBar()->text()));
        QVERIFY(window.workspace()->analysis().images.empty());
    }
};

QTEST_MAIN(TestReuseWindow)
#include "tst_reusewindow.moc"

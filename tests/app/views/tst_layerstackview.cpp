#include "common/datasize.h"
#include "fixtureimage.h"
#include "source/imagesource.h"
#include "tree/layertree.h"
#include "views/layerstackview.h"
#include "views/stackheightscale.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <algorithm>

using namespace strata;

class TestLayerStackView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the scale setting stays out of the user's
        StackHeightScale::instance().setLogarithmic(false);
        // snyk's test image: alpine (1 layer, then CMD) under four layers of its own, one of
        // them the 32-byte empty tar that WORKDIR makes, and a final CMD.
        m_snyk = test::loadFixture(QStringLiteral("snyk_cli/docker-test-image.tar"), true);
        QVERIFY2(m_snyk.ok(), qPrintable(m_snyk.error));
        QCOMPARE(m_snyk.image.layers.size(), 5);
        QCOMPARE(m_snyk.trees.size(), size_t(5));
    }

    void init()
    {
        m_view = new LayerStackView;
        m_view->setImage(m_snyk.image);
        m_view->setLayerTrees(m_snyk.trees);
        m_view->resize(600, 900);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
    }

    void cleanup()
    {
        delete m_view;
        m_view = nullptr;
    }

    // Bottom layer at the bottom; heights grow with the size of the files; an empty layer
    // stays tall enough to click.
    void blocksAreStackedBySize()
    {
        QCOMPARE(m_view->layerCount(), 5);
        for (int layer = 1; layer < 5; ++layer)
            QVERIFY(m_view->layerRect(layer).bottom() < m_view->layerRect(layer - 1).top());
        // The empty steps sit between the layers they came between.
        QVERIFY(m_view->stepRect(1).top() > m_view->layerRect(1).bottom());
        QVERIFY(m_view->stepRect(1).bottom() < m_view->layerRect(0).top());
        QVERIFY(m_view->stepRect(6).bottom() < m_view->layerRect(4).top());
        QVERIFY(m_view->stepRect(2).isEmpty()); // RUN made layer 1: a block, not a marker

        QList<qint64> sizes;
        for (const auto &tree : m_snyk.trees)
            sizes << tree->contentSize;
        const int largest = int(std::max_element(sizes.begin(), sizes.end()) - sizes.begin());
        for (int layer = 0; layer < 5; ++layer) {
            if (layer != largest)
                QVERIFY(m_view->layerRect(layer).height() < m_view->layerRect(largest).height());
        }
        QCOMPARE(sizes.at(3), 0);
        QVERIFY(m_view->layerRect(3).height() >= m_view->fontMetrics().height());
    }

    void clickSelectsLayersAndSteps()
    {
        QSignalSpy layers(m_view, &LayerStackView::layerSelected);
        QSignalSpy steps(m_view, &LayerStackView::stepSelected);
        QTest::mouseClick(m_view, Qt::LeftButton, {}, m_view->layerRect(2).center());
        QCOMPARE(layers.count(), 1);
        QCOMPARE(layers.takeFirst().at(0).toInt(), 2);
        QCOMPARE(steps.takeFirst().at(0).toInt(), m_snyk.image.layers.at(2).historyIndex);
        QCOMPARE(m_view->currentLayer(), 2);

        QTest::mouseClick(m_view, Qt::LeftButton, {},
                          m_view->layerRect(2).topLeft() + QPoint(3, 3));
        QCOMPARE(layers.count(), 0); // already current

        QTest::mouseClick(m_view, Qt::LeftButton, {}, m_view->stepRect(1).center());
        QCOMPARE(layers.count(), 0);
        QCOMPARE(steps.count(), 1);
        QCOMPARE(steps.takeFirst().at(0).toInt(), 1);
        QCOMPARE(m_view->currentLayer(), -1);
        QCOMPARE(m_view->currentStep(), 1);

        m_view->setCurrentLayer(4);
        QCOMPARE(layers.count(), 1);
        QCOMPARE(layers.takeFirst().at(0).toInt(), 4);
        m_view->setCurrentStep(m_snyk.image.layers.at(0).historyIndex);
        QCOMPARE(m_view->currentLayer(), 0);
    }

    void keyboardNavigation()
    {
        m_view->setFocus();
        QSignalSpy layers(m_view, &LayerStackView::layerSelected);
        m_view->setCurrentLayer(2);
        QTest::keyClick(m_view, Qt::Key_Up);
        QCOMPARE(m_view->currentLayer(), 3);
        QTest::keyClick(m_view, Qt::Key_Down);
        QTest::keyClick(m_view, Qt::Key_Down);
        QCOMPARE(m_view->currentLayer(), 1);
        QTest::keyClick(m_view, Qt::Key_Home);
        QCOMPARE(m_view->currentLayer(), 4);
        QTest::keyClick(m_view, Qt::Key_Up); // stays on the top layer
        QCOMPARE(m_view->currentLayer(), 4);
        QTest::keyClick(m_view, Qt::Key_End);
        QCOMPARE(m_view->currentLayer(), 0);
        QTest::keyClick(m_view, Qt::Key_Down);
        QCOMPARE(m_view->currentLayer(), 0);
        QCOMPARE(layers.count(), 6);
        QCOMPARE(layers.last().at(0).toInt(), 0);

        // From an empty step, Up and Down go to the layers around it.
        m_view->setCurrentStep(1);
        QTest::keyClick(m_view, Qt::Key_Up);
        QCOMPARE(m_view->currentLayer(), 1);
        m_view->setCurrentStep(1);
        QTest::keyClick(m_view, Qt::Key_Down);
        QCOMPARE(m_view->currentLayer(), 0);
    }

    // In a short scroll area PageUp moves about a page, and the current block scrolls into view.
    void pagingInAScrollArea()
    {
        QScrollArea area;
        auto *view = new LayerStackView;
        area.setWidgetResizable(true);
        area.setWidget(view);
        view->setImage(m_snyk.image);
        view->setLayerTrees(m_snyk.trees);
        view->setZoom(2);
        area.resize(400, 300);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        QVERIFY(view->height() > area.viewport()->height() * 1.5);
        view->setFocus();

        QTest::keyClick(view, Qt::Key_End);
        QCOMPARE(view->currentLayer(), 0);
        const QRect bottom = view->layerRect(0).translated(view->pos());
        QVERIFY(area.viewport()->rect().intersects(bottom));

        // A page moves at least one layer, and further while the next layer's centre stays
        // within 90% of the viewport's height from where it started.
        const qreal page = area.viewport()->height() * 0.9;
        auto centre = [view](int layer) { return view->layerRect(layer).center().y(); };
        auto checkPage = [&](int from, int direction) {
            const int to = view->currentLayer();
            QVERIFY(direction > 0 ? to > from : to < from);
            QVERIFY(to == from + direction || std::abs(centre(to) - centre(from)) <= page);
            const int next = to + direction;
            QVERIFY(next < 0 || next > 4 || std::abs(centre(next) - centre(from)) > page);
            QVERIFY(
                area.viewport()->rect().intersects(view->layerRect(to).translated(view->pos())));
        };
        int from = view->currentLayer();
        QTest::keyClick(view, Qt::Key_PageUp);
        checkPage(from, +1);
        from = view->currentLayer();
        QTest::keyClick(view, Qt::Key_PageUp);
        checkPage(from, +1);
        from = view->currentLayer();
        QTest::keyClick(view, Qt::Key_PageDown);
        checkPage(from, -1);

        QTest::keyClick(view, Qt::Key_Home);
        QCOMPARE(view->currentLayer(), 4);
        QVERIFY(area.viewport()->rect().intersects(view->layerRect(4).translated(view->pos())));
        QTest::keyClick(view, Qt::Key_PageDown);
        checkPage(4, -1);
    }

    void zoom()
    {
        QSignalSpy zoomed(m_view, &LayerStackView::zoomChanged);
        const int before = m_view->minimumSizeHint().height();
        const int blockBefore = m_view->layerRect(1).height();
        m_view->zoomIn();
        QCOMPARE(zoomed.count(), 1);
        QVERIFY(m_view->zoom() > 1.0);
        QVERIFY(m_view->minimumSizeHint().height() > before);
        QVERIFY(m_view->layerRect(1).height() > blockBefore);

        QWheelEvent wheel(QPointF(m_view->layerRect(1).center()),
                          QPointF(m_view->mapToGlobal(m_view->layerRect(1).center())), QPoint(),
                          QPoint(0, -120), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase,
                          false);
        QApplication::sendEvent(m_view, &wheel);
        QCOMPARE(zoomed.count(), 2);
        QVERIFY(qFuzzyCompare(m_view->zoom(), 1.0));

        for (int i = 0; i < 50; ++i)
            m_view->zoomOut();
        QCOMPARE(m_view->zoom(), LayerStackView::kMinZoom);
        QVERIFY(m_view->layerRect(3).height() >= m_view->fontMetrics().height());
    }

    // The presentation zoom makes the font bigger: blocks and text grow with it.
    void followsTheFont()
    {
        const int before = m_view->minimumSizeHint().height();
        const int block = m_view->layerRect(2).height();
        QFont big = m_view->font();
        big.setPointSizeF(big.pointSizeF() * 2);
        m_view->setFont(big);
        QVERIFY(m_view->minimumSizeHint().height() > before);
        QVERIFY(m_view->layerRect(2).height() > block);
        QVERIFY(m_view->layerRect(2).height() >= QFontMetrics(big).height());
    }

    // Heights in proportion to the sizes: 172.8 MB is a fifth of 864 MB, and 1.8 MB, 1/480
    // of it, is drawn at the minimum and marked as not to scale. Stacks shown together share
    // one reference. The logarithmic scale is a choice, with a note above the stack.
    // buildah's "FROM <base>" comment on the first own step: the boundary names the base and
    // sits above the base's last step, whatever the timestamps say.
    void namedBaseImage()
    {
        ImageInfo image;
        image.layers = {LayerInfo{}, LayerInfo{}};
        HistoryEntry add;
        add.createdBy = QStringLiteral("ADD file:abc in /");
        add.instruction = QStringLiteral("ADD");
        add.layer = 0;
        HistoryEntry cmd;
        cmd.createdBy = QStringLiteral("CMD [\"sh\"]");
        cmd.instruction = QStringLiteral("CMD");
        cmd.emptyLayer = true;
        cmd.layer = 0;
        HistoryEntry copy;
        copy.createdBy = QStringLiteral("COPY file:def in /app/");
        copy.instruction = QStringLiteral("COPY");
        copy.comment = QStringLiteral("FROM localhost/debian-min:bookworm");
        copy.layer = 1;
        HistoryEntry env = copy;
        env.createdBy = QStringLiteral("ENV A=b");
        env.instruction = QStringLiteral("ENV");
        env.emptyLayer = true;
        env.comment = QStringLiteral("FROM 89824bdb8efc"); // buildah's step-to-step id
        image.history = {add, cmd, copy, env};

        LayerStackScene scene;
        scene.setImage(image);
        QCOMPARE(scene.baseImage().name, QStringLiteral("localhost/debian-min:bookworm"));
        QCOMPARE(scene.baseImage().lastStep, 1);
        QImage device(600, 800, QImage::Format_ARGB32);
        scene.layout(QFont(), &device, 600, 1.0);
        bool found = false;
        for (const LayerStackScene::Item &item : scene.items()) {
            if (item.kind == LayerStackScene::Kind::Boundary) {
                QCOMPARE(item.index, 1);
                QCOMPARE(item.head,
                         QStringLiteral("base image localhost/debian-min:bookworm ends here"));
                found = true;
            }
        }
        QVERIFY(found);
    }

    void proportionalHeights()
    {
        auto imageOf = [](std::initializer_list<qint64> sizes) {
            ImageInfo image;
            for (const qint64 size : sizes) {
                LayerInfo layer;
                layer.contentSize = size;
                image.layers.push_back(layer);
            }
            return image;
        };
        LayerStackView view;
        view.setImage(imageOf({864'000'000, 172'800'000, 1'800'000}));
        view.resize(600, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const qreal big = view.layerRect(0).height();
        QVERIFY(qAbs(big / 5 - view.layerRect(1).height()) <= 1.5);
        QVERIFY(view.isToScale(0) && view.isToScale(1));
        QVERIFY(!view.isToScale(2));
        QVERIFY(view.layerRect(2).height() >= view.fontMetrics().height());
        QVERIFY(view.layerRect(2).height() < view.layerRect(1).height());

        // A second stack with a 432 MB layer, measured against the first's largest: half.
        LayerStackView other;
        other.setImage(imageOf({432'000'000}));
        other.resize(600, 900);
        other.show();
        QCOMPARE(other.layerRect(0).height(), view.layerRect(0).height()); // its own largest
        other.setScaleReference(view.largestLayerSize());
        QVERIFY(qAbs(big / 2 - other.layerRect(0).height()) <= 1.5);

        StackHeightScale::instance().setLogarithmic(true);
        QVERIFY(view.isToScale(2)); // no block is "to scale" or not: the note says it all
        QVERIFY(view.layerRect(2).height() > view.fontMetrics().height() * 1.5);
        QVERIFY(view.layerRect(0).height() < 5 * view.layerRect(2).height());
        QTemporaryDir dir;
        const QString svg = dir.filePath(QStringLiteral("log.svg"));
        QVERIFY(view.exportSvg(svg));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(file.readAll()).contains(QLatin1String("logarithmic scale")));
        StackHeightScale::instance().setLogarithmic(false);
        QVERIFY(!view.isToScale(2));
    }

    void fitsTheScrollArea()
    {
        QScrollArea area;
        auto *view = new LayerStackView;
        area.setWidgetResizable(true);
        area.setWidget(view);
        view->setImage(m_snyk.image);
        view->setLayerTrees(m_snyk.trees);
        area.resize(400, 420);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        view->setZoom(4);
        QVERIFY(view->minimumSizeHint().height() > area.viewport()->height());
        view->fit();
        QVERIFY(view->minimumSizeHint().height() <= area.viewport()->height());
        QVERIFY(view->zoom() < 4);
        // A taller area lets the blocks grow.
        const qreal small = view->zoom();
        area.resize(400, 1400);
        view->fit();
        QVERIFY(view->zoom() > small);
        QVERIFY(view->minimumSizeHint().height() <= area.viewport()->height());
    }

    // In the logarithmic scale, where every block is tall enough for its digest line.
    void exportsPngAndSvg()
    {
        StackHeightScale::instance().setLogarithmic(true);
        const auto proportional =
            qScopeGuard([] { StackHeightScale::instance().setLogarithmic(false); });
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        m_view->setCurrentLayer(1);
        const QString png = dir.filePath(QStringLiteral("stack.png"));
        QVERIFY(m_view->exportPng(png));
        QImage image(png);
        QVERIFY(!image.isNull());
        // Twice the slide's points, whatever the widget's size or zoom.
        const QSize slide = m_view->slideSize();
        QCOMPARE(slide.width(), LayerStackView::kSlideWidth);
        QCOMPARE(image.size(), slide * 2);
        const QSize widget = m_view->size();
        const qreal zoom = m_view->zoom();
        m_view->resize(300, widget.height());
        m_view->setZoom(zoom * 1.5);
        // Nothing selected on a slide: another current layer gives the same picture.
        m_view->setCurrentLayer(3);
        QImage again = m_view->renderSlide();
        again.setDevicePixelRatio(1); // a PNG file keeps no pixel ratio
        QCOMPARE(again.convertToFormat(image.format()), image);
        QCOMPARE(m_view->renderSlide(1.0, 1200).size().width(), 1200);
        m_view->resize(widget);
        m_view->setZoom(zoom);
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3) {
            for (int x = 0; x < image.width(); x += 3)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY(colours.size() > 20);

        const QString svg = dir.filePath(QStringLiteral("stack.svg"));
        QVERIFY(m_view->exportSvg(svg));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.startsWith(QLatin1String("<?xml")));
        for (int layer = 0; layer < 5; ++layer) {
            QVERIFY2(text.contains(formatDataSize(m_snyk.trees[size_t(layer)]->contentSize)),
                     qPrintable(QString::number(layer)));
            QVERIFY2(text.contains(shortDigest(m_snyk.image.layers.at(layer).diffId)),
                     qPrintable(QString::number(layer)));
        }
        QVERIFY(text.contains(QLatin1String("WORKDIR /app")));
        // Each step's whole text, its last word too, however long it is.
        QString longest;
        for (const HistoryEntry &step : m_snyk.image.history) {
            if (step.createdBy.size() > longest.size())
                longest = step.createdBy;
        }
        QVERIFY(longest.size() > 100);
        const QString lastWord = longest.simplified().section(QLatin1Char(' '), -1);
        QVERIFY2(text.contains(lastWord.toHtmlEscaped()), qPrintable(lastWord));
        QVERIFY(text.contains(QLatin1String("container layer (read-write)")));
        QVERIFY(text.contains(QLatin1String("base image ends here")));
        QVERIFY(!text.contains(QLatin1String("damaged")));
    }

    // The base image's block is drawn apart from the image's own; a damaged layer says so;
    // a shade covers part of its block.
    void baseDamagedAndShaded()
    {
        // Logarithmic: no block carries the not-to-scale mark where the fills are sampled.
        StackHeightScale::instance().setLogarithmic(true);
        const auto proportional =
            qScopeGuard([] { StackHeightScale::instance().setLogarithmic(false); });
        const QImage plain = m_view->grab().toImage();
        auto fillOf = [](const QImage &image, const QRect &block, bool right) {
            const int x = right ? block.right() - 6 : block.left() + 6;
            return image.pixel(x, block.bottom() - 6);
        };
        const QRect base = m_view->layerRect(0);
        const QRect own = m_view->layerRect(1);
        QVERIFY(fillOf(plain, base, false) != fillOf(plain, own, false));
        QCOMPARE(fillOf(plain, own, true), fillOf(plain, own, false));

        m_view->setLayerShades({0, 0.5, 0, 0, 0}, QStringLiteral("Wasted bytes"));
        const QImage shaded = m_view->grab().toImage();
        QVERIFY(fillOf(shaded, own, true) != fillOf(shaded, own, false));
        QCOMPARE(fillOf(shaded, own, false), fillOf(plain, own, false));

        m_view->setLayerErrors({QString(), QString(),
                                QStringLiteral("unexpected end of gzip stream"), QString(),
                                QString()});
        QTemporaryDir dir;
        const QString svg = dir.filePath(QStringLiteral("damaged.svg"));
        QVERIFY(m_view->exportSvg(svg));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(file.readAll()).contains(QStringLiteral("damaged · layer 2")));
    }

    // ggshield's image is one build FROM scratch: no base image boundary is drawn.
    void noBoundaryWhenHistoryDoesNotTell()
    {
        const test::FixtureImage fixture =
            test::loadFixture(QStringLiteral("GitGuardian_ggshield/docker-example.tar.xz"));
        QVERIFY2(fixture.ok(), qPrintable(fixture.error));
        m_view->setImage(fixture.image);
        QCOMPARE(m_view->layerCount(), 3);
        QTemporaryDir dir;
        const QString svg = dir.filePath(QStringLiteral("gg.svg"));
        QVERIFY(m_view->exportSvg(svg));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(!text.contains(QLatin1String("base image")));
        QVERIFY(text.contains(QLatin1String("WORKDIR")));
    }

    void clearedViewHasNoSelection()
    {
        m_view->setCurrentLayer(2);
        m_view->clear();
        QCOMPARE(m_view->layerCount(), 0);
        QCOMPARE(m_view->currentLayer(), -1);
        QVERIFY(m_view->layerRect(0).isEmpty());
        QTest::keyClick(m_view, Qt::Key_Up); // nothing to move to
        QCOMPARE(m_view->currentLayer(), -1);
    }

private:
    test::FixtureImage m_snyk;
    LayerStackView *m_view = nullptr;
};

QTEST_MAIN(TestLayerStackView)
#include "tst_layerstackview.moc"

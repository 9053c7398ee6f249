#include "fixtureimage.h"
#include "models/historymodel.h"
#include "views/historyview.h"
#include "views/layerstackview.h"

#include <QScrollArea>
#include <QSignalSpy>
#include <QTest>

using namespace strata;

// The history table as a widget: selection by layer and step, the zoomed font, and the link
// with the layer stack.
class TestHistoryView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_snyk = test::loadFixture(QStringLiteral("snyk_cli/docker-test-image.tar"), true);
        QVERIFY2(m_snyk.ok(), qPrintable(m_snyk.error));
    }

    void viewSelectsRowsOfLayersAndSteps()
    {
        HistoryView view;
        view.setImage(m_snyk.image);
        view.resize(700, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy layers(&view, &HistoryView::layerSelected);
        QSignalSpy steps(&view, &HistoryView::stepSelected);

        view.selectLayer(2);
        QCOMPARE(view.currentIndex().row(), view.historyModel()->rowForLayer(2));
        QCOMPARE(layers.count(), 1);
        QCOMPARE(layers.takeFirst().at(0).toInt(), 2);
        QCOMPARE(steps.takeFirst().at(0).toInt(), m_snyk.image.layers.at(2).historyIndex);
        view.selectLayer(2); // no change, no signal
        QCOMPARE(layers.count(), 0);

        // Clicking the newest row (the empty CMD step) announces the step only.
        const QRect cell =
            view.visualRect(view.historyModel()->index(0, HistoryModel::CreatedByColumn));
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(view.currentStep(), 6);
        QCOMPARE(view.currentLayer(), -1);
        QCOMPARE(layers.count(), 0);
        QCOMPARE(steps.count(), 1);
        QCOMPARE(steps.takeFirst().at(0).toInt(), 6);

        QTest::keyClick(view.viewport(), Qt::Key_Down);
        QCOMPARE(layers.count(), 1);
        QCOMPARE(layers.takeFirst().at(0).toInt(), 4);
    }

    // The presentation zoom sets a bigger font on the window: rows grow with it.
    void rowsFollowTheFont()
    {
        QWidget window;
        auto *view = new HistoryView(&window);
        view->setImage(m_snyk.image);
        QFont big = window.font();
        big.setPointSizeF(big.pointSizeF() * 3);
        window.setFont(big);
        QCOMPARE(view->font().pointSizeF(), big.pointSizeF());
        QVERIFY(view->rowHeight(0) > QFontMetrics(big).height());
    }

    // Wired both ways, as the main window wires them: a click on either side moves the other
    // once, and the signals settle.
    void linkedWithTheStack()
    {
        QScrollArea area;
        auto *stack = new LayerStackView;
        area.setWidgetResizable(true);
        area.setWidget(stack);
        area.resize(450, 700);
        HistoryView history;
        QObject::connect(stack, &LayerStackView::stepSelected, &history, &HistoryView::selectStep);
        QObject::connect(&history, &HistoryView::stepSelected, stack,
                         &LayerStackView::setCurrentStep);
        stack->setImage(m_snyk.image);
        history.setImage(m_snyk.image);
        area.show();
        history.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        QSignalSpy stackLayers(stack, &LayerStackView::layerSelected);
        QSignalSpy historyLayers(&history, &HistoryView::layerSelected);

        QTest::mouseClick(stack, Qt::LeftButton, {}, stack->layerRect(1).center());
        QCOMPARE(stack->currentLayer(), 1);
        QCOMPARE(history.currentLayer(), 1);
        QCOMPARE(stackLayers.count(), 1);
        QCOMPARE(historyLayers.count(), 1);

        history.selectStep(1); // the base image's CMD: a marker in the stack
        QCOMPARE(stack->currentStep(), 1);
        QCOMPARE(stack->currentLayer(), -1);
        QCOMPARE(stackLayers.count(), 1);

        QTest::mouseClick(stack, Qt::LeftButton, {}, stack->stepRect(6).center());
        QCOMPARE(history.currentStep(), 6);
        QCOMPARE(history.currentIndex().row(), 0);
    }

private:
    test::FixtureImage m_snyk;
};

QTEST_MAIN(TestHistoryView)
#include "tst_historyview.moc"

// The classroom lesson on the demo image: every step turns the window to its view, frames a
// visible part of it and says it in a caption; Page Down and Page Up move through the steps
// wherever the focus is, as a presenter's clicker does; End Lesson leaves the window as it is.
#include "models/filetreemodel.h"
#include "panes/archivepane.h"
#include "panes/filetreepane.h"
#include "panes/imagepage.h"
#include "panes/imagetab.h"
#include "panes/layertarpane.h"
#include "panes/overlaypane.h"
#include "views/historyview.h"
#include "views/spotlight.h"
#include "windows/lesson.h"
#include "windows/lessonpanel.h"
#include "windows/mainwindow.h"
#include "windows/reusewindow.h"

#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTreeView>
#include <QtTest>

using namespace strata;

namespace {
constexpr int kTimeout = 30000;
} // namespace

class TestLesson : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_lesson"));
        QSettings().clear();
    }

    void everyStepShowsItsPart()
    {
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.startLesson(); // no tab yet: the demo image opens
        QCOMPARE(window.tabCount(), 1);
        ImageTab *tab = window.currentTab();
        QTRY_VERIFY_WITH_TIMEOUT(tab->isLoaded(), kTimeout);
        Lesson *lesson = window.lesson();
        LessonPanel *panel = window.lessonPanel();
        QTRY_COMPARE_WITH_TIMEOUT(lesson->current(), 0, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(lesson->target() != nullptr, kTimeout);
        QCOMPARE(panel->steps()->count(), int(Lesson::StepCount));
        ImagePage *page = tab->page();

        QStringList captions;
        for (int step = 0; step < Lesson::StepCount; ++step) {
            QTRY_COMPARE_WITH_TIMEOUT(lesson->current(), step, kTimeout);
            QTRY_VERIFY_WITH_TIMEOUT(!lesson->caption().contains(QLatin1String("Reading")),
                                     kTimeout);
            QCOMPARE(panel->steps()->currentRow(), step);
            QCOMPARE(panel->captionLabel()->text(), lesson->caption());
            QVERIFY2(!captions.contains(lesson->caption()), qPrintable(lesson->caption()));
            captions << lesson->caption();
            if (step == Lesson::Reuse) {
                // The Reuse window over the tabs; the lesson's panel still in view.
                auto *reuse = window.findChild<ReuseWindow *>();
                QVERIFY(reuse && reuse->isVisible());
            } else {
                QWidget *target = lesson->target();
                QVERIFY2(target && target->isVisible(), qPrintable(Lesson::title(step)));
                const QRect frame = lesson->spotlight()->frame();
                QVERIFY(frame.isValid());
                QVERIFY2(window.rect().contains(frame.adjusted(3, 3, -3, -3)),
                         qPrintable(Lesson::title(step)));
            }
            switch (step) {
            case Lesson::DockerSave:
                QCOMPARE(page->centerTabs()->currentWidget(), page->archivePane());
                break;
            case Lesson::LayerFiles:
                QVERIFY(page->treePane()->layerOnly());
                break;
            case Lesson::Overlay:
                QCOMPARE(page->detailTabs()->currentWidget(), page->overlayPane());
                QVERIFY(window.findChild<ReuseWindow *>() == nullptr ||
                        !window.findChild<ReuseWindow *>()->isVisible());
                break;
            case Lesson::Whiteouts:
                QCOMPARE(page->centerTabs()->currentWidget(), page->layerTarPane());
                QTRY_VERIFY_WITH_TIMEOUT(page->layerTarPane()->isLoaded(), kTimeout);
                QVERIFY(page->layerTarPane()->titleLabel()->text().contains(
                    QLatin1String("whiteouts")));
                break;
            case Lesson::Sizes:
                QVERIFY(page->overlayPane()->simulation()->upperBytes() > 0);
                break;
            default:
                break;
            }
            // A clicker's Page Down, sent to a view that scrolls with it otherwise.
            QTest::keyClick(page->treePane()->findChild<QTreeView *>(), Qt::Key_PageDown);
        }
        QCOMPARE(lesson->current(), int(Lesson::StepCount) - 1); // the last step stays
        QVERIFY(!panel->nextButton()->isEnabled());

        QTest::keyClick(page->historyView(), Qt::Key_PageUp);
        QCOMPARE(lesson->current(), int(Lesson::StepCount) - 2);
        panel->steps()->setCurrentRow(Lesson::Manifest);
        QCOMPARE(lesson->current(), int(Lesson::Manifest));
        QTest::mouseClick(panel->previousButton(), Qt::LeftButton);
        QCOMPARE(lesson->current(), int(Lesson::DockerSave));

        // End Lesson: the panel and the frame go, the window stays as the step left it.
        window.endLesson();
        QVERIFY(!window.findChild<QDockWidget *>(QStringLiteral("lessonDock"))->isVisible());
        QVERIFY(!lesson->spotlight()->isVisible());
        QCOMPARE(page->centerTabs()->currentWidget(), page->archivePane());
    }
};

QTEST_MAIN(TestLesson)
#include "tst_lesson.moc"

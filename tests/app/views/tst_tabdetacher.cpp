// A tab opened in its own window: the page moves there, its tab keeps its place and label with
// a way back, and closing the window (or "Bring It Back") puts the page back where it was.
#include "views/tabdetacher.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QToolButton>
#include <QtTest>

using namespace strata;

class TestTabDetacher : public QObject
{
    Q_OBJECT

    struct Tabs
    {
        QWidget window;
        QTabWidget *tabs = new QTabWidget(&window);
        QLabel *pages[3] = {new QLabel(QStringLiteral("one")), new QLabel(QStringLiteral("two")),
                            new QLabel(QStringLiteral("three"))};
        TabDetacher *detacher = nullptr;
        Tabs()
        {
            window.setWindowTitle(QStringLiteral("Strata"));
            tabs->addTab(pages[0], QStringLiteral("History"));
            tabs->addTab(pages[1], QStringLiteral("Efficiency"));
            tabs->addTab(pages[2], QStringLiteral("Dockerfile"));
            detacher = new TabDetacher(tabs);
            window.resize(600, 400);
            window.show();
        }
    };

private slots:
    void detachAndCloseTheWindow()
    {
        Tabs t;
        t.tabs->setCurrentIndex(1);
        t.tabs->findChild<QToolButton *>(QStringLiteral("detachTab"))->click();
        QWidget *window = t.detacher->windowOf(t.pages[1]);
        QVERIFY(window);
        QVERIFY(window->isVisible());
        QCOMPARE(t.pages[1]->window(), window);
        QVERIFY(t.pages[1]->isVisible());
        QCOMPARE(window->windowTitle(), QStringLiteral("Efficiency — Strata"));
        // Larger than the window it came from: that is the point.
        QVERIFY(window->width() > t.window.width());
        QCOMPARE(t.tabs->count(), 3);
        QCOMPARE(t.tabs->tabText(1), QStringLiteral("Efficiency"));
        QCOMPARE(t.tabs->currentIndex(), 1);
        QVERIFY(t.tabs->widget(1) != t.pages[1]);
        QVERIFY(t.tabs->widget(1)->findChild<QPushButton *>(QStringLiteral("bringBack")));

        window->close();
        QCOMPARE(t.detacher->windowOf(t.pages[1]), nullptr);
        QCOMPARE(t.tabs->widget(1), t.pages[1]);
        QCOMPARE(t.tabs->tabText(1), QStringLiteral("Efficiency"));
        QCOMPARE(t.tabs->currentIndex(), 1);
        QCOMPARE(t.pages[1]->window(), &t.window);
    }

    void bringItBackAndTheShortcut()
    {
        Tabs t;
        t.tabs->setCurrentIndex(2);
        QAction *action = t.tabs->actions().value(0);
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
        action->trigger();
        QVERIFY(t.detacher->windowOf(t.pages[2]));
        t.tabs->widget(2)->findChild<QPushButton *>(QStringLiteral("bringBack"))->click();
        QCOMPARE(t.tabs->widget(2), t.pages[2]);
        QCOMPARE(t.detacher->windowOf(t.pages[2]), nullptr);
        // The others never moved.
        QCOMPARE(t.tabs->widget(0), t.pages[0]);
        QCOMPARE(t.tabs->widget(1), t.pages[1]);
    }

    // A page still out when its tabs end goes with them.
    void windowsEndWithTheirTabs()
    {
        QPointer<QWidget> window;
        {
            Tabs t;
            t.detacher->detach(0);
            window = t.detacher->windowOf(t.pages[0]);
            QVERIFY(window);
        }
        QVERIFY(window.isNull());
    }
};

QTEST_MAIN(TestTabDetacher)
#include "tst_tabdetacher.moc"

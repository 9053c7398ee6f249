// Background jobs wait at yieldToForeground() while work the user waits for runs.
#include "common/foregroundwork.h"

#include <QtTest>

#include <atomic>
#include <thread>

using namespace strata;

class TestForegroundWork : public QObject
{
    Q_OBJECT
private slots:
    void returnsAtOnceWhenNothingRuns()
    {
        QElapsedTimer clock;
        clock.start();
        yieldToForeground();
        QVERIFY(clock.elapsed() < 20);
    }

    void waitsUntilTheWorkEnds()
    {
        std::atomic_bool passed{false};
        auto work = std::make_unique<ForegroundWork>();
        std::thread background([&] {
            yieldToForeground();
            passed = true;
        });
        QTest::qWait(150);
        QVERIFY(!passed); // still held
        work.reset();
        QTRY_VERIFY(passed);
        background.join();
    }

    void waitsForEveryHolder()
    {
        std::atomic_bool passed{false};
        auto first = std::make_unique<ForegroundWork>();
        auto second = std::make_unique<ForegroundWork>();
        std::thread background([&] {
            yieldToForeground();
            passed = true;
        });
        first.reset();
        QTest::qWait(150);
        QVERIFY(!passed);
        second.reset();
        QTRY_VERIFY(passed);
        background.join();
    }

    void cancelEndsTheWait()
    {
        std::atomic_bool cancel{false};
        std::atomic_bool passed{false};
        const ForegroundWork work;
        std::thread background([&] {
            yieldToForeground(&cancel);
            passed = true;
        });
        QTest::qWait(100);
        QVERIFY(!passed);
        cancel = true;
        QTRY_VERIFY(passed);
        background.join();
    }
};

QTEST_GUILESS_MAIN(TestForegroundWork)
#include "tst_foregroundwork.moc"

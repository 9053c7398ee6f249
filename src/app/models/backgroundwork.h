#pragma once

#include "models/backgroundpool.h"

#include <QMutex>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <memory>
#include <type_traits>
#include <utility>

namespace strata {

// Work off the GUI thread for one receiver, the one way the app does it: the work runs on the
// background pool and what it hands back runs on the receiver's thread, but only while the
// receiver lives and only for the latest run. Starting again, cancel() or the receiver's end
// drop whatever older runs still deliver, and raise their cancel flag so they can stop early.
//
//     m_work.run([tree](const std::atomic_bool &cancel) { return analyse(tree, cancel); },
//                [this](const Report &report) { show(report); });
//
// A BackgroundWork is a member of its receiver, so it ends with it.
class BackgroundWork
{
    struct Channel
    {
        QMutex mutex;
        QObject *receiver = nullptr;
        quint64 generation = 0; // written on the receiver's thread only
    };

public:
    explicit BackgroundWork(QObject *receiver) : m_channel(std::make_shared<Channel>())
    {
        m_channel->receiver = receiver;
    }
    ~BackgroundWork()
    {
        cancel();
        QMutexLocker lock(&m_channel->mutex);
        m_channel->receiver = nullptr;
    }
    BackgroundWork(const BackgroundWork &) = delete;
    BackgroundWork &operator=(const BackgroundWork &) = delete;

    // One run, for work that reports more than once (progress, results in stages). Copied
    // into the work; post() is safe from any thread.
    class Run
    {
    public:
        // Calls `f()` on the receiver's thread, unless this run is no longer the latest by
        // then (or the receiver is gone).
        template <typename F> void post(F &&f) const
        {
            QMutexLocker lock(&m_channel->mutex);
            if (!m_channel->receiver)
                return;
            QMetaObject::invokeMethod(
                m_channel->receiver,
                [channel = m_channel, generation = m_generation, f = std::forward<F>(f)]() mutable {
                    if (channel->generation == generation)
                        f();
                },
                Qt::QueuedConnection);
        }
        const std::atomic_bool &cancelFlag() const { return *m_cancel; }
        bool isCancelled() const { return m_cancel->load(); }

    private:
        friend class BackgroundWork;
        std::shared_ptr<Channel> m_channel;
        quint64 m_generation = 0;
        std::shared_ptr<std::atomic_bool> m_cancel;
    };

    // Starts a new run: the older ones are dropped and asked to stop.
    Run start()
    {
        cancel();
        m_cancel = std::make_shared<std::atomic_bool>(false);
        Run run;
        run.m_channel = m_channel;
        run.m_generation = m_channel->generation;
        run.m_cancel = m_cancel;
        return run;
    }

    // start(), then `work()` (or `work(cancelFlag)`) on the background pool and
    // `deliver(result)` on the receiver's thread.
    template <typename Work, typename Deliver> void run(Work work, Deliver deliver)
    {
        const Run current = start();
        m_running = true;
        bool *running = &m_running;
        (void)QtConcurrent::run(
            backgroundPool(),
            [current, work = std::move(work), deliver = std::move(deliver), running]() mutable {
                auto result = [&] {
                    if constexpr (std::is_invocable_v<Work &, const std::atomic_bool &>)
                        return work(current.cancelFlag());
                    else
                        return work();
                }();
                current.post(
                    [result = std::move(result), deliver = std::move(deliver), running]() mutable {
                        *running = false;
                        deliver(std::move(result));
                    });
            });
    }

    // Drops what the current run still delivers and asks it to stop.
    void cancel()
    {
        ++m_channel->generation;
        if (m_cancel)
            m_cancel->store(true);
        m_cancel.reset();
        m_running = false;
    }

    // A run() started and has not delivered yet.
    bool isRunning() const { return m_running; }

private:
    std::shared_ptr<Channel> m_channel;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
};

} // namespace strata

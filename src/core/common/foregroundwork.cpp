#include "common/foregroundwork.h"

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace strata {

namespace {
std::mutex mutex;
std::condition_variable idle;
int running = 0;
std::atomic_int runningHint{0}; // read without the lock on every call
} // namespace

ForegroundWork::ForegroundWork()
{
    std::lock_guard lock(mutex);
    ++running;
    runningHint.store(running, std::memory_order_relaxed);
}

ForegroundWork::~ForegroundWork()
{
    {
        std::lock_guard lock(mutex);
        --running;
        runningHint.store(running, std::memory_order_relaxed);
    }
    idle.notify_all();
}

void yieldToForeground(const std::atomic_bool *cancel)
{
    if (runningHint.load(std::memory_order_relaxed) == 0)
        return;
    std::unique_lock lock(mutex);
    // Woken when the work ends; the timeout only notices a cancel.
    while (running > 0 && !(cancel && cancel->load()))
        idle.wait_for(lock, std::chrono::milliseconds(50));
}

} // namespace strata

#pragma once

#include <atomic>

namespace strata {

// Work a user is waiting for (the tree of another layer, a filter) holds a ForegroundWork
// while it runs. Long background jobs (the digest check) call yieldToForeground() between
// chunks and wait there while any is held: on a machine with two cores, a lowered thread
// priority alone still leaves them half of the memory bandwidth and cache the user's work
// needs.
class ForegroundWork
{
public:
    ForegroundWork();
    ~ForegroundWork();
    ForegroundWork(const ForegroundWork &) = delete;
    ForegroundWork &operator=(const ForegroundWork &) = delete;
};

// Returns at once when no foreground work runs; otherwise when it is done or `cancel` is set.
void yieldToForeground(const std::atomic_bool *cancel = nullptr);

} // namespace strata

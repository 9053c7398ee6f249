#pragma once

class QThreadPool;

namespace strata {

// The pool the app runs its own background jobs on (opening archives, loading layers, merging
// trees, filters, previews). Separate from QThreadPool::globalInstance(), which strata_core
// uses to index layers in parallel: a job here that waits for core work never takes a thread
// that work needs.
QThreadPool *backgroundPool();

} // namespace strata

#pragma once

class QThreadPool;

namespace strata {

// The threads core spreads its own work over (layers indexed in parallel, two merges at
// once): one per core. Not QThreadPool::globalInstance(), which Qt's raster paint engine uses
// to draw: long jobs there would stall the GUI thread of an app that paints while loading.
QThreadPool *workerPool();

} // namespace strata

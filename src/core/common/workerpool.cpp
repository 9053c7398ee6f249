#include "common/workerpool.h"

#include <QThread>
#include <QThreadPool>

namespace strata {

QThreadPool *workerPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(QThread::idealThreadCount());
        p->setExpiryTimeout(30000);
        return p;
    }();
    return pool;
}

} // namespace strata

#include "models/backgroundpool.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace strata {

QThreadPool *backgroundPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(std::max(4, QThread::idealThreadCount()));
        p->setExpiryTimeout(30000);
        return p;
    }();
    return pool;
}

} // namespace strata

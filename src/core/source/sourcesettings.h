#pragma once

#include <QString>
#include <QtGlobal>

namespace strata {

// What the user set for images that do not come from files, shared by the app and the CLI
// (one settings file): an engine address to try first and the cache's size limit.
struct SourceSettings
{
    QString engineHost; // "unix:///run/user/1000/docker.sock"; empty: the usual places
    qint64 cacheLimit;  // bytes

    static SourceSettings load();
    void save() const;
};

} // namespace strata

#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace strata {

// What the user set for images that do not come from files, shared by the app and the CLI
// (one settings file): an engine address to try first, the cache's size limit, the registries
// that may speak plain HTTP and the references opened lately.
struct SourceSettings
{
    QString engineHost; // "unix:///run/user/1000/docker.sock"; empty: the usual places
    qint64 cacheLimit;  // bytes
    // Registries that may be asked in plain HTTP when they do not speak TLS ("host:port"), as
    // Docker's insecure-registries; this machine's are always.
    QStringList insecureRegistries;
    QStringList recentReferences; // registry references opened, newest first

    static SourceSettings load();
    void save() const;
};

} // namespace strata

#include "archive/demoimage.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace strata {

namespace {
QString cachedResource(const QString &name)
{
    QFile resource(QStringLiteral(":/demo/") + name);
    if (!resource.open(QIODevice::ReadOnly))
        return {};
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    dir += QStringLiteral("/strata");
    QDir().mkpath(dir);
    QString path = dir + QLatin1Char('/') + name;
    const QByteArray data = resource.readAll();
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly) && existing.readAll() == data)
        return path;
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit())
        return {};
    return path;
}
} // namespace

QString demoImagePath()
{
    return cachedResource(QStringLiteral("strata-demo.tar"));
}

QString demoReuseArchivePath()
{
    return cachedResource(QStringLiteral("strata-demo-reuse.tar"));
}

} // namespace strata

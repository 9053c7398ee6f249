#include "demoimage.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace strata {

QString demoImagePath()
{
    QFile resource(QStringLiteral(":/demo/strata-demo.tar"));
    if (!resource.open(QIODevice::ReadOnly))
        return {};
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    dir += QStringLiteral("/strata");
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/strata-demo.tar");
    const QByteArray data = resource.readAll();
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly) && existing.readAll() == data)
        return path;
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit())
        return {};
    return path;
}

} // namespace strata

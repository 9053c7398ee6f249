#pragma once

// An unpacked `docker save` whose layers are given as bytes: for layers no image writer would
// produce (see rawtar.h). `tar` (GNU tar) packs it into an archive when a test needs one.

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>

#include <vector>

namespace strata::test {

inline QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

// Writes `dir` as docker save before Docker 25 lays it out: <n>/layer.tar, the config,
// manifest.json tagged `tag`. Returns the config's digest (the image ID).
inline QString writeRawImage(const QString &dir, const std::vector<QByteArray> &layers,
                             const QString &tag = QStringLiteral("raw/image:1"),
                             const QJsonObject &runtime = {})
{
    QJsonArray diffIds, layerPaths, history;
    for (size_t i = 0; i < layers.size(); ++i) {
        const QString path = QStringLiteral("layer%1/layer.tar").arg(i);
        writeFile(dir + QLatin1Char('/') + path, layers[i]);
        diffIds.append(QString(QStringLiteral("sha256:") + sha256Hex(layers[i])));
        layerPaths.append(path);
        history.append(QJsonObject{{QStringLiteral("created_by"),
                                    QStringLiteral("/bin/sh -c #(nop) ADD layer %1").arg(i)}});
    }
    const QJsonObject config{
        {QStringLiteral("architecture"), QStringLiteral("amd64")},
        {QStringLiteral("os"), QStringLiteral("linux")},
        {QStringLiteral("created"), QStringLiteral("2024-01-15T10:00:00Z")},
        {QStringLiteral("config"), runtime},
        {QStringLiteral("history"), history},
        {QStringLiteral("rootfs"), QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")},
                                               {QStringLiteral("diff_ids"), diffIds}}}};
    const QByteArray configJson = QJsonDocument(config).toJson(QJsonDocument::Compact);
    const QString configName = sha256Hex(configJson) + QStringLiteral(".json");
    writeFile(dir + QLatin1Char('/') + configName, configJson);
    const QJsonArray manifest{QJsonObject{{QStringLiteral("Config"), configName},
                                          {QStringLiteral("RepoTags"), QJsonArray{tag}},
                                          {QStringLiteral("Layers"), layerPaths}}};
    writeFile(dir + QStringLiteral("/manifest.json"),
              QJsonDocument(manifest).toJson(QJsonDocument::Compact));
    return QStringLiteral("sha256:") + sha256Hex(configJson);
}

// `tar -C dir -cf archive .` with GNU tar and the extra arguments (e.g. --sparse).
inline bool tarDirectory(const QString &dir, const QString &archive, QStringList extra = {})
{
    QProcess tar;
    tar.start(QStringLiteral("tar"), extra << QStringLiteral("-C") << dir << QStringLiteral("-cf")
                                           << archive << QStringLiteral("."));
    return tar.waitForFinished(120000) && tar.exitStatus() == QProcess::NormalExit &&
           tar.exitCode() == 0;
}

} // namespace strata::test

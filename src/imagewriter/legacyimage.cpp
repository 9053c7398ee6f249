#include "imagewriter/legacyimage.h"

#include "imagewriter/digest.h"
#include "imagewriter/orderedjson.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace strata::imagewriter::detail {

QByteArray V1Image::toJson() const
{
    OrderedJsonObject o;
    if (!id.isEmpty())
        o.add(u"id", id);
    if (!parent.isEmpty())
        o.add(u"parent", parent);
    if (!comment.isEmpty())
        o.add(u"comment", comment);
    o.add(u"created", created);
    o.addRaw(u"container_config",
             containerConfig.isEmpty() ? zeroContainerConfig() : containerConfig);
    if (!dockerVersion.isEmpty())
        o.add(u"docker_version", dockerVersion);
    if (!author.isEmpty())
        o.add(u"author", author);
    if (!config.isEmpty())
        o.addRaw(u"config", config);
    if (!architecture.isEmpty())
        o.add(u"architecture", architecture);
    if (!os.isEmpty())
        o.add(u"os", os);
    if (size)
        o.add(u"Size", *size);
    return o.toJson();
}

QByteArray buildStepContainerConfig(const QJsonValue &env, const QJsonValue &cmd)
{
    OrderedJsonObject o;
    o.add(u"Hostname", QString())
        .add(u"Domainname", QString())
        .add(u"User", QString())
        .add(u"AttachStdin", false)
        .add(u"AttachStdout", false)
        .add(u"AttachStderr", false)
        .add(u"Tty", false)
        .add(u"OpenStdin", false)
        .add(u"StdinOnce", false)
        .add(u"Env", env)
        .add(u"Cmd", cmd)
        .add(u"Image", QString())
        .add(u"Volumes", QJsonValue::Null)
        .add(u"WorkingDir", QString())
        .add(u"Entrypoint", QJsonValue::Null)
        .add(u"OnBuild", QJsonValue::Null)
        .add(u"Labels", QJsonValue::Null);
    return o.toJson();
}

QByteArray zeroContainerConfig()
{
    return buildStepContainerConfig(QJsonValue::Null, QJsonValue::Null);
}

QString createV1Id(const V1Image &image, const QString &chainId, const QString &parentDigest)
{
    V1Image withoutId = image;
    withoutId.id.clear();
    QJsonObject config = QJsonDocument::fromJson(withoutId.toJson()).object();
    config.insert(QStringLiteral("layer_id"), chainId);
    if (!parentDigest.isEmpty())
        config.insert(QStringLiteral("parent"), parentDigest);
    // Go marshals the map with sorted keys, as QJsonDocument does.
    return sha256Hex(QJsonDocument(config).toJson(QJsonDocument::Compact));
}

} // namespace strata::imagewriter::detail

#include "imagewriter/ocijson.h"

#include "imagewriter/orderedjson.h"

namespace strata::imagewriter::detail {

QByteArray descriptorJson(QStringView mediaType, const QString &digest, qint64 size,
                          const QJsonObject &annotations, const QByteArray &platform)
{
    OrderedJsonObject o;
    o.add(u"mediaType", mediaType.toString());
    o.add(u"digest", digest);
    o.add(u"size", size);
    if (!annotations.isEmpty())
        o.add(u"annotations", annotations);
    if (!platform.isEmpty())
        o.addRaw(u"platform", platform);
    return o.toJson();
}

QByteArray ociManifestJson(const PreparedImage &image)
{
    QList<QByteArray> layers;
    for (const PreparedLayer &layer : image.layers)
        layers.append(descriptorJson(layer.mediaType, layer.blobDigest, layer.blob.size()));
    OrderedJsonObject o;
    o.add(u"schemaVersion", 2);
    o.add(u"mediaType", QString::fromUtf16(kManifestMediaType));
    o.addRaw(u"config", descriptorJson(kConfigMediaType, image.configDigest, image.config.size()));
    o.addRaw(u"layers", rawJsonArray(layers));
    return o.toJson();
}

QByteArray platformJson(const Image &image)
{
    OrderedJsonObject o;
    o.add(u"architecture", image.architecture);
    o.add(u"os", image.os);
    return o.toJson();
}

} // namespace strata::imagewriter::detail

#include "imagewriter/preparedimage.h"

#include "imagewriter/digest.h"
#include "imagewriter/orderedjson.h"

#include <QDateTime>
#include <QJsonArray>

#include <array>

namespace strata::imagewriter::detail {

namespace {

QString layerMediaType(Compression compression)
{
    switch (compression) {
    case Compression::Gzip:
        return QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip");
    case Compression::Zstd:
        return QStringLiteral("application/vnd.oci.image.layer.v1.tar+zstd");
    case Compression::None:
    case Compression::Xz:
        break;
    }
    return QStringLiteral("application/vnd.oci.image.layer.v1.tar");
}

QByteArray historyJson(const HistoryStep &step, const QString &imageCreated)
{
    // Field order of Go's image History struct; empty fields are omitted as there.
    OrderedJsonObject o;
    o.add(u"created", step.created.isEmpty() ? imageCreated : step.created);
    if (!step.author.isEmpty())
        o.add(u"author", step.author);
    if (!step.createdBy.isEmpty())
        o.add(u"created_by", step.createdBy);
    if (!step.comment.isEmpty())
        o.add(u"comment", step.comment);
    if (step.emptyLayer)
        o.add(u"empty_layer", true);
    return o.toJson();
}

} // namespace

QByteArray runtimeConfigJson(const QJsonObject &config)
{
    static constexpr std::array<const char16_t *, 25> dockerOrder = {
        u"Hostname",     u"Domainname",   u"User",        u"AttachStdin",     u"AttachStdout",
        u"AttachStderr", u"ExposedPorts", u"Tty",         u"OpenStdin",       u"StdinOnce",
        u"Env",          u"Cmd",          u"Healthcheck", u"ArgsEscaped",     u"Image",
        u"Volumes",      u"WorkingDir",   u"Entrypoint",  u"NetworkDisabled", u"MacAddress",
        u"OnBuild",      u"Labels",       u"StopSignal",  u"StopTimeout",     u"Shell"};
    OrderedJsonObject o;
    QJsonObject rest = config;
    for (const char16_t *key : dockerOrder) {
        const QString k = QString::fromUtf16(key);
        if (rest.contains(k)) {
            o.add(k, rest.value(k));
            rest.remove(k);
        }
    }
    for (auto it = rest.constBegin(); it != rest.constEnd(); ++it)
        o.add(it.key(), it.value());
    return o.toJson();
}

QByteArray buildConfigJson(const Image &image, const QStringList &diffIds)
{
    OrderedJsonObject rootfs;
    rootfs.add(u"type", QStringLiteral("layers"));
    rootfs.add(u"diff_ids", QJsonArray::fromStringList(diffIds));

    OrderedJsonObject o;
    o.add(u"architecture", image.architecture);
    o.addRaw(u"config", runtimeConfigJson(image.config));
    o.add(u"created", image.created);
    if (!image.history.empty()) {
        QList<QByteArray> steps;
        for (const HistoryStep &step : image.history)
            steps.append(historyJson(step, image.created));
        o.addRaw(u"history", rawJsonArray(steps));
    }
    o.add(u"os", image.os);
    o.addRaw(u"rootfs", rootfs.toJson());
    return o.toJson();
}

int64_t parseCreated(const QString &created)
{
    const QDateTime t = QDateTime::fromString(created, Qt::ISODateWithMs);
    return t.isValid() ? t.toSecsSinceEpoch() : kFixedMtime;
}

bool prepareImages(const std::vector<Image> &images, Compression layerCompression,
                   std::vector<PreparedImage> *prepared, QString *error)
{
    if (layerCompression == Compression::Xz) {
        if (error)
            *error = QStringLiteral("layers cannot be xz-compressed: no image format allows it");
        return false;
    }
    prepared->clear();
    prepared->reserve(images.size());
    for (const Image &image : images) {
        PreparedImage p;
        p.image = &image;
        p.createdSecs = parseCreated(image.created);
        for (const Layer &layer : image.layers) {
            PreparedLayer l;
            l.tar = layerTar(layer, error);
            if (l.tar.isEmpty())
                return false;
            l.diffId = sha256Digest(l.tar);
            l.blob = compress(l.tar, layerCompression, error);
            if (l.blob.isEmpty())
                return false;
            l.blobDigest = sha256Digest(l.blob);
            l.mediaType = layerMediaType(layerCompression);
            p.diffIds.append(l.diffId);
            p.layers.push_back(std::move(l));
        }
        p.config = buildConfigJson(image, p.diffIds);
        p.configDigest = sha256Digest(p.config);
        prepared->push_back(std::move(p));
    }
    return true;
}

} // namespace strata::imagewriter::detail

namespace strata::imagewriter {

QByteArray configJson(const Image &image)
{
    QStringList diffIds;
    for (const Layer &layer : image.layers)
        diffIds.append(diffId(layer));
    return detail::buildConfigJson(image, diffIds);
}

QString imageId(const Image &image)
{
    return detail::sha256Digest(configJson(image));
}

} // namespace strata::imagewriter

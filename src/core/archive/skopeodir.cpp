#include "archive/archivejson.h"
#include "archive/parsearchive.h"
#include "image/imageconfig.h"
#include "image/manifest.h"

#include <QJsonObject>

namespace strata {

namespace {
const QString kManifest = QStringLiteral("manifest.json");

// skopeo names a blob by its digest's hex alone.
QString blobName(const QString &digest)
{
    const qsizetype colon = digest.indexOf(QLatin1Char(':'));
    QString hex = digest.mid(colon + 1);
    if (colon <= 0 || hex.isEmpty() || hex.contains(QLatin1Char('/')) ||
        hex.contains(QLatin1Char('.')))
        return {};
    return hex;
}
} // namespace

bool isSkopeoDirectory(const ArchiveSource &source)
{
    // manifest.json is one manifest (an object with layers) rather than docker's list.
    QJsonDocument doc;
    Error ignored;
    return readJsonMember(source, kManifest, &doc, nullptr, &ignored) && doc.isObject() &&
           doc.object().value(QStringLiteral("layers")).isArray();
}

bool parseSkopeoDirectory(const ArchiveSource &source, ParsedArchive *out, Error *error)
{
    QJsonDocument doc;
    QByteArray manifestJson;
    if (!readJsonMember(source, kManifest, &doc, &manifestJson, error))
        return false;
    const Descriptor config =
        Descriptor::fromJson(doc.object().value(QStringLiteral("config")).toObject());
    const QString configName = blobName(config.digest);
    if (configName.isEmpty()) {
        *error = Error::make(
            Error::Kind::MalformedJson, source.path(),
            QStringLiteral("names its config by the malformed digest \"%1\"").arg(config.digest),
            kManifest);
        return false;
    }
    QJsonDocument configDoc;
    QByteArray configJson;
    if (!readJsonMember(source, configName, &configDoc, &configJson, error))
        return false;
    Descriptor manifest;
    manifest.digest = sha256Digest(manifestJson);
    ImageInfo image;
    if (!imageFromManifest(manifest, manifestJson, configJson, source.path(), configName, &image,
                           error))
        return false;
    for (LayerInfo &layer : image.layers)
        setLayerMember(source, blobName(layer.blobDigest), &layer);
    if (!source.find("version"))
        image.warnings << QStringLiteral("the directory has no version file, which skopeo's "
                                         "dir: transport writes");
    out->images.push_back(std::move(image));
    out->format = ArchiveFormat::SkopeoDirectory;
    return true;
}

} // namespace strata

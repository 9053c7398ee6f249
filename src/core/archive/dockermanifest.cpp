#include "archive/archivejson.h"
#include "archive/parsearchive.h"
#include "image/imageconfig.h"
#include "image/manifest.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace strata {

namespace {
const QString kManifest = QStringLiteral("manifest.json");

// A key of a manifest.json entry as Docker reads it: Go's JSON decoding ignores case, and Jib
// writes "config", "repoTags" and "layers".
QJsonValue field(const QJsonObject &entry, const QString &key)
{
    QJsonValue exact = entry.value(key);
    if (!exact.isUndefined())
        return exact;
    for (auto it = entry.begin(); it != entry.end(); ++it) {
        if (it.key().compare(key, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return {};
}

// The digest a config's member name carries ("<hex>.json", "blobs/sha256/<hex>",
// "sha256:<hex>"), or empty when it carries none.
QString digestOfConfigName(const QString &name)
{
    QString hex = name.section(QLatin1Char('/'), -1);
    if (hex.startsWith(QStringLiteral("sha256:")))
        hex = hex.mid(7);
    if (hex.endsWith(QStringLiteral(".json")))
        hex.chop(5);
    const bool isHex = hex.size() == 64 && std::all_of(hex.begin(), hex.end(), [](QChar c) {
                           return c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
                       });
    return isHex ? QStringLiteral("sha256:") + hex : QString();
}

// Docker's and podman's layer names carry the digest: "blobs/sha256/<hex>" or "<hex>.tar".
QString digestFromLayerPath(const QString &path)
{
    static const QString blobs = QStringLiteral("blobs/sha256/");
    if (path.startsWith(blobs))
        return QStringLiteral("sha256:") + path.mid(blobs.size());
    QString base = path.section(QLatin1Char('/'), -1);
    if (base.endsWith(QStringLiteral(".tar")))
        base.chop(4);
    else if (base.endsWith(QStringLiteral(".tar.gz")))
        base.chop(7);
    if (base.size() == 64 && base != QStringLiteral("layer"))
        return QStringLiteral("sha256:") + base;
    return {};
}

// The legacy `<id>/` directories of the archive by the blob their layer.tar is or links to:
// podman and skopeo name the blob at the top in the manifest and keep `<id>/json` beside a
// `<id>/layer.tar` symlink to it.
QHash<QString, QString> legacyDirectoriesByBlob(const ArchiveSource &source)
{
    QHash<QString, QString> dirs;
    for (const ArchiveMember &m : source.members()) {
        if (!m.name.ends_with("/layer.tar") || std::count(m.name.begin(), m.name.end(), '/') != 1)
            continue;
        if (const ArchiveMember *blob = source.resolve(m.name))
            dirs.insert(QString::fromStdString(blob->name),
                        QString::fromStdString(m.name.substr(0, m.name.find('/'))));
    }
    return dirs;
}

void readLegacyJson(const ArchiveSource &source, const QString &dir, LayerInfo *layer)
{
    layer->v1Id = dir;
    if (const ArchiveMember *json =
            source.find(QString(dir + QStringLiteral("/json")).toStdString())) {
        Error jsonError;
        layer->v1Json = source.read(*json, kMaxJsonBytes, &jsonError);
    }
}

// One entry of the manifest's "Layers": where the blob is, what names it, what the OCI layout
// beside it (Docker 25) or LayerSources (for foreign layers) say of it.
LayerInfo layerOf(const ArchiveSource &source, const QString &path, const QString &diffId,
                  const QJsonObject &layerSources, const QHash<QString, OciBlobInfo> &ociBlobs,
                  const QHash<QString, QString> &legacyDirs)
{
    LayerInfo layer;
    setLayerMember(source, path, &layer);
    layer.diffId = diffId;
    layer.blobDigest = digestFromLayerPath(layer.member);
    if (layer.blobDigest.isEmpty())
        layer.blobDigest = digestFromLayerPath(path);
    const QJsonObject src = layerSources.value(layer.diffId).toObject();
    layer.mediaType = src.value(QStringLiteral("mediaType")).toString();
    layer.declaredSize = src.value(QStringLiteral("size")).toInteger(-1);
    if (const auto blob = ociBlobs.constFind(layer.blobDigest); blob != ociBlobs.constEnd()) {
        layer.mediaType = blob->mediaType;
        layer.declaredSize = blob->size;
    }
    if (path.endsWith(QStringLiteral("/layer.tar"))) {
        // docker save writes layers uncompressed: the blob is the diff.
        if (layer.blobDigest.isEmpty())
            layer.blobDigest = layer.diffId;
        readLegacyJson(source, path.section(QLatin1Char('/'), 0, 0), &layer);
    } else if (const auto dir = legacyDirs.constFind(layer.member); dir != legacyDirs.constEnd()) {
        readLegacyJson(source, dir.value(), &layer);
    }
    return layer;
}

// Old docker saves name images only in `repositories` (tag -> top layer's v1 id).
QStringList namesFromRepositories(const QJsonDocument &repositories, const QString &topV1Id)
{
    QStringList names;
    const QJsonObject repos = repositories.object();
    for (auto repo = repos.begin(); repo != repos.end(); ++repo) {
        const QJsonObject tags = repo.value().toObject();
        for (auto tag = tags.begin(); tag != tags.end(); ++tag) {
            if (tag.value().toString() == topV1Id)
                names << repo.key() + QLatin1Char(':') + tag.key();
        }
    }
    return names;
}

// One entry of manifest.json: {"Config": ..., "RepoTags": [...], "Layers": [...]}.
bool readImage(const ArchiveSource &source, const QJsonObject &entry,
               const QJsonDocument &repositories, const QHash<QString, OciBlobInfo> &ociBlobs,
               const QHash<QString, QString> &legacyDirs, ImageInfo *image, bool *sawRootBlob,
               Error *error)
{
    if (!field(entry, QStringLiteral("Config")).isString() ||
        !field(entry, QStringLiteral("Layers")).isArray()) {
        *error = Error::make(Error::Kind::MalformedJson, source.path(),
                             QStringLiteral("an entry lacks \"Config\" or \"Layers\""), kManifest);
        return false;
    }
    image->manifestJson = QJsonDocument(entry).toJson(QJsonDocument::Indented);
    image->names = jsonStrings(field(entry, QStringLiteral("RepoTags")));
    image->configMember = field(entry, QStringLiteral("Config")).toString();
    QJsonDocument config;
    if (!readJsonMember(source, image->configMember, &config, &image->configJson, error))
        return false;
    if (!parseImageConfig(image->configJson, image)) {
        *error = Error::make(Error::Kind::MalformedJson, source.path(),
                             QStringLiteral("is not an image configuration"), image->configMember);
        return false;
    }
    image->id = sha256Digest(image->configJson);
    // The config's name says which bytes it should be: the ID is what the bytes are.
    if (const QString named = digestOfConfigName(image->configMember);
        !named.isEmpty() && named != image->id)
        image->problems << Error::make(
            Error::Kind::DigestMismatch, source.path(),
            QStringLiteral("does not match the digest its name carries: %1 claimed, %2 found")
                .arg(named, image->id),
            image->configMember);

    const QStringList diffIds = configDiffIds(image->configJson);
    const QJsonObject layerSources = field(entry, QStringLiteral("LayerSources")).toObject();
    const QJsonArray layers = field(entry, QStringLiteral("Layers")).toArray();
    if (!checkLayerCount(source.path(), image->configMember, layers.size(), diffIds.size(), image,
                         error))
        return false;
    for (qsizetype i = 0; i < layers.size(); ++i) {
        const QString path = layers.at(i).toString();
        if (!path.contains(QLatin1Char('/')))
            *sawRootBlob = true;
        image->layers.append(layerOf(source, path, i < diffIds.size() ? diffIds.at(i) : QString(),
                                     layerSources, ociBlobs, legacyDirs));
    }
    if (image->names.isEmpty() && !image->layers.isEmpty() && repositories.isObject())
        image->names = namesFromRepositories(repositories, image->layers.last().v1Id);
    computeChainIds(&image->layers);
    attachHistory(image);
    return true;
}
} // namespace

bool parseDockerManifest(const ArchiveSource &source, const QHash<QString, OciBlobInfo> &ociBlobs,
                         ParsedArchive *out, Error *error)
{
    QJsonDocument doc;
    if (!readJsonMember(source, kManifest, &doc, nullptr, error))
        return false;
    if (!doc.isArray()) {
        *error = Error::make(Error::Kind::MalformedJson, source.path(),
                             QStringLiteral("is not a list of images"), kManifest);
        return false;
    }
    QJsonDocument repositories;
    Error ignored;
    if (source.find("repositories"))
        readJsonMember(source, QStringLiteral("repositories"), &repositories, nullptr, &ignored);

    bool sawRootBlob = false;
    const QHash<QString, QString> legacyDirs = legacyDirectoriesByBlob(source);
    for (const QJsonValue value : doc.array()) {
        ImageInfo image;
        if (!readImage(source, value.toObject(), repositories, ociBlobs, legacyDirs, &image,
                       &sawRootBlob, error))
            return false;
        out->images.push_back(std::move(image));
    }
    if (out->images.empty()) {
        *error = Error::make(Error::Kind::NotAnImage, source.path(),
                             QStringLiteral("lists no images"), kManifest);
        return false;
    }
    if (source.find("oci-layout") && source.find("index.json"))
        out->format = ArchiveFormat::Docker25;
    else if (sawRootBlob) // c/image and ggcr keep blobs at the top; docker in <id>/layer.tar
        out->format = ArchiveFormat::DockerArchive;
    else
        out->format = ArchiveFormat::DockerLegacy;
    return true;
}

} // namespace strata

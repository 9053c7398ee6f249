#include "engine/savedimage.h"

#include "archive/bytesource.h"
#include "archive/imagearchive.h"
#include "cache/blobstore.h"
#include "cache/cachedirectory.h"
#include "common/sha256.h"
#include "source/sourcesettings.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace strata {

QString savedImagesDir()
{
    return CacheDirectory::defaultRoot() + QStringLiteral("/engine");
}

namespace {

QString entryKey(const QString &imageId)
{
    return imageId + QStringLiteral(".json");
}

// The entry at `path` when it is whole: its config is the image `imageId` and every blob its
// manifest names is in the store. Otherwise nullopt, and the image is saved again.
std::optional<SavedImage> readEntry(const QString &path, const QString &imageId)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject entry = QJsonDocument::fromJson(file.readAll()).object();
    SavedImage saved;
    saved.entryPath = path;
    saved.manifest = entry.value(QStringLiteral("manifest")).toString().toUtf8();
    saved.config = entry.value(QStringLiteral("config")).toString().toUtf8();
    if (QStringLiteral("sha256:") + QString::fromLatin1(Sha256::hash(saved.config).toHex()) !=
        imageId)
        return std::nullopt;
    const QJsonObject manifest = QJsonDocument::fromJson(saved.manifest).object();
    const QJsonArray layers = manifest.value(QStringLiteral("layers")).toArray();
    if (layers.isEmpty())
        return std::nullopt;
    for (const QJsonValue layer : layers) {
        if (storedBlob(layer.toObject().value(QStringLiteral("digest")).toString()).isEmpty())
            return std::nullopt;
    }
    return saved;
}

// The image `imageId` of the archive the engine sent, and the digest of each of its layers'
// blobs as stored there. Layers stored uncompressed (what docker save writes) are checked as
// they are copied into the store, their blob being their diff; compressed ones are read
// through here first, for their diff_id. Null with *error naming what is wrong.
std::shared_ptr<ImageArchive> openedArchive(const QString &path, const QString &imageId,
                                            const OpenObserver &observer, int *index,
                                            QStringList *digests, Error *error)
{
    std::shared_ptr<ImageArchive> archive = ImageArchive::open(path, error, observer.cancel);
    if (!archive)
        return nullptr;
    Error notFound;
    *index = archive->findImage(imageId, &notFound);
    if (*index < 0 || archive->images()[size_t(*index)].id != imageId) {
        *error =
            Error::make(Error::Kind::NotAnImage, path,
                        QStringLiteral("the engine's archive does not hold image %1").arg(imageId));
        return nullptr;
    }
    const ImageInfo &image = archive->images()[size_t(*index)];
    if (!image.problems.isEmpty()) {
        *error = image.problems.first();
        return nullptr;
    }
    if (observer.progress)
        observer.progress(LoadProgress{OpenStage::Checking, 0, 0, 0, image.storedSize(), {}, {}});
    digests->clear();
    bool plain = true;
    for (const LayerInfo &layer : image.layers) {
        *digests << layer.blobDigest;
        plain = plain && isSha256Digest(layer.blobDigest) && layer.blobDigest == layer.diffId;
    }
    if (plain)
        return archive;
    digests->clear();
    for (const LayerDigestCheck &check : archive->verifyLayers(*index, observer.cancel)) {
        if (check.status != LayerDigestCheck::Status::Ok) {
            *error = check.error.isError()
                         ? check.error
                         : Error::make(Error::Kind::DigestMismatch, path,
                                       QStringLiteral("a layer of the engine's archive has no "
                                                      "digest to check"));
            return nullptr;
        }
        *digests << check.blobDigest;
    }
    return archive;
}

QString layerMediaType(const LayerInfo &layer, const QString &digest)
{
    if (!layer.mediaType.isEmpty())
        return layer.mediaType;
    return digest == layer.diffId ? QStringLiteral("application/vnd.oci.image.layer.v1.tar")
                                  : QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip");
}

// Copies the layers into the blob store, each checked against its digest as it is written,
// and writes the entry naming them.
std::optional<SavedImage> storeImage(const ImageArchive &archive, int index,
                                     const QStringList &digests, const QString &imageId,
                                     const OpenObserver &observer, Error *error)
{
    const ImageInfo &image = archive.images()[size_t(index)];
    std::vector<int> missing;
    for (int i = 0; i < int(image.layers.size()); ++i) {
        if (storedBlob(digests[i]).isEmpty())
            missing.push_back(i);
    }
    Error storeError;
    const bool read = archive.readLayerBlobs(
        index, missing,
        [&](int layer, ByteSource &blob) {
            Error failed;
            if (!storeBlob(digests[layer], blob, observer.cancel, &failed).isEmpty())
                return true;
            storeError = failed;
            if (failed.kind == Error::Kind::DigestMismatch)
                storeError.member = image.layers[layer].member;
            return false;
        },
        error);
    if (storeError) {
        *error = storeError;
        return std::nullopt;
    }
    if (!read)
        return std::nullopt;

    QJsonArray layers;
    for (int i = 0; i < int(image.layers.size()); ++i) {
        const QString path = storedBlob(digests[i]);
        if (path.isEmpty()) {
            *error = Error::make(
                Error::Kind::Io, blobCacheDir(),
                QStringLiteral("layer %1 of image %2 was not stored").arg(digests[i], imageId));
            return std::nullopt;
        }
        layers.append(
            QJsonObject{{QStringLiteral("mediaType"), layerMediaType(image.layers[i], digests[i])},
                        {QStringLiteral("digest"), digests[i]},
                        {QStringLiteral("size"), QFileInfo(path).size()}});
    }
    SavedImage saved;
    saved.config = image.configJson;
    const QJsonObject manifest{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.manifest.v1+json")},
        {QStringLiteral("config"),
         QJsonObject{{QStringLiteral("mediaType"),
                      QStringLiteral("application/vnd.oci.image.config.v1+json")},
                     {QStringLiteral("digest"), imageId},
                     {QStringLiteral("size"), saved.config.size()}}},
        {QStringLiteral("layers"), layers}};
    saved.manifest = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
    const QByteArray entry =
        QJsonDocument(QJsonObject{{QStringLiteral("manifest"), QString::fromUtf8(saved.manifest)},
                                  {QStringLiteral("config"), QString::fromUtf8(saved.config)}})
            .toJson(QJsonDocument::Compact);

    const CacheDirectory cache(savedImagesDir(), SourceSettings::load().cacheLimit);
    std::unique_ptr<CacheDirectory::Writer> writer = cache.create(entryKey(imageId), error);
    if (!writer || !writer->write(entry.constData(), entry.size(), error) || !writer->commit(error))
        return std::nullopt;
    saved.entryPath = cache.find(entryKey(imageId));
    return saved;
}

} // namespace

std::optional<SavedImage> savedImage(EngineClient &client, const QString &imageId, qint64 total,
                                     const OpenObserver &observer, Error *error)
{
    *error = {};
    const CacheDirectory cache(savedImagesDir(), SourceSettings::load().cacheLimit);
    const QString key = entryKey(imageId);
    BlobClaim claim(imageId); // two tabs opening one image save it once
    if (const QString cached = cache.find(key); !cached.isEmpty()) {
        if (std::optional<SavedImage> saved = readEntry(cached, imageId))
            return saved;
        // Edited by hand, or a layer it names left the store to make room: saved again.
        cache.remove(key);
    }

    // The whole archive is a temporary file, removed with its writer: the layers stay.
    CacheDirectory(blobCacheDir(), SourceSettings::load().cacheLimit)
        .makeRoom(qMax<qint64>(0, total));
    std::unique_ptr<CacheDirectory::Writer> archiveFile =
        cache.create(imageId + QStringLiteral(".tar"), error);
    if (!archiveFile)
        return std::nullopt;
    Error writeError;
    const bool received = client.saveImage(
        imageId,
        [&](const char *data, size_t size) {
            return archiveFile->write(data, qint64(size), &writeError);
        },
        [&](qint64 done) {
            if (observer.progress)
                observer.progress(
                    LoadProgress{OpenStage::Receiving, 0, 0, done, total, imageId, {}});
        },
        observer.cancel, error);
    if (writeError) {
        *error = writeError;
        return std::nullopt;
    }
    if (!received) {
        if (error->kind == Error::Kind::NoSuchImage)
            error->message = QStringLiteral("the engine no longer has image %1 (%2)")
                                 .arg(imageId, error->message);
        else if (error->kind != Error::Kind::Cancelled)
            error->message = QStringLiteral("the engine stopped sending image %1: %2")
                                 .arg(imageId, error->message);
        return std::nullopt;
    }
    if (!archiveFile->flush(error))
        return std::nullopt;
    // What the engine sent is not the image: said of the engine, naming the layer.
    auto incomplete = [&](const Error &bad) {
        return Error::make(
            bad.kind, client.endpoint().host,
            QStringLiteral("what the engine sent for image %1 is not a complete "
                           "image: %2")
                .arg(imageId, bad.member.isEmpty()
                                  ? bad.message
                                  : bad.member + QStringLiteral(": ") + bad.message));
    };
    int index = -1;
    QStringList digests;
    Error bad;
    const std::shared_ptr<ImageArchive> archive =
        openedArchive(archiveFile->temporaryPath(), imageId, observer, &index, &digests, &bad);
    if (!archive) {
        *error = bad.kind == Error::Kind::Cancelled ? bad : incomplete(bad);
        return std::nullopt;
    }
    std::optional<SavedImage> saved = storeImage(*archive, index, digests, imageId, observer, &bad);
    if (!saved)
        *error = bad.kind == Error::Kind::DigestMismatch ? incomplete(bad) : bad;
    return saved;
}

} // namespace strata

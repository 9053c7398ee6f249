#include "engine/savedimage.h"

#include "archive/imagearchive.h"
#include "cache/cachedirectory.h"
#include "source/sourcesettings.h"

namespace strata {

QString savedImagesDir()
{
    return CacheDirectory::defaultRoot() + QStringLiteral("/engine");
}

namespace {

// Whether `path` is a complete save of `imageId`: false with *error naming what is wrong.
bool checkSavedImage(const QString &path, const QString &imageId, const OpenObserver &observer,
                     Error *error)
{
    std::shared_ptr<ImageArchive> archive = ImageArchive::open(path, error, observer.cancel);
    if (!archive)
        return false;
    Error notFound;
    const int index = archive->findImage(imageId, &notFound);
    if (index < 0 || archive->images()[size_t(index)].id != imageId) {
        *error =
            Error::make(Error::Kind::NotAnImage, path,
                        QStringLiteral("the engine's archive does not hold image %1").arg(imageId));
        return false;
    }
    const ImageInfo &image = archive->images()[size_t(index)];
    if (!image.problems.isEmpty()) {
        *error = image.problems.first();
        return false;
    }
    if (observer.progress)
        observer.progress(LoadProgress{OpenStage::Checking, 0, 0, 0, image.storedSize(), {}, {}});
    const std::vector<LayerDigestCheck> checks = archive->verifyLayers(index, observer.cancel);
    for (const LayerDigestCheck &check : checks) {
        if (check.status != LayerDigestCheck::Status::Ok) {
            *error = check.error.isError()
                         ? check.error
                         : Error::make(Error::Kind::DigestMismatch, path,
                                       QStringLiteral("a layer of the engine's archive has no "
                                                      "digest to check"));
            return false;
        }
    }
    return true;
}

} // namespace

QString savedImageArchive(EngineClient &client, const QString &imageId, qint64 total,
                          const OpenObserver &observer, Error *error)
{
    *error = {};
    const CacheDirectory cache(savedImagesDir(), SourceSettings::load().cacheLimit);
    const QString key = imageId + QStringLiteral(".tar");
    if (QString cached = cache.find(key); !cached.isEmpty()) {
        // Checked when it was kept; a file that no longer opens (edited, truncated by hand)
        // is saved again.
        Error stale;
        if (ImageArchive::open(cached, &stale, observer.cancel))
            return cached;
        cache.remove(key);
    }

    cache.makeRoom(qMax<qint64>(0, total));
    std::unique_ptr<CacheDirectory::Writer> writer = cache.create(key, error);
    if (!writer)
        return {};
    Error writeError;
    const bool received = client.saveImage(
        imageId,
        [&](const char *data, size_t size) {
            return writer->write(data, qint64(size), &writeError);
        },
        [&](qint64 done) {
            if (observer.progress)
                observer.progress(
                    LoadProgress{OpenStage::Receiving, 0, 0, done, total, imageId, {}});
        },
        observer.cancel, error);
    if (writeError) {
        *error = writeError;
        return {};
    }
    if (!received) {
        if (error->kind == Error::Kind::NoSuchImage)
            error->message = QStringLiteral("the engine no longer has image %1 (%2)")
                                 .arg(imageId, error->message);
        else if (error->kind != Error::Kind::Cancelled)
            error->message = QStringLiteral("the engine stopped sending image %1: %2")
                                 .arg(imageId, error->message);
        return {};
    }
    if (!writer->flush(error))
        return {};
    Error bad;
    if (!checkSavedImage(writer->temporaryPath(), imageId, observer, &bad)) {
        *error = bad.kind == Error::Kind::Cancelled
                     ? bad
                     : Error::make(bad.kind, client.endpoint().host,
                                   QStringLiteral("what the engine sent for image %1 is not a "
                                                  "complete image: %2")
                                       .arg(imageId,
                                            bad.member.isEmpty()
                                                ? bad.message
                                                : bad.member + QStringLiteral(": ") + bad.message));
        return {};
    }
    if (!writer->commit(error))
        return {};
    return cache.find(key);
}

} // namespace strata

#pragma once

#include "common/error.h"
#include "engine/engineclient.h"
#include "source/opensource.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace strata {

// An engine's image as Strata keeps it: its layers in the shared blob store (blobCacheDir(),
// where registry layers go too), and an entry in <cache>/engine naming them, with the image's
// config and an OCI manifest listing its layer blobs.
struct SavedImage
{
    QString entryPath;   // <cache>/engine/sha256-<hex>.json
    QByteArray manifest; // an OCI image manifest: the config's and the layers' descriptors
    QByteArray config;   // the image's config, whose digest is the image's ID
};

// The saved image `imageId`, saved from the engine first (GET /images/{id}/get, docker save)
// when it is not in the cache or a blob it names is gone. What the engine sends is streamed
// to a temporary file; its layers are copied into the store, each kept only when it matches
// its digests; the temporary file is removed in every case. `total` sizes the progress (the image's
// size). nullopt with *error set on failure.
std::optional<SavedImage> savedImage(EngineClient &client, const QString &imageId, qint64 total,
                                     const OpenObserver &observer, Error *error);

// The folder of the entries: <cache>/engine.
QString savedImagesDir();

} // namespace strata

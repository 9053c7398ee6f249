#pragma once

#include "common/error.h"
#include "engine/engineclient.h"
#include "source/opensource.h"

#include <QString>

namespace strata {

// The engine's image `imageId` as a `docker save` archive in Strata's cache: the path of the
// entry, saved from the engine (GET /images/{id}/get) when there is none yet. A new entry is
// streamed to a partial file, opened and checked (it holds the image, whose config digest is
// its ID, and every layer matches its digests) and only then kept; anything else is removed.
// `total` sizes the progress (the image's size). Empty with *error set on failure.
QString savedImageArchive(EngineClient &client, const QString &imageId, qint64 total,
                          const OpenObserver &observer, Error *error);

// The folder of those archives: <cache>/engine.
QString savedImagesDir();

} // namespace strata

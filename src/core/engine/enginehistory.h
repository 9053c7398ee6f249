#pragma once

#include "engine/enginetypes.h"
#include "image/imageinfo.h"
#include "tree/layertree.h"

#include <QList>
#include <QStringList>

#include <memory>
#include <vector>

namespace strata {

// Where the engine's `docker history` (GET /images/{id}/history, newest first) disagrees with
// the history Strata reads from the image's config: the number of steps, each step's command
// and time and, once `layers` are read, each layer's size (Docker counts what the layer's files
// hold, Podman its tar). One sentence per difference; empty when they agree.
QStringList compareEngineHistory(const QList<EngineHistoryEntry> &engine, EngineKind kind,
                                 const ImageInfo &image,
                                 const std::vector<std::shared_ptr<const LayerTree>> &layers = {});

} // namespace strata

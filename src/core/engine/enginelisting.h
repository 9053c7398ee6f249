#pragma once

#include "analysis/layerreuse.h"
#include "common/error.h"
#include "engine/engineclient.h"
#include "engine/enginetypes.h"

#include <QList>

#include <vector>

namespace strata {

// What one engine holds, as `docker images`, `docker ps -a -s` and `docker system df -v` show
// it: the images with their shared sizes and container counts, the containers with their
// read-write and virtual sizes.
struct EngineListing
{
    EngineEndpoint endpoint;
    EngineVersion version;
    EngineInfo info;
    QList<EngineImage> images;
    QList<EngineContainer> containers;
    qint64 layersSize = -1; // every image layer once (`docker system df` Images SIZE)
};

// Asks the engine (Docker: /images/json and /system/df; Podman: /images/json and
// /containers/json with sizes). The engine measures every container for it: on a busy
// engine this takes a moment.
std::optional<EngineListing> listEngine(EngineClient &client, Error *error);

// The containers of `listing` that run image `imageId`, as containers of reuse input `input`,
// with the read-write sizes the engine measures.
std::vector<ContainerSpec> containersOfImage(const EngineListing &listing, const QString &imageId,
                                             int input);

// Every engine that answers, Docker's and Podman's (engineEndpoints of both kinds, one per
// socket), each asked at the same time. `failures` gets why the others did not.
std::vector<EngineListing> discoverEngines(const QString &chosenHost,
                                           std::vector<Error> *failures = nullptr);

} // namespace strata

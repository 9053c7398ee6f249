#pragma once

#include "common/error.h"
#include "engine/engineendpoint.h"
#include "engine/enginetypes.h"
#include "tree/layertree.h"

#include <QList>

#include <atomic>
#include <functional>

namespace strata {

// A container's read-write layer as its engine reports it: the paths of GET
// /containers/{id}/changes (what `docker diff` prints), each added or changed one described by
// the header of GET /containers/{id}/archive?path= (type, size, mode, owner, mtime, link
// target; the data is not fetched) and, for Podman, whose archive follows symlinks, by HEAD
// of the same path. Deleted paths are whiteouts. Paths the engine manages
// itself (/etc/hosts, /etc/resolv.conf) are not changes and not here, as `docker diff` does
// not list them.
struct ContainerLayer
{
    LayerTree tree;
    QList<EngineChange> changes; // as the engine listed them
    int vanished = 0; // changed paths gone before Strata could describe them (a running container)
};

// Reads the layer through a few connections at once. `progress` gets (done, total) paths.
// Fails (error set, NotFound) when the container is removed meanwhile.
std::optional<ContainerLayer> readContainerLayer(const EngineEndpoint &endpoint,
                                                 const QString &containerId, uint16_t layer,
                                                 const std::atomic_bool *cancel,
                                                 const std::function<void(int, int)> &progress,
                                                 Error *error);

} // namespace strata

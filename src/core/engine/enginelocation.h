#pragma once

#include "engine/engineendpoint.h"

#include <QString>

#include <optional>

namespace strata {

// An engine's image or container as a location: `docker://REF` or `podman://REF`, where REF
// is an image's name, ID or ID prefix, or a container's name or ID (an image is looked for
// first, as `docker inspect` does the other way round only for containers). `?container`
// asks for a container only; `host=URL` names the engine instead of the usual places
// (engineEndpoints): `docker://nginx2?container&host=unix:///tmp/docker.sock`.
struct EngineLocation
{
    EngineKind kind = EngineKind::Docker;
    QString ref;
    bool container = false;
    QString host;

    // nullopt when `location` is not an engine's; a bad one still parses (ref empty).
    static std::optional<EngineLocation> parse(const QString &location);
    QString toString() const;
};

// The location of `ref` on the engine at `endpoint`: `docker://ref`, with ?host= unless that
// endpoint is where docker:// (podman://) looks first anyway.
QString engineLocation(const EngineEndpoint &endpoint, const QString &ref, bool container,
                       const QString &chosenHost);

// Whether `text` could be an image reference ("nginx", "nginx:1.27", "ghcr.io/a/b@sha256:...")
// rather than a file name: what lets a bare REF that names no file reach the engine.
bool looksLikeImageReference(const QString &text);

} // namespace strata

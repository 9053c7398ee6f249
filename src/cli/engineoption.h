#pragma once

#include "common/error.h"
#include "engine/engineclient.h"

#include <QString>

#include <optional>

namespace strata::cli {

// The engine a listing command asks: the one `location` names (docker:// or podman://, with
// ?host=), or, for an empty location, Docker's (DOCKER_HOST, the context, the default
// socket) and then Podman's when no Docker engine answers.
std::optional<EngineClient> engineFor(const QString &location, Error *error);

// Whether `location` names an engine rather than one of its images ("docker://",
// "podman://?host=...").
bool namesWholeEngine(const QString &location);

} // namespace strata::cli

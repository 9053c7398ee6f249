#include "engineoption.h"

#include "engine/engineimagesource.h"
#include "engine/enginelocation.h"

namespace strata::cli {

bool namesWholeEngine(const QString &location)
{
    const auto engine = EngineLocation::parse(location);
    return engine && engine->ref.isEmpty();
}

std::optional<EngineClient> engineFor(const QString &location, Error *error)
{
    if (const auto engine = EngineLocation::parse(location))
        return connectEngine(*engine, error);
    if (auto docker = connectEngine({EngineKind::Docker, {}, false, {}}, error))
        return docker;
    Error podmanError;
    if (auto podman = connectEngine({EngineKind::Podman, {}, false, {}}, &podmanError))
        return podman;
    // Docker's reason is what most people need to read; Podman's when it says more.
    if (error->kind == Error::Kind::Unreachable && podmanError.kind != Error::Kind::Unreachable)
        *error = podmanError;
    return std::nullopt;
}

} // namespace strata::cli

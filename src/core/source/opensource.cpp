#include "source/opensource.h"

#include "archive/imagearchive.h"
#include "engine/engineimagesource.h"
#include "engine/enginelocation.h"
#include "registry/registryimagesource.h"
#include "registry/registryreference.h"

#include <QFileInfo>

namespace strata {

QString canonicalLocation(const QString &location)
{
    if (EngineLocation::parse(location))
        return location;
    if (RegistryReference::isRegistryLocation(location) && !QFileInfo::exists(location)) {
        if (const auto reference = RegistryReference::parse(location))
            return reference->toLocation();
        return location;
    }
    return QFileInfo(location).absoluteFilePath();
}

QString locationTitle(const QString &location)
{
    if (const auto engine = EngineLocation::parse(location))
        return engine->ref;
    if (RegistryReference::isRegistryLocation(location) && !QFileInfo::exists(location)) {
        if (const auto reference = RegistryReference::parse(location)) {
            const QString name = reference->repository.section(QLatin1Char('/'), -1);
            return reference->digest.isEmpty()
                       ? name + QLatin1Char(':') + reference->tag
                       : name + QLatin1Char('@') + shortDigest(reference->digest);
        }
    }
    const QString name = QFileInfo(location).fileName();
    return name.isEmpty() ? location : name;
}

namespace {
// A missing "nginx:1.27" is an image reference; a missing "nginx.tar" or "./x" a file name.
bool mayNameEngineImage(const QString &location)
{
    static const char *fileSuffixes[] = {".tar", ".tgz", ".gz", ".zst", ".xz", ".bz2", ".json"};
    for (const char *suffix : fileSuffixes) {
        if (location.endsWith(QLatin1String(suffix)))
            return false;
    }
    return !location.startsWith(QLatin1Char('.')) && !location.startsWith(QLatin1Char('/')) &&
           !QFileInfo::exists(location) && looksLikeImageReference(location);
}

// A bare reference reaches Docker's engine, then Podman's when no Docker engine answers.
std::shared_ptr<ImageSource> openBareReference(const QString &ref, Error *error,
                                               const OpenObserver &observer)
{
    Error docker;
    if (auto source =
            EngineImageSource::open({EngineKind::Docker, ref, false, {}}, &docker, observer))
        return source;
    Error podman;
    if (docker.kind == Error::Kind::Unreachable || docker.kind == Error::Kind::Denied) {
        if (auto source =
                EngineImageSource::open({EngineKind::Podman, ref, false, {}}, &podman, observer))
            return source;
    }
    const Error &said = docker.kind == Error::Kind::NoSuchImage || podman.kind == Error::Kind::None
                            ? docker
                            : podman;
    *error = Error::make(
        said.kind == Error::Kind::NoSuchImage ? Error::Kind::NotFound : said.kind, ref,
        QStringLiteral("no such file, and no engine has such an image (%1)").arg(said.toString()));
    return nullptr;
}
} // namespace

std::shared_ptr<ImageSource> openImageSource(const QString &location, Error *error,
                                             const OpenObserver &observer)
{
    if (const auto engine = EngineLocation::parse(location))
        return EngineImageSource::open(*engine, error, observer);
    // A reference with a registry host ("localhost:5000/app:1.5") names the registry's image;
    // one without (docker.io's short names) the engine's, as `docker run` looks.
    if (RegistryReference::isRegistryLocation(location) && !QFileInfo::exists(location)) {
        const auto reference = RegistryReference::parse(location);
        if (!reference) {
            *error = Error::make(Error::Kind::NotFound, location,
                                 QStringLiteral("is not an image reference a registry knows "
                                                "(repository names are lower case)"));
            return nullptr;
        }
        return RegistryImageSource::open(*reference, error, observer);
    }
    if (mayNameEngineImage(location))
        return openBareReference(location, error, observer);
    std::shared_ptr<ImageSource> source = ImageArchive::open(location, error, observer.cancel);
    if (source && source->images().empty()) {
        *error = Error::make(Error::Kind::NotAnImage, location, QStringLiteral("holds no image"));
        return nullptr;
    }
    return source;
}

} // namespace strata

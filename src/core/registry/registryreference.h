#pragma once

#include <QString>

#include <optional>

namespace strata {

// An image in a registry, named as Docker names it: "nginx" is
// docker.io/library/nginx:latest, "ghcr.io/a/b@sha256:..." is that digest in ghcr.io.
// As a location it is written `registry://HOST/REPO:TAG` (or `@DIGEST`), or bare when its
// first component is a host ("localhost:5000/app:1.5", "registry.example.org/app").
struct RegistryReference
{
    QString registry;   // "docker.io", "127.0.0.1:5000": what credentials and messages name
    QString repository; // "library/nginx"
    QString tag;        // "latest" when neither a tag nor a digest is given
    QString digest;     // "sha256:..." when pinned

    // nullopt when `text` is not a reference; `registry://` may be left out.
    static std::optional<RegistryReference> parse(const QString &text);
    // Whether `location` names a registry's image rather than a file or an engine's image:
    // `registry://...`, or a bare reference whose first component is a host.
    static bool isRegistryLocation(const QString &location);

    // Where the API is: "https://registry-1.docker.io" for docker.io, else the registry.
    QString apiHost() const;
    // The tag or digest the manifest is asked for by.
    QString manifestReference() const { return digest.isEmpty() ? tag : digest; }
    // "docker.io/library/nginx:latest", what `docker pull` would print.
    QString toString() const;
    // "registry://docker.io/library/nginx:latest"
    QString toLocation() const;
    // Another tag or digest of the same repository.
    RegistryReference withReference(const QString &tagOrDigest) const;
};

// Whether `host` ("localhost:5000", "127.0.0.1", "[::1]:5000") is this machine, where Docker
// speaks plain HTTP when the registry does not speak TLS.
bool isLoopbackHost(const QString &host);

} // namespace strata

#pragma once

#include "common/error.h"
#include "net/httpclient.h"

#include <QProcessEnvironment>
#include <QString>

#include <vector>

namespace strata {

enum class EngineKind
{
    Docker,
    Podman,
};
QString engineKindName(EngineKind kind); // "Docker", "Podman"
QString engineScheme(EngineKind kind);   // "docker", "podman"

// One place an engine may answer, and why Strata looks there.
struct EngineEndpoint
{
    EngineKind kind = EngineKind::Docker; // what the user asked for; the engine may differ
    QString host;   // as written: "unix:///var/run/docker.sock", "tcp://10.0.0.5:2376"
    QString origin; // "DOCKER_HOST", "context \"colima\"", "the default socket", "the settings"
    HttpEndpoint http;
    QString problem; // set when `host` cannot be used (an ssh:// host, a context without a
                     // Docker endpoint): said instead of trying

    // A unix socket on this machine: its data root may be readable.
    bool isLocal() const { return !http.unixSocket.isEmpty(); }
};

// Where Docker's and Podman's tools look, in their order, with what the user set in the
// settings (`chosenHost`, may be empty) first. Docker: DOCKER_HOST (with DOCKER_TLS_VERIFY,
// DOCKER_TLS and DOCKER_CERT_PATH for tcp), else the current context (DOCKER_CONTEXT or
// config.json's currentContext under DOCKER_CONFIG or ~/.docker), else /var/run/docker.sock.
// Podman: CONTAINER_HOST, else the rootless socket under XDG_RUNTIME_DIR (when not root), else
// /run/podman/podman.sock. The first that answers is the engine of docker:// or podman://.
std::vector<EngineEndpoint>
engineEndpoints(EngineKind kind, const QString &chosenHost,
                const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

// An endpoint for a host written as DOCKER_HOST is ("unix:///path", "tcp://host:port",
// "http(s)://host:port"); `problem` set when it is none of those.
EngineEndpoint
endpointForHost(EngineKind kind, const QString &host, const QString &origin,
                const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

} // namespace strata

#include "engine/engineendpoint.h"

#include "common/sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <unistd.h>

namespace strata {

QString engineKindName(EngineKind kind)
{
    return kind == EngineKind::Podman ? QStringLiteral("Podman") : QStringLiteral("Docker");
}

QString engineScheme(EngineKind kind)
{
    return kind == EngineKind::Podman ? QStringLiteral("podman") : QStringLiteral("docker");
}

namespace {

QString dockerConfigDir(const QProcessEnvironment &env)
{
    QString configured = env.value(QStringLiteral("DOCKER_CONFIG"));
    if (!configured.isEmpty())
        return configured;
    return env.value(QStringLiteral("HOME"), QDir::homePath()) + QStringLiteral("/.docker");
}

// TLS files in `dir` (ca.pem, cert.pem, key.pem), each only when it is there.
void useTlsFiles(HttpEndpoint *http, const QString &dir)
{
    auto existing = [&](const char *name) {
        const QString path = dir + QLatin1Char('/') + QLatin1String(name);
        return QFileInfo::exists(path) ? path : QString();
    };
    http->caFile = existing("ca.pem");
    http->certFile = existing("cert.pem");
    http->keyFile = existing("key.pem");
}

// The current Docker context's endpoint, when one other than "default" is chosen.
bool contextEndpoint(const QProcessEnvironment &env, EngineEndpoint *endpoint)
{
    const QString configDir = dockerConfigDir(env);
    QString name = env.value(QStringLiteral("DOCKER_CONTEXT"));
    if (name.isEmpty()) {
        QFile config(configDir + QStringLiteral("/config.json"));
        if (config.open(QIODevice::ReadOnly))
            name = QJsonDocument::fromJson(config.read(1 << 20))
                       .object()
                       .value(QStringLiteral("currentContext"))
                       .toString();
    }
    if (name.isEmpty() || name == QStringLiteral("default"))
        return false;
    // Docker keeps a context under the SHA-256 of its name.
    const QString key = QString::fromLatin1(Sha256::hash(name.toUtf8()).toHex());
    const QString origin = QStringLiteral("context \"%1\"").arg(name);
    QFile meta(configDir + QStringLiteral("/contexts/meta/") + key + QStringLiteral("/meta.json"));
    const QJsonObject docker = meta.open(QIODevice::ReadOnly)
                                   ? QJsonDocument::fromJson(meta.read(1 << 20))
                                         .object()
                                         .value(QStringLiteral("Endpoints"))
                                         .toObject()
                                         .value(QStringLiteral("docker"))
                                         .toObject()
                                   : QJsonObject();
    const QString host = docker.value(QStringLiteral("Host")).toString();
    if (host.isEmpty()) {
        endpoint->kind = EngineKind::Docker;
        endpoint->origin = origin;
        endpoint->problem = QStringLiteral("the Docker context \"%1\" has no Docker endpoint in %2")
                                .arg(name, QDir::toNativeSeparators(meta.fileName()));
        return true;
    }
    *endpoint = endpointForHost(EngineKind::Docker, host, origin, env);
    if (endpoint->http.baseUrl.startsWith(QStringLiteral("https:"))) {
        useTlsFiles(&endpoint->http,
                    configDir + QStringLiteral("/contexts/tls/") + key + QStringLiteral("/docker"));
        endpoint->http.verifyPeer = !docker.value(QStringLiteral("SkipTLSVerify")).toBool();
    }
    return true;
}

} // namespace

EngineEndpoint endpointForHost(EngineKind kind, const QString &host, const QString &origin,
                               const QProcessEnvironment &env)
{
    EngineEndpoint endpoint;
    endpoint.kind = kind;
    endpoint.host = host;
    endpoint.origin = origin;
    const QUrl url(host);
    const QString scheme = url.scheme();
    if (scheme == QStringLiteral("unix")) {
        endpoint.http.unixSocket = url.path();
        endpoint.http.baseUrl = QStringLiteral("http://localhost");
        if (endpoint.http.unixSocket.isEmpty())
            endpoint.problem = QStringLiteral("\"%1\" names no socket").arg(host);
        return endpoint;
    }
    if (scheme == QStringLiteral("tcp") || scheme == QStringLiteral("http") ||
        scheme == QStringLiteral("https")) {
        if (url.host().isEmpty()) {
            endpoint.problem = QStringLiteral("\"%1\" names no host").arg(host);
            return endpoint;
        }
        const bool verify = !env.value(QStringLiteral("DOCKER_TLS_VERIFY")).isEmpty();
        const bool tls = scheme == QStringLiteral("https") ||
                         (scheme == QStringLiteral("tcp") &&
                          (verify || !env.value(QStringLiteral("DOCKER_TLS")).isEmpty()));
        const int port = url.port(tls ? 2376 : 2375);
        endpoint.http.baseUrl = QStringLiteral("%1://%2:%3")
                                    .arg(tls ? QStringLiteral("https") : QStringLiteral("http"))
                                    .arg(url.host())
                                    .arg(port);
        if (tls) {
            const QString certPath = env.value(QStringLiteral("DOCKER_CERT_PATH"));
            useTlsFiles(&endpoint.http, certPath.isEmpty() ? dockerConfigDir(env) : certPath);
            endpoint.http.verifyPeer = verify || scheme == QStringLiteral("https");
        }
        return endpoint;
    }
    if (scheme == QStringLiteral("ssh"))
        endpoint.problem = QStringLiteral("Strata does not reach engines over ssh; forward the "
                                          "socket (ssh -L /tmp/docker.sock:/var/run/docker.sock "
                                          "HOST) and use unix:///tmp/docker.sock");
    else
        endpoint.problem =
            QStringLiteral("\"%1\" is not unix://PATH, tcp://HOST:PORT or https://HOST:PORT")
                .arg(host);
    return endpoint;
}

std::vector<EngineEndpoint> engineEndpoints(EngineKind kind, const QString &chosenHost,
                                            const QProcessEnvironment &env)
{
    std::vector<EngineEndpoint> result;
    if (!chosenHost.isEmpty())
        result.push_back(endpointForHost(kind, chosenHost, QStringLiteral("the settings"), env));
    if (kind == EngineKind::Docker) {
        const QString host = env.value(QStringLiteral("DOCKER_HOST"));
        EngineEndpoint context;
        if (!host.isEmpty())
            result.push_back(endpointForHost(kind, host, QStringLiteral("DOCKER_HOST"), env));
        else if (contextEndpoint(env, &context))
            result.push_back(context);
        else
            result.push_back(endpointForHost(kind, QStringLiteral("unix:///var/run/docker.sock"),
                                             QStringLiteral("the default socket"), env));
        return result;
    }
    const QString host = env.value(QStringLiteral("CONTAINER_HOST"));
    if (!host.isEmpty()) {
        result.push_back(endpointForHost(kind, host, QStringLiteral("CONTAINER_HOST"), env));
        return result;
    }
    const QString runtimeDir = env.value(QStringLiteral("XDG_RUNTIME_DIR"));
    if (geteuid() != 0 && !runtimeDir.isEmpty())
        result.push_back(endpointForHost(
            kind, QStringLiteral("unix://") + runtimeDir + QStringLiteral("/podman/podman.sock"),
            QStringLiteral("rootless Podman's socket"), env));
    result.push_back(endpointForHost(kind, QStringLiteral("unix:///run/podman/podman.sock"),
                                     QStringLiteral("rootful Podman's socket"), env));
    return result;
}

} // namespace strata

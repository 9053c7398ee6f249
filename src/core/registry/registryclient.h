#pragma once

#include "common/error.h"
#include "net/httpclient.h"
#include "registry/registrycredentials.h"
#include "registry/registryreference.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace strata {

struct RegistryManifest
{
    QByteArray body;
    QString mediaType; // the reply's Content-Type, else the document's mediaType
    QString digest;    // sha256 of body
};

// The distribution API of one registry, as Docker and Podman speak it: HTTPS with the system's
// CAs and the host's certs.d folder, plain HTTP only for this machine's registries (and hosts
// the user marked insecure) when they do not speak TLS; anonymous Bearer tokens from the
// registry's challenge, or the stored credentials (storedCredentials) when there are any.
// Only GET and HEAD. Errors name `name` (the reference the user opened). Not thread-safe:
// one client per thread; tokens are shared between clients of the process.
class RegistryClient
{
public:
    RegistryClient(QString registry, QString name);
    ~RegistryClient();
    RegistryClient(RegistryClient &&) noexcept;

    const QString &registry() const { return m_registry; }

    // The manifest or index `reference` (a tag or digest) names. A digest reference is
    // checked against the bytes; so is the registry's Docker-Content-Digest when it sends one.
    std::optional<RegistryManifest> manifest(const QString &repository, const QString &reference,
                                             Error *error);
    // GET /v2/<repository>/tags/list, every page.
    std::optional<QStringList> tags(const QString &repository, Error *error);
    // A small blob (a config) whole, checked against its digest and size.
    std::optional<QByteArray> smallBlob(const QString &repository, const QString &digest,
                                        qint64 size, Error *error);
    // Streams a blob from byte `offset` to `sink` (a Range request when offset > 0). Follows
    // redirects to blob storage on another host without sending it credentials.
    bool streamBlob(const QString &repository, const QString &digest, qint64 offset,
                    const std::function<bool(const char *, size_t)> &sink,
                    const std::atomic_bool *cancel, Error *error);

private:
    struct Transport;
    bool connect(Error *error);
    bool send(HttpRequest request, const QString &scope, HttpResponse *response, Error *error);
    bool authorize(const HttpResponse &challenge, const QString &scope, Error *error);
    Error statusError(const HttpResponse &response, const QString &what) const;

    QString m_registry;
    QString m_name;
    std::unique_ptr<Transport> m_transport;
    std::optional<RegistryCredentials> m_credentials;
    bool m_credentialsLooked = false;
};

// Where a registry's CA and client certificates are ("/etc/docker/certs.d/HOST/ca.crt" and
// Podman's /etc/containers/certs.d; STRATA_CERTS_D names another folder of the same shape).
QStringList registryCertificateDirs(const QString &registry);

} // namespace strata

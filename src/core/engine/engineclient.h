#pragma once

#include "common/error.h"
#include "engine/enginetypes.h"
#include "net/httpclient.h"

#include <QByteArray>
#include <QJsonDocument>

#include <atomic>
#include <functional>
#include <optional>

namespace strata {

// Speaks the Docker Engine API (what Podman's service speaks too) to one engine, reading only:
// every request is a GET or a HEAD. The first call asks GET /version and picks the API
// version both sides know (DOCKER_API_VERSION, when set, as the docker CLI does). Errors name
// the endpoint and say what to do: start the engine, join the docker group, use a newer engine.
// Not thread-safe: one client per thread (they are cheap; the connection is kept open).
class EngineClient
{
public:
    // The oldest API Strata reads: Docker 1.13 (2017), the first with GET /system/df.
    static constexpr const char *kMinimumApi = "1.25";
    // The API Strata is written against; newer engines speak it too.
    static constexpr const char *kPreferredApi = "1.41";

    explicit EngineClient(EngineEndpoint endpoint);
    // A second connection to this client's engine, speaking the API this one agreed on: for
    // requests at the same time as this one's.
    EngineClient another() const;

    const EngineEndpoint &endpoint() const { return m_endpoint; }
    // GET /version, once. False with *error when nothing usable answers.
    bool connect(Error *error);
    const EngineVersion &version() const { return m_version; }
    QString apiVersion() const { return m_api; }

    std::optional<EngineInfo> info(Error *error);
    std::optional<QList<EngineImage>> images(Error *error);
    std::optional<QList<EngineContainer>> containers(Error *error);
    std::optional<EngineDiskUsage> diskUsage(Error *error);
    // NoSuchImage / NotFound (error set) when the engine does not know the reference.
    std::optional<QList<EngineHistoryEntry>> history(const QString &image, Error *error);
    std::optional<EngineImageDetails> inspectImage(const QString &ref, Error *error);
    std::optional<EngineContainerDetails> inspectContainer(const QString &ref, Error *error);
    std::optional<QList<EngineChange>> changes(const QString &container, Error *error);
    std::optional<EnginePathStat> statPath(const QString &container, const QString &path,
                                           Error *error);

    // GET /images/{id}/get (docker save): hands the tar to `sink` as it arrives.
    bool saveImage(const QString &id, const std::function<bool(const char *, size_t)> &sink,
                   const std::function<void(qint64 received)> &progress,
                   const std::atomic_bool *cancel, Error *error);
    // GET /containers/{id}/archive?path=: a tar of the path, its first maxBytes at most
    // (enough for one file's header and data).
    std::optional<QByteArray> archivePath(const QString &container, const QString &path,
                                          qint64 maxBytes, Error *error);

    // GET /events for containers and images: calls onEvent for each until `cancel` is set
    // (then true) or the stream ends (false with *error: the engine stopped).
    bool watchEvents(const std::function<void(const EngineEvent &)> &onEvent,
                     const std::atomic_bool *cancel, Error *error);

private:
    // GET (or HEAD) of an API path ("/images/json"); the reply's JSON when the status is 2xx.
    // A 404 becomes `notFound` with the engine's message.
    std::optional<QJsonDocument> getJson(const QByteArray &path, Error *error,
                                         Error::Kind notFound = Error::Kind::NotFound);
    bool request(HttpRequest request, HttpResponse *response, Error *error,
                 Error::Kind notFound = Error::Kind::NotFound);
    QByteArray apiPath(const QByteArray &path) const;
    Error failure(Error::Kind kind, const QString &message) const;

    EngineEndpoint m_endpoint;
    HttpClient m_http;
    bool m_connected = false;
    EngineVersion m_version;
    QString m_api;
};

// A reference or ID as a segment of an API path: slashes and colons stay.
QByteArray enginePathSegment(const QString &ref);

} // namespace strata

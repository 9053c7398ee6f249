#include "engine/engineclient.h"

#include "common/textescape.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QUrl>
#include <QVersionNumber>

namespace strata {

QString EngineVersion::toString() const
{
    return product + QLatin1Char(' ') + version;
}

QString EngineImage::displayName() const
{
    return repoTags.isEmpty() ? QStringLiteral("<none>:<none>") : repoTags.first();
}

QChar changeLetter(EngineChange::Kind kind)
{
    switch (kind) {
    case EngineChange::Kind::Added:
        return QLatin1Char('A');
    case EngineChange::Kind::Deleted:
        return QLatin1Char('D');
    case EngineChange::Kind::Modified:
        break;
    }
    return QLatin1Char('C');
}

namespace {
// Go's os.FileMode bits.
constexpr quint32 kGoDir = 1u << 31;
constexpr quint32 kGoSymlink = 1u << 27;
constexpr quint32 kGoDevice = 1u << 26;
constexpr quint32 kGoNamedPipe = 1u << 25;
constexpr quint32 kGoSetuid = 1u << 23;
constexpr quint32 kGoSetgid = 1u << 22;
constexpr quint32 kGoCharDevice = 1u << 21;
constexpr quint32 kGoSticky = 1u << 20;
} // namespace

FileType EnginePathStat::type() const
{
    if (goMode & kGoDir)
        return FileType::Directory;
    if (goMode & kGoSymlink)
        return FileType::Symlink;
    if (goMode & kGoNamedPipe)
        return FileType::Fifo;
    if (goMode & kGoDevice)
        return (goMode & kGoCharDevice) ? FileType::CharDevice : FileType::BlockDevice;
    return FileType::Regular; // a socket (1 << 24) too: a tar cannot hold one, nor docker cp
}

quint32 EnginePathStat::permissions() const
{
    quint32 mode = goMode & 0777;
    if (goMode & kGoSetuid)
        mode |= 04000;
    if (goMode & kGoSetgid)
        mode |= 02000;
    if (goMode & kGoSticky)
        mode |= 01000;
    return mode;
}

QByteArray enginePathSegment(const QString &ref)
{
    return QUrl::toPercentEncoding(ref, "/:@");
}

namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList result;
    for (const QJsonValue v : value.toArray())
        result << v.toString();
    return result;
}

qint64 integer(const QJsonObject &o, const char *key, qint64 fallback = -1)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? qint64(v.toDouble()) : fallback;
}

QString withDigestPrefix(const QString &id)
{
    return id.isEmpty() || id.contains(QLatin1Char(':')) ? id : QStringLiteral("sha256:") + id;
}

EngineImage imageFrom(const QJsonObject &o)
{
    EngineImage image;
    image.id = withDigestPrefix(o.value(QStringLiteral("Id")).toString());
    for (const QString &tag : strings(o.value(QStringLiteral("RepoTags")))) {
        if (tag != QStringLiteral("<none>:<none>"))
            image.repoTags << tag;
    }
    for (const QString &digest : strings(o.value(QStringLiteral("RepoDigests")))) {
        if (digest != QStringLiteral("<none>@<none>"))
            image.repoDigests << digest;
    }
    image.created = integer(o, "Created", 0);
    image.size = integer(o, "Size");
    image.sharedSize = integer(o, "SharedSize");
    image.containers = int(integer(o, "Containers"));
    return image;
}

EngineContainer containerFrom(const QJsonObject &o)
{
    EngineContainer c;
    c.id = o.value(QStringLiteral("Id")).toString();
    const QStringList names = strings(o.value(QStringLiteral("Names")));
    c.name = names.isEmpty() ? c.id.left(12) : names.first();
    if (c.name.startsWith(QLatin1Char('/')))
        c.name = c.name.mid(1);
    c.image = o.value(QStringLiteral("Image")).toString();
    c.imageId = withDigestPrefix(o.value(QStringLiteral("ImageID")).toString());
    c.command = o.value(QStringLiteral("Command")).toString();
    c.created = integer(o, "Created", 0);
    c.state = o.value(QStringLiteral("State")).toString();
    c.status = o.value(QStringLiteral("Status")).toString();
    // Sizes are always asked for; the engine leaves out a zero (Go's omitempty), which
    // `docker ps -s` shows as 0B.
    c.sizeRw = integer(o, "SizeRw", 0);
    c.sizeRootFs = integer(o, "SizeRootFs", 0);
    return c;
}

GraphDriver graphDriverFrom(const QJsonObject &o)
{
    GraphDriver driver;
    const QJsonObject g = o.value(QStringLiteral("GraphDriver")).toObject();
    driver.name = g.value(QStringLiteral("Name")).toString();
    const QJsonObject data = g.value(QStringLiteral("Data")).toObject();
    for (auto it = data.begin(); it != data.end(); ++it)
        driver.data.insert(it.key(), it.value().toString());
    return driver;
}

// The engine's own words for an error reply ({"message": "..."}), or the status.
QString replyMessage(const HttpResponse &response)
{
    const QString message = QJsonDocument::fromJson(response.body)
                                .object()
                                .value(QStringLiteral("message"))
                                .toString()
                                .trimmed();
    if (!message.isEmpty())
        return escapeText(message.toStdString());
    return QStringLiteral("HTTP status %1").arg(response.status);
}

} // namespace

EngineClient::EngineClient(EngineEndpoint endpoint)
    : m_endpoint(std::move(endpoint)), m_http(m_endpoint.http)
{
}

EngineClient EngineClient::another() const
{
    EngineClient client(m_endpoint);
    client.m_connected = m_connected;
    client.m_version = m_version;
    client.m_api = m_api;
    return client;
}

Error EngineClient::failure(Error::Kind kind, const QString &message) const
{
    return Error::make(kind, m_endpoint.host, message);
}

QByteArray EngineClient::apiPath(const QByteArray &path) const
{
    return "/v" + m_api.toLatin1() + path;
}

bool EngineClient::connect(Error *error)
{
    *error = {};
    if (m_connected)
        return true;
    if (!m_endpoint.problem.isEmpty()) {
        *error = failure(Error::Kind::Unreachable, m_endpoint.problem);
        return false;
    }
    HttpRequest request;
    request.path = "/version";
    request.timeoutMs = 10000;
    HttpResponse response;
    const bool podman = m_endpoint.kind == EngineKind::Podman;
    if (!m_http.send(request, &response, error)) {
        if (error->kind == Error::Kind::Denied && m_endpoint.isLocal()) {
            error->message =
                podman ? QStringLiteral("permission denied on the socket: rootful Podman's "
                                        "socket is root's; use rootless Podman "
                                        "(systemctl --user start podman.socket)")
                       : QStringLiteral("permission denied on the socket: add yourself to the "
                                        "docker group (sudo usermod -aG docker $USER, then log "
                                        "in again) or use rootless Podman");
        } else if (error->kind == Error::Kind::Unreachable) {
            error->message =
                QStringLiteral("no %1 engine answers here (%2); start it (%3)")
                    .arg(engineKindName(m_endpoint.kind), error->message,
                         podman ? QStringLiteral("systemctl --user start podman.socket")
                                : QStringLiteral("systemctl start docker"));
        }
        error->file = m_endpoint.host;
        return false;
    }
    const QJsonObject o = QJsonDocument::fromJson(response.body).object();
    if (!response.ok() || !o.contains(QStringLiteral("ApiVersion"))) {
        *error = failure(Error::Kind::Unsupported,
                         QStringLiteral("something answers here, but not a Docker or Podman "
                                        "engine (GET /version: %1)")
                             .arg(replyMessage(response)));
        return false;
    }
    m_version.apiVersion = o.value(QStringLiteral("ApiVersion")).toString();
    m_version.minApiVersion = o.value(QStringLiteral("MinAPIVersion")).toString();
    m_version.version = o.value(QStringLiteral("Version")).toString();
    m_version.os = o.value(QStringLiteral("Os")).toString();
    m_version.arch = o.value(QStringLiteral("Arch")).toString();
    m_version.kind = EngineKind::Docker;
    m_version.product = QStringLiteral("Docker Engine");
    for (const QJsonValue component : o.value(QStringLiteral("Components")).toArray()) {
        const QString name = component.toObject().value(QStringLiteral("Name")).toString();
        if (name.contains(QStringLiteral("Podman"))) {
            m_version.kind = EngineKind::Podman;
            m_version.product = QStringLiteral("Podman Engine");
            m_version.version = component.toObject().value(QStringLiteral("Version")).toString();
        }
    }

    const QVersionNumber minimum = QVersionNumber::fromString(QLatin1String(kMinimumApi));
    const QString forced =
        QProcessEnvironment::systemEnvironment().value(QStringLiteral("DOCKER_API_VERSION"));
    QVersionNumber api = QVersionNumber::fromString(m_version.apiVersion);
    if (!forced.isEmpty()) {
        api = QVersionNumber::fromString(forced);
    } else {
        api = qMin(api, QVersionNumber::fromString(QLatin1String(kPreferredApi)));
    }
    if (api.isNull() || api < minimum) {
        *error = failure(
            Error::Kind::Unsupported,
            QStringLiteral("%1 speaks API %2%3; Strata needs %4 or newer (Docker 1.13, Podman 2)")
                .arg(m_version.toString(), api.isNull() ? m_version.apiVersion : api.toString(),
                     forced.isEmpty() ? QString() : QStringLiteral(" (DOCKER_API_VERSION)"),
                     QLatin1String(kMinimumApi)));
        return false;
    }
    m_api = api.toString();
    m_connected = true;
    return true;
}

bool EngineClient::request(HttpRequest request, HttpResponse *response, Error *error,
                           Error::Kind notFound)
{
    if (!connect(error))
        return false;
    const QByteArray path = request.path;
    request.path = apiPath(path);
    if (!m_http.send(request, response, error)) {
        error->file = m_endpoint.host;
        if (error->kind == Error::Kind::Io)
            error->message = QStringLiteral("%1 (%2): %3")
                                 .arg(QString::fromLatin1(request.head ? "HEAD" : "GET"),
                                      QString::fromLatin1(path), error->message);
        return false;
    }
    if (response->ok())
        return true;
    const Error::Kind kind = response->status == 404 ? notFound : Error::Kind::ServerError;
    *error = failure(kind, QStringLiteral("the engine says: %1").arg(replyMessage(*response)));
    return false;
}

std::optional<QJsonDocument> EngineClient::getJson(const QByteArray &path, Error *error,
                                                   Error::Kind notFound)
{
    HttpRequest request;
    request.path = path;
    HttpResponse response;
    if (!this->request(request, &response, error, notFound))
        return std::nullopt;
    // Docker answers "null" for an empty list (a container without changes).
    if (response.body.trimmed() == "null")
        return QJsonDocument(QJsonArray());
    QJsonParseError parse;
    QJsonDocument doc = QJsonDocument::fromJson(response.body, &parse);
    if (parse.error != QJsonParseError::NoError) {
        *error = failure(Error::Kind::MalformedJson,
                         QStringLiteral("the reply to GET %1 is not JSON: %2")
                             .arg(QString::fromLatin1(path), parse.errorString()));
        return std::nullopt;
    }
    return doc;
}

std::optional<EngineInfo> EngineClient::info(Error *error)
{
    const auto doc = getJson("/info", error);
    if (!doc)
        return std::nullopt;
    const QJsonObject o = doc->object();
    EngineInfo info;
    info.name = o.value(QStringLiteral("Name")).toString();
    info.rootDir = o.value(QStringLiteral("DockerRootDir")).toString();
    info.driver = o.value(QStringLiteral("Driver")).toString();
    info.images = int(integer(o, "Images", 0));
    info.containers = int(integer(o, "Containers", 0));
    info.running = int(integer(o, "ContainersRunning", 0));
    return info;
}

std::optional<QList<EngineImage>> EngineClient::images(Error *error)
{
    const auto doc = getJson("/images/json", error);
    if (!doc)
        return std::nullopt;
    QList<EngineImage> result;
    for (const QJsonValue v : doc->array())
        result << imageFrom(v.toObject());
    return result;
}

std::optional<QList<EngineContainer>> EngineClient::containers(Error *error)
{
    const auto doc = getJson("/containers/json?all=1&size=1", error);
    if (!doc)
        return std::nullopt;
    QList<EngineContainer> result;
    for (const QJsonValue v : doc->array())
        result << containerFrom(v.toObject());
    return result;
}

std::optional<EngineDiskUsage> EngineClient::diskUsage(Error *error)
{
    const auto doc = getJson("/system/df", error);
    if (!doc)
        return std::nullopt;
    const QJsonObject o = doc->object();
    EngineDiskUsage usage;
    usage.layersSize = integer(o, "LayersSize");
    for (const QJsonValue v : o.value(QStringLiteral("Images")).toArray())
        usage.images << imageFrom(v.toObject());
    for (const QJsonValue v : o.value(QStringLiteral("Containers")).toArray())
        usage.containers << containerFrom(v.toObject());
    return usage;
}

std::optional<QList<EngineHistoryEntry>> EngineClient::history(const QString &image, Error *error)
{
    const auto doc = getJson("/images/" + enginePathSegment(image) + "/history", error,
                             Error::Kind::NoSuchImage);
    if (!doc)
        return std::nullopt;
    QList<EngineHistoryEntry> result;
    for (const QJsonValue v : doc->array()) {
        const QJsonObject o = v.toObject();
        EngineHistoryEntry entry;
        entry.id = o.value(QStringLiteral("Id")).toString();
        entry.created = integer(o, "Created", 0);
        entry.createdBy = o.value(QStringLiteral("CreatedBy")).toString();
        entry.tags = strings(o.value(QStringLiteral("Tags")));
        entry.size = integer(o, "Size", 0);
        entry.comment = o.value(QStringLiteral("Comment")).toString();
        result << entry;
    }
    return result;
}

std::optional<EngineImageDetails> EngineClient::inspectImage(const QString &ref, Error *error)
{
    const auto doc =
        getJson("/images/" + enginePathSegment(ref) + "/json", error, Error::Kind::NoSuchImage);
    if (!doc)
        return std::nullopt;
    const QJsonObject o = doc->object();
    EngineImageDetails details;
    details.id = withDigestPrefix(o.value(QStringLiteral("Id")).toString());
    details.repoTags = strings(o.value(QStringLiteral("RepoTags")));
    details.diffIds =
        strings(o.value(QStringLiteral("RootFS")).toObject().value(QStringLiteral("Layers")));
    details.size = integer(o, "Size");
    details.graphDriver = graphDriverFrom(o);
    if (details.id.isEmpty()) {
        *error = failure(Error::Kind::MalformedJson,
                         QStringLiteral("the engine's description of %1 has no Id").arg(ref));
        return std::nullopt;
    }
    return details;
}

std::optional<EngineContainerDetails> EngineClient::inspectContainer(const QString &ref,
                                                                     Error *error)
{
    const auto doc = getJson("/containers/" + enginePathSegment(ref) + "/json?size=1", error);
    if (!doc)
        return std::nullopt;
    const QJsonObject o = doc->object();
    EngineContainerDetails details;
    details.id = o.value(QStringLiteral("Id")).toString();
    details.name = o.value(QStringLiteral("Name")).toString();
    if (details.name.startsWith(QLatin1Char('/')))
        details.name = details.name.mid(1);
    details.imageId = withDigestPrefix(o.value(QStringLiteral("Image")).toString());
    details.imageRef =
        o.value(QStringLiteral("Config")).toObject().value(QStringLiteral("Image")).toString();
    const QJsonObject state = o.value(QStringLiteral("State")).toObject();
    details.state = state.value(QStringLiteral("Status")).toString();
    details.running = state.value(QStringLiteral("Running")).toBool();
    details.sizeRw = integer(o, "SizeRw");
    details.sizeRootFs = integer(o, "SizeRootFs");
    details.created = o.value(QStringLiteral("Created")).toString();
    details.graphDriver = graphDriverFrom(o);
    if (details.id.isEmpty()) {
        *error = failure(Error::Kind::MalformedJson,
                         QStringLiteral("the engine's description of %1 has no Id").arg(ref));
        return std::nullopt;
    }
    return details;
}

std::optional<QList<EngineChange>> EngineClient::changes(const QString &container, Error *error)
{
    const auto doc = getJson("/containers/" + enginePathSegment(container) + "/changes", error);
    if (!doc)
        return std::nullopt;
    QList<EngineChange> result;
    for (const QJsonValue v : doc->array()) {
        const QJsonObject o = v.toObject();
        const qint64 kind = integer(o, "Kind", -1);
        const QString path = o.value(QStringLiteral("Path")).toString();
        if (path.isEmpty() || kind < 0 || kind > 2) {
            *error = failure(Error::Kind::MalformedJson,
                             QStringLiteral("the engine lists a change without a path or kind"));
            return std::nullopt;
        }
        result << EngineChange{path, EngineChange::Kind(kind)};
    }
    return result;
}

std::optional<EnginePathStat> EngineClient::statPath(const QString &container, const QString &path,
                                                     Error *error)
{
    HttpRequest request;
    request.head = true;
    request.path = "/containers/" + enginePathSegment(container) +
                   "/archive?path=" + QUrl::toPercentEncoding(path);
    HttpResponse response;
    if (!this->request(request, &response, error))
        return std::nullopt;
    const QByteArray header = response.header("x-docker-container-path-stat");
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromBase64(header)).object();
    if (o.isEmpty()) {
        *error = failure(Error::Kind::MalformedJson,
                         QStringLiteral("the engine gives no stat of %1").arg(path));
        return std::nullopt;
    }
    EnginePathStat stat;
    stat.name = o.value(QStringLiteral("name")).toString();
    stat.size = integer(o, "size", 0);
    stat.goMode = quint32(integer(o, "mode", 0));
    stat.mtime = QDateTime::fromString(o.value(QStringLiteral("mtime")).toString(), Qt::ISODate)
                     .toSecsSinceEpoch();
    // Podman fills linkTarget for every path; it means something for symlinks only.
    if (stat.type() == FileType::Symlink)
        stat.linkTarget = o.value(QStringLiteral("linkTarget")).toString();
    return stat;
}

bool EngineClient::saveImage(const QString &id,
                             const std::function<bool(const char *, size_t)> &sink,
                             const std::function<void(qint64)> &progress,
                             const std::atomic_bool *cancel, Error *error)
{
    HttpRequest request;
    request.path = "/images/" + enginePathSegment(id) + "/get";
    request.timeoutMs = 0;
    request.stallTimeoutMs = 120000; // the engine may think before its first byte
    request.cancel = cancel;
    request.sink = sink;
    if (progress)
        request.progress = [&](qint64 received, qint64) { progress(received); };
    HttpResponse response;
    return this->request(request, &response, error, Error::Kind::NoSuchImage);
}

std::optional<QByteArray> EngineClient::archivePath(const QString &container, const QString &path,
                                                    qint64 maxBytes, Error *error)
{
    HttpRequest request;
    request.path = "/containers/" + enginePathSegment(container) +
                   "/archive?path=" + QUrl::toPercentEncoding(path);
    QByteArray data;
    request.sink = [&](const char *chunk, size_t size) {
        data.append(chunk, qsizetype(qMin<qint64>(qint64(size), maxBytes - data.size())));
        return data.size() < maxBytes;
    };
    HttpResponse response;
    if (!this->request(request, &response, error) && error->kind != Error::Kind::Cancelled)
        return std::nullopt;
    *error = {};
    return data;
}

bool EngineClient::watchEvents(const std::function<void(const EngineEvent &)> &onEvent,
                               const std::atomic_bool *cancel, Error *error)
{
    HttpRequest request;
    request.path = "/events?filters=" +
                   QUrl::toPercentEncoding(QStringLiteral(R"({"type":["container","image"]})"));
    request.timeoutMs = 0;
    request.cancel = cancel;
    QByteArray pending;
    request.sink = [&](const char *data, size_t size) {
        pending.append(data, qsizetype(size));
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QJsonObject o = QJsonDocument::fromJson(pending.left(end)).object();
            pending.remove(0, end + 1);
            if (o.isEmpty())
                continue;
            EngineEvent event;
            event.type = o.value(QStringLiteral("Type")).toString();
            event.action = o.value(QStringLiteral("Action")).toString();
            const QJsonObject actor = o.value(QStringLiteral("Actor")).toObject();
            event.id = actor.value(QStringLiteral("ID")).toString();
            event.name = actor.value(QStringLiteral("Attributes"))
                             .toObject()
                             .value(QStringLiteral("name"))
                             .toString();
            onEvent(event);
        }
        return pending.size() < (1 << 20);
    };
    HttpResponse response;
    if (this->request(request, &response, error)) {
        *error = failure(Error::Kind::Unreachable, QStringLiteral("the engine ended its events"));
        return false;
    }
    if (error->kind == Error::Kind::Cancelled && cancel && cancel->load())
        return true;
    return false;
}

} // namespace strata

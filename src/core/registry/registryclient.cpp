#include "registry/registryclient.h"

#include "common/datasize.h"
#include "common/sha256.h"
#include "image/manifest.h"
#include "source/sourcesettings.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QUrl>
#include <QUrlQuery>

namespace strata {

namespace {
// The distribution spec lets registries refuse manifests over 4 MiB; a bigger one is hostile.
constexpr qint64 kMaxManifestBytes = qint64(4) << 20;
constexpr qint64 kMaxConfigBytes = qint64(64) << 20;
constexpr int kMaxRedirects = 5;
constexpr int kMaxTagPages = 1000;

const char *kManifestAccept = "Accept: application/vnd.oci.image.index.v1+json, "
                              "application/vnd.docker.distribution.manifest.list.v2+json, "
                              "application/vnd.oci.image.manifest.v1+json, "
                              "application/vnd.docker.distribution.manifest.v2+json";

// Authorization headers by registry, scope and credentials typed, shared by every client of the
// process: the threads fetching layers of one image ask for one token.
QMutex s_tokenMutex;
QHash<QString, QByteArray> &tokens()
{
    static QHash<QString, QByteArray> cache;
    return cache;
}

QString tokenKey(const QString &registry, const QString &scope)
{
    return registry + QLatin1Char('|') + scope + QLatin1Char('|') +
           QString::number(typedCredentialsChanges());
}

// `Bearer realm="https://auth.example/token",service="registry",scope="repository:a:pull"`
struct Challenge
{
    QByteArray scheme; // lower case: "bearer", "basic"
    QHash<QByteArray, QString> params;
};

Challenge parseChallenge(const QByteArray &header)
{
    Challenge c;
    const QByteArray text = header.trimmed();
    const qsizetype space = text.indexOf(' ');
    c.scheme = (space < 0 ? text : text.left(space)).toLower();
    if (space < 0)
        return c;
    qsizetype i = space + 1;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == ','))
            ++i;
        const qsizetype eq = text.indexOf('=', i);
        if (eq < 0)
            break;
        const QByteArray key = text.mid(i, eq - i).trimmed().toLower();
        i = eq + 1;
        QByteArray value;
        if (i < text.size() && text[i] == '"') {
            ++i;
            while (i < text.size() && text[i] != '"') {
                if (text[i] == '\\' && i + 1 < text.size())
                    ++i;
                value += text[i++];
            }
            ++i;
        } else {
            const qsizetype comma = text.indexOf(',', i);
            value = text.mid(i, comma < 0 ? -1 : comma - i).trimmed();
            i = comma < 0 ? text.size() : comma;
        }
        c.params.insert(key, QString::fromUtf8(value));
    }
    return c;
}

// "https://auth.docker.io/token?x=1" as the base HttpClient connects to and the path it asks.
std::pair<QString, QByteArray> splitUrl(const QUrl &url)
{
    const QString base = url.scheme() + QStringLiteral("://") + url.authority();
    QByteArray path = url.path(QUrl::FullyEncoded).toUtf8();
    if (path.isEmpty())
        path = "/";
    if (url.hasQuery())
        path += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    return {base, path};
}

// The codes of the distribution spec's error body: {"errors":[{"code":"MANIFEST_UNKNOWN"}]}.
QStringList errorCodes(const QByteArray &body)
{
    QStringList codes;
    const QJsonArray errors =
        QJsonDocument::fromJson(body).object().value(QStringLiteral("errors")).toArray();
    for (const QJsonValue e : errors)
        codes << e.toObject().value(QStringLiteral("code")).toString();
    return codes;
}

HttpEndpoint endpointFor(const QString &baseUrl, const QString &registry)
{
    HttpEndpoint endpoint;
    endpoint.baseUrl = baseUrl;
    for (const QString &dir : registryCertificateDirs(registry)) {
        if (QFileInfo::exists(dir + QStringLiteral("/ca.crt")) && endpoint.caFile.isEmpty())
            endpoint.caFile = dir + QStringLiteral("/ca.crt");
        if (QFileInfo::exists(dir + QStringLiteral("/client.cert")) &&
            QFileInfo::exists(dir + QStringLiteral("/client.key")) && endpoint.certFile.isEmpty()) {
            endpoint.certFile = dir + QStringLiteral("/client.cert");
            endpoint.keyFile = dir + QStringLiteral("/client.key");
        }
    }
    return endpoint;
}
} // namespace

QStringList registryCertificateDirs(const QString &registry)
{
    QStringList roots;
    if (const QString set = qEnvironmentVariable("STRATA_CERTS_D"); !set.isEmpty())
        roots << set;
    roots << QStringLiteral("/etc/docker/certs.d") << QStringLiteral("/etc/containers/certs.d");
    QStringList dirs;
    for (const QString &root : roots)
        dirs << root + QLatin1Char('/') + registry;
    return dirs;
}

struct RegistryClient::Transport
{
    HttpClient http;
    QString baseUrl;
};

RegistryClient::RegistryClient(QString registry, QString name)
    : m_registry(std::move(registry)), m_name(std::move(name))
{
}

RegistryClient::~RegistryClient() = default;
RegistryClient::RegistryClient(RegistryClient &&) noexcept = default;

namespace {
// The base URL each registry answered on, for the rest of the process: every thread fetching
// a layer makes its own client, and asking again (an https handshake refused by a plain HTTP
// registry, the system's CA bundle parsed again) costs more than the request itself.
QMutex s_baseMutex;
QHash<QString, QString> &knownBases()
{
    static QHash<QString, QString> bases;
    return bases;
}
} // namespace

bool RegistryClient::connect(Error *error)
{
    if (m_transport)
        return true;
    {
        QMutexLocker lock(&s_baseMutex);
        if (const QString known = knownBases().value(m_registry); !known.isEmpty()) {
            m_transport = std::make_unique<Transport>(
                Transport{HttpClient(endpointFor(known, m_registry)), known});
            return true;
        }
    }
    RegistryReference hub;
    hub.registry = m_registry;
    const QString host = hub.apiHost();
    const bool plainAllowed =
        isLoopbackHost(host) || SourceSettings::load().insecureRegistries.contains(m_registry);
    // GET /v2/ says whether the registry is there and speaks the API (401 is an answer too).
    int status = 0;
    auto tryBase = [&](const QString &base, Error *failed) {
        auto transport =
            std::make_unique<Transport>(Transport{HttpClient(endpointFor(base, m_registry)), base});
        HttpRequest request;
        request.path = "/v2/";
        request.timeoutMs = 30000;
        HttpResponse response;
        if (!transport->http.send(request, &response, failed))
            return false;
        status = response.status;
        m_transport = std::move(transport);
        return true;
    };
    auto remember = [&] {
        QMutexLocker lock(&s_baseMutex);
        knownBases().insert(m_registry, m_transport->baseUrl);
        return true;
    };
    // As Docker does: a loopback or insecure registry that does not speak TLS is asked in
    // plain HTTP; any other must speak TLS. This machine's registries are asked in plain HTTP
    // first (no credentials go with GET /v2/): a TLS one answers that with 400 (or redirects
    // to https), and is then asked over TLS.
    Error secure;
    Error plain;
    if (plainAllowed && tryBase(QStringLiteral("http://") + host, &plain)) {
        if (status != 400 && (status < 300 || status >= 400))
            return remember();
        m_transport.reset();
    }
    if (tryBase(QStringLiteral("https://") + host, &secure))
        return remember();
    *error = Error::make(
        secure.kind, m_name,
        QStringLiteral("the registry %1 does not answer: %2").arg(m_registry, secure.message));
    return false;
}

bool RegistryClient::authorize(const HttpResponse &challenge, const QString &scope, Error *error)
{
    if (!m_credentialsLooked) {
        m_credentials = storedCredentials(m_registry);
        m_credentialsLooked = true;
    }
    const Challenge c = parseChallenge(challenge.header("www-authenticate"));
    const QString key = tokenKey(m_registry, scope);
    QByteArray basic;
    if (m_credentials && !m_credentials->username.isEmpty())
        basic = "Basic " + (m_credentials->username + QLatin1Char(':') + m_credentials->password)
                               .toUtf8()
                               .toBase64();
    if (c.scheme == "basic") {
        if (basic.isEmpty()) {
            *error = Error::make(Error::Kind::Denied, m_name,
                                 QStringLiteral("the registry %1 asks for a user name and "
                                                "password, and none is stored (looked in %2)")
                                     .arg(m_registry, credentialPlaces()));
            return false;
        }
        QMutexLocker lock(&s_tokenMutex);
        tokens().insert(key, basic);
        return true;
    }
    if (c.scheme != "bearer" || c.params.value("realm").isEmpty()) {
        *error = Error::make(Error::Kind::Unsupported, m_name,
                             QStringLiteral("the registry %1 asks for an authentication Strata "
                                            "does not speak (%2)")
                                 .arg(m_registry, QString::fromUtf8(c.scheme)));
        return false;
    }
    QUrl realm(c.params.value("realm"));
    if (!realm.isValid() ||
        (realm.scheme() != QLatin1String("https") &&
         !(realm.scheme() == QLatin1String("http") && isLoopbackHost(realm.authority())))) {
        *error = Error::make(Error::Kind::Unsupported, m_name,
                             QStringLiteral("the registry %1 names a token service Strata will not "
                                            "send credentials to: %2")
                                 .arg(m_registry, realm.toString()));
        return false;
    }
    QUrlQuery query(realm);
    if (const QString service = c.params.value("service"); !service.isEmpty())
        query.addQueryItem(QStringLiteral("service"), service);
    if (!scope.isEmpty())
        query.addQueryItem(QStringLiteral("scope"), scope);
    realm.setQuery(query);
    const auto [base, path] = splitUrl(realm);
    HttpClient tokenService(endpointFor(base, realm.authority()));
    HttpRequest request;
    request.path = path;
    request.maxBody = 1 << 20;
    request.timeoutMs = 30000;
    if (!basic.isEmpty())
        request.headers << "Authorization: " + basic;
    HttpResponse response;
    Error failed;
    if (!tokenService.send(request, &response, &failed)) {
        *error = Error::make(
            failed.kind, m_name,
            QStringLiteral("the token service %1 does not answer: %2").arg(base, failed.message));
        return false;
    }
    if (response.status == 401 || response.status == 403) {
        *error = Error::make(
            Error::Kind::Denied, m_name,
            m_credentials ? QStringLiteral("the registry %1 refused the credentials "
                                           "of %2 from %3")
                                .arg(m_registry, m_credentials->username, m_credentials->origin)
                          : QStringLiteral("the registry %1 gives no anonymous "
                                           "access, and no credentials are stored "
                                           "(looked in %2)")
                                .arg(m_registry, credentialPlaces()));
        return false;
    }
    if (!response.ok()) {
        *error = statusError(response, QStringLiteral("a token"));
        return false;
    }
    const QJsonObject o = QJsonDocument::fromJson(response.body).object();
    QString token = o.value(QStringLiteral("token")).toString();
    if (token.isEmpty())
        token = o.value(QStringLiteral("access_token")).toString();
    if (token.isEmpty()) {
        *error =
            Error::make(Error::Kind::ServerError, m_name,
                        QStringLiteral("the token service %1 answered without a token").arg(base));
        return false;
    }
    QMutexLocker lock(&s_tokenMutex);
    tokens().insert(key, "Bearer " + token.toUtf8());
    return true;
}

bool RegistryClient::send(HttpRequest request, const QString &scope, HttpResponse *response,
                          Error *error)
{
    if (!connect(error))
        return false;
    const QString key = tokenKey(m_registry, scope);
    const QList<QByteArray> headers = request.headers;
    for (int attempt = 0; attempt < 2; ++attempt) {
        request.headers = headers;
        {
            QMutexLocker lock(&s_tokenMutex);
            if (const QByteArray auth = tokens().value(key); !auth.isEmpty())
                request.headers << "Authorization: " + auth;
        }
        Error failed;
        if (!m_transport->http.send(request, response, &failed)) {
            *error = Error::make(failed.kind, m_name, failed.message);
            return false;
        }
        if (response->status != 401 || attempt > 0)
            return true;
        {
            QMutexLocker lock(&s_tokenMutex);
            tokens().remove(key);
        }
        if (!authorize(*response, scope, error))
            return false;
    }
    return true;
}

Error RegistryClient::statusError(const HttpResponse &response, const QString &what) const
{
    const QStringList codes = errorCodes(response.body);
    const QString codeText =
        codes.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(codes.join(QStringLiteral(", ")));
    switch (response.status) {
    case 401:
        return Error::make(Error::Kind::Denied, m_name,
                           m_credentials ? QStringLiteral("the registry %1 refused the credentials "
                                                          "of %2 from %3 for %4")
                                               .arg(m_registry, m_credentials->username,
                                                    m_credentials->origin, what)
                                         : QStringLiteral("the registry %1 asks for credentials "
                                                          "for %2, and none are stored (looked in "
                                                          "%3)")
                                               .arg(m_registry, what, credentialPlaces()));
    case 403:
        return Error::make(Error::Kind::Denied, m_name,
                           QStringLiteral("the registry %1 denies access to %2 (%3)")
                               .arg(m_registry, what,
                                    m_credentials
                                        ? QStringLiteral("credentials of %1 from %2")
                                              .arg(m_credentials->username, m_credentials->origin)
                                        : QStringLiteral("anonymous")));
    case 404:
        return Error::make(
            Error::Kind::NoSuchImage, m_name,
            QStringLiteral("the registry %1 has no %2%3").arg(m_registry, what, codeText));
    case 429: {
        QString when;
        const QByteArray retry = response.header("retry-after");
        bool seconds = false;
        const int wait = retry.toInt(&seconds);
        if (seconds)
            when = QStringLiteral("; retry in %1 s").arg(wait);
        else if (!retry.isEmpty())
            when = QStringLiteral("; retry after %1").arg(QString::fromLatin1(retry));
        else
            when = QStringLiteral("; retry later");
        return Error::make(
            Error::Kind::ServerError, m_name,
            QStringLiteral("the registry %1 limits how often it is asked (429 Too Many "
                           "Requests)%2")
                .arg(m_registry, when));
    }
    default:
        return Error::make(Error::Kind::ServerError, m_name,
                           QStringLiteral("the registry %1 answered %2 to the request for %3%4")
                               .arg(m_registry)
                               .arg(response.status)
                               .arg(what, codeText));
    }
}

namespace {
// A tag or digest as a path segment: the colon of "sha256:..." stays, as Docker sends it;
// anything that could leave the segment ("/", "?") is escaped.
QByteArray pathSegment(const QString &reference)
{
    return QUrl::toPercentEncoding(reference, ":");
}

QString pullScope(const QString &repository)
{
    return QStringLiteral("repository:%1:pull").arg(repository);
}
} // namespace

std::optional<RegistryManifest> RegistryClient::manifest(const QString &repository,
                                                         const QString &reference, Error *error)
{
    HttpRequest request;
    request.path = "/v2/" + repository.toUtf8() + "/manifests/" + pathSegment(reference);
    request.headers << kManifestAccept;
    request.maxBody = kMaxManifestBytes;
    request.timeoutMs = 60000;
    HttpResponse response;
    if (!send(request, pullScope(repository), &response, error)) {
        if (error->kind == Error::Kind::LimitExceeded)
            error->message = QStringLiteral("the manifest %1 is larger than %2, more than any "
                                            "registry accepts")
                                 .arg(reference, formatDataSize(kMaxManifestBytes));
        return std::nullopt;
    }
    const bool isDigest = reference.contains(QLatin1Char(':'));
    if (!response.ok()) {
        *error = statusError(
            response, isDigest ? QStringLiteral("manifest %1 in %2").arg(reference, repository)
                               : QStringLiteral("tag \"%1\" in %2").arg(reference, repository));
        if (response.status == 404 &&
            errorCodes(response.body).contains(QLatin1String("NAME_UNKNOWN")))
            error->message =
                QStringLiteral("the registry %1 has no repository %2").arg(m_registry, repository);
        return std::nullopt;
    }
    RegistryManifest m;
    m.body = response.body;
    m.digest = QStringLiteral("sha256:") + QString::fromLatin1(Sha256::hash(m.body).toHex());
    m.mediaType = QString::fromLatin1(response.header("content-type"))
                      .section(QLatin1Char(';'), 0, 0)
                      .trimmed();
    const QJsonObject o = QJsonDocument::fromJson(m.body).object();
    if (const QString declared = o.value(QStringLiteral("mediaType")).toString();
        !declared.isEmpty())
        m.mediaType = declared;
    const QString claimed =
        isDigest ? reference : QString::fromLatin1(response.header("docker-content-digest"));
    if (!claimed.isEmpty() && claimed.startsWith(QLatin1String("sha256:")) && claimed != m.digest) {
        *error =
            Error::make(Error::Kind::DigestMismatch, m_name,
                        QStringLiteral("the manifest the registry %1 sent for %2 is not %3: its "
                                       "bytes are %4")
                            .arg(m_registry, reference, claimed, m.digest));
        return std::nullopt;
    }
    return m;
}

std::optional<QStringList> RegistryClient::tags(const QString &repository, Error *error)
{
    QStringList all;
    QByteArray path = "/v2/" + repository.toUtf8() + "/tags/list";
    for (int page = 0; page < kMaxTagPages && !path.isEmpty(); ++page) {
        HttpRequest request;
        request.path = path;
        request.maxBody = qint64(16) << 20;
        HttpResponse response;
        if (!send(request, pullScope(repository), &response, error))
            return std::nullopt;
        if (!response.ok()) {
            *error = statusError(response, QStringLiteral("repository %1").arg(repository));
            return std::nullopt;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(response.body);
        if (!doc.isObject()) {
            *error = Error::make(
                Error::Kind::MalformedJson, m_name,
                QStringLiteral("the registry %1 sent a tag list that is not JSON").arg(m_registry));
            return std::nullopt;
        }
        for (const QJsonValue tag : doc.object().value(QStringLiteral("tags")).toArray())
            all << tag.toString();
        // The next page, when there is one: `Link: </v2/...?last=x&n=y>; rel="next"`.
        path.clear();
        const QByteArray link = response.header("link");
        if (const qsizetype open = link.indexOf('<'), close = link.indexOf('>');
            open >= 0 && close > open && link.contains("rel=\"next\"")) {
            const QUrl next = QUrl(QString::fromUtf8(link.mid(open + 1, close - open - 1)));
            path = splitUrl(QUrl(m_transport->baseUrl).resolved(next)).second;
        }
    }
    all.removeDuplicates();
    return all;
}

std::optional<QByteArray> RegistryClient::smallBlob(const QString &repository,
                                                    const QString &digest, qint64 size,
                                                    Error *error)
{
    QByteArray data;
    const qint64 limit = size >= 0 ? qMin(size, kMaxConfigBytes) : kMaxConfigBytes;
    Error tooBig;
    const bool ok = streamBlob(
        repository, digest, 0,
        [&](const char *bytes, size_t n) {
            if (data.size() + qint64(n) > limit) {
                tooBig = Error::make(Error::Kind::LimitExceeded, m_name,
                                     QStringLiteral("the blob %1 is larger than %2")
                                         .arg(digest, formatDataSize(limit)));
                return false;
            }
            data.append(bytes, qsizetype(n));
            return true;
        },
        nullptr, error);
    if (tooBig) {
        *error = tooBig;
        return std::nullopt;
    }
    if (!ok)
        return std::nullopt;
    Error problem;
    if (!matchesDescriptor(data, digest, size, m_name, digest, &problem)) {
        *error = problem;
        error->message =
            QStringLiteral("what the registry %1 sent for blob %2 is not that blob: %3")
                .arg(m_registry, digest, problem.message);
        return std::nullopt;
    }
    return data;
}

bool RegistryClient::streamBlob(const QString &repository, const QString &digest, qint64 offset,
                                const std::function<bool(const char *, size_t)> &sink,
                                const std::atomic_bool *cancel, Error *error)
{
    HttpRequest request;
    request.path = "/v2/" + repository.toUtf8() + "/blobs/" + pathSegment(digest);
    request.timeoutMs = 0;
    request.stallTimeoutMs = 60000;
    request.cancel = cancel;
    if (offset > 0)
        request.headers << "Range: bytes=" + QByteArray::number(offset) + '-';
    // A server that ignores the Range sends the whole blob (200, not 206): its first `offset`
    // bytes are dropped.
    qint64 skip = 0;
    request.started = [&](int status) { skip = offset > 0 && status == 200 ? offset : 0; };
    request.sink = [&](const char *data, size_t size) {
        if (skip > 0) {
            const qint64 dropped = qMin<qint64>(skip, qint64(size));
            skip -= dropped;
            data += dropped;
            size -= size_t(dropped);
            if (size == 0)
                return true;
        }
        return sink(data, size);
    };
    HttpResponse response;
    if (!send(request, pullScope(repository), &response, error))
        return false;
    for (int hop = 0; hop < kMaxRedirects && response.status >= 300 && response.status < 400;
         ++hop) {
        const QUrl location = QUrl(m_transport->baseUrl + QString::fromUtf8(request.path))
                                  .resolved(QUrl(QString::fromUtf8(response.header("location"))));
        const auto [base, path] = splitUrl(location);
        // Blob storage elsewhere (S3, a CDN) gets a signed URL and never the registry's
        // credentials.
        HttpRequest moved = request;
        moved.path = path;
        if (base != m_transport->baseUrl) {
            HttpClient storage(endpointFor(base, location.authority()));
            Error failed;
            if (!storage.send(moved, &response, &failed)) {
                *error = Error::make(failed.kind, m_name,
                                     QStringLiteral("the blob storage %1 the registry sent Strata "
                                                    "to: %2")
                                         .arg(base, failed.message));
                return false;
            }
        } else if (!send(moved, pullScope(repository), &response, error)) {
            return false;
        }
        request = moved;
    }
    if (!response.ok()) {
        *error = statusError(response, QStringLiteral("blob %1 in %2").arg(digest, repository));
        return false;
    }
    return true;
}

} // namespace strata

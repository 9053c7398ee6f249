#include "net/httpclient.h"

#include "common/datasize.h"

#include <QUrl>

#include <curl/curl.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>

namespace strata {

QString HttpEndpoint::toString() const
{
    if (!unixSocket.isEmpty())
        return QStringLiteral("unix://") + unixSocket;
    return baseUrl;
}

QByteArray HttpResponse::header(const QByteArray &lowercaseName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowercaseName)
            return value;
    }
    return {};
}

QByteArray urlEncoded(const QString &text)
{
    return QUrl::toPercentEncoding(text);
}

struct HttpClient::Handle
{
    CURL *curl = nullptr;
    ~Handle()
    {
        if (curl)
            curl_easy_cleanup(curl);
    }
};

namespace {

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// What one transfer collects, shared with libcurl's callbacks.
struct Transfer
{
    CURL *curl = nullptr;
    const HttpRequest *request = nullptr;
    HttpResponse *response = nullptr;
    bool overLimit = false;
    bool sinkStopped = false;
    bool sinkStarted = false;
    qint64 received = 0;
    std::chrono::steady_clock::time_point lastByte = std::chrono::steady_clock::now();
    bool stalled = false;
};

size_t onBody(char *data, size_t size, size_t count, void *user)
{
    auto *t = static_cast<Transfer *>(user);
    const size_t bytes = size * count;
    t->received += qint64(bytes);
    t->lastByte = std::chrono::steady_clock::now();
    long status = 0;
    curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &status);
    // An error reply's body says why: it is collected whatever the request streams.
    if (t->request->sink && status >= 200 && status < 300) {
        if (!t->sinkStarted && t->request->started)
            t->request->started(int(status));
        t->sinkStarted = true;
        if (!t->request->sink(data, bytes)) {
            t->sinkStopped = true;
            return 0;
        }
        return bytes;
    }
    if (qint64(t->response->body.size()) + qint64(bytes) > t->request->maxBody) {
        t->overLimit = true;
        return 0;
    }
    t->response->body.append(data, qsizetype(bytes));
    return bytes;
}

size_t onHeader(char *data, size_t size, size_t count, void *user)
{
    auto *t = static_cast<Transfer *>(user);
    const size_t bytes = size * count;
    const QByteArray line = QByteArray(data, qsizetype(bytes)).trimmed();
    if (line.startsWith("HTTP/")) {
        // A new reply (after a redirect or a 100 Continue): forget the previous headers.
        t->response->headers.clear();
        return bytes;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon > 0)
        t->response->headers.append(
            {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    return bytes;
}

int onProgress(void *user, curl_off_t total, curl_off_t now, curl_off_t, curl_off_t)
{
    auto *t = static_cast<Transfer *>(user);
    const HttpRequest &r = *t->request;
    if (r.cancel && r.cancel->load(std::memory_order_relaxed))
        return 1;
    if (r.stallTimeoutMs > 0 && std::chrono::steady_clock::now() - t->lastByte >
                                    std::chrono::milliseconds(r.stallTimeoutMs)) {
        t->stalled = true;
        return 1;
    }
    if (r.progress)
        r.progress(qint64(now), total > 0 ? qint64(total) : -1);
    return 0;
}

QString curlMessage(CURLcode code, const char *buffer)
{
    const QString detail = QString::fromUtf8(buffer).trimmed();
    return detail.isEmpty() ? QString::fromUtf8(curl_easy_strerror(code)) : detail;
}

} // namespace

HttpClient::HttpClient(HttpEndpoint endpoint)
    : m_endpoint(std::move(endpoint)), m_handle(std::make_unique<Handle>())
{
}

HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient &&) noexcept = default;
HttpClient &HttpClient::operator=(HttpClient &&) noexcept = default;

bool HttpClient::get(const QByteArray &path, HttpResponse *response, Error *error)
{
    HttpRequest request;
    request.path = path;
    return send(request, response, error);
}

bool HttpClient::send(const HttpRequest &request, HttpResponse *response, Error *error)
{
    initCurlOnce();
    *response = {};
    *error = {};
    const QString where = m_endpoint.toString();
    if (!m_handle->curl)
        m_handle->curl = curl_easy_init();
    CURL *curl = m_handle->curl;
    if (!curl) {
        *error = Error::make(Error::Kind::Io, where, QStringLiteral("libcurl cannot start"));
        return false;
    }
    curl_easy_reset(curl);

    Transfer transfer;
    transfer.curl = curl;
    transfer.request = &request;
    transfer.response = response;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    const QByteArray url = m_endpoint.baseUrl.toUtf8() + request.path;
    const QByteArray socket = m_endpoint.unixSocket.toLocal8Bit();
    const QByteArray ca = m_endpoint.caFile.toLocal8Bit();
    const QByteArray cert = m_endpoint.certFile.toLocal8Bit();
    const QByteArray key = m_endpoint.keyFile.toLocal8Bit();

    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "Strata");
    if (!socket.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_UNIX_SOCKET_PATH, socket.constData());
        curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
    }
    if (!ca.isEmpty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, ca.constData());
    if (!cert.isEmpty())
        curl_easy_setopt(curl, CURLOPT_SSLCERT, cert.constData());
    if (!key.isEmpty())
        curl_easy_setopt(curl, CURLOPT_SSLKEY, key.constData());
    if (!m_endpoint.verifyPeer) {
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    if (request.head)
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    if (request.followRedirects) {
        curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
    }
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(request.connectTimeoutMs));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(request.timeoutMs));
    // Large reads: an engine saving an image streams hundreds of megabytes.
    curl_easy_setopt(curl, CURLOPT_BUFFERSIZE, 512L * 1024);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);
    curl_slist *headers = nullptr;
    for (const QByteArray &h : request.headers)
        headers = curl_slist_append(headers, h.constData());
    if (headers)
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);

    const CURLcode code = curl_easy_perform(curl);
    if (headers)
        curl_slist_free_all(headers);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    response->status = int(status);
    if (code == CURLE_OK)
        return true;

    long osErrno = 0;
    curl_easy_getinfo(curl, CURLINFO_OS_ERRNO, &osErrno);
    auto fail = [&](Error::Kind kind, const QString &message) {
        *error = Error::make(kind, where, message);
        return false;
    };
    if (transfer.sinkStopped)
        return fail(Error::Kind::Cancelled, QStringLiteral("cancelled"));
    if (transfer.overLimit)
        return fail(
            Error::Kind::LimitExceeded,
            QStringLiteral("the reply is larger than %1").arg(formatDataSize(request.maxBody)));
    if (transfer.stalled)
        return fail(Error::Kind::Io, QStringLiteral("no data for %1 s; the transfer was stopped")
                                         .arg(request.stallTimeoutMs / 1000));
    switch (code) {
    case CURLE_ABORTED_BY_CALLBACK:
        return fail(Error::Kind::Cancelled, QStringLiteral("cancelled"));
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        if (osErrno == EACCES || osErrno == EPERM)
            return fail(Error::Kind::Denied, QStringLiteral("permission denied"));
        if (!socket.isEmpty() && osErrno == ENOENT)
            return fail(Error::Kind::Unreachable, QStringLiteral("no socket there"));
        if (osErrno == ECONNREFUSED)
            return fail(Error::Kind::Unreachable, QStringLiteral("nothing listens there"));
        return fail(Error::Kind::Unreachable, curlMessage(code, errorBuffer));
    case CURLE_OPERATION_TIMEDOUT:
        return fail(Error::Kind::Unreachable,
                    QStringLiteral("no reply in time (%1)").arg(curlMessage(code, errorBuffer)));
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
        return fail(Error::Kind::Denied,
                    QStringLiteral("TLS failed: %1").arg(curlMessage(code, errorBuffer)));
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
        return fail(Error::Kind::Io, QStringLiteral("the connection closed before the reply "
                                                    "ended (%1)")
                                         .arg(curlMessage(code, errorBuffer)));
    default:
        return fail(Error::Kind::Io, curlMessage(code, errorBuffer));
    }
}

} // namespace strata

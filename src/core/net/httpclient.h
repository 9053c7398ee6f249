#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <utility>

namespace strata {

// Where an HTTP server listens: a unix socket (an engine's) or a TCP address, with what TLS
// needs for https.
struct HttpEndpoint
{
    QString unixSocket; // when set, requests go through this socket and the URL's host is
                        // only what the Host header says
    QString baseUrl;    // "http://localhost", "https://10.0.0.5:2376", "http://127.0.0.1:5000"
    QString caFile;     // PEM files; empty: the system's CA store, no client certificate
    QString certFile;
    QString keyFile;
    bool verifyPeer = true;

    // How people write it: "unix:///var/run/docker.sock", "https://10.0.0.5:2376".
    QString toString() const;
};

struct HttpRequest
{
    QByteArray path; // "/v1.41/images/json?all=1": escaped, appended to the base URL
    bool head = false;
    QList<QByteArray> headers; // "Accept: application/json"
    bool followRedirects = false;
    // A reply body beyond this is an error (what a hostile server might send); streamed
    // bodies (`sink`) are not bounded here.
    qint64 maxBody = qint64(64) << 20;
    // 0: no bound. A stream that stays silent that long (no byte at all) ends with an error.
    int timeoutMs = 60000;
    int connectTimeoutMs = 5000;
    int stallTimeoutMs = 0;
    const std::atomic_bool *cancel = nullptr; // polled several times a second
    // When set, a 2xx reply's body is handed over as it arrives instead of collected (an error
    // reply's is still collected); returning false stops the transfer and send() returns
    // false with Cancelled.
    std::function<bool(const char *data, size_t size)> sink;
    // Called with the status before the first byte of a 2xx body goes to `sink`.
    std::function<void(int status)> started;
    std::function<void(qint64 received, qint64 total)> progress; // total -1 when unknown
};

struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers; // names lowercased, in order

    QByteArray header(const QByteArray &lowercaseName) const;
    bool ok() const { return status >= 200 && status < 300; }
};

// One connection to one server, kept open between requests (many small requests to an
// engine cost one connect). Speaks only what libcurl speaks for it; never writes anything a
// request does not say. Not thread-safe: one client per thread.
class HttpClient
{
public:
    explicit HttpClient(HttpEndpoint endpoint);
    ~HttpClient();
    HttpClient(HttpClient &&) noexcept;
    HttpClient &operator=(HttpClient &&) noexcept;

    const HttpEndpoint &endpoint() const { return m_endpoint; }

    // Sends one request. True when a reply arrived, whatever its status; false with *error
    // when none did: nothing listens (Unreachable), the socket refuses us (Denied), a
    // timeout, a connection closed mid-reply (Io), a body over maxBody (LimitExceeded), or
    // Cancelled. error->file is the endpoint.
    bool send(const HttpRequest &request, HttpResponse *response, Error *error);
    bool get(const QByteArray &path, HttpResponse *response, Error *error);

private:
    struct Handle;
    HttpEndpoint m_endpoint;
    std::unique_ptr<Handle> m_handle;
};

// Percent-encodes one query value or path segment.
QByteArray urlEncoded(const QString &text);

} // namespace strata

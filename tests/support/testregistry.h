#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

// A real registry for the tests: Debian's docker-registry (CNCF distribution) on 127.0.0.1 with
// its own configuration and storage in a temporary folder, stopped when the object goes. Plain
// HTTP by default; with TLS, a CA and a certificate made with openssl for 127.0.0.1 and
// htpasswd Basic auth for one user. Images get there with `skopeo copy`.
class TestRegistry
{
public:
    struct Options
    {
        bool tls = false;
        QString user; // with tls: Basic auth for this user
        QString password;
    };
    TestRegistry();
    explicit TestRegistry(const Options &options);
    ~TestRegistry();

    // Starts the registry and waits until it answers; false with *why when it does not.
    bool start(QString *why);
    void stop();

    // "127.0.0.1:PORT"
    QString host() const;
    // The folder holding `ca.crt` for this host, laid out as /etc/docker/certs.d (what
    // STRATA_CERTS_D names); empty without TLS.
    QString certsDir() const;
    QString storageDir() const { return m_dir.path() + QStringLiteral("/storage"); }
    // Where the registry keeps the bytes of blob or manifest `digest` ("sha256:..."), for
    // tests that damage them.
    QString storedBlob(const QString &digest) const;
    // Everything the registry logged so far (its access log among it).
    QByteArray log() const;
    // How many GET requests for blobs of `repository` the access log shows.
    int blobGets(const QString &repository) const;

    // skopeo copy SOURCE docker://HOST/DEST (`--all` copies every manifest of an index).
    bool push(const QString &source, const QString &dest, QString *why, bool all = false);

private:
    bool makeCertificates(QString *why);
    QTemporaryDir m_dir;
    Options m_options;
    int m_port = 0;
    std::unique_ptr<QProcess> m_process;
};

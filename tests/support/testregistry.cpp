#include "testregistry.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace {
bool run(const QString &program, const QStringList &arguments, QString *why,
         const QByteArray &input = {}, QByteArray *out = nullptr)
{
    QProcess process;
    process.start(program, arguments);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *why = program + QLatin1Char(' ') + arguments.join(QLatin1Char(' ')) +
               QStringLiteral(": ") +
               QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        return false;
    }
    if (out)
        *out = process.readAllStandardOutput();
    return true;
}

int freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}
} // namespace

TestRegistry::TestRegistry() : TestRegistry(Options{}) {}

TestRegistry::TestRegistry(const Options &options) : m_options(options) {}

TestRegistry::~TestRegistry()
{
    stop();
}

QString TestRegistry::host() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

QString TestRegistry::certsDir() const
{
    return m_options.tls ? m_dir.path() + QStringLiteral("/certs.d") : QString();
}

bool TestRegistry::makeCertificates(QString *why)
{
    const QString d = m_dir.path();
    const QString hostDir = certsDir() + QLatin1Char('/') + host();
    QDir().mkpath(hostDir);
    const QString ext = d + QStringLiteral("/ext.cnf");
    QFile f(ext);
    f.open(QIODevice::WriteOnly);
    f.write("subjectAltName=IP:127.0.0.1\n");
    f.close();
    return run(QStringLiteral("openssl"),
               {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=Strata test CA"),
                QStringLiteral("-keyout"), d + QStringLiteral("/ca.key"), QStringLiteral("-out"),
                hostDir + QStringLiteral("/ca.crt")},
               why) &&
           run(QStringLiteral("openssl"),
               {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                QStringLiteral("-keyout"), d + QStringLiteral("/server.key"),
                QStringLiteral("-out"), d + QStringLiteral("/server.csr")},
               why) &&
           run(QStringLiteral("openssl"),
               {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                d + QStringLiteral("/server.csr"), QStringLiteral("-CA"),
                hostDir + QStringLiteral("/ca.crt"), QStringLiteral("-CAkey"),
                d + QStringLiteral("/ca.key"), QStringLiteral("-CAcreateserial"),
                QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), ext,
                QStringLiteral("-out"), d + QStringLiteral("/server.crt")},
               why);
}

bool TestRegistry::start(QString *why)
{
    if (!m_dir.isValid()) {
        *why = QStringLiteral("no temporary folder");
        return false;
    }
    m_port = freePort();
    const QString d = m_dir.path();
    QByteArray config = "version: 0.1\n"
                        "log:\n  level: info\n  accesslog:\n    disabled: false\n"
                        "storage:\n  filesystem:\n    rootdirectory: " +
                        storageDir().toUtf8() +
                        "\n  delete:\n    enabled: true\n"
                        "http:\n  addr: " +
                        host().toUtf8() + "\n";
    if (m_options.tls) {
        if (!makeCertificates(why))
            return false;
        config += "  tls:\n    certificate: " + d.toUtf8() + "/server.crt\n    key: " + d.toUtf8() +
                  "/server.key\n";
    }
    if (!m_options.user.isEmpty()) {
        QByteArray line;
        if (!run(QStringLiteral("htpasswd"),
                 {QStringLiteral("-Bbn"), m_options.user, m_options.password}, why, {}, &line))
            return false;
        QFile htpasswd(d + QStringLiteral("/htpasswd"));
        htpasswd.open(QIODevice::WriteOnly);
        htpasswd.write(line.trimmed() + '\n');
        htpasswd.close();
        config +=
            "auth:\n  htpasswd:\n    realm: strata-test\n    path: " + d.toUtf8() + "/htpasswd\n";
    }
    QFile file(d + QStringLiteral("/config.yml"));
    if (!file.open(QIODevice::WriteOnly) || file.write(config) != config.size()) {
        *why = QStringLiteral("cannot write the registry's configuration");
        return false;
    }
    file.close();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(d + QStringLiteral("/registry.log"));
    m_process->start(QStringLiteral("docker-registry"),
                     {QStringLiteral("serve"), d + QStringLiteral("/config.yml")});
    if (!m_process->waitForStarted(10000)) {
        *why = QStringLiteral("docker-registry does not start (the docker-registry package)");
        return false;
    }
    const QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (socket.waitForConnected(200))
            return true;
        if (m_process->state() != QProcess::Running)
            break;
        QThread::msleep(50);
    }
    *why = QStringLiteral("docker-registry did not listen on %1: %2")
               .arg(host(), QString::fromLocal8Bit(log()));
    return false;
}

void TestRegistry::stop()
{
    if (!m_process)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(10000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
}

QString TestRegistry::storedBlob(const QString &digest) const
{
    const QString hex = digest.mid(7);
    return storageDir() + QStringLiteral("/docker/registry/v2/blobs/sha256/") + hex.left(2) +
           QLatin1Char('/') + hex + QStringLiteral("/data");
}

QByteArray TestRegistry::log() const
{
    QFile file(m_dir.path() + QStringLiteral("/registry.log"));
    file.open(QIODevice::ReadOnly);
    return file.readAll();
}

int TestRegistry::blobGets(const QString &repository) const
{
    // The access log's lines: `... "GET /v2/REPO/blobs/sha256:... HTTP/1.1" 200 ...`.
    const QByteArray needle = "\"GET /v2/" + repository.toUtf8() + "/blobs/";
    int count = 0;
    for (const QByteArray &line : log().split('\n')) {
        if (line.contains(needle))
            ++count;
    }
    return count;
}

bool TestRegistry::push(const QString &source, const QString &dest, QString *why, bool all)
{
    QStringList arguments{QStringLiteral("copy"), QStringLiteral("--quiet")};
    if (all)
        arguments << QStringLiteral("--all");
    if (m_options.tls)
        arguments << QStringLiteral("--dest-cert-dir") << certsDir() + QLatin1Char('/') + host();
    else
        arguments << QStringLiteral("--dest-tls-verify=false");
    if (!m_options.user.isEmpty())
        arguments << QStringLiteral("--dest-creds")
                  << m_options.user + QLatin1Char(':') + m_options.password;
    arguments << source << QStringLiteral("docker://") + host() + QLatin1Char('/') + dest;
    return run(QStringLiteral("skopeo"), arguments, why);
}

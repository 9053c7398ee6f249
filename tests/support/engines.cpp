#include "engines.h"

#include "imagewriter/imagewriter.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QStandardPaths>
#include <QThread>

#include <algorithm>

#include <csignal>
#include <sys/mount.h>

namespace {

// Debian's binaries, wherever PATH puts another client first.
QString tool(const QString &name)
{
    for (const QString &dir : {QStringLiteral("/usr/bin"), QStringLiteral("/usr/sbin")}) {
        const QString path = dir + QLatin1Char('/') + name;
        if (QFileInfo(path).isExecutable())
            return path;
    }
    return QStandardPaths::findExecutable(name);
}

// Processes whose command line names `dir` (containerd, shims, conmon): they outlive a
// killed daemon.
void killProcessesUsing(const QString &dir)
{
    const QByteArray needle = dir.toLocal8Bit();
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        bool ok = false;
        const int n = pid.toInt(&ok);
        if (!ok || n == getpid())
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(needle))
            ::kill(n, SIGKILL);
    }
}

// Mounts under `dir`, deepest first, detached so that the folder can go.
void unmountUnder(const QString &dir)
{
    QFile mountinfo(QStringLiteral("/proc/self/mountinfo"));
    if (!mountinfo.open(QIODevice::ReadOnly))
        return;
    QStringList points;
    for (const QByteArray &line : mountinfo.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() > 4) {
            const QString point = QString::fromLocal8Bit(fields[4]);
            if (point.startsWith(dir))
                points << point;
        }
    }
    std::sort(points.begin(), points.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &point : points)
        umount2(point.toLocal8Bit().constData(), MNT_DETACH);
}

} // namespace

TestEngine::TestEngine()
{
    m_dir.setAutoRemove(true);
}

TestEngine::~TestEngine() = default;

QString TestEngine::location(const QString &ref) const
{
    return scheme() + QStringLiteral("://") + ref + QStringLiteral("?host=") + host();
}

QByteArray TestEngine::output(const QStringList &arguments)
{
    QByteArray out;
    QString error;
    if (!cli(arguments, &out, &error))
        qWarning("%s", qPrintable(error));
    return out;
}

void TestEngine::kill()
{
    if (m_daemon && m_daemon->state() != QProcess::NotRunning) {
        m_daemon->kill();
        m_daemon->waitForFinished(10000);
    }
}

bool TestEngine::cli(const QStringList &arguments, QByteArray *out, QString *error,
                     const QByteArray &input)
{
    QProcess process;
    process.start(program(), globalArguments() + arguments);
    if (!input.isEmpty()) {
        process.write(input);
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(300000)) {
        if (error)
            *error = QStringLiteral("%1 %2 did not finish").arg(program(), arguments.join(' '));
        process.kill();
        return false;
    }
    if (out)
        *out = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("%1 %2: %3")
                         .arg(program(), arguments.join(' '),
                              QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

QStringList TestEngine::runArguments() const
{
    QStringList arguments{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                          QStringLiteral("none")};
    // Podman's conmon passes the caller's limits on; a sandbox's may be below what crun wants.
    if (isPodman())
        arguments << QStringLiteral("--ulimit") << QStringLiteral("nofile=1024:1024")
                  << QStringLiteral("--ulimit") << QStringLiteral("nproc=1024:1024");
    return arguments;
}

bool TestEngine::waitUntilAnswering(QString *why)
{
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        if (m_daemon->state() == QProcess::NotRunning) {
            QFile log(m_dir.path() + QStringLiteral("/daemon.log"));
            log.open(QIODevice::ReadOnly);
            *why = QStringLiteral("%1 exited: %2")
                       .arg(m_daemon->program(), QString::fromLocal8Bit(log.readAll().right(2000)));
            return false;
        }
        if (QFileInfo::exists(socketPath()) && cli({QStringLiteral("version")}))
            return true;
        QThread::msleep(200);
    }
    *why = QStringLiteral("%1 did not answer within 60 s").arg(m_daemon->program());
    return false;
}

void TestEngine::cleanUp()
{
    if (m_daemon && m_daemon->state() != QProcess::NotRunning) {
        m_daemon->terminate();
        if (!m_daemon->waitForFinished(30000)) {
            m_daemon->kill();
            m_daemon->waitForFinished(10000);
        }
    }
    m_daemon.reset();
    killProcessesUsing(m_dir.path());
    unmountUnder(m_dir.path());
}

DockerEngine::DockerEngine(QString storageDriver) : m_driver(std::move(storageDriver)) {}

DockerEngine::~DockerEngine()
{
    stop();
}

QString DockerEngine::program() const
{
    return tool(QStringLiteral("docker"));
}

QStringList DockerEngine::globalArguments() const
{
    return {QStringLiteral("-H"), host()};
}

bool DockerEngine::start(QString *why)
{
    const QString d = m_dir.path();
    // An empty daemon.json: whatever /etc/docker/daemon.json says does not apply.
    QFile config(d + QStringLiteral("/daemon.json"));
    config.open(QIODevice::WriteOnly);
    config.write("{}\n");
    config.close();
    m_daemon = std::make_unique<QProcess>();
    m_daemon->setStandardOutputFile(d + QStringLiteral("/daemon.log"));
    m_daemon->setStandardErrorFile(d + QStringLiteral("/daemon.log"), QIODevice::Append);
    const QString name = QFileInfo(d).fileName();
    m_daemon->start(tool(QStringLiteral("dockerd")),
                    {QStringLiteral("--config-file"), config.fileName(),
                     QStringLiteral("--data-root"), dataRoot(), QStringLiteral("--exec-root"),
                     d + QStringLiteral("/exec"), QStringLiteral("--pidfile"),
                     d + QStringLiteral("/docker.pid"), QStringLiteral("-H"), host(),
                     QStringLiteral("--storage-driver"), m_driver,
                     // A containerd the machine runs already is shared: keep to our own names.
                     QStringLiteral("--containerd-namespace"), name,
                     QStringLiteral("--containerd-plugins-namespace"), name + QStringLiteral("-p"),
                     QStringLiteral("--bridge=none"), QStringLiteral("--iptables=false"),
                     QStringLiteral("--ip6tables=false")});
    if (!m_daemon->waitForStarted(10000)) {
        *why = QStringLiteral("dockerd cannot start: ") + m_daemon->errorString();
        return false;
    }
    return waitUntilAnswering(why);
}

void DockerEngine::stop()
{
    if (!m_daemon)
        return;
    QByteArray ids;
    if (m_daemon->state() != QProcess::NotRunning &&
        cli({QStringLiteral("ps"), QStringLiteral("-aq")}, &ids) && !ids.trimmed().isEmpty()) {
        QStringList arguments{QStringLiteral("rm"), QStringLiteral("-f")};
        for (const QByteArray &id : ids.trimmed().split('\n'))
            arguments << QString::fromLatin1(id);
        cli(arguments);
    }
    cleanUp();
}

PodmanEngine::PodmanEngine() = default;

PodmanEngine::~PodmanEngine()
{
    stop();
}

QString PodmanEngine::program() const
{
    return tool(QStringLiteral("podman"));
}

QStringList PodmanEngine::globalArguments() const
{
    const QString d = m_dir.path();
    return {QStringLiteral("--root"),           d + QStringLiteral("/root"),
            QStringLiteral("--runroot"),        d + QStringLiteral("/run"),
            QStringLiteral("--tmpdir"),         d + QStringLiteral("/tmp"),
            QStringLiteral("--storage-driver"), QStringLiteral("overlay"),
            QStringLiteral("--cgroup-manager"), QStringLiteral("cgroupfs"),
            QStringLiteral("--events-backend"), QStringLiteral("file")};
}

bool PodmanEngine::start(QString *why)
{
    m_daemon = std::make_unique<QProcess>();
    m_daemon->setStandardOutputFile(m_dir.path() + QStringLiteral("/daemon.log"));
    m_daemon->setStandardErrorFile(m_dir.path() + QStringLiteral("/daemon.log"), QIODevice::Append);
    m_daemon->start(program(), globalArguments() + QStringList{QStringLiteral("system"),
                                                               QStringLiteral("service"),
                                                               QStringLiteral("--time=0"), host()});
    if (!m_daemon->waitForStarted(10000)) {
        *why = QStringLiteral("podman cannot start: ") + m_daemon->errorString();
        return false;
    }
    return waitUntilAnswering(why);
}

void PodmanEngine::stop()
{
    if (!m_daemon)
        return;
    cli({QStringLiteral("rm"), QStringLiteral("-af"), QStringLiteral("-t0")});
    cleanUp();
    // Podman's own mounts of its storage.
    QProcess::execute(program(), globalArguments() + QStringList{QStringLiteral("system"),
                                                                 QStringLiteral("prune"),
                                                                 QStringLiteral("-af")});
    unmountUnder(m_dir.path());
}

QString writeBusyboxImage(const QString &dir, const QString &tag, QString *error, int extraLayers)
{
    using namespace strata::imagewriter;
    QFile busybox(QStringLiteral("/bin/busybox"));
    if (!busybox.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("/bin/busybox (busybox-static) is missing");
        return {};
    }
    Layer base;
    base.entries = {Entry::dir("bin"), Entry::file("bin/busybox", busybox.readAll(), 0755)};
    for (const char *applet : {"sh", "sleep", "cat", "rm", "mkdir", "echo", "ln", "dd", "chmod",
                               "touch", "ls", "mv", "cp", "stat", "true"})
        base.entries.push_back(Entry::symlink(std::string("bin/") + applet, "busybox"));
    for (Entry e : {Entry::dir("etc"), Entry::file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n"),
                    Entry::file("etc/group", "root:x:0:\n"),
                    Entry::file("etc/issue", "Strata test image\n"), Entry::dir("root", 0700),
                    Entry::dir("tmp", 01777), Entry::dir("var"), Entry::dir("var/lib")})
        base.entries.push_back(e);
    Image image;
    image.tags = {tag};
    image.layers.push_back(base);
    image.history.push_back({QStringLiteral("/bin/sh -c #(nop) ADD file:busybox in /"),
                             false,
                             QStringLiteral("2024-01-15T10:00:00Z"),
                             {},
                             {}});
    for (int i = 1; i <= extraLayers; ++i) {
        Layer layer;
        const std::string name = "var/lib/data" + std::to_string(i);
        layer.entries = {Entry::dir("var/lib"), Entry::dir(name),
                         Entry::file(name + "/payload", QByteArray(4096 * i, char('a' + i))),
                         Entry::file("etc/motd", QByteArray("layer ") + QByteArray::number(i))};
        image.layers.push_back(layer);
        image.history.push_back({QStringLiteral("/bin/sh -c echo layer %1 > /etc/motd").arg(i),
                                 false,
                                 QStringLiteral("2024-01-15T10:0%1:00Z").arg(i),
                                 {},
                                 {}});
    }
    image.history.push_back({QStringLiteral("/bin/sh -c #(nop)  CMD [\"sh\"]"),
                             true,
                             QStringLiteral("2024-01-15T10:09:00Z"),
                             {},
                             {}});
    image.config =
        QJsonObject{{QStringLiteral("Env"),
                     QJsonArray{QStringLiteral(
                         "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")}},
                    {QStringLiteral("Cmd"), QJsonArray{QStringLiteral("sh")}}};
    QString safe = tag;
    safe.replace(QLatin1Char('/'), QLatin1Char('_')).replace(QLatin1Char(':'), QLatin1Char('_'));
    const QString path = dir + QLatin1Char('/') + safe + QStringLiteral(".docker.tar");
    if (!writeArchive(path, {image}, WriteOptions{}, error))
        return {};
    return path;
}

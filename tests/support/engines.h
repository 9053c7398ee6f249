#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// Real engines for the tests, each started in its own temporary folder and stopped (with
// every container, mount and process it made) when the object goes: Debian's dockerd with
// its own data root, exec root and socket, no bridge and no iptables; Podman's API service
// with its own storage. Nothing reaches beyond this machine: containers run with
// --network none and images come from archives the tests write.
class TestEngine
{
public:
    virtual ~TestEngine();

    // Starts the engine and waits until it answers; false with *why when it does not.
    virtual bool start(QString *why) = 0;
    // Stops it: containers removed, the daemon ended, leftovers unmounted and deleted.
    virtual void stop() = 0;
    // SIGKILL to the daemon, for the tests of an engine that dies mid-transfer.
    void kill();

    QString socketPath() const { return m_dir.path() + QStringLiteral("/engine.sock"); }
    QString host() const { return QStringLiteral("unix://") + socketPath(); }
    QString dir() const { return m_dir.path(); }
    QString scheme() const
    {
        return isPodman() ? QStringLiteral("podman") : QStringLiteral("docker");
    }
    // "docker://REF?host=unix://..." for this engine.
    QString location(const QString &ref) const;
    virtual bool isPodman() const = 0;

    // Runs the engine's CLI (docker -H ..., podman --root ...) with `arguments`; its stdout, or
    // a failed QVERIFY-friendly false with the CLI's stderr in *error.
    bool cli(const QStringList &arguments, QByteArray *out = nullptr, QString *error = nullptr,
             const QByteArray &input = {});
    // The CLI's stdout for `arguments`; a failure is a warning in the test's log (and the
    // assertion on the output fails).
    QByteArray output(const QStringList &arguments);
    // `run -d --network none ...` with what this machine's engine needs.
    QStringList runArguments() const;

protected:
    TestEngine();
    virtual QString program() const = 0;
    virtual QStringList globalArguments() const = 0;
    bool waitUntilAnswering(QString *why);
    void cleanUp();

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_daemon;
};

class DockerEngine final : public TestEngine
{
public:
    // "overlay2" or "vfs".
    explicit DockerEngine(QString storageDriver = QStringLiteral("overlay2"));
    ~DockerEngine() override;
    bool start(QString *why) override;
    void stop() override;
    bool isPodman() const override { return false; }
    QString dataRoot() const { return m_dir.path() + QStringLiteral("/data"); }

protected:
    QString program() const override;
    QStringList globalArguments() const override;

private:
    QString m_driver;
};

class PodmanEngine final : public TestEngine
{
public:
    PodmanEngine();
    ~PodmanEngine() override;
    bool start(QString *why) override;
    void stop() override;
    bool isPodman() const override { return true; }

protected:
    QString program() const override;
    QStringList globalArguments() const override;
};

// A small real image: busybox (statically linked, from Debian's busybox-static) with its
// applets as symlinks and /etc files, so that containers of it can run a shell; then the
// `extra` layers the test wants. Written as a docker save archive, ready for `docker load`.
// Returns the archive's path (in `dir`), or empty with *error.
QString writeBusyboxImage(const QString &dir, const QString &tag, QString *error,
                          int extraLayers = 1);

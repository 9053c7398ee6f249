#include "registry/registrycredentials.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QStandardPaths>

#include <atomic>

namespace strata {

namespace {
QMutex s_typedMutex;
std::atomic<quint64> s_typedChanges{0};
QHash<QString, RegistryCredentials> &typedCredentials()
{
    static QHash<QString, RegistryCredentials> typed;
    return typed;
}

// Docker Hub's credentials are stored under its old index address.
QStringList storedKeys(const QString &registry)
{
    if (registry == QLatin1String("docker.io"))
        return {QStringLiteral("https://index.docker.io/v1/"), QStringLiteral("docker.io"),
                QStringLiteral("index.docker.io"), QStringLiteral("registry-1.docker.io")};
    return {registry, QStringLiteral("https://") + registry, QStringLiteral("http://") + registry};
}

QJsonObject readJsonFile(const QString &path)
{
    QFile file(path);
    if (file.size() > (1 << 20) || !file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QStringList podmanAuthFiles()
{
    QStringList files;
    if (const QString set = qEnvironmentVariable("REGISTRY_AUTH_FILE"); !set.isEmpty())
        files << set;
    if (const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR"); !runtime.isEmpty())
        files << runtime + QStringLiteral("/containers/auth.json");
    files << QDir::homePath() + QStringLiteral("/.config/containers/auth.json");
    return files;
}

QString dockerConfigFile()
{
    const QString dir = qEnvironmentVariable("DOCKER_CONFIG");
    return (dir.isEmpty() ? QDir::homePath() + QStringLiteral("/.docker") : dir) +
           QStringLiteral("/config.json");
}

// An `auths` entry: "auth" is base64 of "user:password".
std::optional<RegistryCredentials> fromAuths(const QJsonObject &auths, const QString &registry,
                                             const QString &origin)
{
    for (const QString &key : storedKeys(registry)) {
        const QJsonObject entry = auths.value(key).toObject();
        if (entry.isEmpty())
            continue;
        RegistryCredentials c;
        c.origin = origin;
        const QByteArray pair =
            QByteArray::fromBase64(entry.value(QStringLiteral("auth")).toString().toLatin1());
        if (const qsizetype colon = pair.indexOf(':'); colon > 0) {
            c.username = QString::fromUtf8(pair.left(colon));
            c.password = QString::fromUtf8(pair.mid(colon + 1));
        }
        c.identityToken = entry.value(QStringLiteral("identitytoken")).toString();
        if (!c.username.isEmpty() || !c.identityToken.isEmpty())
            return c;
    }
    return std::nullopt;
}

// `docker-credential-NAME get` reads the server on stdin and writes {"Username","Secret"}.
std::optional<RegistryCredentials> fromHelper(const QString &helper, const QString &registry)
{
    const QString program =
        QStandardPaths::findExecutable(QStringLiteral("docker-credential-") + helper);
    if (program.isEmpty())
        return std::nullopt;
    for (const QString &key : storedKeys(registry)) {
        QProcess process;
        process.start(program, {QStringLiteral("get")});
        if (!process.waitForStarted(5000))
            return std::nullopt;
        process.write(key.toUtf8() + '\n');
        process.closeWriteChannel();
        if (!process.waitForFinished(10000)) {
            process.kill();
            process.waitForFinished(1000);
            return std::nullopt;
        }
        if (process.exitCode() != 0)
            continue;
        const QJsonObject o = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        RegistryCredentials c;
        c.origin = QStringLiteral("docker-credential-") + helper;
        c.username = o.value(QStringLiteral("Username")).toString();
        c.password = o.value(QStringLiteral("Secret")).toString();
        // "<token>" as the user name marks an identity token.
        if (c.username == QLatin1String("<token>")) {
            c.identityToken = c.password;
            c.username.clear();
            c.password.clear();
        }
        if (!c.username.isEmpty() || !c.identityToken.isEmpty())
            return c;
    }
    return std::nullopt;
}

QString shownPath(QString path)
{
    const QString home = QDir::homePath();
    if (path.startsWith(home + QLatin1Char('/')))
        path.replace(0, home.size(), QStringLiteral("~"));
    return path;
}
} // namespace

std::optional<RegistryCredentials> storedCredentials(const QString &registry)
{
    {
        QMutexLocker lock(&s_typedMutex);
        if (auto it = typedCredentials().constFind(registry); it != typedCredentials().constEnd())
            return *it;
    }
    for (const QString &file : podmanAuthFiles()) {
        const QJsonObject auths = readJsonFile(file).value(QStringLiteral("auths")).toObject();
        if (auto found = fromAuths(auths, registry, shownPath(file)))
            return found;
    }
    const QString dockerFile = dockerConfigFile();
    const QJsonObject config = readJsonFile(dockerFile);
    const QJsonObject helpers = config.value(QStringLiteral("credHelpers")).toObject();
    for (const QString &key : storedKeys(registry)) {
        if (const QString helper = helpers.value(key).toString(); !helper.isEmpty())
            return fromHelper(helper, registry);
    }
    if (auto found = fromAuths(config.value(QStringLiteral("auths")).toObject(), registry,
                               shownPath(dockerFile)))
        return found;
    if (const QString store = config.value(QStringLiteral("credsStore")).toString();
        !store.isEmpty())
        return fromHelper(store, registry);
    return std::nullopt;
}

void rememberCredentials(const QString &registry, const RegistryCredentials &credentials)
{
    QMutexLocker lock(&s_typedMutex);
    typedCredentials().insert(registry, credentials);
    ++s_typedChanges;
}

quint64 typedCredentialsChanges()
{
    return s_typedChanges;
}

QString rememberedUser(const QString &registry)
{
    QMutexLocker lock(&s_typedMutex);
    return typedCredentials().value(registry).username;
}

void forgetCredentials(const QString &registry)
{
    QMutexLocker lock(&s_typedMutex);
    typedCredentials().remove(registry);
    ++s_typedChanges;
}

QString credentialPlaces()
{
    QStringList places;
    for (const QString &file : podmanAuthFiles())
        places << shownPath(file);
    places << shownPath(dockerConfigFile());
    return places.join(QStringLiteral(", "));
}

} // namespace strata

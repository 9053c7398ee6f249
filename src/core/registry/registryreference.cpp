#include "registry/registryreference.h"

#include <QRegularExpression>

namespace strata {

namespace {
const QString kScheme = QStringLiteral("registry://");
const QString kDockerHub = QStringLiteral("docker.io");

// Docker's rule: the first component is a host when it has a dot or a port, or is
// "localhost"; otherwise the name is Docker Hub's.
bool isHostComponent(const QString &component)
{
    return component.contains(QLatin1Char('.')) || component.contains(QLatin1Char(':')) ||
           component == QLatin1String("localhost") || component.startsWith(QLatin1Char('['));
}

bool isValidRepository(const QString &repository)
{
    // The distribution spec's path components: lower case letters and digits, separated by
    // one period, one or two underscores, or dashes.
    static const QRegularExpression component(
        QStringLiteral("^[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*$"));
    const QStringList parts = repository.split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (!component.match(part).hasMatch())
            return false;
    }
    return !parts.isEmpty() && repository.size() <= 255;
}
} // namespace

std::optional<RegistryReference> RegistryReference::parse(const QString &text)
{
    QString rest = text.trimmed();
    if (rest.startsWith(kScheme))
        rest = rest.mid(kScheme.size());
    if (rest.isEmpty() || rest.contains(QLatin1Char(' ')))
        return std::nullopt;

    RegistryReference ref;
    if (const qsizetype at = rest.indexOf(QLatin1Char('@')); at >= 0) {
        ref.digest = rest.mid(at + 1);
        rest = rest.left(at);
        static const QRegularExpression digest(QStringLiteral("^[a-z0-9]+:[a-fA-F0-9]{32,}$"));
        if (!digest.match(ref.digest).hasMatch())
            return std::nullopt;
    }
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    if (slash > 0 && isHostComponent(rest.left(slash))) {
        ref.registry = rest.left(slash);
        rest = rest.mid(slash + 1);
    } else {
        ref.registry = kDockerHub;
    }
    if (ref.registry == QLatin1String("index.docker.io") ||
        ref.registry == QLatin1String("registry-1.docker.io"))
        ref.registry = kDockerHub;
    const qsizetype colon = rest.lastIndexOf(QLatin1Char(':'));
    if (colon > rest.lastIndexOf(QLatin1Char('/'))) {
        ref.tag = rest.mid(colon + 1);
        rest = rest.left(colon);
        static const QRegularExpression tag(QStringLiteral("^[\\w][\\w.-]{0,127}$"));
        if (!tag.match(ref.tag).hasMatch())
            return std::nullopt;
    }
    if (ref.registry == kDockerHub && !rest.contains(QLatin1Char('/')))
        rest.prepend(QStringLiteral("library/"));
    if (!isValidRepository(rest))
        return std::nullopt;
    ref.repository = rest;
    if (ref.tag.isEmpty() && ref.digest.isEmpty())
        ref.tag = QStringLiteral("latest");
    return ref;
}

bool RegistryReference::isRegistryLocation(const QString &location)
{
    if (location.startsWith(kScheme))
        return true;
    const qsizetype slash = location.indexOf(QLatin1Char('/'));
    return slash > 0 && isHostComponent(location.left(slash)) &&
           !location.startsWith(QLatin1Char('.')) && parse(location).has_value();
}

QString RegistryReference::apiHost() const
{
    if (registry == kDockerHub)
        return QStringLiteral("registry-1.docker.io");
    return registry;
}

QString RegistryReference::toString() const
{
    QString text = registry + QLatin1Char('/') + repository;
    if (!tag.isEmpty())
        text += QLatin1Char(':') + tag;
    if (!digest.isEmpty())
        text += QLatin1Char('@') + digest;
    return text;
}

QString RegistryReference::toLocation() const
{
    return kScheme + toString();
}

RegistryReference RegistryReference::withReference(const QString &tagOrDigest) const
{
    RegistryReference other = *this;
    other.tag.clear();
    other.digest.clear();
    if (tagOrDigest.contains(QLatin1Char(':')))
        other.digest = tagOrDigest;
    else
        other.tag = tagOrDigest;
    return other;
}

bool isLoopbackHost(const QString &host)
{
    QString name = host;
    if (name.startsWith(QLatin1Char('['))) {
        name = name.mid(1, name.indexOf(QLatin1Char(']')) - 1);
    } else if (const qsizetype colon = name.lastIndexOf(QLatin1Char(':')); colon > 0) {
        name = name.left(colon);
    }
    return name == QLatin1String("localhost") || name == QLatin1String("::1") ||
           name.startsWith(QLatin1String("127."));
}

} // namespace strata

#include "engine/enginelocation.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace strata {

std::optional<EngineLocation> EngineLocation::parse(const QString &location)
{
    EngineLocation result;
    QString rest;
    if (location.startsWith(QStringLiteral("docker://"))) {
        result.kind = EngineKind::Docker;
        rest = location.mid(9);
    } else if (location.startsWith(QStringLiteral("podman://"))) {
        result.kind = EngineKind::Podman;
        rest = location.mid(9);
    } else {
        return std::nullopt;
    }
    const qsizetype question = rest.indexOf(QLatin1Char('?'));
    result.ref = rest.left(question);
    if (question >= 0) {
        // Split by hand: a host URL keeps its own characters.
        for (const QString &item : rest.mid(question + 1).split(QLatin1Char('&'))) {
            if (item == QStringLiteral("container"))
                result.container = true;
            else if (item.startsWith(QStringLiteral("host=")))
                result.host = item.mid(5);
        }
    }
    return result;
}

QString EngineLocation::toString() const
{
    QString text = engineScheme(kind) + QStringLiteral("://") + ref;
    QStringList query;
    if (container)
        query << QStringLiteral("container");
    if (!host.isEmpty())
        query << QStringLiteral("host=") + host;
    if (!query.isEmpty())
        text += QLatin1Char('?') + query.join(QLatin1Char('&'));
    return text;
}

QString engineLocation(const EngineEndpoint &endpoint, const QString &ref, bool container,
                       const QString &chosenHost)
{
    EngineLocation location{endpoint.kind, ref, container, {}};
    const std::vector<EngineEndpoint> usual = engineEndpoints(endpoint.kind, chosenHost);
    if (usual.empty() || usual.front().http.toString() != endpoint.http.toString())
        location.host = endpoint.host;
    return location.toString();
}

bool looksLikeImageReference(const QString &text)
{
    // The reference grammar of the distribution spec, loosely: lower-case path components,
    // an optional registry with a port, a tag, a digest; or an ID (prefix).
    static const QRegularExpression reference(QStringLiteral(
        R"(^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)"
        R"((?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?)"
        R"((?:@sha256:[0-9a-f]{64})?$)"));
    return !text.isEmpty() && reference.match(text).hasMatch();
}

} // namespace strata

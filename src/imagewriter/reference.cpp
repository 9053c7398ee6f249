#include "imagewriter/reference.h"

namespace strata::imagewriter::detail {

Reference Reference::parse(const QString &text)
{
    const qsizetype slash = text.lastIndexOf(u'/');
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon > slash)
        return {text.left(colon), text.mid(colon + 1)};
    return {text, QStringLiteral("latest")};
}

QString Reference::normalized() const
{
    const qsizetype slash = name.indexOf(u'/');
    const QString first = slash < 0 ? QString() : name.left(slash);
    // Docker's rule: a first component with a dot or a port, or "localhost", is a registry.
    const bool hasRegistry = !first.isEmpty() && (first.contains(u'.') || first.contains(u':') ||
                                                  first == QLatin1String("localhost"));
    if (hasRegistry)
        return familiar();
    if (slash < 0)
        return QStringLiteral("docker.io/library/") + familiar();
    return QStringLiteral("docker.io/") + familiar();
}

} // namespace strata::imagewriter::detail

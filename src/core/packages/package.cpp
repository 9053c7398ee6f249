#include "packages/package.h"

#include <QUrl>

namespace strata {

QString packageKindName(PackageKind kind)
{
    switch (kind) {
    case PackageKind::Deb:
        return QStringLiteral("deb");
    case PackageKind::Apk:
        return QStringLiteral("apk");
    case PackageKind::Rpm:
        return QStringLiteral("rpm");
    case PackageKind::Python:
        return QStringLiteral("python");
    case PackageKind::Npm:
        return QStringLiteral("npm");
    case PackageKind::Go:
        return QStringLiteral("go");
    }
    return {};
}

QString Package::purl(const QString &distribution) const
{
    // The purl spec: type/namespace/name@version?qualifiers, each part percent-encoded.
    const auto part = [](const QString &text) {
        return QString::fromLatin1(QUrl::toPercentEncoding(text, "/@"));
    };
    QString type;
    QString space = distribution;
    QString shownName = name;
    switch (kind) {
    case PackageKind::Deb:
        type = QStringLiteral("deb");
        break;
    case PackageKind::Apk:
        type = QStringLiteral("apk");
        break;
    case PackageKind::Rpm:
        type = QStringLiteral("rpm");
        break;
    case PackageKind::Python:
        // PyPI names are compared lower case with runs of "-_." as one "-".
        type = QStringLiteral("pypi");
        space.clear();
        shownName = name.toLower().replace(QLatin1Char('_'), QLatin1Char('-'));
        break;
    case PackageKind::Npm:
        type = QStringLiteral("npm");
        space.clear();
        break;
    case PackageKind::Go:
        type = QStringLiteral("golang");
        space.clear();
        break;
    }
    QString purl = QStringLiteral("pkg:") + type + QLatin1Char('/');
    if (!space.isEmpty())
        purl += part(space) + QLatin1Char('/');
    if (kind == PackageKind::Npm || kind == PackageKind::Go)
        purl += QString::fromLatin1(QUrl::toPercentEncoding(shownName, "/"));
    else
        purl += part(shownName);
    if (!version.isEmpty())
        purl += QLatin1Char('@') + part(version);
    if (!architecture.isEmpty())
        purl += QStringLiteral("?arch=") + part(architecture);
    return purl;
}

bool Package::sameAs(const Package &other) const
{
    return kind == other.kind && name == other.name &&
           (kind != PackageKind::Go || source == other.source);
}

} // namespace strata

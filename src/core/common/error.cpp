#include "common/error.h"

namespace strata {

QString Error::toString() const
{
    QString text = file;
    if (!member.isEmpty())
        text += QStringLiteral(": ") + member;
    return text + QStringLiteral(": ") + message;
}

QString Error::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::NotFound:
        return QStringLiteral("not-found");
    case Kind::Io:
        return QStringLiteral("io");
    case Kind::NotAnArchive:
        return QStringLiteral("not-an-archive");
    case Kind::NotAnImage:
        return QStringLiteral("not-an-image");
    case Kind::MalformedJson:
        return QStringLiteral("malformed-json");
    case Kind::MissingMember:
        return QStringLiteral("missing-member");
    case Kind::DamagedLayer:
        return QStringLiteral("damaged-layer");
    case Kind::DigestMismatch:
        return QStringLiteral("digest-mismatch");
    case Kind::LimitExceeded:
        return QStringLiteral("limit-exceeded");
    case Kind::NoSuchImage:
        return QStringLiteral("no-such-image");
    case Kind::AmbiguousImage:
        return QStringLiteral("ambiguous-image");
    case Kind::Unreachable:
        return QStringLiteral("unreachable");
    case Kind::Denied:
        return QStringLiteral("denied");
    case Kind::ServerError:
        return QStringLiteral("server-error");
    case Kind::Unsupported:
        return QStringLiteral("unsupported");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

} // namespace strata

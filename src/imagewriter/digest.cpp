#include "imagewriter/digest.h"

#include <QCryptographicHash>

namespace strata::imagewriter::detail {

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString sha256Digest(const QByteArray &data)
{
    return QStringLiteral("sha256:") + sha256Hex(data);
}

QString digestHex(const QString &digest)
{
    const qsizetype colon = digest.indexOf(u':');
    return colon < 0 ? digest : digest.mid(colon + 1);
}

QString chainId(const QStringList &diffIds)
{
    QString chain;
    for (const QString &diffId : diffIds)
        chain = chain.isEmpty() ? diffId : sha256Digest((chain + u' ' + diffId).toLatin1());
    return chain;
}

} // namespace strata::imagewriter::detail

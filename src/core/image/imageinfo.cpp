#include "image/imageinfo.h"

namespace strata {

QString Platform::toString() const
{
    QString text = os + QLatin1Char('/') + architecture;
    if (!variant.isEmpty())
        text += QLatin1Char('/') + variant;
    return text;
}

QString shortDigest(const QString &digest, int length)
{
    const qsizetype colon = digest.indexOf(QLatin1Char(':'));
    return digest.mid(colon + 1, length);
}

QString ImageInfo::shortId() const
{
    return shortDigest(id);
}

QString ImageInfo::displayName() const
{
    if (names.isEmpty())
        return shortId();
    return names.first().startsWith(QLatin1Char(':')) ? names.first().mid(1) : names.first();
}

qint64 ImageInfo::storedSize() const
{
    qint64 total = 0;
    for (const LayerInfo &layer : layers)
        total += qMax<qint64>(0, layer.blobSize);
    return total;
}

} // namespace strata

#include "archive/archivejson.h"

namespace strata {

bool readJsonMember(const ArchiveSource &source, const QString &name, QJsonDocument *doc,
                    QByteArray *raw, Error *error)
{
    const ArchiveMember *member = source.resolve(name.toStdString());
    if (!member) {
        *error = Error::make(Error::Kind::MissingMember, source.path(),
                             QStringLiteral("is named by the image but not in the archive"), name);
        return false;
    }
    QByteArray data = source.read(*member, kMaxJsonBytes, error);
    if (error->isError())
        return false;
    QJsonParseError parseError;
    *doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = Error::make(Error::Kind::MalformedJson, source.path(),
                             QStringLiteral("is not valid JSON: %1 at byte %2")
                                 .arg(parseError.errorString())
                                 .arg(parseError.offset),
                             name);
        return false;
    }
    if (raw)
        *raw = data;
    return true;
}

QString blobPath(const QString &digest)
{
    const qsizetype colon = digest.indexOf(QLatin1Char(':'));
    if (colon <= 0 || digest.contains(QLatin1Char('/')) || digest.contains(QStringLiteral("..")))
        return {};
    return QStringLiteral("blobs/") + digest.left(colon) + QLatin1Char('/') + digest.mid(colon + 1);
}

void setLayerMember(const ArchiveSource &source, const QString &path, LayerInfo *layer)
{
    const ArchiveMember *member = source.resolve(path.toStdString());
    if (member) {
        layer->member = QString::fromStdString(member->name);
        layer->blobSize = member->size;
    } else {
        layer->member = path;
    }
}

} // namespace strata

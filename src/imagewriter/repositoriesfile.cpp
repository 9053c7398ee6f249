#include "imagewriter/layouts.h"
#include "imagewriter/orderedjson.h"
#include "imagewriter/reference.h"

namespace strata::imagewriter::detail {

void RepositoriesFile::add(const QStringList &tags, const QString &id)
{
    for (const QString &tag : tags) {
        const Reference ref = Reference::parse(tag);
        QJsonObject byTag = m_repos.value(ref.name).toObject();
        byTag.insert(ref.tag, id);
        m_repos.insert(ref.name, byTag);
    }
}

QByteArray RepositoriesFile::toJson() const
{
    return compactJson(m_repos);
}

QStringList repoTags(const Image &image)
{
    QStringList tags;
    for (const QString &tag : image.tags)
        tags.append(Reference::parse(tag).familiar());
    return tags;
}

} // namespace strata::imagewriter::detail

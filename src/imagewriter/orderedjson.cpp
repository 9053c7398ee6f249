#include "imagewriter/orderedjson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace strata::imagewriter::detail {

QByteArray compactJson(const QJsonValue &value)
{
    // QJsonDocument only holds arrays and objects: wrap the value and strip the brackets.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

OrderedJsonObject &OrderedJsonObject::add(QStringView key, const QJsonValue &value)
{
    return addRaw(key, compactJson(value));
}

OrderedJsonObject &OrderedJsonObject::addRaw(QStringView key, const QByteArray &json)
{
    if (!m_body.isEmpty())
        m_body += ',';
    m_body += compactJson(key.toString()) + ':' + json;
    return *this;
}

QByteArray rawJsonArray(const QList<QByteArray> &elements)
{
    return '[' + elements.join(',') + ']';
}

} // namespace strata::imagewriter::detail

#pragma once

// Compact JSON with keys in the order they are added. QJsonObject sorts its keys, but the files
// real tools write follow Go struct order ("schemaVersion", "mediaType", "config", "layers"), and
// the archives we write should read the same.

#include <QByteArray>
#include <QJsonValue>
#include <QStringView>

namespace strata::imagewriter::detail {

// A JSON value (object keys sorted, as Qt writes them), compact, without a trailing newline.
QByteArray compactJson(const QJsonValue &value);

class OrderedJsonObject
{
public:
    OrderedJsonObject &add(QStringView key, const QJsonValue &value);
    // `json` is already-serialised JSON (e.g. another OrderedJsonObject).
    OrderedJsonObject &addRaw(QStringView key, const QByteArray &json);

    QByteArray toJson() const { return '{' + m_body + '}'; }

private:
    QByteArray m_body;
};

// "[a,b,c]" from already-serialised elements.
QByteArray rawJsonArray(const QList<QByteArray> &elements);

} // namespace strata::imagewriter::detail

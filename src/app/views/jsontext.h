#pragma once

#include <QByteArray>
#include <QString>

namespace strata {

// `json` indented like QJsonDocument::Indented (four spaces), but keeping the keys in the
// order the file has them and numbers exactly as written, since people compare this text with
// digests and with other tools' output. Text that is not valid JSON is returned unchanged.
QString indentJson(const QByteArray &json);

} // namespace strata

#include "views/jsontext.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace strata {

QString indentJson(const QByteArray &json)
{
    QJsonParseError error;
    QJsonDocument::fromJson(json, &error);
    const QString text = QString::fromUtf8(json);
    if (error.error != QJsonParseError::NoError)
        return text;

    QString out;
    out.reserve(text.size() * 2);
    int depth = 0;
    auto newline = [&out](int level) {
        out += QLatin1Char('\n');
        out += QString(level * 4, QLatin1Char(' '));
    };
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = text.at(i);
        switch (c.unicode()) {
        case '"': {
            const qsizetype start = i;
            for (++i; i < size && text.at(i) != QLatin1Char('"'); ++i) {
                if (text.at(i) == QLatin1Char('\\'))
                    ++i;
            }
            out += QStringView(text).mid(start, i - start + 1);
            break;
        }
        case '{':
        case '[': {
            // Keep {} and [] on one line.
            qsizetype next = i + 1;
            while (next < size && text.at(next).isSpace())
                ++next;
            const QChar close = c == QLatin1Char('{') ? QLatin1Char('}') : QLatin1Char(']');
            if (next < size && text.at(next) == close) {
                out += c;
                out += close;
                i = next;
                break;
            }
            out += c;
            newline(++depth);
            break;
        }
        case '}':
        case ']':
            newline(--depth);
            out += c;
            break;
        case ',':
            out += c;
            newline(depth);
            break;
        case ':':
            out += QStringLiteral(": ");
            break;
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            break;
        default:
            out += c;
        }
    }
    out += QLatin1Char('\n');
    return out;
}

} // namespace strata

#include "common/textescape.h"

#include <algorithm>
#include <string>

namespace strata {

namespace {
// The length of the valid UTF-8 sequence starting at bytes[i], or 0 when there is none.
size_t utf8SequenceLength(std::string_view bytes, size_t i)
{
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(bytes[k]); };
    const unsigned char lead = byte(i);
    size_t length = 0;
    uint32_t code = 0;
    if (lead < 0x80)
        return 1;
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        code = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        code = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        code = lead & 0x07;
    } else {
        return 0;
    }
    if (i + length > bytes.size())
        return 0;
    for (size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
        code = (code << 6) | (byte(i + k) & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    static const uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF)
        return 0;
    return length;
}

template <typename Out> void appendHex(Out &out, unsigned char c)
{
    static const char digits[] = "0123456789abcdef";
    out += "\\x";
    out += digits[c >> 4];
    out += digits[c & 15];
}
} // namespace

template <typename Out> void appendEscapedTo(Out &out, std::string_view bytes)
{
    // Most names need nothing: printable ASCII without a backslash goes in as it is.
    const bool plain = std::all_of(bytes.begin(), bytes.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0x20 && u < 0x7F && u != '\\';
    });
    if (plain) {
        out.append(bytes.data(), decltype(out.size())(bytes.size()));
        return;
    }
    for (size_t i = 0; i < bytes.size();) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c >= 0x80) {
            const size_t length = utf8SequenceLength(bytes, i);
            if (length == 0) {
                appendHex(out, c);
                ++i;
            } else {
                out.append(bytes.data() + i, decltype(out.size())(length));
                i += length;
            }
            continue;
        }
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (c < 0x20 || c == 0x7F)
                appendHex(out, c);
            else
                out += char(c);
        }
        ++i;
    }
}

void appendEscaped(std::string &out, std::string_view bytes)
{
    appendEscapedTo(out, bytes);
}

void appendEscaped(QByteArray &out, std::string_view bytes)
{
    appendEscapedTo(out, bytes);
}

QByteArray escapeBytes(std::string_view bytes)
{
    QByteArray out;
    out.reserve(qsizetype(bytes.size()));
    appendEscaped(out, bytes);
    return out;
}

QString escapeText(std::string_view bytes)
{
    return QString::fromUtf8(escapeBytes(bytes));
}

QString escapeText(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return escapeText(std::string_view(utf8.constData(), size_t(utf8.size())));
}

bool isValidUtf8(std::string_view bytes)
{
    for (size_t i = 0; i < bytes.size();) {
        const size_t length = utf8SequenceLength(bytes, i);
        if (length == 0)
            return false;
        i += length;
    }
    return true;
}

QString markdownCode(const QString &text)
{
    QString escaped = escapeText(text);
    escaped.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    int longest = 0;
    int run = 0;
    for (QChar c : escaped) {
        run = c == QLatin1Char('`') ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const QString fence(longest + 1, QLatin1Char('`'));
    const bool pad = escaped.startsWith(QLatin1Char('`')) || escaped.endsWith(QLatin1Char('`'));
    const QString space = pad ? QStringLiteral(" ") : QString();
    return fence + space + escaped + space + fence;
}

QString markdownCell(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text = escapeText(text);
    text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    return text;
}

} // namespace strata

#pragma once

#include <QByteArray>
#include <QString>

#include <string>
#include <string_view>

namespace strata {

// Names, link targets and tags come from strangers: in any line-based output they could hold
// a tab or a newline that forges a row, or bytes that are not UTF-8. These make them safe for
// text and say exactly what the bytes were, so that two different names never print alike.

// For TSV, text and messages: `\` becomes `\\`, a tab `\t`, a newline `\n`, a carriage
// return `\r`, any other control character and every byte that is not part of valid UTF-8
// `\xHH`. Valid UTF-8 beyond ASCII stays as it is.
QByteArray escapeBytes(std::string_view bytes);
void appendEscaped(std::string &out, std::string_view bytes);
void appendEscaped(QByteArray &out, std::string_view bytes);
QString escapeText(std::string_view bytes);
QString escapeText(const QString &text);
// A Markdown table cell: no line breaks, other control characters escaped, pipes escaped.
QString markdownCell(QString text);

// Whether the bytes are valid UTF-8 (JSON output adds the bytes as hex where they are not).
bool isValidUtf8(std::string_view bytes);

// Markdown: `text` as an inline code span that no backtick in it can close (CommonMark's rule:
// a fence longer than any run of backticks inside, padded when it starts or ends with one),
// with `|` escaped for table cells and control characters escaped as in escapeText().
QString markdownCode(const QString &text);

} // namespace strata

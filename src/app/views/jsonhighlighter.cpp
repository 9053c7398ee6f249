#include "views/jsonhighlighter.h"

#include "models/viewcolors.h"

#include <QGuiApplication>

namespace strata {

JsonHighlighter::JsonHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    setPalette(QGuiApplication::palette());
}

void JsonHighlighter::setPalette(const QPalette &palette)
{
    const SyntaxColors colors = syntaxColors(palette);
    m_key.setForeground(colors.keyword);
    m_string.setForeground(colors.string);
    m_number.setForeground(colors.number);
    m_literal.setForeground(colors.variable);
    rehighlight();
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"')) {
            const qsizetype start = i;
            for (++i; i < size && text.at(i) != QLatin1Char('"'); ++i) {
                if (text.at(i) == QLatin1Char('\\'))
                    ++i;
            }
            const qsizetype end = std::min(size, i + 1);
            qsizetype after = end;
            while (after < size && text.at(after).isSpace())
                ++after;
            const bool key = after < size && text.at(after) == QLatin1Char(':');
            setFormat(int(start), int(end - start), key ? m_key : m_string);
            i = end;
        } else if (c.isDigit() || c == QLatin1Char('-')) {
            const qsizetype start = i;
            while (i < size && (text.at(i).isLetterOrNumber() || text.at(i) == QLatin1Char('.') ||
                                text.at(i) == QLatin1Char('-') || text.at(i) == QLatin1Char('+')))
                ++i;
            setFormat(int(start), int(i - start), m_number);
        } else if (c.isLetter()) {
            const qsizetype start = i;
            while (i < size && text.at(i).isLetter())
                ++i;
            setFormat(int(start), int(i - start), m_literal);
        } else {
            ++i;
        }
    }
}

} // namespace strata

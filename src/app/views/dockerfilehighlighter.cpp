#include "views/dockerfilehighlighter.h"

#include "models/viewcolors.h"

#include <QGuiApplication>

namespace strata {

namespace {

bool isInstruction(QStringView word)
{
    static const char *const instructions[] = {
        "ADD",    "ARG",   "CMD",         "COPY",  "ENTRYPOINT", "ENV",
        "EXPOSE", "FROM",  "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD",
        "RUN",    "SHELL", "STOPSIGNAL",  "USER",  "VOLUME",     "WORKDIR",
    };
    for (const char *instruction : instructions) {
        if (word.compare(QLatin1String(instruction), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool isNameStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

} // namespace

DockerfileHighlighter::DockerfileHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    setPalette(QGuiApplication::palette());
}

void DockerfileHighlighter::setPalette(const QPalette &palette)
{
    const SyntaxColors colors = syntaxColors(palette);
    auto format = [](const QColor &color, bool bold = false, bool italic = false) {
        QTextCharFormat f;
        f.setForeground(color);
        if (bold)
            f.setFontWeight(QFont::Bold);
        f.setFontItalic(italic);
        return f;
    };
    m_formats[int(Token::Instruction)] = format(colors.keyword, true);
    m_formats[int(Token::Comment)] = format(colors.comment, false, true);
    m_formats[int(Token::String)] = format(colors.string);
    m_formats[int(Token::Variable)] = format(colors.variable);
    m_formats[int(Token::Operator)] = format(colors.operatorColor, true);
    m_formats[int(Token::Option)] = format(colors.option);
    m_formats[int(Token::Continuation)] = format(colors.operatorColor, true);
    rehighlight();
}

QTextCharFormat DockerfileHighlighter::tokenFormat(Token token) const
{
    return m_formats[int(token)];
}

void DockerfileHighlighter::highlightBlock(const QString &text)
{
    const int previous = std::max(0, previousBlockState());
    const qsizetype size = text.size();
    qsizetype pos = 0;
    while (pos < size && text.at(pos).isSpace())
        ++pos;

    // A line whose first character is # is a comment, even inside a continued instruction.
    if (!(previous & (InDoubleQuote | InSingleQuote)) && pos < size &&
        text.at(pos) == QLatin1Char('#')) {
        setFormat(int(pos), int(size - pos), m_formats[int(Token::Comment)]);
        setCurrentBlockState(previous & Continued);
        return;
    }

    // The backslash that continues the instruction on the next line.
    qsizetype end = size;
    while (end > 0 && text.at(end - 1).isSpace())
        --end;
    const bool continues = end > 0 && text.at(end - 1) == QLatin1Char('\\');
    if (continues) {
        setFormat(int(end - 1), 1, m_formats[int(Token::Continuation)]);
        --end;
    }

    QChar quote;
    if (previous & InDoubleQuote)
        quote = QLatin1Char('"');
    else if (previous & InSingleQuote)
        quote = QLatin1Char('\'');

    if (!(previous & Continued) && quote.isNull()) {
        // The instruction, ONBUILD's instruction, then the instruction's --flags.
        for (int words = 0; words < 2; ++words) {
            qsizetype wordEnd = pos;
            while (wordEnd < end && !text.at(wordEnd).isSpace())
                ++wordEnd;
            const QStringView word = QStringView(text).mid(pos, wordEnd - pos);
            if (!isInstruction(word))
                break;
            setFormat(int(pos), int(wordEnd - pos), m_formats[int(Token::Instruction)]);
            pos = wordEnd;
            while (pos < end && text.at(pos).isSpace())
                ++pos;
            if (word.compare(QLatin1String("ONBUILD"), Qt::CaseInsensitive) != 0)
                break;
        }
        while (pos + 1 < end && text.at(pos) == QLatin1Char('-') &&
               text.at(pos + 1) == QLatin1Char('-')) {
            qsizetype flagEnd = pos;
            while (flagEnd < end && !text.at(flagEnd).isSpace())
                ++flagEnd;
            setFormat(int(pos), int(flagEnd - pos), m_formats[int(Token::Option)]);
            pos = flagEnd;
            while (pos < end && text.at(pos).isSpace())
                ++pos;
        }
    }

    qsizetype stringStart = quote.isNull() ? -1 : 0;
    while (pos < end) {
        const QChar c = text.at(pos);
        if (quote == QLatin1Char('\'')) {
            if (c == quote) {
                setFormat(int(stringStart), int(pos + 1 - stringStart),
                          m_formats[int(Token::String)]);
                quote = QChar();
            }
            ++pos;
            continue;
        }
        if (c == QLatin1Char('\\')) {
            pos += 2;
            continue;
        }
        if (c == QLatin1Char('$') && pos + 1 < end) {
            qsizetype varEnd = pos + 1;
            if (text.at(varEnd) == QLatin1Char('{')) {
                while (varEnd < end && text.at(varEnd) != QLatin1Char('}'))
                    ++varEnd;
                varEnd = std::min(end, varEnd + 1);
            } else if (isNameStart(text.at(varEnd))) {
                while (varEnd < end && isNameChar(text.at(varEnd)))
                    ++varEnd;
            }
            if (varEnd > pos + 1) {
                if (quote == QLatin1Char('"')) // the string so far, then the variable on top
                    setFormat(int(stringStart), int(pos - stringStart),
                              m_formats[int(Token::String)]);
                setFormat(int(pos), int(varEnd - pos), m_formats[int(Token::Variable)]);
                if (quote == QLatin1Char('"'))
                    stringStart = varEnd;
                pos = varEnd;
                continue;
            }
        }
        if (quote == QLatin1Char('"')) {
            if (c == quote) {
                setFormat(int(stringStart), int(pos + 1 - stringStart),
                          m_formats[int(Token::String)]);
                quote = QChar();
            }
            ++pos;
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
            stringStart = pos;
        } else if (c == QLatin1Char('&') || c == QLatin1Char('|') || c == QLatin1Char(';')) {
            qsizetype opEnd = pos + 1;
            if (opEnd < end && text.at(opEnd) == c && c != QLatin1Char(';'))
                ++opEnd;
            setFormat(int(pos), int(opEnd - pos), m_formats[int(Token::Operator)]);
            pos = opEnd;
            continue;
        }
        ++pos;
    }
    if (!quote.isNull() && stringStart < end)
        setFormat(int(stringStart), int(end - stringStart), m_formats[int(Token::String)]);

    int state = 0;
    if (continues) {
        state = Continued;
        if (quote == QLatin1Char('"'))
            state |= InDoubleQuote;
        else if (quote == QLatin1Char('\''))
            state |= InSingleQuote;
    }
    setCurrentBlockState(state);
}

} // namespace strata

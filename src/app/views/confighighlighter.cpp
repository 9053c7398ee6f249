#include "views/confighighlighter.h"

#include "models/viewcolors.h"
#include "views/dockerfilehighlighter.h"
#include "views/jsonhighlighter.h"

#include <QFileInfo>
#include <QGuiApplication>

namespace strata {

namespace {

constexpr int kInMarkupComment = 1;

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

bool isKeyChar(QChar c)
{
    return isNameChar(c) || c == QLatin1Char('-') || c == QLatin1Char('.') ||
           c == QLatin1Char('/') || c == QLatin1Char('@');
}

} // namespace

ConfigHighlighter::ConfigHighlighter(QTextDocument *document, Syntax syntax)
    : QSyntaxHighlighter(document), m_syntax(syntax)
{
    setPalette(QGuiApplication::palette());
}

void ConfigHighlighter::setPalette(const QPalette &palette)
{
    const SyntaxColors colors = syntaxColors(palette);
    m_comment.setForeground(colors.comment);
    m_comment.setFontItalic(true);
    m_section.setForeground(colors.keyword);
    m_section.setFontWeight(QFont::Bold);
    m_key.setForeground(colors.keyword);
    m_string.setForeground(colors.string);
    m_variable.setForeground(colors.variable);
    m_number.setForeground(colors.number);
    rehighlight();
}

void ConfigHighlighter::highlightBlock(const QString &text)
{
    if (m_syntax == Syntax::Markup)
        highlightMarkup(text);
    else
        highlightKeyValue(text);
}

void ConfigHighlighter::highlightKeyValue(const QString &text)
{
    const qsizetype size = text.size();
    qsizetype pos = 0;
    while (pos < size && text.at(pos).isSpace())
        ++pos;
    if (pos == size)
        return;
    const QChar first = text.at(pos);
    if (first == QLatin1Char('#') || first == QLatin1Char(';')) {
        setFormat(int(pos), int(size - pos), m_comment);
        return;
    }
    if (first == QLatin1Char('[')) { // [section], [[table]]
        const qsizetype close = text.lastIndexOf(QLatin1Char(']'));
        if (close > pos) {
            setFormat(int(pos), int(close + 1 - pos), m_section);
            highlightValues(text, close + 1);
            return;
        }
    }
    // "- item" of a YAML list: the key, if any, comes after the dash.
    if (first == QLatin1Char('-') && pos + 1 < size && text.at(pos + 1) == QLatin1Char(' ')) {
        pos += 2;
        while (pos < size && text.at(pos).isSpace())
            ++pos;
    }
    qsizetype keyEnd = pos;
    while (keyEnd < size && isKeyChar(text.at(keyEnd)))
        ++keyEnd;
    qsizetype after = keyEnd;
    while (after < size &&
           (text.at(after) == QLatin1Char(' ') || text.at(after) == QLatin1Char('\t')))
        ++after;
    const bool assignment =
        keyEnd > pos && after < size &&
        (text.at(after) == QLatin1Char('=') || text.at(after) == QLatin1Char(':'));
    // "export NAME=value" and "Directive value" (sshd_config, nginx.conf): the first word.
    const bool directive = keyEnd > pos && !assignment && after > keyEnd && after < size;
    if (assignment || directive)
        setFormat(int(pos), int(keyEnd - pos), m_key);
    highlightValues(text, assignment ? after + 1 : keyEnd);
}

void ConfigHighlighter::highlightValues(const QString &text, qsizetype from)
{
    const qsizetype size = text.size();
    qsizetype pos = from;
    while (pos < size) {
        const QChar c = text.at(pos);
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            qsizetype end = pos + 1;
            while (end < size && text.at(end) != c) {
                if (c == QLatin1Char('"') && text.at(end) == QLatin1Char('\\'))
                    ++end;
                ++end;
            }
            end = std::min(size, end + 1);
            setFormat(int(pos), int(end - pos), m_string);
            pos = end;
        } else if (c == QLatin1Char('#') && (pos == 0 || text.at(pos - 1).isSpace())) {
            setFormat(int(pos), int(size - pos), m_comment);
            return;
        } else if (c == QLatin1Char('$') && pos + 1 < size &&
                   (isNameChar(text.at(pos + 1)) || text.at(pos + 1) == QLatin1Char('{'))) {
            qsizetype end = pos + 1;
            if (text.at(end) == QLatin1Char('{')) {
                while (end < size && text.at(end) != QLatin1Char('}'))
                    ++end;
                end = std::min(size, end + 1);
            } else {
                while (end < size && isNameChar(text.at(end)))
                    ++end;
            }
            setFormat(int(pos), int(end - pos), m_variable);
            pos = end;
        } else if (c.isDigit() && (pos == 0 || !isKeyChar(text.at(pos - 1)))) {
            qsizetype end = pos;
            while (end < size && (text.at(end).isDigit() || text.at(end) == QLatin1Char('.')))
                ++end;
            // 80, 1.5, 0644 but not the digits of a word such as "x86" or "utf8".
            if (end == size || !isNameChar(text.at(end)))
                setFormat(int(pos), int(end - pos), m_number);
            pos = end;
        } else {
            ++pos;
        }
    }
}

void ConfigHighlighter::highlightMarkup(const QString &text)
{
    const qsizetype size = text.size();
    qsizetype pos = 0;
    setCurrentBlockState(0);
    if (previousBlockState() == kInMarkupComment) {
        const qsizetype close = text.indexOf(QLatin1String("-->"));
        if (close < 0) {
            setFormat(0, int(size), m_comment);
            setCurrentBlockState(kInMarkupComment);
            return;
        }
        setFormat(0, int(close + 3), m_comment);
        pos = close + 3;
    }
    while (pos < size) {
        if (text.at(pos) != QLatin1Char('<')) {
            ++pos;
            continue;
        }
        if (QStringView(text).mid(pos).startsWith(QLatin1String("<!--"))) {
            const qsizetype close = text.indexOf(QLatin1String("-->"), pos + 4);
            if (close < 0) {
                setFormat(int(pos), int(size - pos), m_comment);
                setCurrentBlockState(kInMarkupComment);
                return;
            }
            setFormat(int(pos), int(close + 3 - pos), m_comment);
            pos = close + 3;
            continue;
        }
        // <name attribute="value" ...>: the name as a key, attributes as variables.
        qsizetype end = pos + 1;
        while (end < size && (text.at(end) == QLatin1Char('/') ||
                              text.at(end) == QLatin1Char('?') || text.at(end) == QLatin1Char('!')))
            ++end;
        while (end < size && (isKeyChar(text.at(end)) || text.at(end) == QLatin1Char(':')))
            ++end;
        setFormat(int(pos), int(end - pos), m_key);
        pos = end;
        while (pos < size && text.at(pos) != QLatin1Char('>')) {
            const QChar c = text.at(pos);
            if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
                qsizetype close = text.indexOf(c, pos + 1);
                close = close < 0 ? size : close + 1;
                setFormat(int(pos), int(close - pos), m_string);
                pos = close;
            } else if (isKeyChar(c)) {
                const qsizetype start = pos;
                while (pos < size && (isKeyChar(text.at(pos)) || text.at(pos) == QLatin1Char(':')))
                    ++pos;
                setFormat(int(start), int(pos - start), m_variable);
            } else {
                ++pos;
            }
        }
        if (pos < size) {
            setFormat(int(pos), 1, m_key);
            ++pos;
        }
    }
}

QSyntaxHighlighter *createHighlighterFor(const QString &path, QTextDocument *document)
{
    const QFileInfo info(path);
    const QString name = info.fileName().toLower();
    const QString suffix = info.suffix().toLower();
    if (suffix == QLatin1String("json") || name == QLatin1String("package.json") ||
        (suffix == QLatin1String("lock") && name.startsWith(QLatin1String("package"))))
        return new JsonHighlighter(document);
    if (name == QLatin1String("dockerfile") || name == QLatin1String("containerfile") ||
        name.startsWith(QLatin1String("dockerfile.")) || suffix == QLatin1String("dockerfile"))
        return new DockerfileHighlighter(document);
    static const char *const markup[] = {"xml", "html", "htm", "xhtml", "svg", "plist", "xsd"};
    for (const char *s : markup) {
        if (suffix == QLatin1String(s))
            return new ConfigHighlighter(document, ConfigHighlighter::Syntax::Markup);
    }
    static const char *const keyValue[] = {
        "conf",       "cfg",   "cnf",     "ini",  "yaml",    "yml",    "toml",
        "properties", "env",   "sh",      "bash", "service", "socket", "timer",
        "target",     "mount", "network", "list", "sources", "repo",   "desktop",
        "rules",      "types", "txt",     "py",   "pl",      "rb",     "d"};
    for (const char *s : keyValue) {
        if (suffix == QLatin1String(s))
            return new ConfigHighlighter(document, ConfigHighlighter::Syntax::KeyValue);
    }
    // /etc holds configuration whatever its names: passwd, hosts, sshd_config, profile...
    const QString dir = info.path();
    if (suffix.isEmpty() && (dir == QLatin1String("etc") || dir.startsWith(QLatin1String("etc/")) ||
                             name.startsWith(QLatin1Char('.'))))
        return new ConfigHighlighter(document, ConfigHighlighter::Syntax::KeyValue);
    return nullptr;
}

} // namespace strata

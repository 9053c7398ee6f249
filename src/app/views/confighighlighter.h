#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace strata {

// The common shape of configuration files: comments (# and ;), [sections], the key before
// `=` or `:`, quoted strings, $VARIABLES and numbers; or, for XML and HTML, tags, attributes
// and comments. Enough to read nginx.conf, sshd_config, YAML, TOML, INI, .env, systemd units
// and shell profiles at a glance, not a parser of any of them.
class ConfigHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Syntax
    {
        KeyValue,
        Markup,
    };
    ConfigHighlighter(QTextDocument *document, Syntax syntax);
    void setPalette(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    void highlightKeyValue(const QString &text);
    void highlightMarkup(const QString &text);
    // Strings, variables and numbers from `from` on; stops at an unquoted comment.
    void highlightValues(const QString &text, qsizetype from);

    Syntax m_syntax;
    QTextCharFormat m_comment;
    QTextCharFormat m_section;
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_variable;
    QTextCharFormat m_number;
};

// The highlighter a file's name calls for (JSON, Dockerfile, configuration, markup), attached
// to `document`; nullptr for names that are none of these.
QSyntaxHighlighter *createHighlighterFor(const QString &path, QTextDocument *document);

} // namespace strata

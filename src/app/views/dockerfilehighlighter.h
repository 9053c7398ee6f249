#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace strata {

// Dockerfile syntax: instructions, comments, quoted strings, $VAR and ${VAR} (also inside
// double quotes), shell operators, --flags of the instruction, and the trailing backslash of
// a continued line. A continued line carries the open quote and the "not at an instruction"
// state to the next block.
class DockerfileHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Token
    {
        Instruction,
        Comment,
        String,
        Variable,
        Operator,
        Option,
        Continuation
    };

    explicit DockerfileHighlighter(QTextDocument *document);

    // Picks colours that read well on this palette's base colour, and highlights again.
    void setPalette(const QPalette &palette);
    QTextCharFormat tokenFormat(Token token) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    enum State
    {
        Continued = 1,
        InDoubleQuote = 2,
        InSingleQuote = 4
    };

    QTextCharFormat m_formats[7];
};

} // namespace strata

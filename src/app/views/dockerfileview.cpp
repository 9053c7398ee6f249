#include "views/dockerfileview.h"

#include "analysis/dockerfile.h"
#include "models/viewcolors.h"
#include "views/dockerfilehighlighter.h"
#include "views/monofont.h"

#include <QTextBlock>

namespace strata {

DockerfileView::DockerfileView(QWidget *parent)
    : QPlainTextEdit(parent), m_highlighter(new DockerfileHighlighter(document()))
{
    setObjectName(QStringLiteral("dockerfileView"));
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setFont(inheritedMonospaceFont());
    setAccessibleName(tr("Dockerfile reconstructed from the history"));
    m_highlighter->setPalette(palette());
}

void DockerfileView::setImage(const ImageInfo &image)
{
    const BaseImage base = findBaseImage(image);
    show(image.history, &base);
}

void DockerfileView::setHistory(const QList<HistoryEntry> &history)
{
    show(history, nullptr);
}

void DockerfileView::show(const QList<HistoryEntry> &history, const BaseImage *base)
{
    m_history = history;
    m_currentStep = -1;
    setPlainText(dockerfileFromHistory(history, &m_stepLines, base));
    setExtraSelections({});
}

int DockerfileView::lineOfStep(int historyIndex) const
{
    return historyIndex >= 0 && historyIndex < m_stepLines.size() ? m_stepLines.at(historyIndex)
                                                                  : -1;
}

void DockerfileView::selectStep(int historyIndex)
{
    if (historyIndex == m_currentStep)
        return;
    m_currentStep = historyIndex;
    markStep();
}

void DockerfileView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(palette());
        markStep();
    }
}

void DockerfileView::markStep()
{
    const int first = lineOfStep(m_currentStep);
    if (first < 0) {
        setExtraSelections({});
        return;
    }
    const int next = m_currentStep + 1 < m_stepLines.size() ? m_stepLines.at(m_currentStep + 1)
                                                            : document()->blockCount();
    // A base-image comment may follow the step: mark only the instruction's own lines.
    const QString instruction = dockerfileInstruction(m_history.at(m_currentStep));
    const int last = std::min(next, first + int(instruction.count(QLatin1Char('\n'))) + 1) - 1;
    QTextCursor cursor(document()->findBlockByNumber(first));
    cursor.movePosition(QTextCursor::NextBlock, QTextCursor::KeepAnchor, last - first);
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    QTextEdit::ExtraSelection selection;
    selection.cursor = cursor;
    selection.format.setBackground(
        mixColors(palette().color(QPalette::Base), palette().color(QPalette::Highlight), 0.25));
    selection.format.setProperty(QTextFormat::FullWidthSelection, true);
    setExtraSelections({selection});
    // Show the instruction without moving the user's own text selection.
    QTextCursor visible(document()->findBlockByNumber(last));
    const QTextCursor saved = textCursor();
    setTextCursor(visible);
    ensureCursorVisible();
    setTextCursor(QTextCursor(document()->findBlockByNumber(first)));
    ensureCursorVisible();
    if (saved.hasSelection())
        setTextCursor(saved);
}

} // namespace strata

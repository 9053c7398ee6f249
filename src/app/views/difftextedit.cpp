#include "views/difftextedit.h"

#include "models/changestyle.h"
#include "models/viewcolors.h"
#include "views/monofont.h"

#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>

namespace strata {

class DiffTextEdit::Gutter final : public QWidget
{
public:
    explicit Gutter(DiffTextEdit *edit) : QWidget(edit), m_edit(edit) {}
    QSize sizeHint() const override { return {m_edit->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_edit->paintGutter(event); }

private:
    DiffTextEdit *m_edit;
};

DiffTextEdit::DiffTextEdit(QWidget *parent) : QPlainTextEdit(parent), m_gutter(new Gutter(this))
{
    setReadOnly(true);
    setLineWrapMode(NoWrap);
    // A change near the end can still be centred, and both sides of a side-by-side view
    // keep the same scroll range, so that equal values show equal rows.
    setCenterOnScroll(true);
    setFont(inheritedMonospaceFont());
    // The cursor marks where Next Change goes on from; a reader still sees it while reading.
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    updateGutterGeometry();
}

void DiffTextEdit::setRows(const QStringList &lines, std::vector<Row> rows, bool twoNumbers)
{
    m_rows = std::move(rows);
    m_twoNumbers = twoNumbers;
    int largest = 1;
    for (const Row &row : m_rows)
        largest = std::max({largest, row.numberA, row.numberB});
    m_digits = int(QString::number(largest).size());
    setPlainText(lines.join(QLatin1Char('\n')));
    updateGutterGeometry();
    updateTints();
}

QColor DiffTextEdit::rowColor(RowKind kind) const
{
    const QColor base = palette().color(QPalette::Base);
    switch (kind) {
    case RowKind::Removed:
        return mixColors(base, changestyle::textColor(ChangeKind::Deleted, palette()), 0.2);
    case RowKind::Added:
        return mixColors(base, changestyle::textColor(ChangeKind::Added, palette()), 0.2);
    case RowKind::Padding:
        return mixColors(base, palette().color(QPalette::Text), 0.06);
    case RowKind::Same:
        break;
    }
    return base;
}

void DiffTextEdit::updateTints()
{
    // Only the changed rows get a selection, so a long file with a few changes stays cheap.
    QList<QTextEdit::ExtraSelection> tints;
    QTextBlock block = document()->firstBlock();
    for (const Row &row : m_rows) {
        if (!block.isValid())
            break;
        if (row.kind != RowKind::Same) {
            QTextEdit::ExtraSelection tint;
            tint.format.setBackground(rowColor(row.kind));
            tint.format.setProperty(QTextFormat::FullWidthSelection, true);
            tint.cursor = QTextCursor(block);
            tints.append(tint);
        }
        block = block.next();
    }
    setExtraSelections(tints);
}

QString DiffTextEdit::numberText(int number) const
{
    return number > 0 ? QString::number(number) : QString();
}

int DiffTextEdit::gutterWidth() const
{
    const int digits = fontMetrics().horizontalAdvance(QLatin1Char('9')) * m_digits;
    const int padding = fontMetrics().horizontalAdvance(QLatin1Char(' '));
    // The numbers, then a column for the +/− mark that names the change without its colour.
    return (m_twoNumbers ? 2 * digits + 3 * padding : digits + 2 * padding) + 2 * padding;
}

void DiffTextEdit::updateGutterGeometry()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
    const QRect area = contentsRect();
    m_gutter->setGeometry(area.left(), area.top(), gutterWidth(), area.height());
    m_gutter->update();
}

void DiffTextEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateGutterGeometry();
}

void DiffTextEdit::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateGutterGeometry();
    if (event->type() == QEvent::PaletteChange)
        updateTints();
}

void DiffTextEdit::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QColor background =
        mixColors(palette().color(QPalette::Base), palette().color(QPalette::Text), 0.04);
    painter.fillRect(event->rect(), background);
    painter.setFont(font());
    const QColor dim = accentColors(palette()).dimText;
    const int padding = fontMetrics().horizontalAdvance(QLatin1Char(' '));
    const int digits = fontMetrics().horizontalAdvance(QLatin1Char('9')) * m_digits;
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        const size_t index = size_t(block.blockNumber());
        if (block.isVisible() && index < m_rows.size() && top + height >= event->rect().top()) {
            const Row &row = m_rows[index];
            if (row.kind != RowKind::Same)
                painter.fillRect(0, top, m_gutter->width(), height, rowColor(row.kind));
            painter.setPen(row.kind == RowKind::Same ? dim : palette().color(QPalette::Text));
            const auto draw = [&](int x, int number) {
                painter.drawText(x, top, digits, height, Qt::AlignRight | Qt::AlignVCenter,
                                 numberText(number));
            };
            if (m_twoNumbers) {
                draw(padding, row.numberA);
                draw(2 * padding + digits, row.numberB);
            } else {
                draw(padding, row.numberA > 0 ? row.numberA : row.numberB);
            }
            const QString mark = row.kind == RowKind::Removed ? QStringLiteral("\u2212")
                                 : row.kind == RowKind::Added ? QStringLiteral("+")
                                                              : QString();
            painter.drawText(m_gutter->width() - 2 * padding, top, 2 * padding, height,
                             Qt::AlignCenter, mark);
        }
        block = block.next();
        top += height;
    }
}

void DiffTextEdit::showRow(int row)
{
    const QTextBlock block = document()->findBlockByNumber(row);
    if (!block.isValid())
        return;
    setTextCursor(QTextCursor(block));
    centerCursor();
}

} // namespace strata

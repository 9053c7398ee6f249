#include "views/filediffview.h"

#include "views/confighighlighter.h"
#include "views/difftextedit.h"

#include <QScrollBar>
#include <QSplitter>
#include <QStackedLayout>

namespace strata {

namespace {

// Decoded for display: invalid UTF-8 shows as replacement characters, and the characters
// the text document would break a line at are replaced so that rows stay rows.
QString displayLine(const QByteArray &line)
{
    QByteArray bytes = line;
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    QString text = QString::fromUtf8(bytes);
    for (QChar &c : text) {
        if (c == QLatin1Char('\r') || c == QChar::LineSeparator || c == QChar::ParagraphSeparator ||
            c == QChar(0x0c))
            c = QChar::ReplacementCharacter;
    }
    return text;
}

// Both sides have the same rows, so equal values show the same rows. A side whose range
// grows later (laid out after the other scrolled) catches up then.
void linkScrollBars(QScrollBar *a, QScrollBar *b)
{
    QObject::connect(a, &QScrollBar::valueChanged, b, &QScrollBar::setValue);
    QObject::connect(b, &QScrollBar::valueChanged, a, &QScrollBar::setValue);
    QObject::connect(a, &QScrollBar::rangeChanged, b, [a, b] { a->setValue(b->value()); });
    QObject::connect(b, &QScrollBar::rangeChanged, a, [a, b] { b->setValue(a->value()); });
}

} // namespace

FileDiffView::FileDiffView(QWidget *parent)
    : QWidget(parent), m_left(new DiffTextEdit), m_right(new DiffTextEdit),
      m_unified(new DiffTextEdit), m_sideBySide(new QSplitter(Qt::Horizontal)),
      m_stack(new QStackedLayout(this))
{
    m_left->setObjectName(QStringLiteral("diffLeft"));
    m_right->setObjectName(QStringLiteral("diffRight"));
    m_unified->setObjectName(QStringLiteral("diffUnified"));
    m_sideBySide->addWidget(m_left);
    m_sideBySide->addWidget(m_right);
    m_sideBySide->setChildrenCollapsible(false);
    m_stack->addWidget(m_sideBySide);
    m_stack->addWidget(m_unified);
    linkScrollBars(m_left->verticalScrollBar(), m_right->verticalScrollBar());
    linkScrollBars(m_left->horizontalScrollBar(), m_right->horizontalScrollBar());
    // The cursor row stays the same row on both sides, so Next Change goes on from either.
    connect(m_left, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        if (m_right->currentRow() != m_left->currentRow())
            m_right->setTextCursor(
                QTextCursor(m_right->document()->findBlockByNumber(m_left->currentRow())));
    });
    connect(m_right, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        if (m_left->currentRow() != m_right->currentRow())
            m_left->setTextCursor(
                QTextCursor(m_left->document()->findBlockByNumber(m_right->currentRow())));
    });
    for (DiffTextEdit *edit : {m_left, m_unified}) {
        connect(edit, &QPlainTextEdit::cursorPositionChanged, this,
                [this] { emit currentChangeChanged(currentChange()); });
    }
}

void FileDiffView::setDiff(const QString &path, const QList<QByteArray> &a,
                           const QList<QByteArray> &b, const LineDiff &diff)
{
    using Row = DiffTextEdit::Row;
    using Kind = DiffTextEdit::RowKind;

    QStringList left, right;
    std::vector<Row> leftRows, rightRows;
    m_changesSideBySide.clear();
    bool inChange = false;
    for (const DiffRow &row : sideBySideRows(diff)) {
        if (row.changed && !inChange)
            m_changesSideBySide.push_back(int(leftRows.size()));
        inChange = row.changed;
        const auto side = [&](int line, const QList<QByteArray> &lines, Kind changedKind,
                              QStringList *text, std::vector<Row> *rows) {
            text->append(line >= 0 ? displayLine(lines[line]) : QString());
            Row r;
            r.kind = !row.changed ? Kind::Same : line >= 0 ? changedKind : Kind::Padding;
            r.numberA = line + 1;
            rows->push_back(r);
        };
        side(row.lineA, a, Kind::Removed, &left, &leftRows);
        side(row.lineB, b, Kind::Added, &right, &rightRows);
    }
    const bool highlight = int(leftRows.size()) <= kHighlightRows;
    m_left->setRows(left, std::move(leftRows), false);
    m_right->setRows(right, std::move(rightRows), false);

    QStringList unified;
    std::vector<Row> unifiedRows;
    m_changesUnified.clear();
    inChange = false;
    for (const DiffLine &line : diff.lines) {
        const bool changed = line.kind != DiffLine::Kind::Same;
        if (changed && !inChange)
            m_changesUnified.push_back(int(unifiedRows.size()));
        inChange = changed;
        Row r;
        r.numberA = line.lineA + 1;
        r.numberB = line.lineB + 1;
        if (line.kind == DiffLine::Kind::Added) {
            r.kind = Kind::Added;
            unified.append(displayLine(b[line.lineB]));
        } else {
            r.kind = line.kind == DiffLine::Kind::Removed ? Kind::Removed : Kind::Same;
            unified.append(displayLine(a[line.lineA]));
        }
        unifiedRows.push_back(r);
    }
    m_unified->setRows(unified, std::move(unifiedRows), true);

    for (DiffTextEdit *edit : {m_left, m_right, m_unified}) {
        if (highlight)
            createHighlighterFor(path, edit->document());
    }
    // The first change is what the reader came for; centred again once the view has its
    // final size, which it may not have while the window is still being laid out.
    if (!m_changesSideBySide.empty()) {
        goToChange(0);
        QMetaObject::invokeMethod(
            this, [this] { currentEdit()->centerCursor(); }, Qt::QueuedConnection);
    }
}

void FileDiffView::setMode(Mode mode)
{
    // The change being read stays on screen when the layout changes.
    const int change = currentChange();
    m_mode = mode;
    m_stack->setCurrentIndex(mode == Mode::SideBySide ? 0 : 1);
    if (change >= 0)
        goToChange(change);
}

DiffTextEdit *FileDiffView::currentEdit() const
{
    return m_mode == Mode::SideBySide ? m_left : m_unified;
}

const std::vector<int> &FileDiffView::changeRows() const
{
    return m_mode == Mode::SideBySide ? m_changesSideBySide : m_changesUnified;
}

int FileDiffView::currentChange() const
{
    const std::vector<int> &rows = changeRows();
    const int row = currentEdit()->currentRow();
    const auto after = std::upper_bound(rows.begin(), rows.end(), row);
    return int(after - rows.begin()) - 1;
}

void FileDiffView::goToChange(int change)
{
    const std::vector<int> &rows = changeRows();
    if (change < 0 || change >= int(rows.size()))
        return;
    currentEdit()->showRow(rows[size_t(change)]);
}

void FileDiffView::nextChange()
{
    const std::vector<int> &rows = changeRows();
    const int row = currentEdit()->currentRow();
    const auto next = std::upper_bound(rows.begin(), rows.end(), row);
    if (next != rows.end())
        goToChange(int(next - rows.begin()));
}

void FileDiffView::previousChange()
{
    const std::vector<int> &rows = changeRows();
    const int row = currentEdit()->currentRow();
    const auto previous = std::lower_bound(rows.begin(), rows.end(), row);
    if (previous != rows.begin())
        goToChange(int(previous - rows.begin()) - 1);
}

} // namespace strata

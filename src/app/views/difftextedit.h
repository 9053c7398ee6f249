#pragma once

#include <QPlainTextEdit>

#include <vector>

namespace strata {

// One column of a line diff: read-only text, one block per row, a gutter with the rows' line
// numbers (one column of them, or the old and new numbers of a unified diff), and the
// removed, added and padding rows tinted across the whole width.
class DiffTextEdit final : public QPlainTextEdit
{
    Q_OBJECT
public:
    enum class RowKind : uint8_t
    {
        Same,
        Removed,
        Added,
        Padding, // the other side's change has more lines: nothing here
    };
    struct Row
    {
        RowKind kind = RowKind::Same;
        int numberA = -1; // 1-based; -1 for none
        int numberB = -1;
    };

    explicit DiffTextEdit(QWidget *parent = nullptr);

    // `lines` has one entry per row (empty for padding rows). With `twoNumbers` the gutter
    // shows both numbers of each row, else numberA where set and numberB otherwise.
    void setRows(const QStringList &lines, std::vector<Row> rows, bool twoNumbers);
    const std::vector<Row> &rows() const { return m_rows; }
    RowKind rowKind(int row) const { return m_rows.at(size_t(row)).kind; }
    QColor rowColor(RowKind kind) const;
    int gutterWidth() const;
    // Puts the cursor on `row` and scrolls it into the middle of the view.
    void showRow(int row);
    int currentRow() const { return textCursor().blockNumber(); }

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    class Gutter;
    void paintGutter(QPaintEvent *event);
    void updateGutterGeometry();
    void updateTints();
    QString numberText(int number) const;

    Gutter *m_gutter;
    std::vector<Row> m_rows;
    bool m_twoNumbers = false;
    int m_digits = 1;
};

} // namespace strata

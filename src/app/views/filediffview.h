#pragma once

#include "analysis/linediff.h"

#include <QWidget>

#include <vector>

class QSplitter;
class QStackedLayout;

namespace strata {

class DiffTextEdit;

// The lines of two versions of a file: side by side (old left, new right, a change's lines
// facing each other, scrolled together) or unified (one column, old and new line numbers).
// Syntax colours follow the file's name; Next and Previous Change step through the changes.
class FileDiffView final : public QWidget
{
    Q_OBJECT
public:
    enum class Mode
    {
        SideBySide,
        Unified,
    };
    // Past this many rows the text is shown without syntax colours: highlighting every line
    // of a huge file would hold the window up for seconds.
    static constexpr int kHighlightRows = 50000;

    explicit FileDiffView(QWidget *parent = nullptr);

    void setDiff(const QString &path, const QList<QByteArray> &a, const QList<QByteArray> &b,
                 const LineDiff &diff);
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // The number of changes (runs of changed lines) and the one the cursor is in or after.
    int changeCount() const { return int(m_changesSideBySide.size()); }
    int currentChange() const;
    void nextChange();
    void previousChange();

    DiffTextEdit *leftEdit() const { return m_left; }
    DiffTextEdit *rightEdit() const { return m_right; }
    DiffTextEdit *unifiedEdit() const { return m_unified; }

signals:
    void currentChangeChanged(int change);

private:
    DiffTextEdit *currentEdit() const;
    const std::vector<int> &changeRows() const;
    void goToChange(int change);

    Mode m_mode = Mode::SideBySide;
    DiffTextEdit *m_left;
    DiffTextEdit *m_right;
    DiffTextEdit *m_unified;
    QSplitter *m_sideBySide;
    QStackedLayout *m_stack;
    // The first row of each change in either layout.
    std::vector<int> m_changesSideBySide;
    std::vector<int> m_changesUnified;
};

} // namespace strata

#pragma once

#include "analysis/filediff.h"
#include "models/backgroundwork.h"

#include <QMainWindow>

#include <memory>
#include <vector>

class QLabel;
class QStackedWidget;
class QToolButton;
class QTreeWidget;

namespace strata {

class FileDiffView;
class LayerTree;

// One side of a file comparison as the window keeps it: the source and the layer trees are
// held so that the comparison can read them whatever the window that asked does meanwhile.
struct FileDiffSide
{
    std::shared_ptr<ImageSource> source;
    int image = 0;
    std::vector<std::shared_ptr<const LayerTree>> layers;
    int top = 0;
    QString label; // "nginx:1.25, layer 4"
};

// Two versions of one file: its lines side by side or unified, with syntax colours; for a
// binary or large file their sizes and SHA-256, and for ELF files the symbols gained and
// lost. Both versions are read and compared off the GUI thread.
class FileDiffWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit FileDiffWindow(QWidget *parent = nullptr);

    void compare(FileDiffSide a, FileDiffSide b, const QString &path);

    const FileComparison *comparison() const { return m_comparison.get(); }
    FileDiffView *diffView() const { return m_view; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *messageLabel() const { return m_message; }
    QLabel *hashesLabel() const { return m_hashes; }
    QTreeWidget *symbolTree() const { return m_symbols; }
    QStackedWidget *pages() const { return m_pages; }
    // The comparison as a unified diff, what Copy as Patch puts on the clipboard.
    QByteArray patch() const;

signals:
    void comparisonShown();

private:
    void showComparison(std::shared_ptr<const FileComparison> comparison);
    void showLines();
    void showHashes();
    void updateSummary();

    BackgroundWork m_work{this};
    FileDiffSide m_a;
    FileDiffSide m_b;
    QString m_path;
    std::shared_ptr<const FileComparison> m_comparison;

    QLabel *m_title;
    QLabel *m_sides;
    QLabel *m_summary;
    QToolButton *m_sideBySide;
    QToolButton *m_unified;
    QToolButton *m_previous;
    QToolButton *m_next;
    QToolButton *m_copy;
    QStackedWidget *m_pages;
    QLabel *m_message;
    FileDiffView *m_view;
    QLabel *m_hashes;
    QTreeWidget *m_symbols;
};

} // namespace strata

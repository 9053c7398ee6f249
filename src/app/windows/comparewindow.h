#pragma once

#include "analysis/imagediff.h"

#include <QMainWindow>

#include <memory>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;
class QTreeView;

namespace strata {

class LayerStackView;
class TreeDiffModel;

// Two images side by side: their stacks (shared bottom layers marked), the merged
// filesystems compared as one tree, the largest changes, and the history and config diffs.
// Everything is read and compared off the GUI thread.
class CompareWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit CompareWindow(QWidget *parent = nullptr);

    // Opens both archives (their only or first image) and compares them.
    void openFiles(const QString &a, const QString &b);
    // Compares an image already open with the first image of the archive at `b`.
    void compareWithFile(std::shared_ptr<ImageArchive> a, int imageA, const QString &b);
    void compare(std::shared_ptr<ImageArchive> a, int imageA, std::shared_ptr<ImageArchive> b,
                 int imageB);

    const ImageComparison *comparison() const { return m_comparison.get(); }
    TreeDiffModel *treeModel() const { return m_model; }
    QLabel *summaryLabel() const { return m_summary; }
    QTableWidget *historyTable() const { return m_history; }
    QTableWidget *configTable() const { return m_config; }
    QTableWidget *largestTable() const { return m_largest; }
    LayerStackView *stackA() const { return m_stackA; }
    LayerStackView *stackB() const { return m_stackB; }

signals:
    void comparisonReady();
    void failed(const QString &message);

private:
    // A is `a` when given, else opened from `pathA`; B is opened from `pathB`.
    void openInBackground(std::shared_ptr<ImageArchive> a, int imageA, const QString &pathA,
                          const QString &pathB);
    void recompare(int topA, int topB);
    void showComparison(std::shared_ptr<ImageComparison> comparison);
    void fillSummary();
    void fillLargest();
    void fillHistory();
    void fillConfig();
    void compareContents();

    quint64 m_generation = 0;
    DiffSide m_a;
    DiffSide m_b;
    std::shared_ptr<ImageComparison> m_comparison;
    std::shared_ptr<TreeDiff> m_diff;

    QLabel *m_summary;
    LayerStackView *m_stackA;
    LayerStackView *m_stackB;
    QTabWidget *m_tabs;
    TreeDiffModel *m_model;
    QTreeView *m_tree;
    QCheckBox *m_changesOnly;
    QCheckBox *m_byDelta;
    QPushButton *m_contents;
    QTableWidget *m_largest;
    QTableWidget *m_history;
    QTableWidget *m_config;
};

} // namespace strata

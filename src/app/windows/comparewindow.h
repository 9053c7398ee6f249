#pragma once

#include "analysis/imagediff.h"
#include "models/backgroundwork.h"
#include "packages/imagepackages.h"

#include <QMainWindow>

#include <memory>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;
class QTabWidget;
class QTreeView;

namespace strata {

class FileDiffWindow;
class ImageLoader;
class LargestChangesModel;
class PackageModel;
class LayerStackView;
class LoadProgressBar;
class TreeDiffModel;

// Two images side by side: their stacks (shared bottom layers marked), the merged
// filesystems compared as one tree, the largest changes, and the history and config diffs.
// Everything is read (through two ImageLoaders) and compared off the GUI thread.
class CompareWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit CompareWindow(QWidget *parent = nullptr);

    // Opens both locations (their only or first image) and compares them.
    void openLocations(const QString &a, const QString &b);
    // Compares an image already open with the only or first image at location `b`.
    void compareWith(std::shared_ptr<ImageSource> a, int imageA, const QString &b);
    void compare(std::shared_ptr<ImageSource> a, int imageA, std::shared_ptr<ImageSource> b,
                 int imageB);

    const ImageComparison *comparison() const { return m_comparison.get(); }
    TreeDiffModel *treeModel() const { return m_model; }
    QLabel *summaryLabel() const { return m_summary; }
    QTableWidget *historyTable() const { return m_history; }
    LargestChangesModel *largestModel() const { return m_largestModel; }
    QTableView *largestView() const { return m_largest; }
    LayerStackView *stackA() const { return m_stackA; }
    LayerStackView *stackB() const { return m_stackB; }
    // The "Packages" tab: packages added, removed and upgraded from A to B.
    PackageModel *packageModel() const { return m_packageModel; }
    QLabel *packageSummary() const { return m_packageSummary; }
    QTreeView *treeView() const { return m_tree; }
    // A window with the two versions of `path` (as compared now) line by line.
    FileDiffWindow *compareFile(const QString &path);

signals:
    void comparisonReady();
    void failed(const QString &message);

private:
    void shareStackScale();
    QWidget *createFilesTab();
    QWidget *createLargestTab();
    void onSourceOpened(ImageLoader *loader);
    void onLoaderFailed(const Error &error);
    void onLoadProgress();
    void onTreesReady();
    void recompare(int topA, int topB);
    void showComparison(std::shared_ptr<ImageComparison> comparison);
    void fillSummary();
    void fillLargest();
    void fillHistory();
    void fillConfig();
    void compareContents();
    // The diff entry a file comparison can be opened for, or kNoNode.
    uint32_t comparableEntry(uint32_t entry) const;
    void updateShowDifferences();
    QWidget *createPackagesTab();
    void comparePackagesOfSides();
    void showPackageChanges();

    ImageLoader *m_loaderA;
    ImageLoader *m_loaderB;
    BackgroundWork m_comparing{this};
    BackgroundWork m_contentComparing{this};
    BackgroundWork m_packageReading{this};
    // Each side's packages, read once per image; compared again as the layers change.
    std::shared_ptr<const ImagePackages> m_packagesA;
    std::shared_ptr<const ImagePackages> m_packagesB;
    DiffSide m_a;
    DiffSide m_b;
    std::shared_ptr<ImageComparison> m_comparison;
    std::shared_ptr<TreeDiff> m_diff;

    QLabel *m_summary;
    LoadProgressBar *m_progress;
    LayerStackView *m_stackA;
    LayerStackView *m_stackB;
    QTabWidget *m_tabs;
    TreeDiffModel *m_model;
    QTreeView *m_tree;
    QCheckBox *m_changesOnly;
    QCheckBox *m_byDelta;
    QPushButton *m_showDifferences;
    QPushButton *m_contents;
    LargestChangesModel *m_largestModel;
    QTableView *m_largest;
    QLabel *m_largestCount;
    QTableWidget *m_history;
    QTableWidget *m_config;
    PackageModel *m_packageModel;
    QLabel *m_packageSummary;
};

} // namespace strata

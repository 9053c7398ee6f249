#pragma once

#include "models/backgroundwork.h"
#include "models/mergedtreecache.h"
#include "models/treeexporter.h"
#include "models/treefilter.h"
#include "models/treesnapshot.h"
#include "tree/layertree.h"

#include <QSet>
#include <QWidget>

#include <memory>
#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimer;
class QToolButton;
class QTreeView;

namespace strata {

class FileTreeModel;

// The middle pane: the filesystem as of the selected layer (merged, or that layer's own
// changes), a name filter, "changed only", and expand / collapse all. Merges and filters are
// computed on the background pool; the result replaces the model's tree in one reset, after
// which the pane restores the expanded directories and the current entry by path.
class FileTreePane final : public QWidget
{
    Q_OBJECT
public:
    // Expand all refuses to show more rows than this at once.
    static constexpr uint32_t kExpandAllLimit = 20000;
    // A filter with at most this many hits expands every directory that leads to one.
    static constexpr uint32_t kAutoExpandHits = 2000;

    explicit FileTreePane(QWidget *parent = nullptr);
    ~FileTreePane() override;

    // Shows a placeholder while the layers are being read.
    void showPlaceholder(const QString &text);
    // The layers of the image (after ImageLoader::treesReady); shows `layer`.
    void setLayers(std::vector<std::shared_ptr<const LayerTree>> layers, int layer);
    void showLayer(int layer);
    int layer() const { return m_layer; }

    // What a background computation hands back (public for the worker function).
    struct Result;

    void setLayerOnly(bool layerOnly);
    bool layerOnly() const { return m_layerOnly; }
    // With layerOnly: show what layers `from` to the shown one change together (each path
    // once, with its net change); -1, or the shown layer, for that layer alone.
    void setFromLayer(int from);
    int fromLayer() const;
    QSpinBox *fromLayerBox() const { return m_fromLayerBox; }
    void setFilterText(const QString &text);
    void setChangedOnly(bool changedOnly);

    void focusFilter();
    void expandAll();
    void collapseAll();
    void selectPath(const QString &path);

    // True while a merge or filter is being computed.
    bool isBusy() const { return m_busy; }
    FileTreeModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QString statusText() const;

signals:
    // The entry the user is looking at. `node` is kNoNode when the path is not in the shown
    // tree (deleted at this layer): the detail pane can still explain why.
    void currentEntryChanged(const strata::TreeSnapshot &snapshot, uint32_t node,
                             const QString &path);
    // A new tree or filter result is on screen.
    void snapshotShown();
    // The user asked for the shown layer's tar as stored (whiteout files and all).
    void storedEntriesWanted();
    // The user asked for `path` (as of the shown layer, or of the one below that deleted it)
    // to be written out as `kind`.
    void exportWanted(const QString &path, strata::ExportJob::Kind kind);
    // The user asked for the lines of `path` as of `olderLayer` beside those of the shown
    // layer.
    void compareWanted(const QString &path, int olderLayer);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateColumnWidths();
    // The Name column stretches, but never below a readable width: past that the view
    // scrolls sideways instead.
    void keepNameReadable();
    void updateFromLayerBox();
    void requestUpdate(bool treeChanged);
    void applyResult(const Result &result);
    void setBusy(bool busy);
    void updateStatus();
    void restoreView();
    void onCurrentChanged();
    void showContextMenu(const QPoint &position);
    void autoExpandHits();

    std::vector<std::shared_ptr<const LayerTree>> m_layers;
    std::shared_ptr<MergedTreeCache> m_cache; // of m_layers
    BackgroundWork m_computing{this};
    int m_layer = -1;
    bool m_layerOnly = false;
    int m_fromLayer = -1;
    TreeFilterSpec m_filter;
    bool m_busy = false;
    bool m_restoring = false;
    QSet<QString> m_expanded;
    QString m_currentPath;
    QString m_status;

    FileTreeModel *m_model;
    QTreeView *m_view;
    QLineEdit *m_filterEdit;
    QCheckBox *m_changedOnly;
    QCheckBox *m_layerOnlyBox;
    QToolButton *m_asStored;
    QSpinBox *m_fromLayerBox;
    QToolButton *m_expandAll;
    QToolButton *m_collapseAll;
    QLabel *m_statusLabel;
    QTimer *m_filterTimer;
};

} // namespace strata

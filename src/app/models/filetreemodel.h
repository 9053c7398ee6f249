#pragma once

#include "models/treefilter.h"
#include "models/treesnapshot.h"

#include <QAbstractItemModel>
#include <QIcon>

#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

namespace strata {

// A QAbstractItemModel over a frozen FileTree. An index's internalId is its node index, so
// parent() is O(1) and rows cost no allocation: in name order without a filter a node's row
// is its offset among its parent's (contiguous, sorted) children. Another sort order or a
// filter gives each directory a permutation of its children, computed the first time the
// view asks for that directory, plus one row-in-parent array for the whole tree.
class FileTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        SizeColumn,
        ModeColumn,
        LayerColumn,
        ChangeColumn,
        ColumnCount
    };
    enum Role
    {
        NodeRole = Qt::UserRole + 1, // uint: node index in the snapshot's tree
        PathRole,                    // QString: path without a leading slash
        ChangeRole,                  // int: ChangeKind
        SortRole,                    // the value a column sorts by
        HitRole,                     // bool: matches the filter itself (not only a parent of a hit)
        ShareRole,                   // double: the entry's bytes over its directory's, 0..1
        ViewedLayerRole,             // bool: the entry comes from the layer shown
    };

    explicit FileTreeModel(QObject *parent = nullptr);
    ~FileTreeModel() override;

    // Shows another tree (and the filter mask computed for it, or null for none) with one
    // model reset.
    void setSnapshot(const TreeSnapshot &snapshot,
                     std::shared_ptr<const TreeFilterMask> mask = nullptr);
    void setFilterMask(std::shared_ptr<const TreeFilterMask> mask);
    const TreeSnapshot &snapshot() const { return m_snapshot; }
    const TreeFilterMask *filterMask() const { return m_mask.get(); }
    // Rows the tree has with the current filter (the root excluded).
    uint32_t visibleEntryCount() const;

    uint32_t nodeOf(const QModelIndex &index) const;
    QModelIndex indexOfNode(uint32_t node, int column = 0) const;
    // The index of a path ("etc/passwd"), or an invalid index when it is absent or filtered out.
    QModelIndex indexOfPath(const QString &path) const;
    QString pathOf(const QModelIndex &index) const;

    // Entries can be dragged out once this is set: a drag carries what `make` gives for the
    // dragged paths (the page exports them when they are dropped).
    void setDragData(std::function<QMimeData *(const QStringList &paths)> make);
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QModelIndex sibling(int row, int column, const QModelIndex &idx) const override;

private:
    std::function<QMimeData *(const QStringList &paths)> m_makeDragData;
    bool identityOrder() const;
    // The children of `dir` in display order, or null in identity order.
    const std::vector<uint32_t> *orderedChildren(uint32_t dir) const;
    uint32_t childAt(uint32_t dir, int row) const;
    int rowOf(uint32_t node) const;
    uint32_t visibleChildCount(uint32_t dir) const;
    bool lessThan(uint32_t a, uint32_t b) const;
    void resetOrder();
    void updateIcons();
    QVariant displayData(uint32_t node, int column) const;

    TreeSnapshot m_snapshot;
    std::shared_ptr<const TreeFilterMask> m_mask;
    int m_sortColumn = NameColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    // Lazily computed display order per directory, and each node's row in its parent's list.
    mutable std::unordered_map<uint32_t, std::vector<uint32_t>> m_order;
    mutable std::vector<int32_t> m_row;
    QIcon m_dirIcon, m_fileIcon, m_linkIcon, m_otherIcon;
    QIcon m_changeIcons[4];
};

} // namespace strata

#pragma once

#include "tree/treediff.h"

#include <QAbstractItemModel>

#include <memory>
#include <unordered_map>
#include <vector>

namespace strata {

// Two merged trees compared (TreeDiff) as one tree: internalId is the entry index, so parent()
// is O(1); each directory's visible children (all, or changes only; by name or by size
// change) are worked out the first time it is shown.
class TreeDiffModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        StatusColumn,
        ChangesColumn,
        SizeAColumn,
        SizeBColumn,
        DeltaColumn,
        ColumnCount
    };

    explicit TreeDiffModel(QObject *parent = nullptr);

    void setDiff(std::shared_ptr<const TreeDiff> diff);
    std::shared_ptr<const TreeDiff> diff() const { return m_diff; }
    void setChangesOnly(bool changesOnly);
    void setSortByDelta(bool byDelta);
    uint32_t entryOf(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const std::vector<uint32_t> &childrenOf(uint32_t entry) const;
    void reset();

    std::shared_ptr<const TreeDiff> m_diff;
    bool m_changesOnly = true;
    bool m_byDelta = true;
    mutable std::unordered_map<uint32_t, std::vector<uint32_t>> m_children;
    mutable std::vector<uint32_t> m_rowOf; // row of an entry among its parent's visible children
};

} // namespace strata

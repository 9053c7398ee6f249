#pragma once

#include "tree/treediff.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace strata {

// Where the bytes went between two images: every changed file, and every directory whose
// contents changed size with its total, one row each. Ranked by the size of the change,
// growth and shrink alike, unless a header asks for another order. No row is left out: a
// row is an entry index, its texts are made when it is shown.
class LargestChangesModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        DeltaColumn,
        KindColumn,
        StatusColumn,
        ChangesColumn,
        PathColumn,
        ColumnCount
    };

    explicit LargestChangesModel(QObject *parent = nullptr);

    void setDiff(std::shared_ptr<const TreeDiff> diff);
    uint32_t entryOf(int row) const { return m_rows[size_t(row)]; }
    // The change in bytes a row stands for: a file's own, a directory's total.
    int64_t delta(uint32_t entry) const;
    int fileRows() const { return m_fileRows; }
    int directoryRows() const { return int(m_rows.size()) - m_fileRows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    // DeltaColumn sorts by the size of the change (descending: largest first, growth or
    // shrink); the others by their text.
    void sort(int column, Qt::SortOrder order) override;

private:
    QString text(uint32_t entry, int column) const;
    QString kindText(uint32_t entry) const;
    QString path(uint32_t entry) const;

    std::shared_ptr<const TreeDiff> m_diff;
    std::vector<uint32_t> m_rows;
    int m_fileRows = 0;
    int m_sortColumn = DeltaColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace strata

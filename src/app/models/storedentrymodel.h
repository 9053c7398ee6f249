#pragma once

#include "source/layerlisting.h"

#include <QAbstractTableModel>

#include <memory>

namespace strata {

// A layer's tar as stored, one row per entry in the tar's order: the whiteout files as they
// are written (`.wh.NAME`, `.wh..wh..opq`) with what each does to the merged filesystem.
class StoredEntryModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ModeColumn,
        SizeColumn,
        NameColumn,
        MeaningColumn,
        ColumnCount
    };
    enum Role
    {
        MeaningRole = Qt::UserRole + 1, // StoredEntry::Meaning as int
    };

    explicit StoredEntryModel(QObject *parent = nullptr);

    void setListing(std::shared_ptr<const LayerListing> listing);
    const LayerListing *listing() const { return m_listing.get(); }
    // Rows that are whiteouts or opaque markers.
    int whiteoutCount() const { return m_whiteouts; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const LayerListing> m_listing;
    int m_whiteouts = 0;
};

} // namespace strata

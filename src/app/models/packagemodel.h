#pragma once

#include "packages/imagepackages.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace strata {

// Packages as a table: what one layer (or a second image) changed, or everything installed
// as of a layer with the layer that installed each.
class PackageModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ChangeColumn, // changes only
        TypeColumn,
        NameColumn,
        VersionColumn, // "1.0 → 2.0" for an upgrade
        InstalledSizeColumn,
        LayerBytesColumn, // changes of a layer: the bytes of the package's files in it
        LayerColumn,      // installed: the layer that installed it
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        SourceRole, // QString: the file the package was found in
    };

    explicit PackageModel(QObject *parent = nullptr);

    void setChanges(std::vector<PackageChange> changes);
    void setInstalled(std::shared_ptr<const ImagePackages> packages, int layer);
    void clear();
    bool showsChanges() const { return m_showsChanges; }
    const Package *packageAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    bool m_showsChanges = true;
    std::vector<PackageChange> m_changes;
    std::shared_ptr<const ImagePackages> m_packages;
    std::vector<int> m_installedBy; // installed rows: the layer of each
    int m_layer = -1;
};

} // namespace strata

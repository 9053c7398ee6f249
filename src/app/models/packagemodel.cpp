#include "models/packagemodel.h"

#include "common/datasize.h"
#include "report/packagesreport.h"

namespace strata {

PackageModel::PackageModel(QObject *parent) : QAbstractTableModel(parent) {}

void PackageModel::setChanges(std::vector<PackageChange> changes)
{
    beginResetModel();
    m_showsChanges = true;
    m_changes = std::move(changes);
    m_packages.reset();
    m_installedBy.clear();
    endResetModel();
}

void PackageModel::setInstalled(std::shared_ptr<const ImagePackages> packages, int layer)
{
    beginResetModel();
    m_showsChanges = false;
    m_changes.clear();
    m_packages = std::move(packages);
    m_layer = layer;
    m_installedBy.clear();
    if (m_packages && layer >= 0 && size_t(layer) < m_packages->layers.size()) {
        for (const PackagePtr &p : m_packages->layers[size_t(layer)].packages)
            m_installedBy.push_back(layerOfPackage(*m_packages, layer, p.get()));
    }
    endResetModel();
}

void PackageModel::clear()
{
    setChanges({});
}

const Package *PackageModel::packageAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    if (m_showsChanges)
        return &m_changes[size_t(row)].package();
    return m_packages->layers[size_t(m_layer)].packages[size_t(row)].get();
}

int PackageModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_showsChanges ? int(m_changes.size()) : int(m_installedBy.size());
}

int PackageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PackageModel::data(const QModelIndex &index, int role) const
{
    const Package *p = packageAt(index.row());
    if (!p)
        return {};
    const PackageChange *change = m_showsChanges ? &m_changes[size_t(index.row())] : nullptr;
    if (role == SourceRole)
        return QString::fromStdString(p->source);
    if (role == Qt::TextAlignmentRole &&
        (index.column() == InstalledSizeColumn || index.column() == LayerBytesColumn ||
         index.column() == LayerColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == NameColumn)
        return tr("Found in /%1").arg(QString::fromStdString(p->source));
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sorting = role == SortRole;
    switch (index.column()) {
    case ChangeColumn:
        if (!change)
            return {};
        switch (change->kind) {
        case PackageChange::Kind::Added:
            return tr("Added");
        case PackageChange::Kind::Removed:
            return tr("Removed");
        case PackageChange::Kind::Upgraded:
            return tr("Upgraded");
        }
        return {};
    case TypeColumn:
        return packageKindName(p->kind);
    case NameColumn:
        return p->name;
    case VersionColumn:
        if (change && change->kind == PackageChange::Kind::Upgraded)
            return QString(change->before->version + QStringLiteral(" → ") + p->version);
        return p->version;
    case InstalledSizeColumn:
        if (sorting)
            return p->installedSize;
        return p->installedSize >= 0 ? formatDataSize(p->installedSize) : QString();
    case LayerBytesColumn:
        if (!change || !change->after)
            return sorting ? QVariant(qint64(-1)) : QVariant();
        return sorting ? QVariant(change->layerBytes)
                       : QVariant(formatDataSize(change->layerBytes));
    case LayerColumn:
        if (m_showsChanges)
            return {};
        return m_installedBy[size_t(index.row())];
    default:
        return {};
    }
}

QVariant PackageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        if (section == InstalledSizeColumn)
            return tr("The size the package database declares for the package");
        if (section == LayerBytesColumn)
            return tr("The bytes of the package's files in this layer: what installing it "
                      "added here");
        if (section == LayerColumn)
            return tr("The layer that installed this version");
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ChangeColumn:
        return tr("Change");
    case TypeColumn:
        return tr("Type");
    case NameColumn:
        return tr("Name");
    case VersionColumn:
        return tr("Version");
    case InstalledSizeColumn:
        return tr("Installed Size");
    case LayerBytesColumn:
        return tr("In This Layer");
    case LayerColumn:
        return tr("Layer");
    default:
        return {};
    }
}

} // namespace strata

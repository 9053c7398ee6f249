#include "models/enginecontainermodel.h"

#include "common/datasize.h"
#include "engine/enginelocation.h"
#include "models/historymodel.h"

namespace strata {

EngineContainerModel::EngineContainerModel(QObject *parent) : QAbstractTableModel(parent) {}

void EngineContainerModel::setEngines(const std::vector<EngineListing> &engines,
                                      const QString &chosenHost)
{
    beginResetModel();
    m_engines = engines;
    m_rows.clear();
    m_now = QDateTime::currentDateTimeUtc();
    for (int e = 0; e < int(m_engines.size()); ++e) {
        const EngineListing &engine = m_engines[size_t(e)];
        for (int c = 0; c < engine.containers.size(); ++c) {
            const EngineContainer &container = engine.containers[c];
            m_rows.push_back(
                {e, c, engineLocation(engine.endpoint, container.name, true, chosenHost),
                 engineLocation(engine.endpoint, container.imageId, false, chosenHost)});
        }
    }
    endResetModel();
}

const EngineContainer &EngineContainerModel::container(int row) const
{
    const Row &r = m_rows.at(size_t(row));
    return m_engines[size_t(r.engine)].containers.at(r.container);
}

const EngineListing &EngineContainerModel::engineOf(int row) const
{
    return m_engines[size_t(m_rows.at(size_t(row)).engine)];
}

int EngineContainerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EngineContainerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EngineContainerModel::display(const EngineListing &engine, const EngineContainer &c,
                                       int column) const
{
    switch (column) {
    case NameColumn:
        return c.name;
    case ImageColumn:
        return c.image;
    case StatusColumn:
        return c.status.isEmpty() ? c.state : c.status;
    case SizeColumn:
        return formatDataSize(c.sizeRw);
    case VirtualSizeColumn:
        return formatDataSize(c.sizeRootFs);
    case CreatedColumn:
        return HistoryModel::relativeTime(QDateTime::fromSecsSinceEpoch(c.created, Qt::UTC), m_now);
    case EngineColumn:
        return engine.version.toString();
    default:
        return {};
    }
}

QVariant EngineContainerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const EngineListing &engine = m_engines[size_t(row.engine)];
    const EngineContainer &c = engine.containers.at(row.container);
    switch (role) {
    case Qt::DisplayRole:
        return display(engine, c, index.column());
    case SortRole:
        switch (index.column()) {
        case SizeColumn:
            return c.sizeRw;
        case VirtualSizeColumn:
            return c.sizeRootFs;
        case CreatedColumn:
            return c.created;
        case StatusColumn:
            return c.state;
        default:
            return display(engine, c, index.column());
        }
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn || index.column() == VirtualSizeColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == SizeColumn)
            return tr("What the container wrote: its read-write layer, as the engine measures "
                      "it (docker ps -s).");
        if (index.column() == VirtualSizeColumn)
            return tr("The read-write layer with the image's layers below it, which other "
                      "containers of the image share.");
        return QStringLiteral("%1\n%2\n%3").arg(c.id, c.command, engine.endpoint.host);
    case LocationRole:
        return row.location;
    case ImageIdRole:
        return c.imageId;
    case HostRole:
        return engine.endpoint.host;
    case ImageLocationRole:
        return row.imageLocation;
    default:
        return {};
    }
}

QVariant EngineContainerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ImageColumn:
        return tr("Image");
    case StatusColumn:
        return tr("Status");
    case SizeColumn:
        return tr("Size");
    case VirtualSizeColumn:
        return tr("Virtual Size");
    case CreatedColumn:
        return tr("Created");
    case EngineColumn:
        return tr("Engine");
    default:
        return {};
    }
}

} // namespace strata

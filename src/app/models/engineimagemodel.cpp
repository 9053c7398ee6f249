#include "models/engineimagemodel.h"

#include "common/datasize.h"
#include "engine/enginelocation.h"
#include "models/historymodel.h"

#include <QFont>
#include <QPalette>

namespace strata {

EngineImageModel::EngineImageModel(QObject *parent) : QAbstractTableModel(parent) {}

void EngineImageModel::setEngines(const std::vector<EngineListing> &engines,
                                  const QString &chosenHost)
{
    beginResetModel();
    m_engines = engines;
    m_rows.clear();
    m_now = QDateTime::currentDateTimeUtc();
    for (int e = 0; e < int(m_engines.size()); ++e) {
        const EngineListing &engine = m_engines[size_t(e)];
        for (int i = 0; i < engine.images.size(); ++i) {
            const EngineImage &image = engine.images[i];
            const QString id = shortDigest(image.id);
            if (image.repoTags.isEmpty()) {
                m_rows.push_back({e, i, QStringLiteral("<none>"), QStringLiteral("<none>"),
                                  engineLocation(engine.endpoint, id, false, chosenHost)});
                continue;
            }
            for (const QString &tag : image.repoTags) {
                const qsizetype colon = tag.lastIndexOf(QLatin1Char(':'));
                const bool hasTag = colon > tag.lastIndexOf(QLatin1Char('/'));
                m_rows.push_back({e, i, hasTag ? tag.left(colon) : tag,
                                  hasTag ? tag.mid(colon + 1) : QStringLiteral("<none>"),
                                  engineLocation(engine.endpoint, tag, false, chosenHost)});
            }
        }
    }
    endResetModel();
}

const EngineImage &EngineImageModel::image(int row) const
{
    const Row &r = m_rows.at(size_t(row));
    return m_engines[size_t(r.engine)].images.at(r.image);
}

const EngineListing &EngineImageModel::engineOf(int row) const
{
    return m_engines[size_t(m_rows.at(size_t(row)).engine)];
}

int EngineImageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EngineImageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EngineImageModel::display(const Row &row, int column) const
{
    const EngineImage &image = m_engines[size_t(row.engine)].images.at(row.image);
    switch (column) {
    case RepositoryColumn:
        return row.repository;
    case TagColumn:
        return row.tag;
    case IdColumn:
        return shortDigest(image.id);
    case CreatedColumn:
        return HistoryModel::relativeTime(QDateTime::fromSecsSinceEpoch(image.created, Qt::UTC),
                                          m_now);
    case SizeColumn:
        return formatDataSize(image.size);
    case SharedSizeColumn:
        return image.sharedSize < 0 ? tr("unknown") : formatDataSize(image.sharedSize);
    case ContainersColumn:
        return image.containers < 0 ? tr("unknown") : QString::number(image.containers);
    case EngineColumn:
        return m_engines[size_t(row.engine)].version.toString();
    default:
        return {};
    }
}

QVariant EngineImageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const EngineListing &engine = m_engines[size_t(row.engine)];
    const EngineImage &image = engine.images.at(row.image);
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case SortRole:
        switch (index.column()) {
        case CreatedColumn:
            return image.created;
        case SizeColumn:
            return image.size;
        case SharedSizeColumn:
            return image.sharedSize;
        case ContainersColumn:
            return image.containers;
        default:
            return display(row, index.column());
        }
    case Qt::TextAlignmentRole:
        return index.column() >= SizeColumn && index.column() <= ContainersColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case Qt::FontRole:
        if (image.dangling()) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case Qt::ToolTipRole:
        if (image.dangling())
            return tr("A dangling image: no tag names it any more (a newer build took its tag). "
                      "docker image prune removes such images.");
        if (index.column() == SharedSizeColumn)
            return tr("Bytes in layers that another image uses too: stored once, counted in "
                      "both images' sizes.");
        return QStringLiteral("%1\n%2").arg(image.id, engine.endpoint.host);
    case LocationRole:
        return row.location;
    case ImageIdRole:
        return image.id;
    case HostRole:
        return engine.endpoint.host;
    default:
        return {};
    }
}

QVariant EngineImageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RepositoryColumn:
        return tr("Repository");
    case TagColumn:
        return tr("Tag");
    case IdColumn:
        return tr("Image ID");
    case CreatedColumn:
        return tr("Created");
    case SizeColumn:
        return tr("Size");
    case SharedSizeColumn:
        return tr("Shared Size");
    case ContainersColumn:
        return tr("Containers");
    case EngineColumn:
        return tr("Engine");
    default:
        return {};
    }
}

} // namespace strata

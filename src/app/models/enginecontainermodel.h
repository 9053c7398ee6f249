#pragma once

#include "engine/enginelisting.h"

#include <QAbstractTableModel>
#include <QDateTime>

#include <vector>

namespace strata {

// The containers of every engine that answers, as `docker ps -a -s` lists them: name, image,
// status, the bytes of the read-write layer and the size with the image's layers.
class EngineContainerModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        ImageColumn,
        StatusColumn,
        SizeColumn,
        VirtualSizeColumn,
        CreatedColumn,
        EngineColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        LocationRole, // docker://nginx2?container
        ImageIdRole,  // the image it runs
        HostRole,
        ImageLocationRole, // what opens that image
    };

    explicit EngineContainerModel(QObject *parent = nullptr);

    void setEngines(const std::vector<EngineListing> &engines, const QString &chosenHost);
    const EngineContainer &container(int row) const;
    const EngineListing &engineOf(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        int engine;
        int container;
        QString location;
        QString imageLocation;
    };
    QVariant display(const EngineListing &engine, const EngineContainer &c, int column) const;

    std::vector<EngineListing> m_engines;
    std::vector<Row> m_rows;
    QDateTime m_now;
};

} // namespace strata

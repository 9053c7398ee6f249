#pragma once

#include "engine/enginelisting.h"

#include <QAbstractTableModel>
#include <QDateTime>

#include <vector>

namespace strata {

// The images of every engine that answers, as `docker images` lists them (one row per tag, a
// dangling image once, as <none>), with `docker system df -v`'s shared size and the number
// of containers using each.
class EngineImageModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        RepositoryColumn,
        TagColumn,
        IdColumn,
        CreatedColumn,
        SizeColumn,
        SharedSizeColumn,
        ContainersColumn,
        EngineColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, // numbers as numbers
        LocationRole,                // what opens the image: docker://nginx:latest
        ImageIdRole,                 // sha256:...
        HostRole,                    // the engine's endpoint
    };

    explicit EngineImageModel(QObject *parent = nullptr);

    // `chosenHost` is the settings' engine address: locations leave out the usual one.
    void setEngines(const std::vector<EngineListing> &engines, const QString &chosenHost);
    // The image of a row, and its engine.
    const EngineImage &image(int row) const;
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
        int image;
        QString repository;
        QString tag;
        QString location;
    };
    QVariant display(const Row &row, int column) const;

    std::vector<EngineListing> m_engines;
    std::vector<Row> m_rows;
    QDateTime m_now;
};

} // namespace strata

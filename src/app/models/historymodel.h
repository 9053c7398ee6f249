#pragma once

#include "image/imageinfo.h"

#include <QAbstractTableModel>
#include <QDateTime>

#include <memory>
#include <vector>

namespace strata {

struct LayerTree;

// The image's history as `docker history` lists it: one row per step, newest first (the
// stack view draws oldest at the bottom, so both read top-down from the newest). Layers the
// history does not mention get rows of their own, after the steps.
class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        CreatedColumn,
        CreatedByColumn,
        SizeColumn,
        CommentColumn,
        ColumnCount
    };
    enum Role
    {
        LayerRole = Qt::UserRole + 1, // int: the layer the step made, -1 for an empty step
        StepRole,                     // int: index into ImageInfo::history, -1 for a layer row
        EmptyLayerRole,               // bool: the step made no layer
        SortRole,                     // QDateTime, qint64 size or text
    };

    explicit HistoryModel(QObject *parent = nullptr);

    void setImage(const ImageInfo &image);
    void clear();
    void setLayerTrees(const std::vector<std::shared_ptr<const LayerTree>> &trees);
    // "3 days ago" is counted from here; by default, the time of setImage().
    void setReferenceTime(const QDateTime &now);

    int rowForStep(int historyIndex) const;
    int rowForLayer(int layer) const; // the row of the step that made it, or its own row
    int stepAt(int row) const;
    int layerAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString relativeTime(const QDateTime &time, const QDateTime &now);

private:
    struct Row
    {
        int step = -1;  // index into history, -1 for a layer the history does not mention
        int layer = -1; // the layer it made, -1 for an empty step
    };
    QVariant displayData(const Row &row, int column) const;
    QVariant toolTipData(const Row &row, int column) const;
    qint64 rowSize(const Row &row) const;
    QDateTime rowTime(const Row &row) const;
    // A container's read-write layer: the row of the layer no history step made.
    bool isReadWrite(const Row &row) const;

    ImageInfo m_image;
    std::vector<std::shared_ptr<const LayerTree>> m_trees;
    std::vector<Row> m_rows; // newest first
    QDateTime m_now;
};

} // namespace strata

#include "models/historymodel.h"

#include "analysis/dockerfile.h"
#include "common/datasize.h"
#include "models/viewcolors.h"
#include "source/imagesource.h"
#include "tree/layertree.h"

#include <QBrush>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>

namespace strata {

HistoryModel::HistoryModel(QObject *parent) : QAbstractTableModel(parent) {}

void HistoryModel::setImage(const ImageInfo &image)
{
    beginResetModel();
    m_image = image;
    m_trees.clear();
    m_now = QDateTime::currentDateTimeUtc();
    m_rows.clear();
    const int layerCount = int(image.layers.size());
    for (int i = 0; i < image.history.size(); ++i) {
        Row row{i, -1};
        for (int layer = 0; layer < layerCount; ++layer) {
            if (image.layers.at(layer).historyIndex == i)
                row.layer = layer;
        }
        m_rows.push_back(row);
    }
    for (int layer = 0; layer < layerCount; ++layer) {
        const int step = image.layers.at(layer).historyIndex;
        if (step < 0 || step >= image.history.size())
            m_rows.push_back({-1, layer});
    }
    std::reverse(m_rows.begin(), m_rows.end());
    endResetModel();
}

void HistoryModel::clear()
{
    setImage(ImageInfo());
}

void HistoryModel::setLayerTrees(const std::vector<std::shared_ptr<const LayerTree>> &trees)
{
    m_trees = trees;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, SizeColumn), index(rowCount() - 1, SizeColumn));
}

void HistoryModel::setReferenceTime(const QDateTime &now)
{
    m_now = now;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, CreatedColumn), index(rowCount() - 1, CreatedColumn));
}

int HistoryModel::rowForStep(int historyIndex) const
{
    for (size_t row = 0; row < m_rows.size(); ++row) {
        if (historyIndex >= 0 && m_rows[row].step == historyIndex)
            return int(row);
    }
    return -1;
}

int HistoryModel::rowForLayer(int layer) const
{
    for (size_t row = 0; row < m_rows.size(); ++row) {
        if (layer >= 0 && m_rows[row].layer == layer)
            return int(row);
    }
    return -1;
}

int HistoryModel::stepAt(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? m_rows[size_t(row)].step : -1;
}

int HistoryModel::layerAt(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? m_rows[size_t(row)].layer : -1;
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const bool empty = row.layer < 0 && row.step >= 0 && m_image.history.at(row.step).emptyLayer;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::ToolTipRole:
        return toolTipData(row, index.column());
    case Qt::ForegroundRole:
        if (empty)
            return QBrush(accentColors(QGuiApplication::palette()).dimText);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case LayerRole:
        return row.layer;
    case StepRole:
        return row.step;
    case EmptyLayerRole:
        return row.layer < 0;
    case SortRole:
        switch (index.column()) {
        case CreatedColumn:
            return rowTime(row);
        case SizeColumn:
            return rowSize(row);
        default:
            return displayData(row, index.column());
        }
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CreatedColumn:
        return tr("Created");
    case CreatedByColumn:
        return tr("Created By");
    case SizeColumn:
        return tr("Size");
    case CommentColumn:
        return tr("Comment");
    default:
        return {};
    }
}

QVariant HistoryModel::displayData(const Row &row, int column) const
{
    const HistoryEntry *step = row.step >= 0 ? &m_image.history.at(row.step) : nullptr;
    switch (column) {
    case CreatedColumn: {
        const QDateTime time = rowTime(row);
        return time.isValid() ? relativeTime(time, m_now) : QString();
    }
    case CreatedByColumn:
        if (!step && isReadWrite(row))
            return tr("container %1: its read-write layer").arg(m_image.container->name);
        if (!step)
            return tr("(not in the history)");
        return step->createdBy.simplified();
    case SizeColumn:
        return formatDataSize(rowSize(row));
    case CommentColumn:
        return step ? step->comment : QString();
    default:
        return {};
    }
}

QVariant HistoryModel::toolTipData(const Row &row, int column) const
{
    const HistoryEntry *step = row.step >= 0 ? &m_image.history.at(row.step) : nullptr;
    switch (column) {
    case CreatedColumn: {
        const QDateTime time = rowTime(row);
        if (!time.isValid())
            return step ? tr("The history does not say when this step ran.") : QVariant();
        return QString(QLocale().toString(time.toLocalTime(), QLocale::LongFormat) +
                       QLatin1Char('\n') + step->created);
    }
    case CreatedByColumn: {
        if (!step && isReadWrite(row))
            return tr("What container %1 wrote, deleted or changed: the layer docker run added, "
                      "not part of the image.")
                .arg(m_image.container->name);
        if (!step)
            return tr("Layer %1 is not described by any step of the history.").arg(row.layer);
        QString text = QStringLiteral("<pre>") + dockerfileInstruction(*step).toHtmlEscaped() +
                       QStringLiteral("</pre>");
        if (row.layer >= 0)
            text += tr("Made layer %1.").arg(row.layer);
        else if (step->emptyLayer)
            text += tr("Made no layer: this step only changed the image's configuration.");
        else
            text += tr(
                "The history says this step made a layer, but the image has no layer left for it.");
        return text;
    }
    case SizeColumn: {
        if (row.layer < 0)
            return {};
        const LayerInfo &layer = m_image.layers.at(row.layer);
        QString text = tr("%1 bytes").arg(QLocale().toString(rowSize(row)));
        if (layer.blobSize >= 0)
            text += QLatin1Char('\n') + tr("Stored: %1").arg(formatDataSize(layer.blobSize));
        return text;
    }
    case CommentColumn:
        return step && !step->comment.isEmpty() ? QVariant(step->comment) : QVariant();
    default:
        return {};
    }
}

qint64 HistoryModel::rowSize(const Row &row) const
{
    if (isReadWrite(row) && m_image.container->sizeRw >= 0)
        return m_image.container->sizeRw;
    if (row.layer >= 0) {
        const LayerTree *tree =
            size_t(row.layer) < m_trees.size() ? m_trees[size_t(row.layer)].get() : nullptr;
        return layerDisplaySize(m_image.layers.at(row.layer), tree);
    }
    return row.step >= 0 && m_image.history.at(row.step).emptyLayer ? 0 : -1;
}

bool HistoryModel::isReadWrite(const Row &row) const
{
    return m_image.container && row.layer >= 0 && m_image.layers.at(row.layer).readWrite;
}

QDateTime HistoryModel::rowTime(const Row &row) const
{
    if (row.step < 0)
        return {};
    return QDateTime::fromString(m_image.history.at(row.step).created, Qt::ISODateWithMs);
}

QString HistoryModel::relativeTime(const QDateTime &time, const QDateTime &now)
{
    const qint64 seconds = time.secsTo(now);
    if (seconds < 0)
        return tr("in the future");
    if (seconds < 45)
        return tr("seconds ago");
    if (seconds < 90)
        return tr("a minute ago");
    // Every count below is at least 2, so the English plurals need no "(s)".
    const qint64 minutes = (seconds + 30) / 60;
    if (minutes < 45)
        return tr("%n minutes ago", nullptr, int(minutes));
    if (minutes < 90)
        return tr("an hour ago");
    const qint64 hours = (minutes + 30) / 60;
    if (hours < 48)
        return tr("%n hours ago", nullptr, int(hours));
    const qint64 days = hours / 24;
    if (days < 14)
        return tr("%n days ago", nullptr, int(days));
    if (days < 60)
        return tr("%n weeks ago", nullptr, int(days / 7));
    if (days < 730)
        return tr("%n months ago", nullptr, int(days / 30));
    return tr("%n years ago", nullptr, int(days / 365));
}

} // namespace strata

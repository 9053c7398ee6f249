#include "models/efficiencymodel.h"

#include "common/datasize.h"
#include "models/formatting.h"

#include <QList>
#include <QStringList>

namespace strata {

EfficiencyModel::EfficiencyModel(QObject *parent) : QAbstractTableModel(parent) {}

void EfficiencyModel::setReport(std::shared_ptr<const EfficiencyReport> report)
{
    beginResetModel();
    m_report = std::move(report);
    endResetModel();
}

const InefficientPath *EfficiencyModel::pathAt(int row) const
{
    if (!m_report || row < 0 || size_t(row) >= m_report->paths.size())
        return nullptr;
    return &m_report->paths[size_t(row)];
}

int EfficiencyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_report ? 0 : int(m_report->paths.size());
}

int EfficiencyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EfficiencyModel::fateText(const PathCopy &copy)
{
    switch (copy.fate) {
    case CopyFate::Survives:
        return tr("survives");
    case CopyFate::Overwritten:
        return tr("overwritten in layer %1").arg(copy.fateLayer);
    case CopyFate::MetadataChanged:
        return tr("copied again in layer %1 only to change mode or owner").arg(copy.fateLayer);
    case CopyFate::Deleted:
        return tr("deleted in layer %1").arg(copy.fateLayer);
    case CopyFate::HiddenByOpaque:
        return tr("hidden by an opaque directory in layer %1").arg(copy.fateLayer);
    case CopyFate::Whiteout:
        return tr("whiteout");
    }
    return {};
}

QString EfficiencyModel::whyText(const InefficientPath &path) const
{
    QStringList reasons;
    for (const PathCopy &copy : path.copies) {
        if (copy.fate != CopyFate::Survives && copy.fate != CopyFate::Whiteout)
            reasons << tr("layer %1: %2").arg(copy.layer).arg(fateText(copy));
    }
    return reasons.join(QStringLiteral("; "));
}

QString EfficiencyModel::copiesToolTip(const InefficientPath &path) const
{
    QStringList lines;
    for (const PathCopy &copy : path.copies)
        lines << tr("layer %1: %2, %3")
                     .arg(copy.layer)
                     .arg(formatDataSize(copy.size), fateText(copy));
    return lines.join(QLatin1Char('\n'));
}

QVariant EfficiencyModel::data(const QModelIndex &index, int role) const
{
    const InefficientPath *path = index.isValid() ? pathAt(index.row()) : nullptr;
    if (!path)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PathColumn:
            return QString(QLatin1Char('/') + QString::fromStdString(path->path));
        case CopiesColumn:
            return int(path->copies.size());
        case DiveColumn:
            return path->diveListed ? formatDataSize(path->cumulativeSize) : QString();
        case ReclaimableColumn:
            return formatDataSize(path->reclaimableBytes);
        case WhyColumn:
            return whyText(*path);
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case PathColumn:
            return QString::fromStdString(path->path);
        case CopiesColumn:
            return int(path->copies.size());
        case DiveColumn:
            return path->diveListed ? path->cumulativeSize : qint64(-1);
        case ReclaimableColumn:
            return path->reclaimableBytes;
        case WhyColumn:
            return whyText(*path);
        }
        return {};
    case LayersRole: {
        QList<int> layers;
        for (const PathCopy &copy : path->copies)
            layers << copy.layer;
        return QVariant::fromValue(layers);
    }
    case Qt::ToolTipRole:
        return copiesToolTip(*path);
    case Qt::TextAlignmentRole:
        return index.column() == PathColumn || index.column() == WhyColumn
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant EfficiencyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case PathColumn:
            return tr("Path");
        case CopiesColumn:
            return tr("Copies");
        case DiveColumn:
            return tr("Wasted (dive)");
        case ReclaimableColumn:
            return tr("Reclaimable");
        case WhyColumn:
            return tr("Why");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case DiveColumn:
            return tr(
                "Every copy of a path dive lists, the surviving one included, as dive counts it");
        case ReclaimableColumn:
            return tr("The bytes of the copies the final filesystem does not show");
        }
    }
    return {};
}

} // namespace strata

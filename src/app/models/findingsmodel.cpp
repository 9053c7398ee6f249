#include "models/findingsmodel.h"

#include "common/datasize.h"

#include <QColor>
#include <QFont>

#include <algorithm>
#include <map>

namespace strata {

namespace {
// Group rows have no finding: their internal id is this, a finding's is its group + 1.
constexpr quintptr kGroupRow = 0;

} // namespace

FindingsModel::FindingsModel(QObject *parent) : QAbstractItemModel(parent) {}

void FindingsModel::setReport(const ImageInfo &image, std::shared_ptr<const FindingsReport> report)
{
    beginResetModel();
    m_image = image;
    m_report = std::move(report);
    regroup();
    endResetModel();
}

void FindingsModel::setGrouping(Grouping grouping)
{
    if (grouping == m_grouping)
        return;
    beginResetModel();
    m_grouping = grouping;
    regroup();
    endResetModel();
}

void FindingsModel::regroup()
{
    m_groups.clear();
    if (!m_report || m_grouping == Grouping::None)
        return;
    std::map<QString, Group> groups;
    for (size_t i = 0; i < m_report->findings.size(); ++i) {
        const Finding &f = m_report->findings[i];
        const QString key = m_grouping == Grouping::Layer
                                ? QStringLiteral("%1").arg(f.layer, 6, 10, QLatin1Char('0'))
                                : findingTopDirectory(f);
        Group &group = groups[key];
        if (group.findings.empty()) {
            group.layer = m_grouping == Grouping::Layer ? f.layer : -1;
            group.title = m_grouping == Grouping::Layer ? tr("Layer %1").arg(f.layer) : key;
        }
        group.bytes += f.bytes;
        group.findings.push_back(int(i));
    }
    for (auto &[key, group] : groups)
        m_groups.push_back(std::move(group));
    std::stable_sort(m_groups.begin(), m_groups.end(),
                     [](const Group &a, const Group &b) { return a.bytes > b.bytes; });
}

const Finding *FindingsModel::findingAt(const QModelIndex &index) const
{
    if (!index.isValid() || !m_report)
        return nullptr;
    size_t finding = 0;
    if (m_groups.empty()) {
        finding = size_t(index.row());
    } else {
        if (index.internalId() == kGroupRow)
            return nullptr;
        const Group &group = m_groups[index.internalId() - 1];
        finding = size_t(group.findings[size_t(index.row())]);
    }
    return finding < m_report->findings.size() ? &m_report->findings[finding] : nullptr;
}

QModelIndex FindingsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupRow);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex FindingsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kGroupRow);
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    if (!m_report || parent.column() > 0)
        return 0;
    if (!parent.isValid())
        return m_groups.empty() ? int(m_report->findings.size()) : int(m_groups.size());
    if (m_groups.empty() || parent.internalId() != kGroupRow)
        return 0;
    return int(m_groups[size_t(parent.row())].findings.size());
}

int FindingsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString FindingsModel::kindText(FindingKind kind)
{
    switch (kind) {
    case FindingKind::Secret:
        return tr("Secret");
    case FindingKind::PackageCache:
        return tr("Package manager cache");
    case FindingKind::BuildToolchain:
        return tr("Build toolchain");
    case FindingKind::DevFiles:
        return tr("Headers and static libraries");
    case FindingKind::PythonBytecode:
        return tr("Python bytecode");
    case FindingKind::LogsAndTemp:
        return tr("Logs and temporary files");
    case FindingKind::DeletedLater:
        return tr("Deleted in a later layer");
    case FindingKind::MetadataOnly:
        return tr("Copied again for a mode or owner change");
    case FindingKind::WrittenTwice:
        return tr("Written again in a later layer");
    }
    return {};
}

QString FindingsModel::stepText(const ImageInfo &image, int historyIndex)
{
    // One line, as the History tab shows it: a Dockerfile's continuation lines would leave
    // "RUN set -x \" in the column.
    return findingStep(image, historyIndex).simplified();
}

QVariant FindingsModel::findingData(const Finding &f, int column, int role) const
{
    if (role == Qt::DisplayRole) {
        switch (column) {
        case WhatColumn:
            return f.what;
        case BytesColumn:
            return formatDataSize(f.bytes);
        case LayerColumn:
            return f.layer;
        case StepColumn:
            return stepText(m_image, f.historyIndex);
        }
    } else if (role == SortRole) {
        switch (column) {
        case WhatColumn:
            return f.what;
        case BytesColumn:
            return f.bytes;
        case LayerColumn:
            return f.layer;
        case StepColumn:
            return f.historyIndex;
        }
    } else if (role == Qt::ToolTipRole) {
        if (column == BytesColumn)
            return tr("%n file(s), %1 bytes", nullptr, int(qMin<qint64>(f.fileCount, INT_MAX)))
                .arg(QLocale().toString(f.bytes));
        if (column == StepColumn)
            return stepText(m_image, f.historyIndex);
        return QString(kindText(f.kind) + QLatin1Char('\n') + f.fix);
    } else if (role == Qt::ForegroundRole && f.kind == FindingKind::Secret &&
               column == WhatColumn) {
        return QColor(0xc0, 0x1c, 0x28);
    } else if (role == Qt::TextAlignmentRole && (column == BytesColumn || column == LayerColumn)) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant FindingsModel::groupData(const Group &group, int column, int role) const
{
    if (role == Qt::DisplayRole) {
        if (column == WhatColumn)
            return group.title;
        if (column == BytesColumn)
            return formatDataSize(group.bytes);
        if (column == LayerColumn && group.layer >= 0)
            return group.layer;
        if (column == StepColumn && group.layer >= 0) {
            const Finding &first = m_report->findings[size_t(group.findings.front())];
            return stepText(m_image, first.historyIndex);
        }
    } else if (role == SortRole) {
        if (column == BytesColumn)
            return group.bytes;
        if (column == LayerColumn)
            return group.layer;
        return group.title;
    } else if (role == Qt::FontRole && column == WhatColumn) {
        QFont bold;
        bold.setBold(true);
        return bold;
    } else if (role == Qt::TextAlignmentRole && (column == BytesColumn || column == LayerColumn)) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_report)
        return {};
    if (const Finding *f = findingAt(index))
        return findingData(*f, index.column(), role);
    if (!m_groups.empty() && index.internalId() == kGroupRow &&
        size_t(index.row()) < m_groups.size())
        return groupData(m_groups[size_t(index.row())], index.column(), role);
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhatColumn:
        return tr("Finding");
    case BytesColumn:
        return tr("Saves");
    case LayerColumn:
        return tr("Layer");
    case StepColumn:
        return tr("Step");
    }
    return {};
}

} // namespace strata

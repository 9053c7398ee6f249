#include "models/largestchangesmodel.h"

#include "models/changestyle.h"
#include "models/formatting.h"

#include <QApplication>
#include <QPalette>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace strata {

namespace {
// Sorts `rows` by keyOf(row), stably: equal keys keep tree order.
template <typename KeyOf>
void sortRows(std::vector<uint32_t> &rows, Qt::SortOrder order, const KeyOf &keyOf)
{
    using Key = decltype(keyOf(uint32_t()));
    std::vector<std::pair<Key, uint32_t>> keys;
    keys.reserve(rows.size());
    for (uint32_t i : rows)
        keys.emplace_back(keyOf(i), i);
    std::stable_sort(keys.begin(), keys.end(), [order](const auto &a, const auto &b) {
        return order == Qt::DescendingOrder ? b.first < a.first : a.first < b.first;
    });
    for (size_t r = 0; r < keys.size(); ++r)
        rows[r] = keys[r].second;
}
} // namespace

LargestChangesModel::LargestChangesModel(QObject *parent) : QAbstractTableModel(parent) {}

void LargestChangesModel::setDiff(std::shared_ptr<const TreeDiff> diff)
{
    beginResetModel();
    m_diff = std::move(diff);
    m_rows.clear();
    m_fileRows = 0;
    if (m_diff) {
        const std::vector<uint32_t> directories =
            m_diff->largestDirectories(DeltaOrder::Magnitude, SIZE_MAX);
        const std::unordered_set<uint32_t> totals(directories.begin(), directories.end());
        for (uint32_t i : m_diff->changeList()) {
            if (!totals.contains(i))
                m_rows.push_back(i);
        }
        m_fileRows = int(m_rows.size());
        m_rows.insert(m_rows.end(), directories.begin(), directories.end());
    }
    endResetModel();
    sort(m_sortColumn, m_sortOrder);
}

int64_t LargestChangesModel::delta(uint32_t entry) const
{
    return m_diff->isDirectory(entry) ? m_diff->entry(entry).sizeDelta : m_diff->ownDelta(entry);
}

QString LargestChangesModel::kindText(uint32_t entry) const
{
    if (m_diff->isDirectory(entry))
        return tr("Directory, all below");
    return format::fileTypeName(m_diff->node(entry).type);
}

QString LargestChangesModel::path(uint32_t entry) const
{
    return QLatin1Char('/') + QString::fromStdString(m_diff->path(entry));
}

QString LargestChangesModel::text(uint32_t entry, int column) const
{
    const DiffEntry &e = m_diff->entry(entry);
    switch (column) {
    case DeltaColumn:
        return format::signedSize(delta(entry));
    case KindColumn:
        return kindText(entry);
    case StatusColumn:
        return format::diffStatus(e);
    case ChangesColumn:
        return diffChangeNames(e.changes).join(QStringLiteral(", "));
    case PathColumn:
        return path(entry);
    }
    return {};
}

int LargestChangesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LargestChangesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LargestChangesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_diff || index.row() >= int(m_rows.size()))
        return {};
    const uint32_t i = m_rows[size_t(index.row())];
    const DiffEntry &e = m_diff->entry(i);
    switch (role) {
    case Qt::DisplayRole:
        return text(i, index.column());
    case Qt::ToolTipRole:
        if (index.column() == DeltaColumn)
            return format::exactSize(delta(i));
        if (index.column() == PathColumn)
            return path(i);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn) {
            const ChangeKind kind = format::changeKindOf(e.status);
            return kind == ChangeKind::Unchanged
                       ? QVariant()
                       : QVariant(changestyle::textColor(kind, QApplication::palette()));
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == DeltaColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                             : QVariant();
    }
    return {};
}

QVariant LargestChangesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == DeltaColumn)
        return tr("Bytes added (+) or removed (−): a file's own, a directory's with everything "
                  "below it. Sorted by size, growth and shrink alike.");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DeltaColumn:
        return tr("Change");
    case KindColumn:
        return tr("Kind");
    case StatusColumn:
        return tr("Status");
    case ChangesColumn:
        return tr("What changed");
    case PathColumn:
        return tr("Path");
    }
    return {};
}

void LargestChangesModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    if (!m_diff || m_rows.empty())
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<uint32_t> entriesBefore;
    entriesBefore.reserve(size_t(before.size()));
    for (const QModelIndex &index : before)
        entriesBefore.push_back(m_rows[size_t(index.row())]);

    if (column == DeltaColumn) {
        sortRows(m_rows, order, [this](uint32_t i) {
            const int64_t d = delta(i);
            return d < 0 ? uint64_t(-(d + 1)) + 1 : uint64_t(d); // |d|, INT64_MIN included
        });
    } else {
        sortRows(m_rows, order, [this, column](uint32_t i) { return text(i, column); });
    }

    std::unordered_map<uint32_t, int> rowOf;
    for (int r = 0; !before.isEmpty() && r < int(m_rows.size()); ++r)
        rowOf[m_rows[size_t(r)]] = r;
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype k = 0; k < before.size(); ++k)
        after << index(rowOf[entriesBefore[size_t(k)]], before[k].column());
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace strata

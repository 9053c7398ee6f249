#include "models/treediffmodel.h"

#include "common/datasize.h"
#include "models/changestyle.h"
#include "models/formatting.h"

#include <QApplication>
#include <QFont>
#include <QPalette>

namespace strata {

TreeDiffModel::TreeDiffModel(QObject *parent) : QAbstractItemModel(parent) {}

void TreeDiffModel::reset()
{
    beginResetModel();
    m_children.clear();
    m_rowOf.assign(m_diff ? m_diff->entryCount() : 0, 0);
    endResetModel();
}

void TreeDiffModel::setDiff(std::shared_ptr<const TreeDiff> diff)
{
    m_diff = std::move(diff);
    reset();
}

void TreeDiffModel::setChangesOnly(bool changesOnly)
{
    if (m_changesOnly != changesOnly) {
        m_changesOnly = changesOnly;
        reset();
    }
}

void TreeDiffModel::setSortByDelta(bool byDelta)
{
    if (m_byDelta != byDelta) {
        m_byDelta = byDelta;
        reset();
    }
}

const std::vector<uint32_t> &TreeDiffModel::childrenOf(uint32_t entry) const
{
    auto found = m_children.find(entry);
    if (found != m_children.end())
        return found->second;
    std::vector<uint32_t> children;
    if (m_byDelta) {
        children = m_diff->childrenByDelta(entry, DeltaOrder::Magnitude);
    } else {
        const DiffEntry &e = m_diff->entry(entry);
        for (uint32_t c = e.firstChild; c < e.firstChild + e.childCount; ++c)
            children.push_back(c);
    }
    if (m_changesOnly) {
        std::erase_if(children, [this](uint32_t c) {
            const DiffEntry &e = m_diff->entry(c);
            return e.status == DiffStatus::Unchanged && e.changedBelow == 0;
        });
    }
    for (size_t row = 0; row < children.size(); ++row)
        m_rowOf[children[row]] = uint32_t(row);
    return m_children.emplace(entry, std::move(children)).first->second;
}

uint32_t TreeDiffModel::entryOf(const QModelIndex &index) const
{
    return index.isValid() ? uint32_t(index.internalId()) : 0;
}

QModelIndex TreeDiffModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!m_diff || row < 0 || column < 0 || column >= ColumnCount)
        return {};
    const std::vector<uint32_t> &children = childrenOf(entryOf(parent));
    if (size_t(row) >= children.size())
        return {};
    return createIndex(row, column, quintptr(children[size_t(row)]));
}

QModelIndex TreeDiffModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !m_diff)
        return {};
    const uint32_t parent = m_diff->entry(entryOf(child)).parent;
    if (parent == 0 || parent == kNoNode)
        return {};
    return createIndex(int(m_rowOf[parent]), 0, quintptr(parent));
}

int TreeDiffModel::rowCount(const QModelIndex &parent) const
{
    if (!m_diff || (parent.isValid() && parent.column() != 0))
        return 0;
    return int(childrenOf(entryOf(parent)).size());
}

int TreeDiffModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TreeDiffModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_diff)
        return {};
    const uint32_t i = entryOf(index);
    const DiffEntry &e = m_diff->entry(i);
    const ChangeKind kind = format::changeKindOf(e.status);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: {
            const std::string_view name = m_diff->name(i);
            return QString::fromUtf8(name.data(), qsizetype(name.size()));
        }
        case StatusColumn:
            return format::diffStatus(e);
        case ChangesColumn:
            return diffChangeNames(e.changes).join(QStringLiteral(", "));
        case SizeAColumn:
            return e.inA() ? formatDataSize(qint64(m_diff->sizeA(i))) : QString();
        case SizeBColumn:
            return e.inB() ? formatDataSize(qint64(m_diff->sizeB(i))) : QString();
        case DeltaColumn:
            return format::signedSize(e.sizeDelta);
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn || index.column() == NameColumn)
            return kind == ChangeKind::Unchanged
                       ? QVariant()
                       : QVariant(changestyle::textColor(kind, QApplication::palette()));
        return {};
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return changestyle::icon(kind, QApplication::palette());
        return {};
    case Qt::FontRole:
        if (e.status == DiffStatus::Removed && index.column() == NameColumn) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() >= SizeAColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                             : QVariant();
    }
    return {};
}

QVariant TreeDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case ChangesColumn:
        return tr("What changed");
    case SizeAColumn:
        return tr("Size A");
    case SizeBColumn:
        return tr("Size B");
    case DeltaColumn:
        return tr("Change");
    }
    return {};
}

} // namespace strata

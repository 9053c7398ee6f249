#include "models/storedentrymodel.h"

#include "common/datasize.h"
#include "models/changestyle.h"
#include "models/formatting.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace strata {

StoredEntryModel::StoredEntryModel(QObject *parent) : QAbstractTableModel(parent) {}

void StoredEntryModel::setListing(std::shared_ptr<const LayerListing> listing)
{
    beginResetModel();
    m_listing = std::move(listing);
    m_whiteouts = 0;
    if (m_listing) {
        for (const StoredEntry &e : m_listing->entries)
            m_whiteouts += e.meaning != StoredEntry::Meaning::Entry;
    }
    endResetModel();
}

int StoredEntryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_listing ? 0 : int(m_listing->entries.size());
}

int StoredEntryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StoredEntryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const StoredEntry &e = m_listing->entries[size_t(index.row())];
    const bool whiteout = e.meaning != StoredEntry::Meaning::Entry;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ModeColumn:
            return format::modeString(e.entry.type, e.entry.mode);
        case SizeColumn:
            return e.entry.type == FileType::Regular ? formatDataSize(e.entry.size) : QString();
        case NameColumn:
            return format::linkedName(
                toQString(e.entry.path),
                toQString(e.entry.type == FileType::Hardlink ? e.entry.hardlink : e.entry.symlink),
                e.entry.type == FileType::Hardlink);
        case MeaningColumn:
            switch (e.meaning) {
            case StoredEntry::Meaning::Whiteout:
                return tr("Deletes /%1 from the layers below").arg(toQString(e.target));
            case StoredEntry::Meaning::Opaque:
                return tr("Hides what the layers below have in /%1").arg(toQString(e.target));
            case StoredEntry::Meaning::Entry:
                return QString();
            }
            return {};
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (whiteout)
            return changestyle::textColor(ChangeKind::Deleted, QGuiApplication::palette());
        return {};
    case Qt::FontRole:
        if (whiteout && index.column() == NameColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == SizeColumn && e.entry.type == FileType::Regular)
            return format::exactSize(e.entry.size);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case MeaningRole:
        return int(e.meaning);
    default:
        return {};
    }
}

QVariant StoredEntryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ModeColumn:
        return tr("Mode");
    case SizeColumn:
        return tr("Size");
    case NameColumn:
        return tr("Entry as stored");
    case MeaningColumn:
        return tr("In the merged filesystem");
    default:
        return {};
    }
}

} // namespace strata

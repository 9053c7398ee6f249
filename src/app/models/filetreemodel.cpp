#include "models/filetreemodel.h"

#include "common/paths.h"

#include "common/datasize.h"
#include "models/changestyle.h"
#include "models/formatting.h"

#include <QApplication>
#include <QFont>
#include <QMimeData>
#include <QStyle>

#include <algorithm>

namespace strata {

FileTreeModel::FileTreeModel(QObject *parent) : QAbstractItemModel(parent)
{
    updateIcons();
}

FileTreeModel::~FileTreeModel() = default;

void FileTreeModel::updateIcons()
{
    QStyle *style = QApplication::style();
    m_dirIcon = style->standardIcon(QStyle::SP_DirIcon);
    m_fileIcon = style->standardIcon(QStyle::SP_FileIcon);
    m_linkIcon = style->standardIcon(QStyle::SP_FileLinkIcon);
    m_otherIcon = style->standardIcon(QStyle::SP_DriveHDIcon);
    const QPalette palette = QApplication::palette();
    for (int k = 0; k < 4; ++k)
        m_changeIcons[k] = changestyle::icon(ChangeKind(k), palette);
}

void FileTreeModel::setSnapshot(const TreeSnapshot &snapshot,
                                std::shared_ptr<const TreeFilterMask> mask)
{
    beginResetModel();
    m_snapshot = snapshot;
    m_mask = (mask && snapshot.tree && mask->bits.size() == snapshot.tree->nodeCount())
                 ? std::move(mask)
                 : nullptr;
    resetOrder();
    endResetModel();
}

void FileTreeModel::setFilterMask(std::shared_ptr<const TreeFilterMask> mask)
{
    setSnapshot(m_snapshot, std::move(mask));
}

uint32_t FileTreeModel::visibleEntryCount() const
{
    if (!m_snapshot.tree)
        return 0;
    if (m_mask)
        return m_mask->visibleCount;
    return m_snapshot.tree->nodeCount() - 1;
}

void FileTreeModel::resetOrder()
{
    m_order.clear();
    m_row.clear();
}

bool FileTreeModel::identityOrder() const
{
    return !m_mask && m_sortColumn == NameColumn;
}

uint32_t FileTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? uint32_t(index.internalId()) : 0;
}

const std::vector<uint32_t> *FileTreeModel::orderedChildren(uint32_t dir) const
{
    if (identityOrder())
        return nullptr;
    auto found = m_order.find(dir);
    if (found != m_order.end())
        return &found->second;

    const FileTree &tree = *m_snapshot.tree;
    const FileNode &d = tree.node(dir);
    std::vector<uint32_t> kids;
    kids.reserve(d.childCount);
    for (uint32_t c = d.firstChild; c < d.firstChild + d.childCount; ++c) {
        if (!m_mask || m_mask->visible(c))
            kids.push_back(c);
    }
    if (m_sortColumn != NameColumn) {
        std::stable_sort(kids.begin(), kids.end(),
                         [this](uint32_t a, uint32_t b) { return lessThan(a, b); });
    }
    if (m_sortOrder == Qt::DescendingOrder)
        std::reverse(kids.begin(), kids.end());
    if (m_row.empty())
        m_row.assign(tree.nodeCount(), -1);
    for (size_t i = 0; i < kids.size(); ++i)
        m_row[kids[i]] = int32_t(i);
    return &m_order.emplace(dir, std::move(kids)).first->second;
}

bool FileTreeModel::lessThan(uint32_t a, uint32_t b) const
{
    const FileTree &tree = *m_snapshot.tree;
    const FileNode &na = tree.node(a), &nb = tree.node(b);
    switch (m_sortColumn) {
    case SizeColumn:
        return tree.totalSize(a) < tree.totalSize(b);
    case ModeColumn:
        if (na.type != nb.type)
            return na.type < nb.type;
        if (na.mode != nb.mode)
            return na.mode < nb.mode;
        if (na.uid != nb.uid)
            return na.uid < nb.uid;
        return na.gid < nb.gid;
    case LayerColumn:
        return na.layer < nb.layer;
    case ChangeColumn:
        return m_snapshot.changeOf(a) < m_snapshot.changeOf(b);
    default:
        return false; // the tree's own order: by name
    }
}

uint32_t FileTreeModel::visibleChildCount(uint32_t dir) const
{
    if (!m_snapshot.tree)
        return 0;
    if (const auto *kids = orderedChildren(dir))
        return uint32_t(kids->size());
    return m_snapshot.tree->node(dir).childCount;
}

uint32_t FileTreeModel::childAt(uint32_t dir, int row) const
{
    if (const auto *kids = orderedChildren(dir))
        return (*kids)[size_t(row)];
    const FileNode &d = m_snapshot.tree->node(dir);
    if (m_sortOrder == Qt::DescendingOrder)
        return d.firstChild + d.childCount - 1 - uint32_t(row);
    return d.firstChild + uint32_t(row);
}

int FileTreeModel::rowOf(uint32_t node) const
{
    const FileTree &tree = *m_snapshot.tree;
    const uint32_t parent = tree.node(node).parent;
    if (identityOrder()) {
        const FileNode &p = tree.node(parent);
        const int offset = int(node - p.firstChild);
        return m_sortOrder == Qt::DescendingOrder ? int(p.childCount) - 1 - offset : offset;
    }
    orderedChildren(parent);
    return m_row[node];
}

QModelIndex FileTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!m_snapshot.tree || row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const uint32_t dir = nodeOf(parent);
    if (uint32_t(row) >= visibleChildCount(dir))
        return {};
    return createIndex(row, column, quintptr(childAt(dir, row)));
}

QModelIndex FileTreeModel::sibling(int row, int column, const QModelIndex &idx) const
{
    if (idx.isValid() && row == idx.row() && column >= 0 && column < ColumnCount)
        return createIndex(row, column, idx.internalId());
    return QAbstractItemModel::sibling(row, column, idx);
}

QModelIndex FileTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !m_snapshot.tree)
        return {};
    const uint32_t parent = m_snapshot.tree->node(nodeOf(child)).parent;
    if (parent == 0 || parent == kNoNode)
        return {};
    return createIndex(rowOf(parent), 0, quintptr(parent));
}

int FileTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_snapshot.tree || (parent.isValid() && parent.column() != 0))
        return 0;
    return int(visibleChildCount(nodeOf(parent)));
}

int FileTreeModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return ColumnCount;
}

bool FileTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (!m_snapshot.tree || (parent.isValid() && parent.column() != 0))
        return false;
    const FileNode &d = m_snapshot.tree->node(nodeOf(parent));
    if (!m_mask)
        return d.childCount > 0;
    // Without computing the directory's order: is any child visible?
    for (uint32_t c = d.firstChild; c < d.firstChild + d.childCount; ++c) {
        if (m_mask->visible(c))
            return true;
    }
    return false;
}

void FileTreeModel::setDragData(std::function<QMimeData *(const QStringList &paths)> make)
{
    m_makeDragData = std::move(make);
}

QStringList FileTreeModel::mimeTypes() const
{
    return {QStringLiteral("text/uri-list")};
}

QMimeData *FileTreeModel::mimeData(const QModelIndexList &indexes) const
{
    if (!m_makeDragData)
        return nullptr;
    QStringList paths;
    for (const QModelIndex &index : indexes) {
        const QString path = pathOf(index);
        if (index.column() == NameColumn && !paths.contains(path))
            paths << path;
    }
    return paths.isEmpty() ? nullptr : m_makeDragData(paths);
}

Qt::ItemFlags FileTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (m_makeDragData)
        f |= Qt::ItemIsDragEnabled;
    const FileNode &n = m_snapshot.tree->node(nodeOf(index));
    if (!n.isDir() || n.childCount == 0)
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QVariant FileTreeModel::displayData(uint32_t node, int column) const
{
    const FileTree &tree = *m_snapshot.tree;
    const FileNode &n = tree.node(node);
    switch (column) {
    case NameColumn:
        return toQString(tree.name(node));
    case SizeColumn:
        if (n.isWhiteout())
            return QString();
        if (n.isDir())
            return formatDataSize(qint64(tree.totalSize(node)));
        if (n.type == FileType::Regular)
            return formatDataSize(qint64(n.size));
        return QString();
    case ModeColumn: {
        if (n.isWhiteout())
            return tr("whiteout");
        QString text =
            format::modeString(n.type, n.mode) + QLatin1Char(' ') + format::owner(n.uid, n.gid);
        if (n.type == FileType::Symlink)
            text += QStringLiteral(" → ") + toQString(tree.linkTarget(node));
        else if (n.type == FileType::Hardlink)
            text += QStringLiteral(" ⇒ ") + toQString(tree.linkTarget(node));
        return text;
    }
    case LayerColumn:
        return QString::number(n.layer);
    case ChangeColumn:
        return format::changeName(m_snapshot.changeOf(node), m_snapshot.hasChangesBelow(node));
    }
    return {};
}

QVariant FileTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_snapshot.tree)
        return {};
    const uint32_t node = nodeOf(index);
    const FileTree &tree = *m_snapshot.tree;
    const FileNode &n = tree.node(node);
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(node, column);
    case Qt::DecorationRole:
        if (column == NameColumn) {
            switch (n.type) {
            case FileType::Directory:
                return m_dirIcon;
            case FileType::Regular:
            case FileType::Hardlink:
                return m_fileIcon;
            case FileType::Symlink:
                return m_linkIcon;
            default:
                return m_otherIcon;
            }
        }
        if (column == ChangeColumn)
            return m_changeIcons[int(m_snapshot.changeOf(node))];
        return {};
    case Qt::ForegroundRole: {
        const ChangeKind kind = m_snapshot.changeOf(node);
        const QPalette palette = QApplication::palette();
        if (kind == ChangeKind::Deleted ||
            (column == ChangeColumn && kind != ChangeKind::Unchanged))
            return changestyle::textColor(kind, palette);
        // Parents that a layer only implies, and "Unchanged", are context: drawn quieter.
        if ((column == ChangeColumn && kind == ChangeKind::Unchanged) ||
            (m_snapshot.layerOnly && (n.flags & NodeFlag::Implied)))
            return palette.color(QPalette::PlaceholderText);
        return {};
    }
    case Qt::FontRole:
        if (m_snapshot.changeOf(node) == ChangeKind::Deleted || n.isWhiteout()) {
            QFont font; // only strike-out is set: the rest comes from the view (zoom)
            font.setStrikeOut(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == SizeColumn || column == LayerColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (column == NameColumn)
            return QString(QStringLiteral("/") + toQString(tree.path(node)));
        if (column == SizeColumn && !n.isWhiteout()) {
            if (n.isDir())
                return tr("%1 in %n entries", nullptr, int(tree.totalCount(node)))
                    .arg(format::exactSize(qint64(tree.totalSize(node))));
            return format::exactSize(qint64(n.size));
        }
        if (column == LayerColumn)
            return n.isDir() ? tr("This folder's mode and owner come from layer %1; a later "
                                  "layer that lists it again unchanged does not count, though "
                                  "overlayfs shows that layer's copy")
                                   .arg(n.layer)
                             : tr("This entry comes from layer %1").arg(n.layer);
        return displayData(node, column);
    case NodeRole:
        return node;
    case PathRole:
        return toQString(tree.path(node));
    case ChangeRole:
        return int(m_snapshot.changeOf(node));
    case HitRole:
        return m_mask ? m_mask->hit(node) : true;
    case ShareRole: {
        const uint32_t parent = tree.parent(node);
        if (parent == kNoNode || n.isWhiteout())
            return 0.0;
        const uint64_t whole = tree.totalSize(parent);
        const uint64_t part = n.isDir()                     ? tree.totalSize(node)
                              : n.type == FileType::Regular ? n.size
                                                            : 0;
        return whole > 0 ? qBound(0.0, double(part) / double(whole), 1.0) : 0.0;
    }
    case ViewedLayerRole:
        return int(n.layer) == m_snapshot.layer;
    case SortRole:
        switch (column) {
        case SizeColumn:
            return qulonglong(tree.totalSize(node));
        case LayerColumn:
            return int(n.layer);
        case ChangeColumn:
            return int(m_snapshot.changeOf(node));
        case ModeColumn:
            return n.mode;
        default:
            return toQString(tree.name(node));
        }
    }
    return {};
}

QVariant FileTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Name");
        case SizeColumn:
            return tr("Size");
        case ModeColumn:
            return tr("Mode / Owner");
        case LayerColumn:
            return tr("Layer");
        case ChangeColumn:
            return tr("Change");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case SizeColumn:
            return tr("File size; for a directory, the total of the files below it");
        case LayerColumn:
            return tr("The layer the visible copy of the entry comes from");
        case ChangeColumn:
            return tr("What the selected layer does to the entry");
        }
    }
    return {};
}

void FileTreeModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        column = NameColumn;
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    m_sortColumn = column;
    m_sortOrder = order;
    resetOrder();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &index : before)
        after.append(indexOfNode(nodeOf(index), index.column()));
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

QModelIndex FileTreeModel::indexOfNode(uint32_t node, int column) const
{
    if (!m_snapshot.tree || node == 0 || node >= m_snapshot.tree->nodeCount())
        return {};
    if (m_mask && !m_mask->visible(node))
        return {};
    return createIndex(rowOf(node), column, quintptr(node));
}

QModelIndex FileTreeModel::indexOfPath(const QString &path) const
{
    if (!m_snapshot.tree)
        return {};
    QString trimmed = path;
    while (trimmed.startsWith(QLatin1Char('/')))
        trimmed.remove(0, 1);
    const QByteArray utf8 = trimmed.toUtf8();
    const FileTree &tree = *m_snapshot.tree;
    const std::string_view wanted(utf8.constData(), size_t(utf8.size()));
    uint32_t node = tree.find(wanted);
    if (node == kNoNode && m_snapshot.layerOnly) {
        // A layer's own tree also holds whiteouts, which find() never returns.
        const auto [parent, name] = splitParent(wanted);
        const uint32_t dir = tree.find(parent);
        if (dir != kNoNode)
            node = tree.child(dir, name, true);
    }
    return node == kNoNode ? QModelIndex() : indexOfNode(node);
}

QString FileTreeModel::pathOf(const QModelIndex &index) const
{
    if (!index.isValid() || !m_snapshot.tree)
        return QString();
    return toQString(m_snapshot.tree->path(nodeOf(index)));
}

} // namespace strata

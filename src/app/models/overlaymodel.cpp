#include "models/overlaymodel.h"

#include "common/datasize.h"
#include "models/changestyle.h"
#include "models/formatting.h"

#include <QApplication>
#include <QFont>

#include <algorithm>

namespace strata {

OverlayModel::OverlayModel(QObject *parent) : QAbstractTableModel(parent) {}

void OverlayModel::setPath(std::vector<std::shared_ptr<const LayerTree>> layers, int top,
                           const QString &path, const QString &container)
{
    beginResetModel();
    m_layers = std::move(layers);
    m_top = top;
    m_container = container;
    const QByteArray utf8 = path.toUtf8();
    m_occurrences = pathOccurrences(LayerList(m_layers), top,
                                    std::string_view(utf8.constData(), size_t(utf8.size())));
    std::reverse(m_occurrences.begin(), m_occurrences.end());
    m_visibleLayer = -1;
    for (const PathOccurrence &o : m_occurrences) {
        if (o.visible)
            m_visibleLayer = o.layer;
    }
    endResetModel();
}

void OverlayModel::clear()
{
    beginResetModel();
    m_layers.clear();
    m_occurrences.clear();
    m_top = -1;
    m_visibleLayer = -1;
    m_container.clear();
    endResetModel();
}

int OverlayModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || m_top < 0)
        return 0;
    // + the merged row, + the container's read-write layer
    return int(m_occurrences.size()) + 1 + (m_container.isEmpty() ? 0 : 1);
}

bool OverlayModel::isUpper(const PathOccurrence &o) const
{
    return m_container.isEmpty() && o.layer == m_top;
}

QVariant OverlayModel::containerData(const QModelIndex &index, int role) const
{
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case RoleColumn:
            return tr("upperdir");
        case LayerColumn:
            return m_container;
        case EntryColumn:
            return tr("(nothing written)");
        case StatusColumn:
            return tr(
                "The container's read-write layer: a write here would win over every layer below");
        }
    }
    if (role == Qt::ToolTipRole)
        return tr("Each container gets its own empty upper directory; the image's layers below are "
                  "shared, read-only");
    if (role == Qt::ForegroundRole)
        return QApplication::palette().color(QPalette::PlaceholderText);
    return {};
}

int OverlayModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OverlayModel::entryText(const PathOccurrence &o) const
{
    if (o.whiteout)
        return tr("whiteout");
    if (o.node == kNoNode || size_t(o.layer) >= m_layers.size() || !m_layers[size_t(o.layer)])
        return QString();
    const FileTree &tree = m_layers[size_t(o.layer)]->tree;
    const FileNode &n = tree.node(o.node);
    QString text =
        format::modeString(n.type, n.mode) + QLatin1Char(' ') + format::owner(n.uid, n.gid);
    if (n.type == FileType::Regular)
        text += QLatin1Char(' ') + formatDataSize(qint64(n.size));
    if (n.type == FileType::Symlink || n.type == FileType::Hardlink)
        text += QStringLiteral(" → ") + toQString(tree.linkTarget(o.node));
    if (n.flags & NodeFlag::Implied)
        text += QLatin1Char(' ') + tr("(implied by its contents)");
    if (n.flags & NodeFlag::Opaque)
        text += QLatin1Char(' ') + tr("(opaque)");
    return text;
}

QString OverlayModel::statusText(size_t i) const
{
    const PathOccurrence &o = m_occurrences[i];
    if (o.visible)
        return tr("Visible: this copy wins");
    if (o.whiteout)
        return tr("Deletes the path from the layers below");
    switch (o.hiddenBy) {
    case PathOccurrence::HiddenBy::NewerCopy:
        return tr("Shadowed by the copy in layer %1").arg(o.hiddenByLayer);
    case PathOccurrence::HiddenBy::Whiteout:
        return tr("Deleted by the whiteout in layer %1").arg(o.hiddenByLayer);
    case PathOccurrence::HiddenBy::ParentWhiteout:
        return tr("Deleted with its parent directory by the whiteout in layer %1")
            .arg(o.hiddenByLayer);
    case PathOccurrence::HiddenBy::OpaqueParent:
        return tr("Hidden by an opaque directory in layer %1").arg(o.hiddenByLayer);
    case PathOccurrence::HiddenBy::ParentReplaced:
        return tr("Gone: layer %1 replaces a parent directory with a file").arg(o.hiddenByLayer);
    case PathOccurrence::HiddenBy::Nothing:
        break;
    }
    return tr("Hidden by a layer above");
}

QVariant OverlayModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || m_top < 0)
        return {};
    const int row = index.row();
    if (row == 0) { // merged
        if (role == Qt::DisplayRole) {
            switch (index.column()) {
            case RoleColumn:
                return tr("merged");
            case LayerColumn:
                return m_visibleLayer >= 0 ? QString::number(m_visibleLayer) : QString();
            case EntryColumn:
                for (const PathOccurrence &o : m_occurrences) {
                    if (o.visible)
                        return entryText(o);
                }
                return QString();
            case StatusColumn:
                return m_visibleLayer >= 0 ? tr("Shows the copy of layer %1").arg(m_visibleLayer)
                                           : tr("Absent at layer %1").arg(m_top);
            }
        }
        if (role == Qt::FontRole) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    }
    if (!m_container.isEmpty() && row == 1)
        return containerData(index, role);
    const size_t i = size_t(row - 1 - (m_container.isEmpty() ? 0 : 1));
    if (i >= m_occurrences.size())
        return {};
    const PathOccurrence &o = m_occurrences[i];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RoleColumn:
            return isUpper(o) ? tr("upperdir") : tr("lowerdir");
        case LayerColumn:
            return QString::number(o.layer);
        case EntryColumn:
            return entryText(o);
        case StatusColumn:
            return statusText(i);
        }
        return {};
    case Qt::ForegroundRole:
        if (o.whiteout)
            return changestyle::textColor(ChangeKind::Deleted, QApplication::palette());
        if (!o.visible)
            return QApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case Qt::FontRole:
        if (!o.visible && !o.whiteout && index.column() == EntryColumn) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == RoleColumn)
            return isUpper(o) ? tr("The selected layer: overlayfs' upper directory")
                              : tr("A read-only layer below: a lower directory");
        return statusText(i);
    }
    return {};
}

QVariant OverlayModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RoleColumn:
        return tr("Overlay");
    case LayerColumn:
        return tr("Layer");
    case EntryColumn:
        return tr("Entry");
    case StatusColumn:
        return tr("Effect");
    }
    return {};
}

} // namespace strata

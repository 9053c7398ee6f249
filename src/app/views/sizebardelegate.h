#pragma once

#include <QStyledItemDelegate>

namespace strata {

// The Size column with a bar under the figure, as long as the entry's share of its
// directory's bytes (QDirStat's percentage bar): where the bytes are shows at a glance, row
// by row. Entries the shown layer wrote are drawn in the image's own colour, the rest muted.
// Reads FileTreeModel::ShareRole and ViewedLayerRole.
class SizeBarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace strata

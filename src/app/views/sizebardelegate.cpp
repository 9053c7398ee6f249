#include "views/sizebardelegate.h"

#include "models/filetreemodel.h"
#include "models/viewcolors.h"

#include <QPainter>

namespace strata {

void SizeBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    const double share = index.data(FileTreeModel::ShareRole).toDouble();
    if (share <= 0.0)
        return;
    // A thin bar along the bottom of the cell: under the text, never over it.
    const int height = qMax(2, option.rect.height() / 6);
    const int margin = 2;
    const int full = option.rect.width() - 2 * margin;
    const int width = qMax(1, int(full * share + 0.5));
    const QRect bar(option.rect.left() + margin, option.rect.bottom() - height, width, height);
    const AccentColors accents = accentColors(option.palette);
    QColor color = index.data(FileTreeModel::ViewedLayerRole).toBool() ? accents.own : accents.base;
    if (option.state & QStyle::State_Selected)
        color = option.palette.color(QPalette::HighlightedText);
    painter->save();
    painter->fillRect(bar, color);
    painter->restore();
}

} // namespace strata

#include "models/changestyle.h"

#include <QPainter>
#include <QPixmap>

namespace strata::changestyle {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor textColor(ChangeKind kind, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (kind) {
    case ChangeKind::Added:
        return dark ? QColor(0x7c, 0xd9, 0x7c) : QColor(0x1b, 0x7a, 0x1b);
    case ChangeKind::Modified:
        return dark ? QColor(0xf0, 0xc0, 0x50) : QColor(0x9a, 0x60, 0x00);
    case ChangeKind::Deleted:
        return dark ? QColor(0xff, 0x80, 0x80) : QColor(0xb0, 0x1c, 0x1c);
    case ChangeKind::Unchanged:
        break;
    }
    return palette.color(QPalette::Text);
}

static QPixmap badge(ChangeKind kind, const QPalette &palette, int side, qreal dpr)
{
    QPixmap pixmap(int(side * dpr), int(side * dpr));
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor fill = textColor(kind, palette);
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    const qreal margin = side * 0.08;
    p.drawEllipse(QRectF(margin, margin, side - 2 * margin, side - 2 * margin));
    // The glyph in the colour that contrasts with the badge.
    QPen pen(fill.lightness() > 140 ? QColor(0x20, 0x20, 0x20) : QColor(0xff, 0xff, 0xff));
    pen.setWidthF(side * 0.14);
    pen.setCapStyle(Qt::RoundCap);
    p.setPen(pen);
    const qreal c = side / 2.0, r = side * 0.24;
    switch (kind) {
    case ChangeKind::Added:
        p.drawLine(QPointF(c - r, c), QPointF(c + r, c));
        p.drawLine(QPointF(c, c - r), QPointF(c, c + r));
        break;
    case ChangeKind::Deleted:
        p.drawLine(QPointF(c - r, c), QPointF(c + r, c));
        break;
    case ChangeKind::Modified: {
        // A small dot: "something about this entry changed".
        p.setPen(Qt::NoPen);
        p.setBrush(pen.color());
        p.drawEllipse(QPointF(c, c), r * 0.6, r * 0.6);
        break;
    }
    case ChangeKind::Unchanged:
        break;
    }
    return pixmap;
}

QIcon icon(ChangeKind kind, const QPalette &palette)
{
    if (kind == ChangeKind::Unchanged)
        return QIcon();
    QIcon result;
    for (int side : {16, 24, 32, 48})
        result.addPixmap(badge(kind, palette, side, 1.0));
    return result;
}

} // namespace strata::changestyle

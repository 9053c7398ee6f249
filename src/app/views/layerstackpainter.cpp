#include "views/layerstackpainter.h"

#include "models/viewcolors.h"
#include "views/layerstackscene.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

namespace strata {

namespace {

using Item = LayerStackScene::Item;
using Kind = LayerStackScene::Kind;

constexpr qreal kRadius = 3;

struct Context
{
    QPainter &painter;
    const LayerStackScene &scene;
    const QPalette &palette;
    AccentColors accents;
    bool dark = false;
};

void drawText(QPainter &painter, const QRectF &rect, int flags, const QString &text,
              const QFont &font, const QColor &color)
{
    painter.setFont(font);
    painter.setPen(color);
    painter.drawText(rect, flags | Qt::TextSingleLine, text);
}

void paintContainer(const Context &c, const Item &item)
{
    QPainter &p = c.painter;
    QPen pen(c.accents.dimText, 1, Qt::DashLine);
    p.setPen(pen);
    p.setBrush(mixColors(c.palette.color(QPalette::Base), c.accents.own, 0.05));
    p.drawRoundedRect(item.rect.adjusted(0.5, 0.5, -0.5, -0.5), kRadius, kRadius);
    drawText(p, item.rect, Qt::AlignCenter, item.head, c.scene.labelFont(), c.accents.dimText);
}

void paintBoundary(const Context &c, const Item &item)
{
    QPainter &p = c.painter;
    const qreal y = std::round(item.rect.center().y()) + 0.5;
    p.setPen(QPen(c.accents.base, 1.5, Qt::DashLine));
    p.drawLine(QPointF(item.rect.left(), y), QPointF(item.rect.right(), y));
    const QFont font = c.scene.labelFont();
    const qreal textWidth =
        QFontMetricsF(font, p.device()).horizontalAdvance(item.head) + 2 * c.scene.metrics().pad;
    QRectF label(0, item.rect.top(), textWidth, item.rect.height());
    label.moveCenter(item.rect.center());
    p.fillRect(label, c.palette.color(QPalette::Base));
    drawText(p, label, Qt::AlignCenter, item.head, font, c.accents.base);
}

void paintStep(const Context &c, const Item &item, bool current, bool hover)
{
    QPainter &p = c.painter;
    const qreal line = c.scene.metrics().line;
    QColor keyword = c.accents.step;
    QColor text = c.accents.dimText;
    if (current) {
        p.setPen(Qt::NoPen);
        p.setBrush(c.palette.color(QPalette::Highlight));
        p.drawRoundedRect(item.rect, kRadius, kRadius);
        keyword = text = c.palette.color(QPalette::HighlightedText);
    } else if (hover) {
        p.setPen(Qt::NoPen);
        p.setBrush(mixColors(c.palette.color(QPalette::Base), c.accents.step, 0.12));
        p.drawRoundedRect(item.rect, kRadius, kRadius);
    }
    // A small diamond: the step is a point in the history, not a block of files.
    const QPointF centre(item.rect.left() + line * 0.5, item.rect.center().y());
    const qreal r = line * 0.22;
    QPainterPath diamond;
    diamond.moveTo(centre + QPointF(0, -r));
    diamond.lineTo(centre + QPointF(r, 0));
    diamond.lineTo(centre + QPointF(0, r));
    diamond.lineTo(centre + QPointF(-r, 0));
    diamond.closeSubpath();
    p.setPen(Qt::NoPen);
    p.setBrush(keyword);
    p.drawPath(diamond);

    QRectF textRect = item.rect.adjusted(line, 0, -c.scene.metrics().pad, 0);
    if (item.bodyLines.size() > 1) // a slide's whole text starts at the top
        textRect.setHeight(line);
    if (!item.head.isEmpty()) {
        const QFont bold = c.scene.boldFont();
        drawText(p, textRect, Qt::AlignLeft | Qt::AlignVCenter, item.head, bold, keyword);
        textRect.setLeft(
            textRect.left() + QFontMetricsF(bold, p.device()).horizontalAdvance(item.head) +
            QFontMetricsF(c.scene.font(), p.device()).horizontalAdvance(QLatin1Char(' ')));
    }
    if (item.bodyLines.size() <= 1) {
        drawText(p, textRect, Qt::AlignLeft | Qt::AlignVCenter,
                 item.bodyLines.isEmpty() ? item.body : item.bodyLines.first(), c.scene.font(),
                 text);
        return;
    }
    QRectF row = textRect;
    for (const QString &body : item.bodyLines) {
        drawText(p, row, Qt::AlignLeft | Qt::AlignVCenter, body, c.scene.font(), text);
        row.translate(0, line);
    }
}

void paintLayer(const Context &c, const Item &item, bool current, bool hover, bool focused)
{
    QPainter &p = c.painter;
    const LayerStackScene::Layer &layer = c.scene.layer(item.index);
    const LayerStackScene::Metrics &m = c.scene.metrics();
    const QColor base = c.palette.color(QPalette::Base);
    const QColor accent = layer.base ? c.accents.base : c.accents.own;
    const QColor highlight = c.palette.color(QPalette::Highlight);

    QColor fill = mixColors(base, accent, c.dark ? 0.32 : 0.2);
    QColor border = mixColors(accent, c.palette.color(QPalette::Text), 0.15);
    qreal borderWidth = 1;
    if (layer.readWrite) {
        // The container's writable layer: pale, with the outline the illustration has dashed.
        fill = mixColors(base, c.accents.own, c.dark ? 0.15 : 0.07);
        border = c.accents.own;
        borderWidth = 2;
    }
    if (!layer.error.isEmpty()) {
        border = c.accents.damaged;
        borderWidth = 2;
    }
    if (current) {
        fill = mixColors(base, highlight, c.dark ? 0.45 : 0.28);
        border = highlight;
        borderWidth = focused ? 3 : 2;
    } else if (hover) {
        border = accent;
        borderWidth = 2;
    }
    const QRectF rect =
        item.rect.adjusted(borderWidth / 2, borderWidth / 2, -borderWidth / 2, -borderWidth / 2);
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawRoundedRect(rect, kRadius, kRadius);

    if (layer.shade > 0) {
        // The shaded part grows from the right edge, so blocks compare at a glance.
        QRectF band = rect;
        band.setLeft(rect.right() - rect.width() * layer.shade);
        QColor shade = c.accents.shade;
        shade.setAlphaF(0.4f);
        p.setBrush(shade);
        p.drawRect(band);
        p.setPen(QPen(c.accents.shade, 2));
        p.drawLine(band.topLeft(), band.bottomLeft());
        p.setPen(Qt::NoPen);
    }
    if (!layer.error.isEmpty()) {
        QColor hatch = c.accents.damaged;
        hatch.setAlphaF(0.45f);
        p.setBrush(QBrush(hatch, Qt::BDiagPattern));
        p.drawRoundedRect(rect, kRadius, kRadius);
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(border, borderWidth));
    p.drawRoundedRect(rect, kRadius, kRadius);
    if (item.notToScale) {
        // A chart's axis break across the right edge: this block is taller than its size.
        const qreal h = std::min(rect.height() * 0.6, m.line * 0.8);
        const qreal x = rect.right() - m.line * 0.6;
        const qreal y = rect.center().y();
        const qreal slant = h * 0.35;
        QPolygonF gap({QPointF(x - slant, y + h / 2 - 2), QPointF(x + slant, y - h / 2 - 2),
                       QPointF(x + slant, y - h / 2 + 2), QPointF(x - slant, y + h / 2 + 2)});
        p.setPen(Qt::NoPen);
        p.setBrush(c.palette.color(QPalette::Base));
        p.drawPolygon(gap);
        p.setPen(QPen(border, 1));
        p.drawLine(gap[0], gap[1]);
        p.drawLine(gap[3], gap[2]);
    }

    const QColor text = c.palette.color(QPalette::Text);
    const QColor tail = layer.error.isEmpty() ? c.accents.dimText : c.accents.damaged;
    const QFont bold = c.scene.boldFont();
    const qreal headWidth = QFontMetricsF(bold, p.device()).horizontalAdvance(item.head) + m.line;
    QRectF first = item.rect.adjusted(m.pad, 0, -m.pad, 0);
    if (!item.bodyLines.isEmpty()) {
        // Top-aligned: the size, then the step; a block just two lines tall centres them.
        const qreal spare = item.rect.height() - 2 * m.line;
        first.setTop(item.rect.top() + std::min(spare / 2, m.pad));
        first.setHeight(m.line);
    }
    drawText(p, first, Qt::AlignLeft | Qt::AlignVCenter, item.head, bold, text);
    const QRectF rest = first.adjusted(headWidth, 0, 0, 0);
    if (item.bodyLines.isEmpty()) {
        drawText(p, rest, Qt::AlignLeft | Qt::AlignVCenter, item.body, c.scene.font(), text);
        return;
    }
    drawText(p, rest, Qt::AlignLeft | Qt::AlignVCenter, item.tail, c.scene.font(), tail);
    QRectF line = first;
    for (const QString &body : item.bodyLines) {
        line.translate(0, m.line);
        drawText(p, line, Qt::AlignLeft | Qt::AlignVCenter, body, c.scene.font(), text);
    }
}

// The brackets in the left gutter: which blocks came with the base image, which are the
// image's own.
void paintBrackets(const Context &c)
{
    const auto &items = c.scene.items();
    const LayerStackScene::Metrics &m = c.scene.metrics();
    int boundary = -1;
    for (size_t i = 0; i < items.size(); ++i) {
        if (items[i].kind == Kind::Boundary)
            boundary = int(i);
    }
    if (boundary < 0 || items.size() < 2)
        return;
    QPainter &p = c.painter;
    const qreal x = m.margin + m.gutter * 0.75;
    auto bracket = [&](qreal top, qreal bottom, const QString &label, const QColor &color) {
        if (bottom - top < m.line)
            return;
        const qreal tick = m.gutter * 0.2;
        p.setPen(QPen(color, 1.5));
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(QList<QPointF>{
            {x + tick, top + 1}, {x, top + 1}, {x, bottom - 1}, {x + tick, bottom - 1}});
        // Written bottom to top along the bracket, in the gutter left of it.
        p.save();
        p.translate(m.margin, (top + bottom) / 2);
        p.rotate(-90);
        const qreal length = bottom - top - 2 * m.pad;
        const QFont font = c.scene.labelFont();
        // A bracket too short for its label keeps only its colour: "t…" would say nothing.
        if (QFontMetricsF(font, p.device()).horizontalAdvance(label) <= length)
            drawText(p, QRectF(-length / 2, 0, length, m.gutter * 0.65), Qt::AlignCenter, label,
                     font, color);
        p.restore();
    };
    const QRectF &boundaryRect = items[size_t(boundary)].rect;
    // items[0] is the container's layer (real or illustrated): the image's own part starts
    // below it.
    if (boundary > 1)
        bracket(items[1].rect.top(), boundaryRect.center().y() - m.gap,
                LayerStackScene::tr("this image"), c.accents.own);
    if (size_t(boundary) + 1 < items.size())
        bracket(boundaryRect.center().y() + m.gap, items.back().rect.bottom(),
                LayerStackScene::tr("base image"), c.accents.base);
}

} // namespace

void paintLayerStack(QPainter &painter, const LayerStackScene &scene, const QPalette &palette,
                     const LayerStackPaintState &state)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const Context context{painter, scene, palette, accentColors(palette), isDarkPalette(palette)};
    if (!scene.scaleNote().isEmpty()) {
        QFont italic = scene.font();
        italic.setItalic(true);
        drawText(painter, scene.scaleNoteRect(), Qt::AlignLeft | Qt::AlignVCenter,
                 scene.scaleNote(), italic, context.accents.dimText);
    }
    const auto &items = scene.items();
    for (size_t i = 0; i < items.size(); ++i) {
        const Item &item = items[i];
        const bool current = int(i) == state.currentItem;
        const bool hover = int(i) == state.hoverItem;
        switch (item.kind) {
        case Kind::Container:
            paintContainer(context, item);
            break;
        case Kind::Boundary:
            paintBoundary(context, item);
            break;
        case Kind::Step:
            paintStep(context, item, current, hover);
            break;
        case Kind::Layer:
            paintLayer(context, item, current, hover, state.focused);
            break;
        }
    }
    paintBrackets(context);
    painter.restore();
}

} // namespace strata

#include "views/reusescene.h"

#include "common/datasize.h"
#include "image/historytext.h"
#include "models/viewcolors.h"
#include "source/imagesource.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

#include <algorithm>
#include <cmath>

namespace strata {

namespace {

// Blocks are as tall as their sizes say, the largest layer of all the images kProportionalLines
// lines, every column on that one scale; a block too small to hold its text is drawn at the
// minimum. On the logarithmic scale they grow with log10 of their size in KiB instead.
constexpr qreal kMinBlockLines = 2.4;
constexpr qreal kProportionalLines = 14;
constexpr qreal kLinesPerDecade = 0.7;
constexpr qreal kContainerLines = 1.6;

qreal logSize(qint64 bytes)
{
    return bytes > 0 ? std::log10(1.0 + double(bytes) / 1024.0) : 0.0;
}

QString oneLine(const QString &text)
{
    return cleanCreatedBy(text).text.simplified();
}

} // namespace

void ReuseScene::setAnalysis(ReuseAnalysis analysis)
{
    m_analysis = std::move(analysis);
    m_sharedHue.assign(m_analysis.layers.size(), -1);
    int hue = 0;
    for (size_t i = 0; i < m_analysis.layers.size(); ++i) {
        if (m_analysis.layers[i].isShared())
            m_sharedHue[i] = hue++;
    }
}

QString ReuseScene::layerTitle(int layer) const
{
    const ReuseLayer &l = m_analysis.layers[size_t(layer)];
    return tr("layer %1 · %2")
        .arg(l.position)
        .arg(shortDigest(l.diffId.isEmpty() ? l.key : l.diffId));
}

QString ReuseScene::divergenceText(int layer) const
{
    const ReuseLayer &l = m_analysis.layers[size_t(layer)];
    if (l.sameDiffGroup < 0)
        return {};
    const ReuseSameDiff &group = m_analysis.sameDiff[size_t(l.sameDiffGroup)];
    for (const ReuseDivergence &d : group.divergences) {
        if (d.layer != layer)
            continue;
        // What each stack holds where they part: the first image of each layer tells.
        const ReuseImage &here = m_analysis.images[size_t(l.images.first())];
        const ReuseImage &there =
            m_analysis.images[size_t(m_analysis.layers[size_t(d.reference)].images.first())];
        auto below = [this](const ReuseImage &image, int position) {
            const int index = image.layers.value(position, -1);
            return index < 0 ? tr("nothing") : layerTitle(index);
        };
        return tr("%1 has the same diff as %2, but is not shared: at position %3, %4 has %5 "
                  "where %6 has %7. Another chain below means another chain ID, so the engine "
                  "stores this content a second time.")
            .arg(layerTitle(layer), layerTitle(d.reference))
            .arg(d.divergesAt)
            .arg(here.name, below(here, d.divergesAt), there.name, below(there, d.divergesAt));
    }
    return tr("%1: %n other layer(s) with this content sit on a different chain and store it "
              "again.",
              nullptr, int(group.layers.size()) - 1)
        .arg(layerTitle(layer));
}

// What layout() works out in passes: the fonts at the zoom, the columns and the rows.
struct ReuseScene::Geometry
{
    Geometry(const QFont &font, const QFont &bold, QPaintDevice *device)
        : metrics(font, device), boldMetrics(bold, device)
    {
    }
    QFontMetricsF metrics;
    QFontMetricsF boldMetrics;
    qreal em = 0;
    qreal margin = 0;
    qreal gap = 0;
    qreal columnWidth = 0;
    std::vector<qreal> layerHeight;            // per ReuseLayer
    std::vector<std::vector<qreal>> imageTops; // per image and position, from the rows' top;
                                               // [layers] = the top of its stack
    qreal rowsHeight = 0;
    qreal rowsY = 0;

    qreal columnX(int column) const { return margin + column * (columnWidth + gap); }
};

void ReuseScene::layout(const QFont &baseFont, const QPaintDevice *device, qreal zoom)
{
    QFont font = baseFont;
    if (baseFont.pointSizeF() > 0)
        font.setPointSizeF(baseFont.pointSizeF() * zoom);
    else // a font sized in pixels
        font.setPixelSize(std::max(1, int(std::lround(baseFont.pixelSize() * zoom))));
    QFont bold = font;
    bold.setBold(true);
    Geometry g(font, bold, const_cast<QPaintDevice *>(device));
    m_font = font;
    m_line = g.metrics.lineSpacing();
    g.em = g.metrics.horizontalAdvance(QLatin1Char('M'));
    g.margin = m_line;
    g.gap = m_line * 0.8;

    layoutImageLabels(g);
    layoutRows(g);
    const qreal containersRoom = roomForContainers(g);
    const auto columns = m_analysis.columns.size();
    const qreal width =
        2 * g.margin + columns * g.columnWidth + (columns > 0 ? (columns - 1) * g.gap : 0);
    qreal y = g.margin;
    m_title = QRectF(g.margin, y, width - 2 * g.margin, m_line * 1.5);
    y += m_line * 1.7;
    m_legend = QRectF(g.margin, y, width - 2 * g.margin, m_line);
    y += m_line * 1.8 + containersRoom;
    g.rowsY = y;
    layoutLayers(g);
    layoutContainers(g);

    y = g.rowsY + g.rowsHeight + g.gap;
    for (size_t i = 0; i < m_analysis.images.size(); ++i)
        m_images[i].rect =
            QRectF(g.columnX(m_analysis.images[i].column), y, g.columnWidth, m_line * 3.2);
    y += m_line * 3.2 + g.gap;

    m_totalsLines = totalsText();
    qreal totalsWidth = 0;
    for (const QString &line : m_totalsLines)
        totalsWidth = std::max(totalsWidth, g.metrics.horizontalAdvance(line));
    m_totals = QRectF(g.margin, y, totalsWidth, m_line * m_totalsLines.size());
    y += m_totals.height() + g.margin;

    // The legend's swatches and labels, laid out as paint() draws them.
    const qreal swatch = m_line * 0.8;
    qreal legendWidth = 2 * g.margin;
    for (const QString &text : legendTexts())
        legendWidth += swatch * 1.6 + swatch / 2 + g.metrics.horizontalAdvance(text) + swatch * 1.5;
    const qreal titleWidth = QFontMetricsF(titleFont(bold), const_cast<QPaintDevice *>(device))
                                 .horizontalAdvance(titleText()) +
                             g.em;
    m_title.setWidth(std::max(m_title.width(), titleWidth));
    m_size = QSizeF(
        std::max({width, totalsWidth + 2 * g.margin, legendWidth, titleWidth + 2 * g.margin}), y);
}

// The heading above the columns, a fifth larger than the bold text.
QFont ReuseScene::titleFont(const QFont &bold)
{
    QFont title = bold;
    if (bold.pointSizeF() > 0)
        title.setPointSizeF(bold.pointSizeF() * 1.2);
    else
        title.setPixelSize(int(std::lround(bold.pixelSize() * 1.2)));
    return title;
}

QFont ReuseScene::titleFont() const
{
    QFont bold = m_font;
    bold.setBold(true);
    return titleFont(bold);
}

QString ReuseScene::titleText() const
{
    return tr("Layer reuse across %n image(s)", nullptr, int(m_analysis.images.size()));
}

// The image labels under the columns, which also decide the columns' width.
void ReuseScene::layoutImageLabels(Geometry &g)
{
    m_images.assign(m_analysis.images.size(), {});
    g.columnWidth = 13 * g.em;
    for (size_t i = 0; i < m_analysis.images.size(); ++i) {
        const ReuseImage &image = m_analysis.images[i];
        Block &label = m_images[i];
        label.head = image.name;
        label.tail = tr("%1 · %n layer(s)", nullptr, int(image.layers.size()))
                         .arg(formatDataSize(image.size));
        label.body = tr("shared %1 · unique %2")
                         .arg(formatDataSize(image.sharedSize), formatDataSize(image.uniqueSize));
        g.columnWidth = std::max({g.columnWidth, g.boldMetrics.horizontalAdvance(label.head) + g.em,
                                  g.metrics.horizontalAdvance(label.body) + g.em});
    }
    g.columnWidth = std::min(g.columnWidth, 26 * g.em);
}

// Row heights: the largest layer at each position decides.
// Each column stacks its own layers from the bottom at one scale; a shared layer sits at the
// same height in every column it spans, since the layers below it are shared too.
void ReuseScene::layoutRows(Geometry &g) const
{
    qint64 largest = 0;
    for (const ReuseLayer &layer : m_analysis.layers)
        largest = std::max(largest, layer.size);
    const qreal minimum = m_line * kMinBlockLines;
    g.layerHeight.assign(m_analysis.layers.size(), minimum);
    for (size_t i = 0; i < m_analysis.layers.size(); ++i) {
        const qint64 size = std::max<qint64>(0, m_analysis.layers[i].size);
        const qreal natural =
            m_logarithmic ? m_line * (kMinBlockLines + kLinesPerDecade * logSize(size))
            : largest > 0 ? m_line * kProportionalLines * qreal(size) / qreal(largest)
                          : 0;
        g.layerHeight[i] = std::max(minimum, natural);
    }
    g.rowsHeight = 0;
    for (const ReuseImage &image : m_analysis.images) {
        qreal total = 0;
        for (const int layer : image.layers)
            total += g.layerHeight[size_t(layer)];
        g.rowsHeight = std::max(g.rowsHeight, total);
    }
    g.imageTops.assign(m_analysis.images.size(), {});
    for (size_t i = 0; i < m_analysis.images.size(); ++i) {
        const ReuseImage &image = m_analysis.images[i];
        std::vector<qreal> &tops = g.imageTops[i];
        qreal y = g.rowsHeight;
        for (const int layer : image.layers) {
            y -= g.layerHeight[size_t(layer)];
            tops.push_back(y);
        }
        tops.push_back(y);
    }
}

// Containers stack on their image's top layer; room above the rows only where the image is
// as tall as the tallest.
qreal ReuseScene::roomForContainers(const Geometry &g) const
{
    const qreal containerHeight = m_line * kContainerLines;
    qreal room = 0;
    for (size_t i = 0; i < m_analysis.images.size(); ++i) {
        const qreal free = g.imageTops[i].back();
        room = std::max(
            room, m_analysis.images[i].containers.size() * (containerHeight + g.gap / 2) - free);
    }
    return room;
}

void ReuseScene::layoutLayers(const Geometry &g)
{
    m_layers.assign(m_analysis.layers.size(), {});
    for (size_t i = 0; i < m_analysis.layers.size(); ++i) {
        const ReuseLayer &layer = m_analysis.layers[i];
        Block &block = m_layers[i];
        const qreal left = g.columnX(layer.firstColumn);
        const qreal right = g.columnX(layer.lastColumn) + g.columnWidth;
        const size_t p = size_t(layer.position);
        const qreal top = layer.images.isEmpty() ? 0 : g.imageTops[size_t(layer.images.first())][p];
        block.rect = QRectF(left, g.rowsY + top + 1, right - left, g.layerHeight[i] - 2);
        block.head = (layer.sizeSource == SizeSource::Blob ? QStringLiteral("~") : QString()) +
                     formatDataSize(layer.size);
        block.tail = shortDigest(layer.diffId.isEmpty() ? layer.key : layer.diffId);
        if (layer.isShared())
            block.tail = tr("shared by %n image(s)", nullptr, int(layer.images.size())) +
                         QStringLiteral(" · ") + block.tail;
        else if (layer.sameDiffGroup >= 0)
            block.tail = tr("same diff, not shared") + QStringLiteral(" · ") + block.tail;
        block.body = oneLine(layer.createdBy);
    }
}

void ReuseScene::layoutContainers(const Geometry &g)
{
    const qreal containerHeight = m_line * kContainerLines;
    m_containers.assign(m_analysis.containers.size(), {});
    for (size_t i = 0; i < m_analysis.images.size(); ++i) {
        const ReuseImage &image = m_analysis.images[i];
        const qreal left = g.columnX(image.column);
        qreal bottom = g.rowsY + g.imageTops[i].back() - g.gap / 2;
        for (int c : image.containers) {
            const ReuseContainer &container = m_analysis.containers[size_t(c)];
            Block &block = m_containers[size_t(c)];
            block.rect = QRectF(left, bottom - containerHeight, g.columnWidth, containerHeight);
            block.head = container.name;
            block.tail = container.measured ? tr("%1 measured").arg(formatDataSize(container.size))
                                            : tr("%1 assumed").arg(formatDataSize(container.size));
            bottom -= containerHeight + g.gap / 2;
        }
    }
}

// What `docker images` and `docker system df` would say of these images and containers.
QStringList ReuseScene::totalsText() const
{
    const ReuseTotals &t = m_analysis.totals;
    QStringList lines;
    lines << tr("docker images: %1 in %n image(s)", nullptr, int(m_analysis.images.size()))
                     .arg(formatDataSize(t.imagesSum)) +
                 QStringLiteral("  ·  ") + tr("stored once: %1").arg(formatDataSize(t.storedOnce)) +
                 QStringLiteral("  ·  ") +
                 tr("saved: %1 (%2 %)")
                     .arg(formatDataSize(t.saved), QLocale().toString(t.savedPercent, 'f', 1));
    lines << tr("%n layer(s) stored for %1 layer references; %2 shared", nullptr, t.storedLayers)
                 .arg(t.layerReferences)
                 .arg(t.sharedLayers);
    if (t.containers > 0)
        lines << tr("%n container(s) add %1 of read-write layers; as copies of their "
                    "images they would take %2",
                    nullptr, t.containers)
                         .arg(formatDataSize(t.containersSize),
                              formatDataSize(t.containersIfCopied)) +
                     (t.containersAssumed ? QStringLiteral("  ·  ") + tr("some sizes assumed")
                                          : QString());
    if (t.estimated)
        lines << tr("~ blob size: that layer has not been read yet");
    return lines;
}

QStringList ReuseScene::legendTexts()
{
    return {tr("shared: stored once"), tr("one image only"), tr("same diff, not shared"),
            tr("container layer (measured or assumed size)")};
}

QRectF ReuseScene::layerRect(int layer) const
{
    return layer >= 0 && size_t(layer) < m_layers.size() ? m_layers[size_t(layer)].rect : QRectF();
}

QRectF ReuseScene::containerRect(int container) const
{
    return container >= 0 && size_t(container) < m_containers.size()
               ? m_containers[size_t(container)].rect
               : QRectF();
}

QRectF ReuseScene::imageRect(int image) const
{
    return image >= 0 && size_t(image) < m_images.size() ? m_images[size_t(image)].rect : QRectF();
}

ReuseScene::Hit ReuseScene::hitAt(const QPointF &point) const
{
    for (size_t i = 0; i < m_containers.size(); ++i) {
        if (m_containers[i].rect.contains(point))
            return {Kind::Container, int(i)};
    }
    for (size_t i = 0; i < m_layers.size(); ++i) {
        if (m_layers[i].rect.contains(point))
            return {Kind::Layer, int(i)};
    }
    for (size_t i = 0; i < m_images.size(); ++i) {
        if (m_images[i].rect.contains(point))
            return {Kind::Image, int(i)};
    }
    return {};
}

QString ReuseScene::toolTip(const Hit &hit) const
{
    const ReuseAnalysis &a = m_analysis;
    QStringList lines;
    switch (hit.kind) {
    case Kind::Layer: {
        const ReuseLayer &l = a.layers[size_t(hit.index)];
        QStringList owners;
        for (int image : l.images)
            owners << a.images[size_t(image)].name.toHtmlEscaped();
        lines << QStringLiteral("<b>%1</b>").arg(layerTitle(hit.index).toHtmlEscaped());
        lines << tr("Size: %1").arg(formatDataSize(l.size)) + QStringLiteral(" — ") +
                     (l.sizeSource == SizeSource::Files
                          ? tr("counted from its files, as docker does")
                          : tr("its blob as stored: the layer has not been read"));
        if (!l.diffId.isEmpty())
            lines << tr("diff_id: %1").arg(l.diffId);
        if (!l.chainId.isEmpty())
            lines << tr("chain ID: %1").arg(l.chainId);
        if (l.matchedBy != LayerMatch::ChainId)
            lines
                << tr("No diff_ids in this image: matched by %1").arg(layerMatchName(l.matchedBy));
        lines << tr("Used by: %1").arg(owners.join(QStringLiteral(", ")));
        if (!l.createdBy.isEmpty())
            lines << oneLine(l.createdBy).toHtmlEscaped();
        if (l.sameDiffGroup >= 0)
            lines << divergenceText(hit.index).toHtmlEscaped();
        break;
    }
    case Kind::Container: {
        const ReuseContainer &c = a.containers[size_t(hit.index)];
        lines << QStringLiteral("<b>%1</b>").arg(c.name.toHtmlEscaped());
        lines << tr("A container of %1: it shares every layer of the image and adds one thin "
                    "read-write layer.")
                     .arg(a.images[size_t(c.image)].name.toHtmlEscaped());
        if (c.measured)
            lines << tr("Size of that layer as the engine measures it (docker ps -s): %1; "
                        "the container is %2")
                         .arg(formatDataSize(c.size), c.state.toHtmlEscaped());
        else
            lines << tr("Assumed size of that layer: %1 (an illustration: no engine is asked)")
                         .arg(formatDataSize(c.size));
        break;
    }
    case Kind::Image: {
        const ReuseImage &image = a.images[size_t(hit.index)];
        lines << QStringLiteral("<b>%1</b>").arg(image.name.toHtmlEscaped());
        if (!image.id.isEmpty())
            lines << tr("Image ID: %1").arg(image.id);
        lines << tr("Size as docker images lists it: %1").arg(formatDataSize(image.size));
        lines << tr("In layers other images use too: %1; its own: %2")
                     .arg(formatDataSize(image.sharedSize), formatDataSize(image.uniqueSize));
        lines << tr("From: %1").arg(image.archives.join(QStringLiteral(", ")).toHtmlEscaped());
        break;
    }
    }
    return lines.join(QStringLiteral("<br>"));
}

QColor ReuseScene::layerColor(int layer, const QPalette &palette) const
{
    const bool dark = isDarkPalette(palette);
    const int hueIndex = m_sharedHue[size_t(layer)];
    if (hueIndex < 0)
        return mixColors(palette.color(QPalette::Base), palette.color(QPalette::Text),
                         dark ? 0.16 : 0.07);
    // Hues 137.5° apart (the golden angle): neighbours never look alike however many there are.
    const int hue = int(std::lround(200 + hueIndex * 137.5)) % 360;
    return dark ? QColor::fromHsv(hue, 120, 120) : QColor::fromHsv(hue, 70, 245);
}

void ReuseScene::paintBlock(QPainter &painter, const Block &block, const QColor &fill, bool dashed,
                            bool hatched, bool current, const QPalette &palette) const
{
    const AccentColors accents = accentColors(palette);
    const QRectF r = block.rect.adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setBrush(fill);
    QPen border(current ? palette.color(QPalette::Highlight)
                        : mixColors(fill, palette.color(QPalette::Text), 0.45),
                current ? 3 : 1, dashed ? Qt::DashLine : Qt::SolidLine);
    painter.setPen(border);
    painter.drawRoundedRect(r, 4, 4);
    if (hatched) {
        painter.setBrush(QBrush(mixColors(fill, accents.damaged, 0.5), Qt::BDiagPattern));
        painter.setPen(Qt::NoPen);
        painter.drawRoundedRect(r, 4, 4);
    }

    painter.save();
    painter.setClipRect(r.adjusted(2, 1, -2, -1));
    const qreal pad = m_line * 0.4;
    const QRectF text = r.adjusted(pad, pad / 2, -pad, -pad / 2);
    QFont bold = painter.font();
    bold.setBold(true);
    const QFontMetricsF boldMetrics(bold, painter.device());
    const QFontMetricsF metrics(painter.font(), painter.device());
    const qreal headWidth = std::min(text.width(), boldMetrics.horizontalAdvance(block.head) + pad);
    painter.setPen(palette.color(QPalette::Text));
    painter.save();
    painter.setFont(bold);
    painter.drawText(QRectF(text.left(), text.top(), headWidth, m_line),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     boldMetrics.elidedText(block.head, Qt::ElideRight, headWidth));
    painter.restore();
    painter.setPen(accents.dimText);
    const qreal tailWidth = text.width() - headWidth;
    painter.drawText(QRectF(text.left() + headWidth, text.top(), tailWidth, m_line),
                     Qt::AlignRight | Qt::AlignVCenter,
                     metrics.elidedText(block.tail, Qt::ElideMiddle, tailWidth));
    if (!block.body.isEmpty() && text.height() >= 2 * m_line) {
        painter.setPen(palette.color(QPalette::Text));
        painter.drawText(QRectF(text.left(), text.top() + m_line, text.width(), m_line),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(block.body, Qt::ElideRight, text.width()));
    }
    painter.restore();
}

void ReuseScene::paint(QPainter &painter, const QPalette &palette, const Selection &selection) const
{
    const AccentColors accents = accentColors(palette);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFont font = m_font;
    painter.setFont(font);
    QFont bold = font;
    bold.setBold(true);
    const ReuseAnalysis &a = m_analysis;

    // The selected image's column, faintly, so that its layers read as one stack.
    if (selection.image >= 0 && size_t(selection.image) < m_images.size()) {
        const QRectF label = m_images[size_t(selection.image)].rect;
        const QRectF column(label.left() - 4, m_legend.bottom() + m_line * 0.4, label.width() + 8,
                            label.bottom() - m_legend.bottom());
        painter.setPen(Qt::NoPen);
        painter.setBrush(
            mixColors(palette.color(QPalette::Base), palette.color(QPalette::Highlight), 0.12));
        painter.drawRoundedRect(column, 6, 6);
    }

    painter.setPen(palette.color(QPalette::Text));
    painter.setFont(titleFont(bold));
    painter.drawText(m_title, Qt::AlignLeft | Qt::AlignVCenter, titleText());
    painter.setFont(font);

    // Legend: one swatch per kind of block.
    {
        qreal x = m_legend.left();
        const qreal s = m_line * 0.8;
        auto swatch = [&](const QBrush &brush, Qt::PenStyle style, const QString &text) {
            const QRectF box(x, m_legend.center().y() - s / 2, s * 1.6, s);
            painter.setBrush(brush);
            painter.setPen(QPen(palette.color(QPalette::Text), 1, style));
            painter.drawRect(box);
            painter.setPen(palette.color(QPalette::Text));
            const qreal w = QFontMetricsF(font, painter.device()).horizontalAdvance(text);
            painter.drawText(QRectF(box.right() + s / 2, m_legend.top(), w + 1, m_legend.height()),
                             Qt::AlignLeft | Qt::AlignVCenter, text);
            x = box.right() + s / 2 + w + s * 1.5;
        };
        const QColor shared =
            isDarkPalette(palette) ? QColor::fromHsv(200, 120, 120) : QColor::fromHsv(200, 70, 245);
        const QStringList texts = legendTexts();
        swatch(shared, Qt::SolidLine, texts[0]);
        swatch(mixColors(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.07),
               Qt::SolidLine, texts[1]);
        swatch(QBrush(accents.damaged, Qt::BDiagPattern), Qt::SolidLine, texts[2]);
        swatch(palette.color(QPalette::Base), Qt::DashLine, texts[3]);
    }

    for (size_t i = 0; i < m_layers.size(); ++i) {
        const bool current =
            selection.current.kind == Kind::Layer && selection.current.index == int(i);
        paintBlock(painter, m_layers[i], layerColor(int(i), palette), false,
                   a.layers[i].sameDiffGroup >= 0, current, palette);
    }
    for (size_t i = 0; i < m_containers.size(); ++i) {
        const bool current =
            selection.current.kind == Kind::Container && selection.current.index == int(i);
        paintBlock(painter, m_containers[i], palette.color(QPalette::Base), true, false, current,
                   palette);
    }

    const QFontMetricsF metrics(font, painter.device());
    const QFontMetricsF boldMetrics(bold, painter.device());
    for (size_t i = 0; i < m_images.size(); ++i) {
        const Block &label = m_images[i];
        const bool current =
            selection.current.kind == Kind::Image && selection.current.index == int(i);
        painter.setFont(bold);
        painter.setPen(current ? palette.color(QPalette::Highlight)
                               : palette.color(QPalette::Text));
        const QRectF r = label.rect;
        painter.drawText(QRectF(r.left(), r.top(), r.width(), m_line),
                         Qt::AlignHCenter | Qt::AlignVCenter,
                         boldMetrics.elidedText(label.head, Qt::ElideMiddle, r.width()));
        painter.setFont(font);
        painter.setPen(palette.color(QPalette::Text));
        painter.drawText(QRectF(r.left(), r.top() + m_line, r.width(), m_line),
                         Qt::AlignHCenter | Qt::AlignVCenter,
                         metrics.elidedText(label.tail, Qt::ElideRight, r.width()));
        painter.setPen(accents.dimText);
        painter.drawText(QRectF(r.left(), r.top() + 2 * m_line, r.width(), m_line),
                         Qt::AlignHCenter | Qt::AlignVCenter,
                         metrics.elidedText(label.body, Qt::ElideRight, r.width()));
    }

    painter.setPen(palette.color(QPalette::Text));
    for (int i = 0; i < m_totalsLines.size(); ++i) {
        painter.setFont(i == 0 ? bold : font);
        painter.drawText(
            QRectF(m_totals.left(), m_totals.top() + i * m_line, m_size.width(), m_line),
            Qt::AlignLeft | Qt::AlignVCenter, m_totalsLines[i]);
    }
    painter.setFont(font);
}

} // namespace strata

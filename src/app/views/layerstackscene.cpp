#include "views/layerstackscene.h"

#include "analysis/dockerfile.h"
#include "common/datasize.h"
#include "source/imagesource.h"
#include "tree/layertree.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace strata {

namespace {

// In the logarithmic scale a block grows with log10 of its size in KiB, by this many lines per
// decade, so that a 70 MB layer is a few times taller than a 2 KB one instead of 35000 times.
constexpr qreal kLinesPerDecade = 1.5;

// Greedy word wrap of `text` to `width`; a word longer than a line is cut where it overflows.
QStringList wrapLines(const QString &text, const QFontMetricsF &metrics, qreal width)
{
    QStringList lines;
    QString current;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString candidate = current.isEmpty() ? word : current + QLatin1Char(' ') + word;
        if (metrics.horizontalAdvance(candidate) <= width) {
            current = candidate;
            continue;
        }
        if (!current.isEmpty())
            lines << current;
        current = word;
        while (current.size() > 1 && metrics.horizontalAdvance(current) > width) {
            qsizetype fits = 1;
            while (fits < current.size() &&
                   metrics.horizontalAdvance(current.left(fits + 1)) <= width)
                ++fits;
            lines << current.left(fits);
            current = current.mid(fits);
        }
    }
    if (!current.isEmpty() || lines.isEmpty())
        lines << current;
    return lines;
}

qreal logSize(qint64 bytes)
{
    return bytes > 0 ? std::log10(1.0 + double(bytes) / 1024.0) : 0.0;
}

} // namespace

void LayerStackScene::setImage(const ImageInfo &image)
{
    m_image = image;
    m_trees.clear();
    m_errors.clear();
    m_shades.clear();
    m_base = findBaseImage(image);
    rebuildLayers();
    rebuildItems();
}

void LayerStackScene::setLayerTrees(const std::vector<std::shared_ptr<const LayerTree>> &trees)
{
    m_trees = trees;
    rebuildLayers();
}

void LayerStackScene::setLayerErrors(const QStringList &errors)
{
    m_errors = errors;
    rebuildLayers();
}

void LayerStackScene::setLayerShades(const QList<double> &fractions)
{
    m_shades = fractions;
    rebuildLayers();
}

bool LayerStackScene::isStep(int historyIndex) const
{
    return itemOfStep(historyIndex) >= 0;
}

QFont LayerStackScene::boldFont() const
{
    QFont bold = m_font;
    bold.setBold(true);
    return bold;
}

QFont LayerStackScene::labelFont() const
{
    QFont italic = m_font;
    italic.setItalic(true);
    return italic;
}

// What the engine measured and listed, where an image layer shows its blob and history step.
void LayerStackScene::describeReadWriteLayer(const ContainerInfo &container, const LayerTree *tree,
                                             Layer *layer)
{
    layer->readWrite = true;
    if (container.sizeRw >= 0)
        layer->size = container.sizeRw; // docker ps -s: the engine's own measure
    layer->sizeText = formatDataSize(layer->size);
    layer->step = tree ? tr("container %1 (%2): %n path(s) changed", nullptr, int(tree->entryCount))
                             .arg(container.name, container.state)
                       : tr("container %1 (%2)").arg(container.name, container.state);
    layer->stepLines = {layer->step};
}

void LayerStackScene::rebuildLayers()
{
    const int count = int(m_image.layers.size());
    // Layers up to the one made by (or lying under) the last base step belong to the base.
    int baseTop = -1;
    if (m_base.lastStep >= 0)
        baseTop = std::clamp(m_image.history.at(m_base.lastStep).layer, -1, count - 1);

    m_layers.assign(size_t(count), Layer());
    for (int i = 0; i < count; ++i) {
        const LayerInfo &info = m_image.layers.at(i);
        const LayerTree *tree = size_t(i) < m_trees.size() ? m_trees[size_t(i)].get() : nullptr;
        Layer &layer = m_layers[size_t(i)];
        layer.size = layerDisplaySize(info, tree);
        layer.sizeText = formatDataSize(layer.size);
        layer.digest = shortDigest(info.diffId.isEmpty() ? info.blobDigest : info.diffId);
        if (info.historyIndex >= 0 && info.historyIndex < m_image.history.size()) {
            const HistoryEntry &step = m_image.history.at(info.historyIndex);
            layer.step = step.createdBy.simplified();
            layer.stepLines = dockerfileInstruction(step).split(QLatin1Char('\n'));
            for (QString &line : layer.stepLines) {
                line = line.simplified();
                if (line.endsWith(QLatin1String(" \\")))
                    line.chop(2);
            }
        } else {
            layer.step = tr("(the history does not say which step made it)");
            layer.stepLines = {layer.step};
        }
        if (tree) {
            layer.fileCount = tree->fileCount;
            if (tree->error.isError())
                layer.error = tree->error.message;
        }
        if (info.readWrite && m_image.container)
            describeReadWriteLayer(*m_image.container, tree, &layer);
        if (i < m_errors.size() && !m_errors.at(i).isEmpty())
            layer.error = m_errors.at(i);
        layer.shade = i < m_shades.size() ? std::clamp(m_shades.at(i), 0.0, 1.0) : 0.0;
        layer.base = i <= baseTop;
    }
    m_largestLayer = 0;
    for (const Layer &layer : m_layers)
        m_largestLayer = std::max(m_largestLayer, layer.size);
}

void LayerStackScene::rebuildItems()
{
    const int count = int(m_image.layers.size());
    QList<bool> producer(m_image.history.size(), false);
    for (const LayerInfo &layer : std::as_const(m_image.layers)) {
        if (layer.historyIndex >= 0 && layer.historyIndex < producer.size())
            producer[layer.historyIndex] = true;
    }
    // gaps[g] holds the steps drawn between layer g - 1 and layer g, oldest first.
    std::vector<std::vector<int>> gaps(size_t(count) + 1);
    for (int i = 0; i < m_image.history.size(); ++i) {
        if (!producer.at(i))
            gaps[size_t(std::clamp(m_image.history.at(i).layer, -1, count - 1) + 1)].push_back(i);
    }
    const int boundaryGap =
        m_base.lastStep >= 0
            ? std::clamp(m_image.history.at(m_base.lastStep).layer, -1, count - 1) + 1
            : -1;

    std::vector<Item> bottomFirst;
    auto addGap = [&](int gap) {
        bool boundaryPlaced = gap != boundaryGap;
        for (int step : gaps[size_t(gap)]) {
            if (!boundaryPlaced && step > m_base.lastStep) {
                bottomFirst.push_back({Kind::Boundary, m_base.lastStep, {}, {}, {}, {}, {}});
                boundaryPlaced = true;
            }
            bottomFirst.push_back({Kind::Step, step, {}, {}, {}, {}, {}});
        }
        if (!boundaryPlaced)
            bottomFirst.push_back({Kind::Boundary, m_base.lastStep, {}, {}, {}, {}, {}});
    };
    addGap(0);
    for (int i = 0; i < count; ++i) {
        bottomFirst.push_back({Kind::Layer, i, {}, {}, {}, {}, {}});
        addGap(i + 1);
    }
    // A real container's read-write layer is the top layer itself; an image gets the
    // illustration of the one `docker run` would add.
    if (!m_image.container)
        bottomFirst.push_back({Kind::Container, -1, {}, {}, {}, {}, {}});
    m_items.assign(bottomFirst.rbegin(), bottomFirst.rend());
    m_height = 0;
}

LayerStackScene::Metrics LayerStackScene::metricsFor(const QFont &font,
                                                     const QPaintDevice *device) const
{
    Metrics metrics;
    metrics.line = std::ceil(QFontMetricsF(font, device).height());
    metrics.pad = std::round(metrics.line * 0.3);
    metrics.gap = std::max<qreal>(2, std::round(metrics.line * 0.15));
    metrics.margin = std::round(metrics.line * 0.6);
    metrics.gutter = m_base.lastStep >= 0 ? std::round(metrics.line * 1.6) : 0;
    return metrics;
}

qint64 LayerStackScene::scaleReference() const
{
    return m_scaleReference > 0 ? m_scaleReference : largestLayerSize();
}

qreal LayerStackScene::itemHeight(const Item &item, const Metrics &metrics, qreal zoom,
                                  bool *notToScale) const
{
    // Below zoom 1 the thin rows shrink too, down to one line of text, so that fit() can show
    // a tall history in a short pane.
    auto thin = [&](qreal lines, qreal minimum) {
        return std::round(metrics.line * std::clamp(lines * zoom, minimum, lines));
    };
    switch (item.kind) {
    case Kind::Container:
        return thin(1.8, 1.2);
    case Kind::Boundary:
        return thin(1.4, 1.0);
    case Kind::Step:
        return thin(1.2, 1.0);
    case Kind::Layer: {
        // A minimum keeps an empty layer clickable and its size readable.
        const qreal minimum = metrics.line + metrics.pad;
        const qint64 size = std::max<qint64>(0, m_layers[size_t(item.index)].size);
        if (m_scale == HeightScale::Logarithmic) {
            const qreal natural =
                2 * metrics.line + 2 * metrics.pad + metrics.line * kLinesPerDecade * logSize(size);
            return std::round(std::max(minimum, natural * zoom));
        }
        const qint64 reference = scaleReference();
        const qreal natural = reference > 0 ? metrics.line * kProportionalLines * zoom *
                                                  qreal(size) / qreal(reference)
                                            : 0;
        if (notToScale)
            *notToScale = natural < minimum;
        // Not rounded: heights keep their ratios exactly, as a slide needs.
        return std::max(minimum, natural);
    }
    }
    return 0;
}

QString LayerStackScene::scaleNote() const
{
    return m_scale == HeightScale::Logarithmic
               ? tr("Block heights on a logarithmic scale: not proportional to the sizes")
               : QString();
}

qreal LayerStackScene::heightFor(const QFont &font, const QPaintDevice *device, qreal zoom) const
{
    const Metrics metrics = metricsFor(font, device);
    qreal height = 2 * metrics.margin + (scaleNote().isEmpty() ? 0 : metrics.line);
    for (const Item &item : m_items)
        height += itemHeight(item, metrics, zoom);
    return height + metrics.gap * qreal(std::max<qsizetype>(0, qsizetype(m_items.size()) - 1));
}

void LayerStackScene::layout(const QFont &font, const QPaintDevice *device, qreal width, qreal zoom)
{
    m_font = font;
    m_width = width;
    m_metrics = metricsFor(font, device);
    const Metrics &m = m_metrics;
    const qreal left = m.margin + m.gutter;
    const qreal right = std::max(left + m.line * 4, width - m.margin);
    qreal y = m.margin;
    m_noteRect = QRectF();
    if (!scaleNote().isEmpty()) {
        m_noteRect = QRectF(left, y, right - left, m.line);
        y += m.line;
    }
    for (Item &item : m_items) {
        item.notToScale = false;
        qreal height = itemHeight(item, m, zoom, &item.notToScale);
        const qreal indent = item.kind == Kind::Step ? m.line : 0;
        item.rect = QRectF(left + indent, y, right - left - indent, height);
        elide(item, device);
        if (m_wholeText) {
            const qreal needed = wrapWholeText(item, device);
            if (needed > height) {
                item.notToScale = item.notToScale || item.kind == Kind::Layer;
                height = needed;
                item.rect.setHeight(height);
            }
        }
        y += height + m.gap;
    }
    m_height = m_items.empty() ? 0 : y - m.gap + m.margin;
}

qreal LayerStackScene::wrapWholeText(Item &item, const QPaintDevice *device) const
{
    const QFontMetricsF plain(m_font, device);
    const qreal pad = m_metrics.pad;
    const qreal width = std::max<qreal>(m_metrics.line, item.rect.width() - 2 * pad);
    switch (item.kind) {
    case Kind::Layer: {
        const Layer &layer = m_layers[size_t(item.index)];
        item.bodyLines.clear();
        for (int i = 0; i < layer.stepLines.size(); ++i) {
            const QString indent = i > 0 ? QStringLiteral("    ") : QString();
            for (const QString &line :
                 wrapLines(layer.stepLines.at(i), plain, width - plain.horizontalAdvance(indent)))
                item.bodyLines << indent + line;
        }
        if (item.tail.isEmpty())
            item.tail = QFontMetricsF(m_font, device)
                            .elidedText(tr("layer %1 · %2").arg(item.index).arg(layer.digest),
                                        Qt::ElideRight, width / 2);
        return (1 + item.bodyLines.size()) * m_metrics.line + pad;
    }
    case Kind::Step: {
        const HistoryEntry &step = m_image.history.at(item.index);
        QString text = step.createdBy.simplified();
        if (!item.head.isEmpty() && text.startsWith(item.head))
            text = text.mid(item.head.size()).trimmed();
        const qreal headWidth =
            item.head.isEmpty() ? 0
                                : QFontMetricsF(boldFont(), device).horizontalAdvance(item.head) +
                                      plain.horizontalAdvance(QLatin1Char(' '));
        item.bodyLines = wrapLines(text, plain, width - m_metrics.line - headWidth);
        return std::max<qreal>(item.rect.height(), item.bodyLines.size() * m_metrics.line);
    }
    case Kind::Container:
    case Kind::Boundary:
        break;
    }
    return item.rect.height();
}

void LayerStackScene::elide(Item &item, const QPaintDevice *device) const
{
    const QFontMetricsF plain(m_font, device);
    const QFontMetricsF bold(boldFont(), device);
    const qreal pad = m_metrics.pad;
    const qreal textWidth = std::max<qreal>(0, item.rect.width() - 2 * pad);
    switch (item.kind) {
    case Kind::Container:
        item.head = QFontMetricsF(labelFont(), device)
                        .elidedText(tr("container layer (read-write), added by docker run"),
                                    Qt::ElideRight, textWidth);
        break;
    case Kind::Boundary:
        item.head =
            QFontMetricsF(labelFont(), device)
                .elidedText(m_base.name.isEmpty() ? tr("base image ends here")
                                                  : tr("base image %1 ends here").arg(m_base.name),
                            Qt::ElideRight, textWidth);
        break;
    case Kind::Step: {
        const HistoryEntry &step = m_image.history.at(item.index);
        QString text = step.createdBy.simplified();
        if (text.isEmpty())
            text = tr("(no command recorded)");
        QString keyword = step.instruction;
        if (!keyword.isEmpty() && text.startsWith(keyword))
            text = text.mid(keyword.size()).trimmed();
        else
            keyword.clear();
        const qreal markerWidth = m_metrics.line;
        item.head = keyword;
        const qreal headWidth = keyword.isEmpty() ? 0
                                                  : bold.horizontalAdvance(keyword) +
                                                        plain.horizontalAdvance(QLatin1Char(' '));
        item.body = plain.elidedText(text, Qt::ElideRight,
                                     std::max<qreal>(0, textWidth - markerWidth - headWidth));
        break;
    }
    case Kind::Layer: {
        const Layer &layer = m_layers[size_t(item.index)];
        item.head = layer.sizeText;
        const qreal headWidth = bold.horizontalAdvance(item.head) + m_metrics.line;
        const QString tail =
            !layer.error.isEmpty() ? tr("damaged · layer %1 · %2").arg(item.index).arg(layer.digest)
            : layer.readWrite      ? tr("layer %1 · read-write").arg(item.index)
                                   : tr("layer %1 · %2").arg(item.index).arg(layer.digest);
        const int lines = int((item.rect.height() - pad) / m_metrics.line);
        item.bodyLines.clear();
        if (lines >= 2) {
            item.tail =
                plain.elidedText(tail, Qt::ElideRight, std::max<qreal>(0, textWidth - headWidth));
            item.body.clear();
            // Continuation lines are indented as in the Dockerfile; the last one that fits
            // ends in an ellipsis when the step has more.
            const int available = lines - 1;
            for (int i = 0; i < layer.stepLines.size() && i < available; ++i) {
                QString text =
                    i > 0 ? QStringLiteral("    ") + layer.stepLines.at(i) : layer.stepLines.at(i);
                if (i == available - 1 && i + 1 < layer.stepLines.size())
                    text += QStringLiteral(" \u2026");
                item.bodyLines << plain.elidedText(text, Qt::ElideRight, textWidth);
            }
        } else {
            item.tail.clear();
            item.body = plain.elidedText(layer.step, Qt::ElideRight,
                                         std::max<qreal>(0, textWidth - headWidth));
        }
        break;
    }
    }
}

int LayerStackScene::itemAt(const QPointF &point) const
{
    for (size_t i = 0; i < m_items.size(); ++i) {
        const QRectF &rect = m_items[i].rect;
        // Steps and the boundary are thin: accept the whole row, gutter excluded.
        const QRectF row(m_metrics.margin + m_metrics.gutter, rect.top(), m_width, rect.height());
        if ((m_items[i].kind == Kind::Layer ? rect : row).contains(point))
            return int(i);
    }
    return -1;
}

int LayerStackScene::itemOfLayer(int layer) const
{
    for (size_t i = 0; i < m_items.size(); ++i) {
        if (m_items[i].kind == Kind::Layer && m_items[i].index == layer)
            return int(i);
    }
    return -1;
}

int LayerStackScene::itemOfStep(int historyIndex) const
{
    for (size_t i = 0; i < m_items.size(); ++i) {
        if (m_items[i].kind == Kind::Step && m_items[i].index == historyIndex)
            return int(i);
    }
    return -1;
}

} // namespace strata

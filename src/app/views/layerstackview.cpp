#include "views/layerstackview.h"

#include "common/datasize.h"
#include "source/imagesource.h"
#include "tree/layertree.h"
#include "views/layerstackpainter.h"
#include "views/stackheightscale.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHelpEvent>
#include <QImage>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QSvgGenerator>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace strata {

namespace {

constexpr int kToolTipTextLimit = 400;

QString clipped(const QString &text)
{
    return text.size() > kToolTipTextLimit ? text.left(kToolTipTextLimit) + QChar(0x2026) : text;
}

} // namespace

LayerStackView::LayerStackView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("layerStackView"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::MinimumExpanding);
    setAccessibleName(tr("Layer stack"));
    m_scene.setImage(ImageInfo());
    m_scene.setHeightScale(StackHeightScale::instance().logarithmic()
                               ? LayerStackScene::HeightScale::Logarithmic
                               : LayerStackScene::HeightScale::Proportional);
    connect(&StackHeightScale::instance(), &StackHeightScale::changed, this,
            [this](bool logarithmic) {
                m_scene.setHeightScale(logarithmic ? LayerStackScene::HeightScale::Logarithmic
                                                   : LayerStackScene::HeightScale::Proportional);
                relayout();
                fit();
            });
    relayout();
}

void LayerStackView::setScaleReference(qint64 bytes)
{
    if (bytes == m_scene.scaleReference())
        return;
    m_scene.setScaleReference(bytes);
    relayout();
}

qint64 LayerStackView::largestLayerSize() const
{
    return m_scene.largestLayerSize();
}

bool LayerStackView::isToScale(int layer) const
{
    const int item = m_scene.itemOfLayer(layer);
    return item >= 0 && !m_scene.items()[size_t(item)].notToScale;
}

LayerStackView::~LayerStackView() = default;

void LayerStackView::setImage(const ImageInfo &image)
{
    m_scene.setImage(image);
    m_currentItem = -1;
    m_hoverItem = -1;
    m_shadeMeaning.clear();
    dataChanged();
}

void LayerStackView::clear()
{
    setImage(ImageInfo());
}

void LayerStackView::setLayerTrees(const std::vector<std::shared_ptr<const LayerTree>> &trees)
{
    m_scene.setLayerTrees(trees);
    dataChanged();
}

void LayerStackView::setLayerErrors(const QStringList &errors)
{
    m_scene.setLayerErrors(errors);
    dataChanged();
}

void LayerStackView::setLayerShades(const QList<double> &fractions, const QString &meaning)
{
    m_scene.setLayerShades(fractions);
    m_shadeMeaning = meaning;
    dataChanged();
}

int LayerStackView::layerCount() const
{
    return m_scene.layerCount();
}

int LayerStackView::currentLayer() const
{
    if (m_currentItem < 0)
        return -1;
    const LayerStackScene::Item &item = m_scene.items()[size_t(m_currentItem)];
    return item.kind == LayerStackScene::Kind::Layer ? item.index : -1;
}

int LayerStackView::currentStep() const
{
    if (m_currentItem < 0)
        return -1;
    const LayerStackScene::Item &item = m_scene.items()[size_t(m_currentItem)];
    if (item.kind == LayerStackScene::Kind::Step)
        return item.index;
    return m_scene.image().layers.at(item.index).historyIndex;
}

QRect LayerStackView::layerRect(int layer) const
{
    const int item = m_scene.itemOfLayer(layer);
    if (item < 0)
        return {};
    return m_scene.items()[size_t(item)].rect.translated(0, offsetY()).toAlignedRect();
}

QRect LayerStackView::containerRect() const
{
    for (const LayerStackScene::Item &item : m_scene.items()) {
        if (item.kind == LayerStackScene::Kind::Container)
            return item.rect.translated(0, offsetY()).toAlignedRect();
    }
    return {};
}

QRect LayerStackView::stepRect(int historyIndex) const
{
    const int item = m_scene.itemOfStep(historyIndex);
    if (item < 0)
        return {};
    return m_scene.items()[size_t(item)].rect.translated(0, offsetY()).toAlignedRect();
}

QSize LayerStackView::sizeHint() const
{
    const qreal line = m_scene.metrics().line;
    return {int(line * 30), int(std::ceil(m_scene.heightFor(font(), this, m_zoom.value())))};
}

QSize LayerStackView::minimumSizeHint() const
{
    // The full height: inside a resizable QScrollArea this is what makes it scroll.
    const qreal line = m_scene.metrics().line;
    return {int(line * 14), int(std::ceil(m_scene.heightFor(font(), this, m_zoom.value())))};
}

void LayerStackView::setCurrentLayer(int layer)
{
    setCurrentItem(m_scene.itemOfLayer(layer));
}

void LayerStackView::setCurrentStep(int historyIndex)
{
    const QList<LayerInfo> &layers = m_scene.image().layers;
    for (int i = 0; i < layers.size(); ++i) {
        if (historyIndex >= 0 && layers.at(i).historyIndex == historyIndex) {
            setCurrentItem(m_scene.itemOfLayer(i));
            return;
        }
    }
    setCurrentItem(m_scene.itemOfStep(historyIndex));
}

void LayerStackView::setZoom(qreal zoom)
{
    if (!m_zoom.set(zoom))
        return;
    relayout();
    updateGeometry();
    ensureCurrentVisible();
    Q_EMIT zoomChanged(m_zoom.value());
}

void LayerStackView::zoomIn()
{
    setZoom(m_zoom.stepIn());
}

void LayerStackView::zoomOut()
{
    setZoom(m_zoom.stepOut());
}

void LayerStackView::fit()
{
    const QScrollArea *area = scrollArea();
    const qreal available = area ? area->viewport()->height() : height();
    qreal low = kMinZoom;
    qreal high = kMaxZoom;
    if (m_scene.heightFor(font(), this, high) <= available) {
        setZoom(high);
        return;
    }
    for (int i = 0; i < 24; ++i) {
        const qreal middle = (low + high) / 2;
        (m_scene.heightFor(font(), this, middle) <= available ? low : high) = middle;
    }
    setZoom(low);
}

namespace {
// Slides are drawn at 96 dots per inch in an 11-point font, whatever the screen says.
constexpr int kSlideDpi = 96;
constexpr qreal kSlidePointSize = 11;

QImage slideDevice(const QSize &pixels, qreal scale)
{
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    const int dotsPerMeter = int(std::lround(kSlideDpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    return image;
}
} // namespace

LayerStackScene LayerStackView::slideScene(const QPaintDevice *device, int width) const
{
    LayerStackScene scene = m_scene;
    scene.setWholeText(true);
    QFont font = this->font();
    font.setPointSizeF(kSlidePointSize);
    scene.layout(font, device, width, 1.0);
    return scene;
}

QSize LayerStackView::slideSize(int width) const
{
    const QImage measure = slideDevice(QSize(1, 1), 1.0);
    return {width, int(std::ceil(slideScene(&measure, width).height()))};
}

void LayerStackView::paintSlide(QPainter &painter, const LayerStackScene &scene) const
{
    painter.fillRect(QRectF(0, 0, scene.width(), scene.height()), palette().color(QPalette::Base));
    paintLayerStack(painter, scene, palette(), LayerStackPaintState{});
}

QImage LayerStackView::renderSlide(qreal scale, int width) const
{
    // Laid out once: the image has the measuring device's resolution, only more pixels.
    const QImage measure = slideDevice(QSize(1, 1), 1.0);
    const LayerStackScene scene = slideScene(&measure, width);
    QImage image = slideDevice(
        QSize(int(std::ceil(width * scale)), int(std::ceil(std::ceil(scene.height()) * scale))),
        scale);
    image.fill(palette().color(QPalette::Base));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    paintSlide(painter, scene);
    painter.end();
    return image;
}

bool LayerStackView::exportPng(const QString &path, qreal scale, int width) const
{
    return renderSlide(scale, width).save(path, "PNG");
}

bool LayerStackView::exportSvg(const QString &path, int width) const
{
    const QImage measure = slideDevice(QSize(1, 1), 1.0);
    const LayerStackScene scene = slideScene(&measure, width);
    const QSize size(width, int(std::ceil(scene.height())));
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(), size));
    generator.setResolution(kSlideDpi);
    generator.setTitle(tr("Layers of %1").arg(m_scene.image().displayName()));
    generator.setDescription(tr("The layer stack of a container image, drawn by Strata"));
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    paintSlide(painter, scene);
    if (!painter.end())
        return false;
    return QFileInfo(path).size() > 0;
}

void LayerStackView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    painter.translate(0, offsetY());
    LayerStackPaintState state;
    state.currentItem = m_currentItem;
    state.hoverItem = m_hoverItem;
    state.focused = hasFocus();
    paintLayerStack(painter, m_scene, palette(), state);
}

void LayerStackView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
    // A zoom or a font change resizes the widget only once the scroll area lays it out again:
    // that is when the current block can be scrolled into view at its new place.
    if (event->oldSize().height() != event->size().height())
        ensureCurrentVisible();
}

void LayerStackView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const int item = itemAt(event->position().toPoint());
    if (item < 0)
        return;
    const LayerStackScene::Kind kind = m_scene.items()[size_t(item)].kind;
    if (kind == LayerStackScene::Kind::Layer || kind == LayerStackScene::Kind::Step)
        setCurrentItem(item);
    else if (kind == LayerStackScene::Kind::Container)
        emit containerLayerClicked();
}

void LayerStackView::mouseMoveEvent(QMouseEvent *event)
{
    int item = itemAt(event->position().toPoint());
    if (item >= 0) {
        const LayerStackScene::Kind kind = m_scene.items()[size_t(item)].kind;
        if (kind != LayerStackScene::Kind::Layer && kind != LayerStackScene::Kind::Step &&
            kind != LayerStackScene::Kind::Container)
            item = -1;
    }
    if (item != m_hoverItem) {
        m_hoverItem = item;
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void LayerStackView::leaveEvent(QEvent *event)
{
    if (m_hoverItem >= 0) {
        m_hoverItem = -1;
        update();
    }
    QWidget::leaveEvent(event);
}

void LayerStackView::keyPressEvent(QKeyEvent *event)
{
    const int top = layerCount() - 1;
    switch (event->key()) {
    case Qt::Key_Up:
        moveCurrent(+1);
        break;
    case Qt::Key_Down:
        moveCurrent(-1);
        break;
    case Qt::Key_Home: // the top of the drawing, as in a list
        setCurrentLayer(top);
        break;
    case Qt::Key_End:
        setCurrentLayer(0);
        break;
    case Qt::Key_PageUp:
        pageCurrent(+1);
        break;
    case Qt::Key_PageDown:
        pageCurrent(-1);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void LayerStackView::wheelEvent(QWheelEvent *event)
{
    const qreal zoom = m_zoom.forWheel(event);
    if (zoom <= 0) {
        event->ignore(); // the scroll area scrolls
        return;
    }
    setZoom(zoom);
    event->accept();
}

void LayerStackView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
        relayout();
        updateGeometry();
        break;
    case QEvent::PaletteChange:
        update();
        break;
    default:
        break;
    }
}

void LayerStackView::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    update();
}

void LayerStackView::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    update();
}

bool LayerStackView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int item = itemAt(help->pos());
        const QString text = toolTipFor(item);
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            const QRect area =
                m_scene.items()[size_t(item)].rect.translated(0, offsetY()).toAlignedRect();
            QToolTip::showText(help->globalPos(), text, this, area);
        }
        return true;
    }
    return QWidget::event(event);
}

void LayerStackView::relayout()
{
    m_scene.layout(font(), this, width(), m_zoom.value());
    update();
}

void LayerStackView::dataChanged()
{
    relayout();
    updateGeometry();
}

qreal LayerStackView::offsetY() const
{
    return std::max<qreal>(0, height() - m_scene.height());
}

int LayerStackView::itemAt(const QPoint &pos) const
{
    return m_scene.itemAt(QPointF(pos) - QPointF(0, offsetY()));
}

void LayerStackView::setCurrentItem(int item)
{
    if (item == m_currentItem)
        return;
    m_currentItem = item;
    update();
    if (item < 0)
        return;
    ensureCurrentVisible();
    const LayerStackScene::Item &current = m_scene.items()[size_t(item)];
    if (current.kind == LayerStackScene::Kind::Layer) {
        Q_EMIT layerSelected(current.index);
        const int step = m_scene.image().layers.at(current.index).historyIndex;
        if (step >= 0)
            Q_EMIT stepSelected(step);
    } else if (current.kind == LayerStackScene::Kind::Step) {
        Q_EMIT stepSelected(current.index);
    }
}

void LayerStackView::moveCurrent(int layerDelta)
{
    const int count = layerCount();
    if (count == 0)
        return;
    int target;
    const int layer = currentLayer();
    if (layer >= 0) {
        target = layer + layerDelta;
    } else if (m_currentItem >= 0) {
        // From an empty step: the layer just above or just below it.
        const int below =
            std::clamp(m_scene.image().history.at(currentStep()).layer, -1, count - 1);
        target = layerDelta > 0 ? below + 1 : below;
    } else {
        target = layerDelta > 0 ? 0 : count - 1;
    }
    setCurrentLayer(std::clamp(target, 0, count - 1));
}

void LayerStackView::pageCurrent(int direction)
{
    const int count = layerCount();
    const int layer = currentLayer();
    if (count == 0 || layer < 0) {
        moveCurrent(direction);
        return;
    }
    const QScrollArea *area = scrollArea();
    const qreal page = 0.9 * (area ? area->viewport()->height() : height());
    const qreal start = layerRect(layer).center().y();
    int target = std::clamp(layer + direction, 0, count - 1);
    for (int next = target + direction; next >= 0 && next < count; next += direction) {
        if (std::abs(layerRect(next).center().y() - start) > page)
            break;
        target = next;
    }
    setCurrentLayer(target);
}

void LayerStackView::ensureCurrentVisible()
{
    QScrollArea *area = scrollArea();
    if (!area || m_currentItem < 0)
        return;
    const QRect rect =
        m_scene.items()[size_t(m_currentItem)].rect.translated(0, offsetY()).toAlignedRect();
    const int margin =
        std::min(rect.height() / 2 + int(m_scene.metrics().line), area->viewport()->height() / 2);
    area->ensureVisible(rect.center().x(), rect.center().y(), 0, margin);
}

QScrollArea *LayerStackView::scrollArea() const
{
    QWidget *viewport = parentWidget();
    return viewport ? qobject_cast<QScrollArea *>(viewport->parentWidget()) : nullptr;
}

QString LayerStackView::toolTipFor(int item) const
{
    if (item < 0)
        return {};
    const LayerStackScene::Item &it = m_scene.items()[size_t(item)];
    switch (it.kind) {
    case LayerStackScene::Kind::Layer:
        return layerToolTip(it.index);
    case LayerStackScene::Kind::Step:
        return stepToolTip(it.index);
    case LayerStackScene::Kind::Container:
        return tr(
            "<b>Container layer (read-write)</b><br>"
            "This layer is not in the image. When you start a container (<code>docker run</code>), "
            "it gets a thin writable layer on top of these read-only layers: files the container "
            "creates, changes or deletes live there, copied up from below on first write. The "
            "image's "
            "layers never change, which is why many containers can share them. The writable layer "
            "is "
            "lost when the container is removed, unless it is saved with <code>docker "
            "commit</code>.<br>Click it to see the containers of this image.");
    case LayerStackScene::Kind::Boundary:
        return baseImageToolTip(m_scene.baseImage());
    }
    return {};
}

QString LayerStackView::baseImageToolTip(const BaseImage &base)
{
    switch (base.evidence) {
    case BaseImage::Evidence::Annotation:
    case BaseImage::Evidence::HistoryComment: {
        QString text = tr("<b>Base image %1</b><br>").arg(base.name.toHtmlEscaped());
        if (!base.digest.isEmpty())
            text += tr("Digest: %1<br>").arg(base.digest.toHtmlEscaped());
        text += base.evidence == BaseImage::Evidence::Annotation
                    ? tr("The image's manifest names it (org.opencontainers.image.base.name). The "
                         "layers and steps below are that image's: this image was built on them.")
                    : tr("The builder (buildah, podman build) recorded <code>FROM %1</code> on "
                         "the first step of this image's own build: the layers and steps below "
                         "are the base's.")
                          .arg(base.name.toHtmlEscaped());
        return text;
    }
    case BaseImage::Evidence::Heuristic:
    case BaseImage::Evidence::None:
        break;
    }
    return tr("<b>Base image</b><br>"
              "The layers and steps below probably come from the image named in <code>FROM</code>. "
              "A history does not record FROM, so this is a guess: the step below is a CMD or "
              "ENTRYPOINT (how base images end) followed by a step made much later, or the "
              "builder that wrote the history changes here.");
}

QString LayerStackView::layerToolTip(int index) const
{
    const LayerStackScene::Layer &layer = m_scene.layer(index);
    const LayerInfo &info = m_scene.image().layers.at(index);
    if (layer.readWrite && m_scene.image().container)
        return readWriteLayerToolTip(*m_scene.image().container, layer);
    QStringList lines;
    QString title = tr("<b>Layer %1</b> of %2").arg(index).arg(layerCount());
    if (m_scene.hasBoundary())
        title += QStringLiteral(" \u2014 ") +
                 (layer.base ? tr("from the base image") : tr("this image's own"));
    lines << title;
    lines << QStringLiteral("<code>") + clipped(layer.step).toHtmlEscaped() +
                 QStringLiteral("</code>");
    lines << tr("Size: %1").arg(formatDataSize(layer.size));
    if (info.blobSize >= 0) {
        QString stored = formatDataSize(info.blobSize);
        if (!info.compression.isEmpty())
            stored = tr("%1 (%2)").arg(stored, info.compression);
        lines << tr("Stored in the archive: %1").arg(stored);
    }
    if (layer.fileCount >= 0)
        lines << tr("Files: %1").arg(QLocale().toString(layer.fileCount));
    if (!info.diffId.isEmpty())
        lines << tr("diff_id: %1").arg(info.diffId);
    if (layer.shade > 0 && !m_shadeMeaning.isEmpty())
        lines << tr("%1: %2%").arg(m_shadeMeaning.toHtmlEscaped(),
                                   QLocale().toString(layer.shade * 100, 'f', 0));
    if (!layer.error.isEmpty())
        lines << QStringLiteral("<b>") + tr("Damaged: %1").arg(layer.error.toHtmlEscaped()) +
                     QStringLiteral("</b>");
    lines << tr("A read-only layer: every container of this image shares it and none changes it.");
    const int item = m_scene.itemOfLayer(index);
    if (item >= 0 && m_scene.items()[size_t(item)].notToScale)
        lines << QStringLiteral("<i>") +
                     tr("Not to scale: drawn taller than its size, so that it can be read.") +
                     QStringLiteral("</i>");
    return lines.join(QStringLiteral("<br>"));
}

QString LayerStackView::readWriteLayerToolTip(const ContainerInfo &container,
                                              const LayerStackScene::Layer &layer) const
{
    QStringList lines;
    lines << tr("<b>Container %1: its read-write layer</b>").arg(container.name.toHtmlEscaped());
    lines << tr("State: %1").arg(container.state.toHtmlEscaped());
    lines << tr("Written: %1, as the engine measures it (<code>docker ps -s</code>)")
                 .arg(formatDataSize(container.sizeRw));
    if (container.sizeRootFs >= 0)
        lines << tr("With the image's layers: %1 (virtual size)")
                     .arg(formatDataSize(container.sizeRootFs));
    if (layer.fileCount >= 0)
        lines << tr("Files written: %1").arg(QLocale().toString(layer.fileCount));
    lines << tr("<i>The layers below are the image's, read-only and shared with every container "
                "of it. What the container creates, changes or deletes lands here (a changed "
                "file is copied up whole); the tree shows it as this layer's changes.</i>");
    return lines.join(QStringLiteral("<br>"));
}

QString LayerStackView::stepToolTip(int historyIndex) const
{
    const HistoryEntry &step = m_scene.image().history.at(historyIndex);
    QStringList lines;
    lines << tr("<b>Step %1</b> (no layer)").arg(historyIndex + 1);
    lines << QStringLiteral("<code>") + clipped(step.createdBy).toHtmlEscaped() +
                 QStringLiteral("</code>");
    const QDateTime created = QDateTime::fromString(step.created, Qt::ISODateWithMs);
    if (created.isValid())
        lines << tr("Created: %1")
                     .arg(QLocale().toString(created.toLocalTime(), QLocale::LongFormat));
    if (!step.comment.isEmpty())
        lines << tr("Comment: %1").arg(step.comment.toHtmlEscaped());
    lines << tr("<i>This step changed no files, so it made no layer: it only set metadata in the "
                "image's configuration.</i>");
    return lines.join(QStringLiteral("<br>"));
}

} // namespace strata

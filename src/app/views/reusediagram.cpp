#include "views/reusediagram.h"

#include "views/stackheightscale.h"

#include <QContextMenuEvent>
#include <QFileInfo>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QSvgGenerator>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace strata {

namespace {
}

ReuseDiagram::ReuseDiagram(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setAccessibleName(tr("Layer reuse diagram"));
    // The same choice of scale as every layer stack (View > Logarithmic Block Heights).
    m_scene.setLogarithmic(StackHeightScale::instance().logarithmic());
    connect(&StackHeightScale::instance(), &StackHeightScale::changed, this, [this](bool log) {
        m_scene.setLogarithmic(log);
        relayout();
        updateGeometry();
    });
}

void ReuseDiagram::setAnalysis(const ReuseAnalysis &analysis)
{
    const int images = int(analysis.images.size());
    m_scene.setAnalysis(analysis);
    // Keep the selection when it still points at something (the analysis is redone whenever a
    // layer finishes reading or a container changes; indexes of existing items stay).
    const ReuseScene::Hit hit = m_selection.current;
    const size_t count = hit.kind == ReuseScene::Kind::Layer       ? analysis.layers.size()
                         : hit.kind == ReuseScene::Kind::Container ? analysis.containers.size()
                                                                   : analysis.images.size();
    if (hit.index >= 0 && size_t(hit.index) >= count)
        m_selection.current = {};
    if (m_selection.image >= images)
        m_selection.image = -1;
    if (m_selection.image < 0 && images > 0)
        m_selection.image = analysis.columns.value(0, 0);
    relayout();
    updateGeometry();
}

QSize ReuseDiagram::sizeHint() const
{
    return m_scene.size().toSize().expandedTo(QSize(200, 200));
}

QSize ReuseDiagram::minimumSizeHint() const
{
    return m_scene.size().toSize();
}

void ReuseDiagram::relayout()
{
    m_scene.layout(font(), this, m_zoom.value());
    update();
}

int ReuseDiagram::imageOf(const ReuseScene::Hit &hit) const
{
    const ReuseAnalysis &a = m_scene.analysis();
    if (!hit.valid())
        return -1;
    switch (hit.kind) {
    case ReuseScene::Kind::Layer: {
        const QList<int> &images = a.layers[size_t(hit.index)].images;
        // Stay in the image already selected when it uses this layer.
        return images.contains(m_selection.image) ? m_selection.image : images.value(0, -1);
    }
    case ReuseScene::Kind::Container:
        return a.containers[size_t(hit.index)].image;
    case ReuseScene::Kind::Image:
        return hit.index;
    }
    return -1;
}

void ReuseDiagram::setCurrent(ReuseScene::Hit hit)
{
    select(hit, imageOf(hit));
}

void ReuseDiagram::select(ReuseScene::Hit hit, int image)
{
    if (hit.kind == m_selection.current.kind && hit.index == m_selection.current.index &&
        (image < 0 || image == m_selection.image))
        return;
    m_selection.current = hit;
    if (image >= 0)
        m_selection.image = image;
    update();
    Q_EMIT currentChanged(hit);
}

void ReuseDiagram::setCurrentImage(int image)
{
    if (image < 0 || size_t(image) >= m_scene.analysis().images.size())
        return;
    setCurrent({ReuseScene::Kind::Image, image});
}

void ReuseDiagram::setZoom(qreal zoom)
{
    if (!m_zoom.set(zoom))
        return;
    relayout();
    updateGeometry();
    Q_EMIT zoomChanged(m_zoom.value());
}

void ReuseDiagram::zoomIn()
{
    setZoom(m_zoom.stepIn());
}

void ReuseDiagram::zoomOut()
{
    setZoom(m_zoom.stepOut());
}

void ReuseDiagram::wheelEvent(QWheelEvent *event)
{
    const qreal zoom = m_zoom.forWheel(event);
    if (zoom <= 0) {
        event->ignore(); // the scroll area scrolls
        return;
    }
    setZoom(zoom);
    event->accept();
}

void ReuseDiagram::fit(qreal maxZoom)
{
    const QWidget *viewport = parentWidget(); // the scroll area's viewport when in one
    const QSizeF available = viewport ? QSizeF(viewport->size()) : QSizeF(size());
    // The scene grows about linearly with the zoom (it scales the font); two rounds settle it.
    for (int round = 0; round < 2; ++round) {
        const QSizeF needed = m_scene.size();
        if (needed.isEmpty())
            return;
        const qreal factor =
            std::min(available.width() / needed.width(), available.height() / needed.height());
        setZoom(std::min(maxZoom, m_zoom.value() * factor * 0.98));
    }
}

void ReuseDiagram::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    m_scene.paint(painter, palette(), m_selection);
}

void ReuseDiagram::mousePressEvent(QMouseEvent *event)
{
    const ReuseScene::Hit hit = m_scene.hitAt(event->position());
    if (hit.valid())
        setCurrent(hit);
    QWidget::mousePressEvent(event);
}

void ReuseDiagram::contextMenuEvent(QContextMenuEvent *event)
{
    const int image = imageOf(m_scene.hitAt(event->pos()));
    if (image < 0)
        return;
    QMenu menu(this);
    menu.addAction(tr("Add Container on %1").arg(m_scene.analysis().images[size_t(image)].name),
                   this, [this, image] { Q_EMIT addContainerRequested(image); });
    menu.exec(event->globalPos());
}

// Up and Down walk the selected image's stack (containers above its top layer), Left and
// Right move to the neighbouring image at the same height.
void ReuseDiagram::moveVertically(int step)
{
    const ReuseAnalysis &a = m_scene.analysis();
    if (m_selection.image < 0)
        return;
    const ReuseImage &image = a.images[size_t(m_selection.image)];
    QList<ReuseScene::Hit> stack;
    for (int layer : image.layers)
        stack << ReuseScene::Hit{ReuseScene::Kind::Layer, layer};
    for (int container : image.containers)
        stack << ReuseScene::Hit{ReuseScene::Kind::Container, container};
    if (stack.isEmpty())
        return;
    int at = -1;
    for (int i = 0; i < stack.size(); ++i) {
        if (stack[i].kind == m_selection.current.kind &&
            stack[i].index == m_selection.current.index)
            at = i;
    }
    at = at < 0 ? (step > 0 ? 0 : int(stack.size()) - 1)
                : std::clamp(at + step, 0, int(stack.size()) - 1);
    setCurrent(stack[at]);
}

void ReuseDiagram::moveHorizontally(int step)
{
    const ReuseAnalysis &a = m_scene.analysis();
    if (a.columns.isEmpty())
        return;
    const int column = m_selection.image >= 0 ? a.images[size_t(m_selection.image)].column : 0;
    const int next = a.columns.value(std::clamp(column + step, 0, int(a.columns.size()) - 1));
    const ReuseScene::Hit hit = m_selection.current;
    if (hit.kind == ReuseScene::Kind::Layer) {
        const int position = a.layers[size_t(hit.index)].position;
        const QList<int> &layers = a.images[size_t(next)].layers;
        select(
            {ReuseScene::Kind::Layer, layers.value(std::min(position, int(layers.size()) - 1), -1)},
            next);
        return;
    }
    setCurrentImage(next);
}

void ReuseDiagram::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Up:
        moveVertically(1);
        break;
    case Qt::Key_Down:
        moveVertically(-1);
        break;
    case Qt::Key_Left:
        moveHorizontally(-1);
        break;
    case Qt::Key_Right:
        moveHorizontally(1);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool ReuseDiagram::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const ReuseScene::Hit hit = m_scene.hitAt(help->pos());
        if (!hit.valid()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), m_scene.toolTip(hit), this);
        }
        return true;
    }
    return QWidget::event(event);
}

void ReuseDiagram::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        relayout();
        updateGeometry();
    }
}

QImage ReuseDiagram::renderImage() const
{
    const QSize size = m_scene.size().toSize();
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    // The screen's resolution, so that fonts measure as they did in layout().
    image.setDotsPerMeterX(int(std::lround(logicalDpiX() / 0.0254)));
    image.setDotsPerMeterY(int(std::lround(logicalDpiY() / 0.0254)));
    image.fill(palette().color(QPalette::Base));
    QPainter painter(&image);
    m_scene.paint(painter, palette(), m_selection);
    painter.end();
    return image;
}

bool ReuseDiagram::exportPng(const QString &path) const
{
    return renderImage().save(path, "PNG");
}

bool ReuseDiagram::exportSvg(const QString &path) const
{
    const QSize size = m_scene.size().toSize();
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(), size));
    generator.setResolution(logicalDpiY());
    generator.setTitle(tr("Layer reuse"));
    generator.setDescription(tr("Container image layers shared between images, drawn by Strata"));
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    painter.fillRect(QRect(QPoint(), size), palette().color(QPalette::Base));
    m_scene.paint(painter, palette(), m_selection);
    if (!painter.end())
        return false;
    return QFileInfo(path).size() > 0;
}

} // namespace strata

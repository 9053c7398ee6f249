#pragma once

#include "views/diagramzoom.h"
#include "views/layerstackscene.h"

#include <QWidget>

#include <memory>
#include <vector>

class QScrollArea;

namespace strata {

struct ImageInfo;
struct LayerTree;

// The image's layers as a stack of blocks, the bottom layer at the bottom, each as tall as
// the log of its size; the history's empty steps (ENV, CMD...) as thin markers between them;
// the base image's layers set apart when the history tells where it ends; and the container's
// read-write layer on top. Meant to live in a QScrollArea with widgetResizable set.
class LayerStackView final : public QWidget
{
    Q_OBJECT

public:
    explicit LayerStackView(QWidget *parent = nullptr);
    ~LayerStackView() override;

    void setImage(const ImageInfo &image);
    void clear();
    // Per-layer results of indexing (sizes of the files, file counts, read errors); trees may
    // be null for layers not read yet.
    void setLayerTrees(const std::vector<std::shared_ptr<const LayerTree>> &trees);
    // One message per layer; a non-empty one marks that layer as damaged.
    void setLayerErrors(const QStringList &errors);
    // A fraction 0..1 per layer, drawn as a band from the block's right edge; `meaning` names
    // it in tooltips ("wasted bytes").
    void setLayerShades(const QList<double> &fractions, const QString &meaning = {});
    // Stacks shown together measure their blocks against one size (the largest layer of
    // them all), so that the same height means the same bytes; 0: this image's largest.
    void setScaleReference(qint64 bytes);
    qint64 largestLayerSize() const;
    // False for a block drawn at the minimum height (and marked so): taller than its size.
    bool isToScale(int layer) const;

    int layerCount() const;
    int currentLayer() const; // -1 when none, or when an empty step is current
    int currentStep() const;  // history index of the current layer or step, -1 when none
    qreal zoom() const { return m_zoom.value(); }

    // Where a layer block or a step marker is drawn, in widget coordinates; empty if nowhere.
    QRect layerRect(int layer) const;
    QRect stepRect(int historyIndex) const;
    // The read-write layer drawn on top of an image; empty for a container.
    QRect containerRect() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // For slides: the whole stack, not only what is scrolled into view, at a width and a text
    // size of its own whatever the screen, the window or the zoom, every step's whole text,
    // nothing selected. A PNG has `scale` pixels per point of the drawing (2: sharp on a
    // projector); an SVG is `width` points wide.
    static constexpr int kSlideWidth = 960;
    QSize slideSize(int width = kSlideWidth) const;
    QImage renderSlide(qreal scale = 2.0, int width = kSlideWidth) const;
    bool exportPng(const QString &path, qreal scale = 2.0, int width = kSlideWidth) const;
    bool exportSvg(const QString &path, int width = kSlideWidth) const;

    static constexpr qreal kMinZoom = 0.2;
    static constexpr qreal kMaxZoom = 8.0;

public Q_SLOTS:
    void setCurrentLayer(int layer);
    void setCurrentStep(int historyIndex);
    void setZoom(qreal zoom);
    void zoomIn();
    void zoomOut();
    void fit(); // the zoom at which the whole stack fits the scroll area's height

Q_SIGNALS:
    // Emitted when the current layer changes to a valid layer, by the user or by a slot.
    void layerSelected(int layer);
    // Emitted when the current item changes to one with a history step (a layer that history
    // explains, or an empty step).
    void stepSelected(int historyIndex);
    void zoomChanged(qreal zoom);
    // The container's read-write layer drawn on top of an image was clicked.
    void containerLayerClicked();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void changeEvent(QEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    bool event(QEvent *event) override;

private:
    void relayout();
    void dataChanged();
    qreal offsetY() const; // the stack rests on the widget's bottom edge
    int itemAt(const QPoint &pos) const;
    void setCurrentItem(int item);
    void moveCurrent(int layerDelta);
    void pageCurrent(int direction);
    void ensureCurrentVisible();
    QScrollArea *scrollArea() const;
    QString toolTipFor(int item) const;
    QString layerToolTip(int layer) const;
    QString stepToolTip(int historyIndex) const;
    static QString baseImageToolTip(const BaseImage &base);
    QString readWriteLayerToolTip(const ContainerInfo &container,
                                  const LayerStackScene::Layer &layer) const;
    // The scene laid out for a slide `width` wide, measured on `device` (96 dpi).
    LayerStackScene slideScene(const QPaintDevice *device, int width) const;
    void paintSlide(QPainter &painter, const LayerStackScene &scene) const;

    LayerStackScene m_scene;
    DiagramZoom m_zoom{kMinZoom, kMaxZoom};
    int m_currentItem = -1;
    int m_hoverItem = -1;
    QString m_shadeMeaning;
};

} // namespace strata

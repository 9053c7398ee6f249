#pragma once

#include "views/diagramzoom.h"
#include "views/reusescene.h"

#include <QWidget>

namespace strata {

// The classroom picture of layer reuse: every image a column of layers, a layer that several
// images share drawn once across them, layers with the same content on another chain hatched,
// containers as dashed read-write layers on their image, and the totals underneath. Clicking
// selects a layer, a container or an image; the arrow keys move through them. Meant to live in
// a QScrollArea with widgetResizable set; exports exactly what it shows as PNG or SVG.
class ReuseDiagram final : public QWidget
{
    Q_OBJECT

public:
    explicit ReuseDiagram(QWidget *parent = nullptr);

    void setAnalysis(const ReuseAnalysis &analysis);
    const ReuseScene &scene() const { return m_scene; }

    ReuseScene::Hit current() const { return m_selection.current; }
    int currentImage() const { return m_selection.image; }
    qreal zoom() const { return m_zoom.value(); }

    QRect layerRect(int layer) const { return m_scene.layerRect(layer).toAlignedRect(); }
    QRect containerRect(int container) const
    {
        return m_scene.containerRect(container).toAlignedRect();
    }
    QRect imageRect(int image) const { return m_scene.imageRect(image).toAlignedRect(); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    QImage renderImage() const;
    bool exportPng(const QString &path) const;
    bool exportSvg(const QString &path) const;

    static constexpr qreal kMinZoom = 0.5;
    static constexpr qreal kMaxZoom = 4.0;

public Q_SLOTS:
    void setCurrent(strata::ReuseScene::Hit hit);
    void setCurrentImage(int image);
    void setZoom(qreal zoom);
    void zoomIn();
    void zoomOut();
    // The zoom at which the whole diagram fits the scroll area (at most `maxZoom`).
    void fit(qreal maxZoom = kMaxZoom);

Q_SIGNALS:
    void currentChanged(strata::ReuseScene::Hit hit);
    void addContainerRequested(int image);
    void zoomChanged(qreal zoom);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void relayout();
    void select(ReuseScene::Hit hit, int image);
    // The image a hit belongs to: a layer's first image, a container's, the label's.
    int imageOf(const ReuseScene::Hit &hit) const;
    void moveVertically(int step);
    void moveHorizontally(int step);

    ReuseScene m_scene;
    ReuseScene::Selection m_selection;
    DiagramZoom m_zoom{kMinZoom, kMaxZoom};
};

} // namespace strata

#pragma once

#include "analysis/baseimage.h"
#include "image/imageinfo.h"

#include <QCoreApplication>
#include <QFont>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QPaintDevice;

namespace strata {

struct LayerTree;

// What the layer stack shows and where. Built from an image once per data change and laid
// out once per width, zoom or font change; painting and hit testing only read it, so a paint
// costs a handful of rectangles and pre-elided strings.
class LayerStackScene
{
    Q_DECLARE_TR_FUNCTIONS(strata::LayerStackScene)

public:
    enum class Kind
    {
        Container,
        Layer,
        Step,
        Boundary
    };

    // How a block's height follows its layer's size. Proportional is what a class expects
    // ("the bigger block is the bigger layer"); a block too small to read is drawn at a
    // minimum height and marked as not to scale. Logarithmic shows tiny and huge layers
    // together, with a note saying so.
    enum class HeightScale
    {
        Proportional,
        Logarithmic
    };
    // The block of the largest layer (or of the scale reference) is this many lines tall at
    // zoom 1, in the proportional scale.
    static constexpr qreal kProportionalLines = 16;

    struct Item
    {
        Kind kind = Kind::Layer;
        int index = -1; // Layer: layer index; Step: history index; Boundary: last base step
        QRectF rect;
        // Texts elided to the item's width by layout():
        QString head; // Layer: size; Step: the instruction keyword; others: the label
        QString tail; // Layer: "layer 3 · 1a2b3c4d5e6f"
        QString body; // Layer: the step that made it; Step: the rest of its text
        // Layer: the step on lines of its own below the size, as many as the block holds (the
        // Dockerfile's wrapping at &&); empty when the block holds one line only.
        QStringList bodyLines;
        // Layer, proportional scale: drawn at the minimum height, taller than its size says.
        bool notToScale = false;
    };

    struct Layer
    {
        qint64 size = -1;
        QString sizeText;
        QString digest;        // short diff_id (or blob digest)
        QString step;          // the history step that made it, one line
        QStringList stepLines; // the same as the Dockerfile shows it, wrapped at &&
        QString error;         // why it is damaged; empty when it is fine
        qint64 fileCount = -1;
        double shade = 0;       // 0..1
        bool base = false;      // belongs to the image this one was built FROM
        bool readWrite = false; // a container's read-write layer, as its engine reports it
    };

    struct Metrics
    {
        qreal line = 0;   // font line height
        qreal pad = 0;    // inside a block
        qreal gap = 0;    // between items
        qreal margin = 0; // around the stack
        qreal gutter = 0; // left column for the base/own brackets; 0 without a boundary
    };

    void setImage(const ImageInfo &image);
    void setLayerTrees(const std::vector<std::shared_ptr<const LayerTree>> &trees);
    void setLayerErrors(const QStringList &errors);
    void setLayerShades(const QList<double> &fractions);
    void setHeightScale(HeightScale scale) { m_scale = scale; }
    HeightScale heightScale() const { return m_scale; }
    // The size the proportional scale measures against: the largest layer of every stack
    // shown together, so that their blocks compare. 0: this image's largest layer.
    void setScaleReference(qint64 bytes) { m_scaleReference = bytes; }
    // For slides: every step's whole text, wrapped over as many lines as it needs; a block
    // that grows for its text past its size is marked as not to scale.
    void setWholeText(bool whole) { m_wholeText = whole; }
    qint64 scaleReference() const;
    qint64 largestLayerSize() const { return m_largestLayer; }
    // Logarithmic scale: the note above the stack saying so, and where it goes (laid out).
    QString scaleNote() const;
    QRectF scaleNoteRect() const { return m_noteRect; }

    // Sets every item's rectangle and elided texts for a stack `width` pixels wide.
    void layout(const QFont &font, const QPaintDevice *device, qreal width, qreal zoom);
    // The height the stack needs at `zoom`, without laying it out.
    qreal heightFor(const QFont &font, const QPaintDevice *device, qreal zoom) const;

    const ImageInfo &image() const { return m_image; }
    int layerCount() const { return int(m_layers.size()); }
    const Layer &layer(int index) const { return m_layers.at(index); }
    bool hasBoundary() const { return m_base.lastStep >= 0; }
    // The image built FROM, and what tells it (annotations, buildah's comments, the history's
    // shape).
    const BaseImage &baseImage() const { return m_base; }
    bool isStep(int historyIndex) const; // an empty step drawn as a marker

    const std::vector<Item> &items() const { return m_items; } // top first
    const Metrics &metrics() const { return m_metrics; }
    QFont font() const { return m_font; }
    QFont boldFont() const;
    QFont labelFont() const;
    qreal height() const { return m_height; }
    qreal width() const { return m_width; }

    int itemAt(const QPointF &point) const;
    int itemOfLayer(int layer) const;
    int itemOfStep(int historyIndex) const;

private:
    Metrics metricsFor(const QFont &font, const QPaintDevice *device) const;
    qreal itemHeight(const Item &item, const Metrics &metrics, qreal zoom,
                     bool *notToScale = nullptr) const;
    void rebuildLayers();
    static void describeReadWriteLayer(const ContainerInfo &container, const LayerTree *tree,
                                       Layer *layer);
    void rebuildItems();
    void elide(Item &item, const QPaintDevice *device) const;
    // Whole-text mode: the item's text wrapped to its width into bodyLines; the height that
    // holds them.
    qreal wrapWholeText(Item &item, const QPaintDevice *device) const;

    ImageInfo m_image;
    std::vector<std::shared_ptr<const LayerTree>> m_trees;
    QStringList m_errors;
    QList<double> m_shades;
    BaseImage m_base;
    bool m_wholeText = false;
    HeightScale m_scale = HeightScale::Proportional;
    qint64 m_scaleReference = 0;
    qint64 m_largestLayer = 0; // of m_layers, kept by rebuildLayers()
    std::vector<Layer> m_layers;
    std::vector<Item> m_items;
    Metrics m_metrics;
    QFont m_font;
    qreal m_height = 0;
    qreal m_width = 0;
    QRectF m_noteRect;
};

} // namespace strata

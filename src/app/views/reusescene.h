#pragma once

#include "analysis/layerreuse.h"

#include <QCoreApplication>
#include <QFont>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <vector>

class QPainter;
class QPaintDevice;
class QPalette;

namespace strata {

// Where the Reuse diagram draws what: the images as columns of layer blocks side by side, a
// layer that several images share drawn once across their columns, the containers as dashed
// blocks on top of their image, the image names below and the totals under them. Laid out once
// per analysis, font or zoom change; painting and hit testing only read the rectangles.
class ReuseScene
{
    Q_DECLARE_TR_FUNCTIONS(strata::ReuseScene)

public:
    enum class Kind
    {
        Layer,
        Container,
        Image
    };
    struct Hit
    {
        Kind kind = Kind::Layer;
        int index = -1; // into ReuseAnalysis::layers, ::containers or ::images
        bool valid() const { return index >= 0; }
    };
    struct Selection
    {
        Hit current;
        int image = -1; // the image whose column is marked
    };

    void setAnalysis(ReuseAnalysis analysis);
    const ReuseAnalysis &analysis() const { return m_analysis; }
    void layout(const QFont &font, const QPaintDevice *device, qreal zoom);
    // Block heights proportional to the sizes, one scale for every column (the default), or
    // logarithmic (View > Logarithmic Block Heights).
    void setLogarithmic(bool logarithmic) { m_logarithmic = logarithmic; }

    QSizeF size() const { return m_size; }
    // The heading above the columns, in the font it is drawn in (bold, a fifth larger).
    QString titleText() const;
    QRectF titleRect() const { return m_title; }
    QFont titleFont() const;
    QRectF layerRect(int layer) const;
    QRectF containerRect(int container) const;
    QRectF imageRect(int image) const; // the image's label below its column
    Hit hitAt(const QPointF &point) const;

    // The text a tooltip shows for a hit: every figure behind the block.
    QString toolTip(const Hit &hit) const;
    // "Same diff, not shared": why a layer is stored again, worded for the user.
    QString divergenceText(int layer) const;
    QString layerTitle(int layer) const; // "layer 2 · 1a2b3c4d5e6f"
    // The totals under the diagram, one sentence a line: sizes, layers, containers.
    const QStringList &totalsLines() const { return m_totalsLines; }

    void paint(QPainter &painter, const QPalette &palette, const Selection &selection) const;

private:
    struct Block
    {
        QRectF rect;
        QString head; // size
        QString tail; // digest, sharing
        QString body; // the step that made it
    };
    static QStringList legendTexts(); // one per kind of block, in the order paint() draws them
    QColor layerColor(int layer, const QPalette &palette) const;
    void paintBlock(QPainter &painter, const Block &block, const QColor &fill, bool dashed,
                    bool hatched, bool current, const QPalette &palette) const;

    struct Geometry;
    void layoutImageLabels(Geometry &g);
    void layoutRows(Geometry &g) const;
    qreal roomForContainers(const Geometry &g) const;
    void layoutLayers(const Geometry &g);
    void layoutContainers(const Geometry &g);
    QStringList totalsText() const;

    ReuseAnalysis m_analysis;
    std::vector<Block> m_layers;
    std::vector<Block> m_containers;
    std::vector<Block> m_images;
    QRectF m_title;
    QRectF m_legend;
    QRectF m_totals;
    static QFont titleFont(const QFont &bold);
    QStringList m_totalsLines;
    bool m_logarithmic = false;
    QSizeF m_size;
    QFont m_font; // the view's font at the zoom of the last layout
    qreal m_line = 0;
    std::vector<int> m_sharedHue; // per layer: hue index among shared layers, -1 when not shared
};

} // namespace strata

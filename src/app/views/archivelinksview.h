#pragma once

#include <QString>
#include <QWidget>

#include <vector>

namespace strata {

struct ImageInfo;

// How the files of an image archive point at each other, drawn: the manifest names the config
// and the layer blobs; the config lists each layer's diff_id (the SHA-256 of its uncompressed
// tar); each chain ID is made from the one below and the layer's diff_id. One row per layer,
// the top layer at the top as in the stack. Clicking a box picks its member or its layer.
class ArchiveLinksView final : public QWidget
{
    Q_OBJECT
public:
    explicit ArchiveLinksView(QWidget *parent = nullptr);

    // `manifestMember` is the member holding the image's manifest.
    void setImage(const ImageInfo &image, const QString &manifestMember);
    void clear();

    int selectedLayer() const { return m_selectedLayer; }
    QString selectedMember() const { return m_selectedMember; }
    // Marks a layer's row, or a member's box (the manifest, the config, a layer blob).
    void selectLayer(int layer);
    void selectMember(const QString &member);

    // Where a box is drawn, for tests and for showing it in a scroll area: the manifest (-1
    // layer, column 0), the config (-1, column 1), or a layer's box in one of the columns
    // blob, diff_id, chain ID (1, 2, 3).
    enum Column
    {
        ManifestColumn,
        BlobColumn,
        DiffIdColumn,
        ChainIdColumn,
        ConfigBox = 100
    };
    QRect boxRect(int layer, int column) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void memberClicked(const QString &member);
    void layerClicked(int layer);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Row
    {
        QString member;
        qint64 size = -1;
        QString diffId;
        QString chainId;
    };
    struct Metrics
    {
        int pad, rowHeight, rowGap, columnGap, top, left, headingTop;
        int manifestWidth, blobWidth, digestWidth;
    };
    Metrics metrics() const;
    int rowTop(const Metrics &m, int layer) const;
    int columnLeft(const Metrics &m, int column) const;
    void drawBox(QPainter &p, const QRect &rect, const QString &text, const QString &side,
                 bool selected) const;
    QString footnote() const;
    // The box under `pos`: its layer (-1 for the manifest and the config) and column.
    bool hitTest(const QPoint &pos, int *layer, int *column) const;
    QString boxToolTip(int layer, int column) const;

    QString m_manifest;
    QString m_config;
    std::vector<Row> m_rows; // bottom layer first
    int m_selectedLayer = -1;
    QString m_selectedMember;
};

} // namespace strata

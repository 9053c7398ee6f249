#pragma once

#include "image/imageinfo.h"

#include <QWidget>

#include <memory>
#include <vector>

class QAction;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;

namespace strata {

struct LayerTree;

// The identity and sizes of one layer (diff_id, blob digest, chain ID, media type,
// compression, blob/tar/content sizes, file count) above the raw JSON of the image's
// manifest, its config and the layer's legacy `json`, indented, in read-only viewers.
class LayerDetailsView final : public QWidget
{
    Q_OBJECT

public:
    explicit LayerDetailsView(QWidget *parent = nullptr);

    void setImage(const ImageInfo &image);
    void setLayerTrees(const std::vector<std::shared_ptr<const LayerTree>> &trees);
    int currentLayer() const { return m_layer; }

    enum JsonTab
    {
        ManifestTab,
        ConfigTab,
        LayerJsonTab
    };
    QString jsonText(JsonTab tab) const;
    QAction *copyJsonAction() const { return m_copyAction; }

public Q_SLOTS:
    void setLayer(int layer); // -1 shows the image's JSON only
    void copyCurrentJson();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum Field
    {
        DiffId,
        BlobDigest,
        ChainId,
        MediaType,
        Compression,
        BlobSize,
        TarSize,
        ContentSize,
        FileCount,
        EntryCount,
        Member,
        LegacyId,
        ContainerId,
        ContainerState,
        SizeRw,
        VirtualSize,
        Problem,
        FieldCount
    };
    QLineEdit *addField(Field field, const QString &label, const QString &objectName,
                        bool monospace);
    void setField(Field field, const QString &text);
    void showLayer();
    const LayerTree *tree() const;
    bool isReadWrite() const;
    QString sizeText(qint64 bytes) const;

    ImageInfo m_image;
    std::vector<std::shared_ptr<const LayerTree>> m_trees;
    int m_layer = -1;

    QLabel *m_title;
    QFormLayout *m_form;
    QLineEdit *m_fields[FieldCount] = {};
    QTabWidget *m_tabs;
    QPlainTextEdit *m_json[3] = {};
    QAction *m_copyAction;
};

} // namespace strata

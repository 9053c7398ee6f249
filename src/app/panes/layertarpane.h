#pragma once

#include "models/backgroundwork.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QSortFilterProxyModel;
class QTreeView;

namespace strata {

class ImageSource;
class StoredEntryModel;

// The "Layer Tar" tab: the selected layer's own tar, literally — every entry in the order
// stored, the whiteout files as written (`.wh.NAME`, `.wh..wh..opq`) beside what they do to
// the merged filesystem, and how overlay2 writes the same thing on disk. Read in the
// background when the tab shows or the layer changes while it shows.
class LayerTarPane final : public QWidget
{
    Q_OBJECT
public:
    // Rows kept for one layer: a layer of a million entries lists its first ones, and says so.
    static constexpr size_t kMaxRows = 200000;

    explicit LayerTarPane(QWidget *parent = nullptr);

    void setSource(std::shared_ptr<const ImageSource> source, int image);
    void selectLayer(int layer);

    StoredEntryModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QLabel *titleLabel() const { return m_title; }
    QCheckBox *whiteoutsOnly() const { return m_whiteoutsOnly; }
    // The entries of the current layer are shown (or why not).
    bool isLoaded() const { return m_loaded; }

signals:
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void load();
    void showTitle();

    std::shared_ptr<const ImageSource> m_source;
    int m_image = -1;
    int m_layer = -1;
    int m_shownLayer = -2; // the layer listed or being listed
    bool m_loaded = false;
    BackgroundWork m_work{this};
    QLabel *m_title;
    QLabel *m_explanation;
    QCheckBox *m_whiteoutsOnly;
    StoredEntryModel *m_model;
    QSortFilterProxyModel *m_filter;
    QTreeView *m_view;
};

} // namespace strata

#pragma once

#include "engine/overlayfolders.h"
#include "models/backgroundwork.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace strata {

class EngineImageSource;

// The "On Disk" tab of an engine's image or container: its layers' folders in the engine's
// overlay2 store as they are now — each layer's diff/ with du's sizes, its short name in l/,
// its `lower` file, work/ and merged/, the -init layer, and the mount that joins them. Read in
// the background when the tab is first shown (and on Refresh); where the folders cannot be
// read, it says why.
class StoragePane final : public QWidget
{
    Q_OBJECT
public:
    explicit StoragePane(QWidget *parent = nullptr);

    void setSource(std::shared_ptr<EngineImageSource> source);
    // Reads the folders now (the tab shows, or Refresh).
    void refresh();
    // Selects the folder of layer `layer` (its image layer, or the container's).
    void selectLayer(int layer);

    QTreeWidget *folders() const { return m_tree; }
    QPlainTextEdit *mountText() const { return m_mount; }
    QLabel *whyLabel() const { return m_why; }
    // The folders (or why not) are shown.
    bool isLoaded() const { return m_loaded; }

signals:
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void show(const OverlayFolders &folders);

    std::shared_ptr<EngineImageSource> m_source;
    BackgroundWork m_work{this};
    OverlayFolders m_folders;
    bool m_asked = false;  // read, or being read
    bool m_loaded = false; // shown
    int m_layer = -1;
    QStackedWidget *m_pages;
    QLabel *m_title;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_mount;
    QLabel *m_why;
    QPushButton *m_refresh;
};

} // namespace strata

#pragma once

#include "image/digestcheck.h"
#include "models/backgroundwork.h"
#include "panes/messagebar.h"

#include <QWidget>

#include <atomic>
#include <memory>
#include <vector>

class QScrollArea;
class QSplitter;
class QTabWidget;

namespace strata {

class ArchivePane;
class ContainersPane;
class DockerfileView;
class EfficiencyPanel;
class EntryDetailsPane;
class FileTreePane;
class HistoryView;
class ExportFlow;
class ImageLoader;
class LayerDetailsView;
class LayerTarPane;
class PackagesPane;
class OverlayPane;
struct LoadProgress;
class LayerStackView;
class StoragePane;

// One image on screen: three panes side by side, linked by selection —
//   [layer stack / history | Dockerfile]  [filesystem tree]  [entry details | layer details].
// Selecting a layer in the stack or the history shows the merged filesystem as of that layer.
// The page paints as soon as the loader has the metadata and fills the tree when every layer
// has been read. A registry's layers are fetched when asked for: selecting a layer fetches it
// and those below it, the Efficiency tab (or fetchAllLayers) every layer.
class ImagePage final : public QWidget
{
    Q_OBJECT
public:
    explicit ImagePage(ImageLoader *loader, QWidget *parent = nullptr);
    ~ImagePage() override;

    int currentLayer() const { return m_layer; }
    void selectLayer(int layer);
    // Fetches and reads every layer of a registry's image that waits to be asked for.
    void fetchAllLayers();

    LayerStackView *layerStack() const { return m_stack; }
    // The scroll area around the stack, what a viewer sees of it.
    QScrollArea *layerStackArea() const { return m_stackScroll; }
    // History, Dockerfile, Efficiency.
    QTabWidget *leftTabs() const { return m_leftTabs; }
    HistoryView *historyView() const { return m_history; }
    LayerDetailsView *layerDetails() const { return m_layerDetails; }
    DockerfileView *dockerfileView() const { return m_dockerfile; }
    EfficiencyPanel *efficiencyPanel() const { return m_efficiency; }
    FileTreePane *treePane() const { return m_tree; }
    // Filesystem, and Archive for an archive file or folder.
    QTabWidget *centerTabs() const { return m_centerTabs; }
    LayerTarPane *layerTarPane() const { return m_layerTar; }
    // The "Packages" tab: the package databases of every layer.
    PackagesPane *packagesPane() const { return m_packages; }
    // The "Containers" tab: what the read-write layer on top stands for.
    ContainersPane *containersPane() const { return m_containers; }
    // The "overlay2" tab: the mount, its folders and the copy-up simulation.
    OverlayPane *overlayPane() const { return m_overlay; }
    // The "Archive" tab, there for an archive file or folder only.
    ArchivePane *archivePane() const { return m_archive; }
    EntryDetailsPane *entryDetails() const { return m_entry; }
    QTabWidget *detailTabs() const { return m_detailTabs; }
    // The "On Disk" tab, there for an engine's image or container only.
    StoragePane *storagePane() const { return m_storage; }
    // Save File As, Export as Tar, Extract to Folder, and drags out of the tree.
    ExportFlow *exportFlow() const { return m_export; }

signals:
    void message(strata::MessageBar::Kind kind, const QString &text);
    void layerChanged(int layer);
    void openRequested(const QString &location);

private:
    void onMetadataReady();
    void warn(const QString &text);
    void showStorage();
    void showArchive();
    void showContainers();
    void onLayerReady();
    void showFetched(const LoadProgress &progress);
    void showWaiting();
    void fetchLayersUpTo(int top);
    void clearFetchShades();
    void onLowerLayersReady(int top);
    void showLayerErrors();
    void onTreesReady();
    void onCancelledOrFailed();
    void onLayerSelected(int layer);
    // Marks `layer` in the stack, the history and the layer details, without acting on it.
    void showSelectedLayer(int layer);
    void onStepSelected(int historyIndex);
    void reportDamagedLayers();
    void compareEngineHistory();
    void startDigestCheck();
    void startPackageRead();
    void showDigestCheck(const std::vector<LayerDigestCheck> &checks);

    ImageLoader *m_loader;
    ExportFlow *m_export;
    int m_layer = -1;
    bool m_syncing = false;
    bool m_showsFetched = false; // the stack's shades are the fetch progress
    QString m_loadProblems;      // what the image was loaded despite, shown with later warnings
    // The SHA-256 check of the layers, in the background.
    BackgroundWork m_digestCheck{this};
    BackgroundWork m_packageRead{this};

    LayerStackView *m_stack;
    QScrollArea *m_stackScroll;
    HistoryView *m_history;
    DockerfileView *m_dockerfile;
    QTabWidget *m_leftTabs;
    EfficiencyPanel *m_efficiency;
    FileTreePane *m_tree;
    QTabWidget *m_centerTabs;
    LayerTarPane *m_layerTar;
    PackagesPane *m_packages;
    ArchivePane *m_archive = nullptr;
    EntryDetailsPane *m_entry;
    LayerDetailsView *m_layerDetails;
    ContainersPane *m_containers;
    OverlayPane *m_overlay;
    const void *m_overlayTree = nullptr; // the merged tree the simulation runs on
    StoragePane *m_storage = nullptr;
    QTabWidget *m_detailTabs;
    QSplitter *m_splitter;
};

} // namespace strata

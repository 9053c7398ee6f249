#include "panes/imagepage.h"

#include "archive/imagearchive.h"
#include "common/datasize.h"
#include "engine/enginehistory.h"
#include "engine/engineimagesource.h"
#include "models/filetreemodel.h"
#include "models/imageloader.h"
#include "panes/archivepane.h"
#include "panes/containerspane.h"
#include "panes/efficiencypanel.h"
#include "panes/entrydetailspane.h"
#include "panes/exportflow.h"
#include "panes/filetreepane.h"
#include "panes/layertarpane.h"
#include "panes/overlaypane.h"
#include "panes/packagespane.h"
#include "panes/storagepane.h"
#include "source/imagesource.h"
#include "views/dockerfileview.h"
#include "views/historyview.h"
#include "views/layerdetailsview.h"
#include "views/layerstackview.h"
#include "views/tabdetacher.h"

#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QThread>
#include <QVBoxLayout>

namespace strata {

ImagePage::ImagePage(ImageLoader *loader, QWidget *parent)
    : QWidget(parent), m_loader(loader),
      m_export(new ExportFlow(this,
                              [this] {
                                  ExportJob job;
                                  if (m_layer < 0)
                                      return job;
                                  job.source = m_loader->source();
                                  job.image = m_loader->image();
                                  job.layers = m_loader->layers();
                                  job.layer = m_layer;
                                  return job;
                              })),
      m_stack(new LayerStackView), m_stackScroll(new QScrollArea), m_history(new HistoryView),
      m_dockerfile(new DockerfileView), m_leftTabs(new QTabWidget),
      m_efficiency(new EfficiencyPanel), m_tree(new FileTreePane), m_centerTabs(new QTabWidget),
      m_layerTar(new LayerTarPane), m_packages(new PackagesPane), m_entry(new EntryDetailsPane),
      m_layerDetails(new LayerDetailsView), m_containers(new ContainersPane),
      m_overlay(new OverlayPane), m_detailTabs(new QTabWidget),
      m_splitter(new QSplitter(Qt::Horizontal, this))
{
    m_stack->setObjectName(QStringLiteral("layerStack"));
    m_stackScroll->setWidget(m_stack);
    m_stackScroll->setWidgetResizable(true);
    m_stackScroll->setFrameShape(QFrame::NoFrame);
    m_history->setObjectName(QStringLiteral("history"));
    m_dockerfile->setObjectName(QStringLiteral("dockerfile"));
    m_leftTabs->setObjectName(QStringLiteral("leftTabs"));
    m_leftTabs->setDocumentMode(true);
    m_leftTabs->addTab(m_history, tr("History"));
    m_leftTabs->addTab(m_dockerfile, tr("Dockerfile"));
    m_leftTabs->addTab(m_efficiency, tr("Efficiency"));
    new TabDetacher(m_leftTabs);

    auto *left = new QSplitter(Qt::Vertical);
    left->addWidget(m_stackScroll);
    left->addWidget(m_leftTabs);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);
    left->setSizes({520, 340});
    left->setChildrenCollapsible(false);

    m_detailTabs->setObjectName(QStringLiteral("detailTabs"));
    m_detailTabs->setDocumentMode(true);
    m_detailTabs->addTab(m_entry, tr("File"));
    m_detailTabs->addTab(m_layerDetails, tr("Layer"));
    m_detailTabs->addTab(m_containers, tr("Containers"));
    m_detailTabs->setTabToolTip(2, tr("The containers of this image: each one's read-write layer "
                                      "on top of the same read-only layers"));
    m_detailTabs->addTab(m_overlay, tr("overlay2"));
    m_detailTabs->setTabToolTip(3, tr("How the engine mounts this image for a container, and "
                                      "what writing and deleting a file does there"));

    // The merged filesystem, and for an archive the file itself beside it.
    m_centerTabs->setObjectName(QStringLiteral("centerTabs"));
    m_centerTabs->setDocumentMode(true);
    m_centerTabs->addTab(m_tree, tr("Filesystem"));
    m_centerTabs->setTabToolTip(0, tr("The merged filesystem as of the selected layer"));
    m_centerTabs->addTab(m_layerTar, tr("Layer Tar"));
    m_centerTabs->setTabToolTip(1,
                                tr("The selected layer's tar as stored, whiteout files and all"));
    m_centerTabs->addTab(m_packages, tr("Packages"));
    m_centerTabs->setTabToolTip(2, tr("What each layer installed, removed and upgraded, and "
                                      "everything installed as of the selected layer"));
    new TabDetacher(m_centerTabs);

    m_splitter->addWidget(left);
    m_splitter->addWidget(m_centerTabs);
    m_splitter->addWidget(m_detailTabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 4);
    m_splitter->setStretchFactor(2, 3);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({360, 640, 400});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 4);
    layout->addWidget(m_splitter);

    connect(m_loader, &ImageLoader::metadataReady, this, &ImagePage::onMetadataReady);
    connect(m_loader, &ImageLoader::layerReady, this, &ImagePage::onLayerReady);
    connect(m_loader, &ImageLoader::lowerLayersReady, this, &ImagePage::onLowerLayersReady);
    connect(m_loader, &ImageLoader::treesReady, this, &ImagePage::onTreesReady);
    connect(m_loader, &ImageLoader::progressChanged, this, &ImagePage::showFetched);
    connect(m_loader, &ImageLoader::cancelled, this, &ImagePage::onCancelledOrFailed);
    connect(m_loader, &ImageLoader::failed, this, &ImagePage::onCancelledOrFailed);

    connect(m_stack, &LayerStackView::layerSelected, this, &ImagePage::onLayerSelected);
    connect(m_stack, &LayerStackView::stepSelected, this, &ImagePage::onStepSelected);
    connect(m_history, &HistoryView::layerSelected, this, &ImagePage::onLayerSelected);
    connect(m_history, &HistoryView::stepSelected, this, &ImagePage::onStepSelected);
    connect(m_efficiency, &EfficiencyPanel::pathActivated, this,
            [this](const QString &path, int layer) {
                selectLayer(layer);
                m_tree->selectPath(path);
            });
    connect(this, &ImagePage::layerChanged, m_layerTar, &LayerTarPane::selectLayer);
    connect(this, &ImagePage::layerChanged, m_packages, &PackagesPane::selectLayer);
    connect(m_packages, &PackagesPane::message, this, &ImagePage::message);
    connect(m_packages, &PackagesPane::sourceActivated, this, [this](const QString &path) {
        m_centerTabs->setCurrentWidget(m_tree);
        m_tree->selectPath(path);
    });
    connect(m_stack, &LayerStackView::containerLayerClicked, this,
            [this] { m_detailTabs->setCurrentWidget(m_containers); });
    connect(m_containers, &ContainersPane::openRequested, this, &ImagePage::openRequested);
    connect(m_tree, &FileTreePane::exportWanted, m_export, &ExportFlow::ask);
    connect(m_export, &ExportFlow::message, this, &ImagePage::message);
    m_tree->model()->setDragData(
        [this](const QStringList &paths) { return m_export->dragData(paths); });
    connect(m_tree, &FileTreePane::storedEntriesWanted, this,
            [this] { m_centerTabs->setCurrentWidget(m_layerTar); });
    connect(m_efficiency, &EfficiencyPanel::layersWanted, this, &ImagePage::fetchAllLayers);
    connect(m_efficiency, &EfficiencyPanel::layerShadesChanged, m_stack,
            &LayerStackView::setLayerShades);
    // The copy-up simulation runs on the image's merged filesystem at its top layer.
    connect(m_tree, &FileTreePane::snapshotShown, this, [this] {
        const TreeSnapshot &shown = m_tree->model()->snapshot();
        const int top = int(m_loader->layers().size()) - 1;
        if (shown.isNull() || shown.layerOnly || shown.layer != top ||
            shown.tree.get() == m_overlayTree)
            return;
        m_overlayTree = shown.tree.get();
        m_overlay->setImage(shown.tree, top + 1,
                            imageDisplaySize(m_loader->imageInfo(), m_loader->layers()));
    });
    connect(m_tree, &FileTreePane::currentEntryChanged, this,
            [this](const TreeSnapshot &, uint32_t, const QString &path) {
                m_overlay->setCurrentPath(path);
            });
    connect(m_tree, &FileTreePane::currentEntryChanged, this,
            [this](const TreeSnapshot &snapshot, uint32_t node, const QString &path) {
                m_entry->showEntry(snapshot, node, path);
                // A file picked to try in the overlay2 tab stays there.
                if (!path.isEmpty() && node != kNoNode &&
                    m_detailTabs->currentWidget() != m_overlay)
                    m_detailTabs->setCurrentWidget(m_entry);
            });
}

ImagePage::~ImagePage() = default;

// An engine's image or container has folders on the engine's disk: a tab shows them.
void ImagePage::showStorage()
{
    auto engine = std::dynamic_pointer_cast<EngineImageSource>(m_loader->source());
    if (!engine) {
        if (m_storage)
            m_detailTabs->removeTab(m_detailTabs->indexOf(m_storage));
        delete m_storage;
        m_storage = nullptr;
        return;
    }
    if (!m_storage) {
        m_storage = new StoragePane;
        m_detailTabs->addTab(m_storage, tr("On Disk"));
        m_detailTabs->setTabToolTip(m_detailTabs->indexOf(m_storage),
                                    tr("The layers' folders in the engine's overlay2 store"));
        connect(this, &ImagePage::layerChanged, m_storage, &StoragePane::selectLayer);
    }
    m_storage->setSource(engine);
}

// An archive file or folder is itself part of the lesson: a tab lists what it holds.
void ImagePage::showArchive()
{
    auto archive = std::dynamic_pointer_cast<const ImageArchive>(m_loader->source());
    if (!archive) {
        if (m_archive)
            m_centerTabs->removeTab(m_centerTabs->indexOf(m_archive));
        delete m_archive;
        m_archive = nullptr;
        return;
    }
    if (!m_archive) {
        m_archive = new ArchivePane;
        // Beside the filesystem and its layers, before what is read from them.
        m_centerTabs->insertTab(m_centerTabs->indexOf(m_layerTar) + 1, m_archive, tr("Archive"));
        m_centerTabs->setTabToolTip(m_centerTabs->indexOf(m_archive),
                                    tr("The image file itself: its members and how they link"));
        connect(this, &ImagePage::layerChanged, m_archive, &ArchivePane::selectLayer);
        connect(m_archive, &ArchivePane::layerActivated, this, [this](int layer) {
            selectLayer(layer);
            m_centerTabs->setCurrentWidget(m_tree);
        });
    }
    m_archive->setArchive(archive, m_loader->image());
}

// A container opened from the engine is itself the read-write layer; an image gets a tab for
// the containers that run it.
void ImagePage::showContainers()
{
    const ImageInfo &info = m_loader->imageInfo();
    const int tab = m_detailTabs->indexOf(m_containers);
    m_detailTabs->setTabVisible(tab, !info.container);
    m_containers->setImage(m_loader->source(), info, imageDisplaySize(info, m_loader->layers()));
}

void ImagePage::onMetadataReady()
{
    const ImageInfo &info = m_loader->imageInfo();
    showStorage();
    showArchive();
    m_overlayTree = nullptr;
    m_overlay->setImage(nullptr, 0, 0);
    m_layerTar->setSource(m_loader->source(), m_loader->image());
    showContainers();
    m_layer = -1;
    m_stack->setImage(info);
    m_history->setImage(info);
    m_dockerfile->setImage(info);
    m_layerDetails->setImage(info);
    m_entry->setImage(nullptr, -1, {});
    m_efficiency->clear();
    m_packageRead.cancel();
    m_packages->showReading();
    if (m_loader->state() == ImageLoader::State::Waiting)
        showWaiting();
    else
        m_tree->showPlaceholder(tr("Reading the layers…"));
    QMetaObject::invokeMethod(m_stack, &LayerStackView::fit, Qt::QueuedConnection);
    // What the image was loaded despite, and oddities that change nothing.
    QStringList problems;
    for (const Error &problem : info.problems)
        problems << problem.toString();
    m_loadProblems = problems.join(QLatin1Char('\n'));
    if (!problems.isEmpty())
        emit message(MessageBar::Kind::Warning, m_loadProblems);
    else if (!info.warnings.isEmpty())
        emit message(MessageBar::Kind::Information, info.warnings.join(QLatin1Char('\n')));
}

void ImagePage::onLayerReady()
{
    // Sizes and file counts of each layer as it is read: the stack grows into shape.
    m_stack->setLayerTrees(m_loader->layers());
    m_history->setLayerTrees(m_loader->layers());
}

void ImagePage::showFetched(const LoadProgress &progress)
{
    if (progress.fetched.isEmpty())
        return;
    // A registry's layers as they arrive: each block fills with the share of its blob
    // received, of the size its descriptor declares.
    const ImageInfo &info = m_loader->imageInfo();
    QList<double> fractions;
    for (qsizetype i = 0; i < progress.fetched.size() && i < info.layers.size(); ++i) {
        const qint64 size = info.layers[i].declaredSize;
        fractions << (size > 0 ? double(progress.fetched[i]) / double(size) : 0.0);
    }
    m_stack->setLayerShades(fractions, tr("Fetched from the registry"));
    m_showsFetched = true;
}

void ImagePage::fetchAllLayers()
{
    if (m_loader->fetchesOnRequest())
        fetchLayersUpTo(int(m_loader->imageInfo().layers.size()) - 1);
}

void ImagePage::fetchLayersUpTo(int top)
{
    m_loader->loadUpTo(top);
    if (m_loader->readUpTo() >= 0 || !m_loader->isBusy())
        return;
    m_tree->showPlaceholder(top == int(m_loader->imageInfo().layers.size()) - 1
                                ? tr("Fetching the layers from the registry…")
                                : tr("Fetching layers 0–%1 from the registry…").arg(top));
}

void ImagePage::showWaiting()
{
    m_tree->showPlaceholder(tr("The layers are still in the registry (%1 to download). Select a "
                               "layer to fetch it and the layers below it, or fetch them all.")
                                .arg(formatDataSize(m_loader->bytesToFetch())));
}

void ImagePage::clearFetchShades()
{
    if (m_showsFetched) {
        m_stack->setLayerShades({}, {});
        m_showsFetched = false;
    }
}

// The layers below the one asked for are read; those above stay in the registry until a
// higher layer is selected.
void ImagePage::onLowerLayersReady(int top)
{
    clearFetchShades();
    if (top < 0) {
        showWaiting(); // the first fetch was cancelled
        return;
    }
    const auto &all = m_loader->layers();
    const std::vector<std::shared_ptr<const LayerTree>> lower(all.begin(), all.begin() + top + 1);
    m_stack->setLayerTrees(all);
    m_history->setLayerTrees(all);
    m_layerDetails->setLayerTrees(all);
    showLayerErrors();
    m_entry->setImage(m_loader->source(), m_loader->image(), lower);
    if (m_layer > top) {
        // The fetch of a higher layer was cancelled: the selection follows the tree.
        m_layer = top;
        showSelectedLayer(top);
    }
    m_tree->setLayers(lower, qMax(0, m_layer));
}

void ImagePage::showLayerErrors()
{
    QStringList errors;
    for (const auto &layer : m_loader->layers())
        errors << (layer && layer->error ? layer->error.toString() : QString());
    m_stack->setLayerErrors(errors);
}

void ImagePage::onTreesReady()
{
    clearFetchShades();
    const auto &layers = m_loader->layers();
    m_stack->setLayerTrees(layers);
    m_history->setLayerTrees(layers);
    m_layerDetails->setLayerTrees(layers);
    showLayerErrors();
    m_entry->setImage(m_loader->source(), m_loader->image(), layers);
    const int top = int(layers.size()) - 1;
    m_layer = top;
    m_tree->setLayers(layers, top);
    showSelectedLayer(top);
    showContainers();
    QMetaObject::invokeMethod(m_stack, &LayerStackView::fit, Qt::QueuedConnection);
    reportDamagedLayers();
    compareEngineHistory();
    emit layerChanged(top);
    // The merged tree comes first: the efficiency analysis and the digest check start once it
    // is on screen, so that on a machine with few cores they do not slow it down, and their
    // memory peaks do not add up with the merge's.
    connect(
        m_tree, &FileTreePane::snapshotShown, this,
        [this] {
            m_efficiency->setImage(m_loader->source(), m_loader->image(), m_loader->imageInfo(),
                                   m_loader->layers());
            startPackageRead();
            startDigestCheck();
        },
        Qt::SingleShotConnection);
}

// The package databases of every layer, after the trees are on screen: the Packages tab and
// the owner of each file in the File tab.
void ImagePage::startPackageRead()
{
    const std::shared_ptr<ImageSource> source = m_loader->source();
    const auto &layers = m_loader->layers();
    if (!source || std::any_of(layers.begin(), layers.end(), [](const auto &l) { return !l; })) {
        m_packageRead.cancel();
        return;
    }
    m_packages->setImage(m_loader->imageInfo());
    m_packages->showReading();
    m_packageRead.run(
        [source, image = m_loader->image(), layers](const std::atomic_bool &cancel) {
            PackageObserver observer;
            observer.cancel = &cancel;
            return std::make_shared<const ImagePackages>(
                readImagePackages(*source, image, layers, observer));
        },
        [this](const std::shared_ptr<const ImagePackages> &packages) {
            m_packages->setPackages(packages);
            m_packages->selectLayer(m_layer);
            m_entry->setPackages(packages);
        });
}

// Every byte of every layer through SHA-256, after the trees are on screen: slow on big
// images, so it never holds up browsing; a mismatch marks the layer and says so.
void ImagePage::startDigestCheck()
{
    const std::shared_ptr<ImageSource> source = m_loader->source();
    if (!source) {
        m_digestCheck.cancel();
        return;
    }
    m_digestCheck.run(
        [source, image = m_loader->image()](const std::atomic_bool &cancel) {
            // Only when nothing else wants the CPU (SCHED_IDLE on Linux): browsing stays quick.
            QThread::currentThread()->setPriority(QThread::IdlePriority);
            auto checks = source->verifyLayers(image, &cancel);
            QThread::currentThread()->setPriority(QThread::NormalPriority);
            return checks;
        },
        [this](const std::vector<LayerDigestCheck> &checks) { showDigestCheck(checks); });
}

void ImagePage::showDigestCheck(const std::vector<LayerDigestCheck> &checks)
{
    const auto &layers = m_loader->layers();
    QStringList errors;
    QStringList mismatches;
    for (size_t i = 0; i < layers.size(); ++i) {
        QString error = layers[i] && layers[i]->error ? layers[i]->error.toString() : QString();
        if (i < checks.size() && checks[i].status == LayerDigestCheck::Status::Mismatch) {
            error = tr("Digest mismatch: %1").arg(checks[i].error.message);
            mismatches << tr("layer %1: %2").arg(i).arg(checks[i].error.toString());
        }
        errors << error;
    }
    m_stack->setLayerErrors(errors);
    if (!mismatches.isEmpty())
        warn(tr("%n layer(s) do not match their digests: the archive was changed or damaged "
                "after it was written.",
                nullptr, int(mismatches.size())) +
             QLatin1Char('\n') + mismatches.join(QLatin1Char('\n')));
}

void ImagePage::onCancelledOrFailed()
{
    if (m_loader->state() == ImageLoader::State::Cancelled)
        m_tree->showPlaceholder(tr("Loading was cancelled."));
    else
        m_tree->showPlaceholder(tr("The layers could not be read."));
}

// The engine's own `docker history` against what the config says, sizes included now that
// the layers are read.
void ImagePage::compareEngineHistory()
{
    const auto *engine = dynamic_cast<const EngineImageSource *>(m_loader->source().get());
    if (!engine)
        return;
    const QStringList differences = strata::compareEngineHistory(
        engine->engineHistory(), engine->version().kind, m_loader->imageInfo(), m_loader->layers());
    if (!differences.isEmpty())
        warn(tr("The engine's history (docker history) differs from the image's "
                "config:") +
             QLatin1Char('\n') + differences.join(QLatin1Char('\n')));
}

void ImagePage::reportDamagedLayers()
{
    QStringList damaged;
    const auto &layers = m_loader->layers();
    for (size_t i = 0; i < layers.size(); ++i) {
        if (!layers[i])
            damaged << tr("layer %1 is missing").arg(i);
        else if (layers[i]->error)
            damaged << tr("layer %1: %2").arg(i).arg(layers[i]->error.toString());
    }
    if (damaged.isEmpty())
        return;
    warn(tr("%n layer(s) could not be read completely; the rest of the image can be "
            "browsed.",
            nullptr, int(damaged.size())) +
         QLatin1Char('\n') + damaged.join(QLatin1Char('\n')));
}

// A warning found after loading, with what loading found still beside it.
void ImagePage::warn(const QString &text)
{
    emit message(MessageBar::Kind::Warning,
                 m_loadProblems.isEmpty() ? text : text + QLatin1Char('\n') + m_loadProblems);
}

void ImagePage::selectLayer(int layer)
{
    m_stack->setCurrentLayer(layer);
    onLayerSelected(layer);
}

void ImagePage::onLayerSelected(int layer)
{
    if (m_syncing || layer < 0)
        return;
    showSelectedLayer(layer);
    // Selecting a layer that waits in the registry again asks for it again.
    if (layer == m_layer && (!m_loader->fetchesOnRequest() || layer <= m_loader->readUpTo()))
        return;
    m_layer = layer;
    if (m_loader->fetchesOnRequest() && layer > m_loader->readUpTo())
        fetchLayersUpTo(layer); // a registry's layer not fetched yet, and those below it
    else
        m_tree->showLayer(layer);
    m_detailTabs->setCurrentWidget(m_layerDetails);
    emit layerChanged(layer);
}

void ImagePage::showSelectedLayer(int layer)
{
    m_syncing = true;
    m_stack->setCurrentLayer(layer);
    m_history->selectLayer(layer);
    m_layerDetails->setLayer(layer);
    m_syncing = false;
}

void ImagePage::onStepSelected(int historyIndex)
{
    m_dockerfile->selectStep(historyIndex);
    if (m_syncing)
        return;
    m_syncing = true;
    m_history->selectStep(historyIndex);
    m_stack->setCurrentStep(historyIndex);
    m_syncing = false;
    // An empty step (ENV, CMD...) leaves the filesystem as the layer below it made it.
    const ImageInfo &info = m_loader->imageInfo();
    if (historyIndex >= 0 && historyIndex < info.history.size()) {
        const HistoryEntry &step = info.history[historyIndex];
        if (step.emptyLayer && step.layer >= 0 && step.layer != m_layer) {
            m_layer = step.layer;
            m_tree->showLayer(step.layer);
            m_layerDetails->setLayer(step.layer);
            emit layerChanged(step.layer);
        }
    }
}

} // namespace strata

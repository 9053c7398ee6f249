#include "windows/lesson.h"

#include "archive/archivemap.h"
#include "common/datasize.h"
#include "models/archivemembermodel.h"
#include "models/filetreemodel.h"
#include "models/imageloader.h"
#include "panes/archivepane.h"
#include "panes/containerspane.h"
#include "panes/filetreepane.h"
#include "panes/imagepage.h"
#include "panes/imagetab.h"
#include "panes/layertarpane.h"
#include "panes/overlaypane.h"
#include "source/imagesource.h"
#include "views/historyview.h"
#include "views/layerdetailsview.h"
#include "views/layerstackview.h"
#include "views/spotlight.h"
#include "windows/mainwindow.h"
#include "windows/reusewindow.h"

#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>

namespace strata {

namespace {
// The highest layer that deletes something, or the top layer when none does.
int layerWithWhiteouts(const ImageLoader &loader)
{
    const auto &trees = loader.layers();
    for (int layer = int(trees.size()) - 1; layer >= 0; --layer) {
        const LayerTree *tree = trees[size_t(layer)].get();
        if (!tree)
            continue;
        for (uint32_t node = 1; node < tree->tree.nodeCount(); ++node) {
            if (tree->tree.flags(node) & (NodeFlag::Whiteout | NodeFlag::Opaque))
                return layer;
        }
    }
    return int(trees.size()) - 1;
}

// The largest regular file of the merged tree: the copy-up is most visible there.
QString largestFile(const FileTree &tree)
{
    uint32_t best = kNoNode;
    uint64_t bestSize = 0;
    for (uint32_t node = 1; node < tree.nodeCount(); ++node) {
        if (tree.type(node) == FileType::Regular && tree.node(node).size > bestSize) {
            best = node;
            bestSize = tree.node(node).size;
        }
    }
    return best == kNoNode ? QString() : QString::fromStdString(tree.path(best));
}
} // namespace

Lesson::Lesson(MainWindow *window)
    : QObject(window), m_window(window), m_spotlight(new Spotlight(window))
{
}

Lesson::~Lesson() = default;

QString Lesson::title(int step)
{
    switch (Step(step)) {
    case Layers:
        return tr("An image is layers");
    case ReadOnly:
        return tr("Layers are read-only");
    case ContainerLayer:
        return tr("The container's layer");
    case DockerImages:
        return tr("docker images");
    case DockerSave:
        return tr("docker save and tar");
    case Manifest:
        return tr("The manifest");
    case LayerFolder:
        return tr("A layer's json, VERSION, layer.tar");
    case LayerFiles:
        return tr("A layer's files");
    case History:
        return tr("docker history");
    case Reuse:
        return tr("Shared layers save disk");
    case Overlay:
        return tr("overlay2: lower, upper, merged");
    case Whiteouts:
        return tr("Whiteouts");
    case Sizes:
        return tr("Sizes before and after");
    case StepCount:
        break;
    }
    return {};
}

QWidget *Lesson::target() const
{
    return m_spotlight->target();
}

void Lesson::go(int step)
{
    if (step < 0 || step >= StepCount)
        return;
    m_step = step;
    apply();
}

void Lesson::next()
{
    go(m_step + 1);
}

void Lesson::previous()
{
    go(m_step - 1);
}

void Lesson::stop()
{
    closeReuse();
    m_spotlight->setTarget(nullptr);
    m_step = -1;
    m_caption.clear();
}

void Lesson::closeReuse()
{
    if (m_reuse)
        m_reuse->close();
}

void Lesson::setTarget(QWidget *target, const QString &caption)
{
    m_caption = caption;
    m_spotlight->setTarget(target);
    emit stepChanged(m_step);
}

void Lesson::apply()
{
    ImageTab *tab = m_window->currentTab();
    if (!tab) {
        m_window->openDemo();
        tab = m_window->currentTab();
    }
    if (!tab)
        return;
    if (!tab->isLoaded()) {
        // The image is still being read: the step shows once it is.
        setTarget(nullptr, tr("Reading the image…"));
        if (m_waitingFor != tab) {
            m_waitingFor = tab;
            connect(tab->loader(), &ImageLoader::treesReady, this, [this, tab] {
                if (m_waitingFor == tab && m_step >= 0)
                    QTimer::singleShot(0, this, &Lesson::apply);
            });
        }
        return;
    }
    show(tab->page(), tab);
}

void Lesson::show(ImagePage *page, ImageTab *tab)
{
    const ImageLoader &loader = *tab->loader();
    const int top = int(loader.layers().size()) - 1;
    const int second = std::min(1, top);
    FileTreePane *tree = page->treePane();
    if (m_step != Reuse)
        closeReuse();
    if (m_step != LayerFiles && tree->layerOnly())
        tree->setLayerOnly(false);
    switch (Step(m_step)) {
    case Layers:
        page->selectLayer(top);
        page->centerTabs()->setCurrentWidget(tree);
        setTarget(page->layerStackArea(),
                  tr("An image is a stack of layers, the oldest at the bottom. Each block is one "
                     "layer: the files one build step added, changed or deleted. The heights are "
                     "to scale: a bigger block is a bigger layer."));
        return;
    case ReadOnly:
        page->selectLayer(second);
        page->detailTabs()->setCurrentWidget(page->layerDetails());
        setTarget(page->layerDetails(),
                  tr("A layer never changes once it is built: it is read-only. Its name, the "
                     "diff_id, is the SHA-256 of its content, so any number of images and "
                     "containers can use the same layer at the same time."));
        return;
    case ContainerLayer:
        page->detailTabs()->setCurrentWidget(page->containersPane());
        setTarget(page->containersPane(),
                  tr("docker run adds one thin layer on top, the dashed block: the container's "
                     "read-write layer. Whatever the container writes goes there; the image's "
                     "layers below stay as they are."));
        return;
    case DockerImages:
        page->selectLayer(top);
        setTarget(page->layerStackArea(),
                  tr("docker images shows the image's SIZE: all its layers together, here %1 in "
                     "%2 layers. Layers shared with other images are stored only once, so the "
                     "sizes of several images do not simply add up.")
                      .arg(formatDataSize(imageDisplaySize(loader.imageInfo(), loader.layers())))
                      .arg(top + 1));
        return;
    case DockerSave:
    case Manifest:
    case LayerFolder: {
        ArchivePane *archive = page->archivePane();
        if (!archive) {
            setTarget(nullptr, tr("docker save writes an image into one tar file; this image "
                                  "comes from an engine or a registry, so there is no archive "
                                  "to open. Open a saved .tar to see this step."));
            return;
        }
        page->centerTabs()->setCurrentWidget(archive);
        const ArchiveMap *map = archive->model()->map();
        if (m_step == DockerSave) {
            setTarget(archive->memberList(),
                      tr("docker save nginx > nginx.tar writes the image into one tar file. tar "
                         "tvf nginx.tar lists what is inside: these files, in the order they are "
                         "stored."));
        } else if (m_step == Manifest) {
            archive->selectMember(map->manifestMember(loader.image()));
            setTarget(archive->contentView(),
                      tr("manifest.json is the table of contents: for each image its tags, its "
                         "config file and its layers, bottom first. Everything else is found "
                         "from here."));
        } else {
            int row = map->findLayerMember(loader.image(), second, MemberRole::LayerJson);
            if (row < 0)
                row = map->findLayerMember(loader.image(), second, MemberRole::Layer);
            if (row >= 0)
                archive->selectMember(map->members()[size_t(row)].name);
            setTarget(archive->memberList(),
                      tr("In docker save's classic format every layer has its own folder: json "
                         "(the layer's metadata), VERSION (the format, 1.0) and layer.tar (the "
                         "layer's files). Newer formats keep the same tar as a blob named by its "
                         "SHA-256."));
        }
        return;
    }
    case LayerFiles:
        page->centerTabs()->setCurrentWidget(tree);
        page->selectLayer(second);
        tree->setLayerOnly(true);
        setTarget(tree, tr("Open one layer and you see only its own files: what this one build "
                           "step changed, nothing from the layers below."));
        return;
    case History:
        page->leftTabs()->setCurrentWidget(page->historyView());
        page->centerTabs()->setCurrentWidget(tree);
        setTarget(page->historyView(),
                  tr("docker history lists the steps that built the image, newest first; the "
                     "stack above reads from the bottom up. Steps such as ENV or CMD only change "
                     "the settings: they make no layer and show 0 B."));
        return;
    case Reuse: {
        m_reuse = m_window->openReuseDemo();
        if (m_reuse) {
            // Over the tabs, leaving the lesson's panel under it in view.
            const QWidget *central = m_window->centralWidget();
            m_reuse->setGeometry(QRect(central->mapToGlobal(QPoint(0, 0)), central->size()));
        }
        setTarget(nullptr,
                  tr("Images built on the same base share its layers, and the engine keeps "
                     "each layer once however many images use it. Here three images share "
                     "their bottom layers: the saving is the sum of what is not stored twice."));
        return;
    }
    case Overlay: {
        OverlayPane *overlay = page->overlayPane();
        page->selectLayer(top);
        page->centerTabs()->setCurrentWidget(tree);
        page->detailTabs()->setCurrentWidget(overlay);
        overlay->reset();
        setTarget(overlay,
                  tr("A running container sees one folder, merged. overlay2 makes it from the "
                     "image's layers as read-only lowerdirs and the container's own, empty "
                     "upperdir on top; overlayfs needs a workdir beside it."));
        return;
    }
    case Whiteouts: {
        const int layer = layerWithWhiteouts(loader);
        page->selectLayer(layer);
        page->centerTabs()->setCurrentWidget(page->layerTarPane());
        setTarget(page->layerTarPane(),
                  tr("A later layer cannot change a lower one, so a deletion is stored as a "
                     "whiteout: an empty file .wh.NAME that hides NAME, and .wh..wh..opq that "
                     "hides a whole folder. On disk overlay2 writes a 0/0 device instead."));
        return;
    }
    case Sizes: {
        OverlayPane *overlay = page->overlayPane();
        page->selectLayer(top);
        page->centerTabs()->setCurrentWidget(tree);
        page->detailTabs()->setCurrentWidget(overlay);
        if (!overlay->simulation()) {
            // The merged tree is still being made: try again in a moment.
            const int step = m_step;
            QTimer::singleShot(200, this, [this, step] {
                if (m_step == step)
                    apply();
            });
            setTarget(overlay, tr("Reading the image…"));
            return;
        }
        const QString path = largestFile(*tree->model()->snapshot().tree);
        tree->selectPath(path);
        overlay->setCurrentPath(path);
        overlay->reset();
        overlay->writeCurrent();
        const qint64 upper = overlay->simulation()->upperBytes();
        const qint64 image = overlay->imageBytes();
        setTarget(overlay,
                  tr("Change a single byte of /%1 in a container and overlay2 first copies the "
                     "whole file up into the container's layer: docker ps -s now says SIZE %2 "
                     "(virtual %3). The image's %4 stay on disk once, however many containers "
                     "run it.")
                      .arg(path, formatDataSize(upper), formatDataSize(image + upper),
                           formatDataSize(image)));
        return;
    }
    case StepCount:
        break;
    }
}

} // namespace strata

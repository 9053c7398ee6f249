#include "windows/reusewindow.h"

#include "analysis/efficiency.h"
#include "common/datasize.h"
#include "models/formatting.h"
#include "models/overlaymodel.h"
#include "models/reuseworkspace.h"
#include "panes/messagebar.h"
#include "report/reusereport.h"
#include "source/imagesource.h"
#include "views/reusediagram.h"
#include "windows/presentationzoom.h"

#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace strata {

namespace {

// How many paths the overlay panel offers: the ones with the most bytes in copies first.
constexpr int kSuggestedPaths = 200;
// The diagram grows to fill the window when images first arrive, but not beyond this: a
// presentation wants large text, not three giant blocks.
constexpr qreal kFirstFitZoom = 2.0;

QTableWidget *table(const QStringList &headers, const QString &name)
{
    auto *t = new QTableWidget(0, int(headers.size()));
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

QTableWidgetItem *cell(const QString &text, bool editable = false,
                       Qt::Alignment alignment = Qt::AlignLeft)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment | Qt::AlignVCenter);
    if (!editable)
        item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

QLabel *wrappingLabel(const QString &name)
{
    auto *label = new QLabel;
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    return label;
}

QString normalizedPath(QString path)
{
    path = path.trimmed();
    while (path.startsWith(QLatin1String("./")))
        path.remove(0, 2);
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}

} // namespace

ReuseWindow::ReuseWindow(QWidget *parent)
    : QMainWindow(parent), m_workspace(new ReuseWorkspace(this)), m_diagram(new ReuseDiagram),
      m_message(new MessageBar), m_totals(wrappingLabel(QStringLiteral("reuseTotals"))),
      m_sameDiff(wrappingLabel(QStringLiteral("reuseSameDiff"))),
      m_selection(wrappingLabel(QStringLiteral("reuseSelection"))), m_tabs(new QTabWidget),
      m_images(table(
          {tr("Image"), tr("Size"), tr("Shared"), tr("Unique"), tr("Layers"), tr("Containers")},
          QStringLiteral("reuseImages"))),
      m_containers(table({tr("Container"), tr("Image"), tr("Read-write layer"), tr("Size is")},
                         QStringLiteral("reuseContainers"))),
      m_target(new QComboBox), m_path(new QComboBox), m_overlay(new OverlayModel(this)),
      m_overlayView(new QTableView), m_mount(wrappingLabel(QStringLiteral("reuseMount"))),
      m_zoom(new PresentationZoom(this))
{
    setObjectName(QStringLiteral("reuseWindow"));
    setWindowTitle(tr("Layer Reuse — Strata"));
    setAcceptDrops(true);
    m_diagram->setObjectName(QStringLiteral("reuseDiagram"));
    m_images->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_selection->setText(tr("Click a layer, a container or an image name."));

    m_tabs->addTab(createTotalsPage(), tr("Totals"));
    m_tabs->addTab(createContainersPage(), tr("Containers"));
    m_tabs->addTab(createOverlayPage(), tr("Overlay"));

    auto *area = new QScrollArea;
    area->setWidget(m_diagram);
    area->setWidgetResizable(true);
    area->setBackgroundRole(QPalette::Base);
    auto *side = new QSplitter(Qt::Vertical);
    side->addWidget(m_tabs);
    auto *selectionArea = new QScrollArea;
    selectionArea->setWidget(m_selection);
    selectionArea->setWidgetResizable(true);
    selectionArea->setFrameShape(QFrame::NoFrame);
    side->addWidget(selectionArea);
    side->setStretchFactor(0, 3);
    side->setStretchFactor(1, 1);

    auto *body = new QSplitter(Qt::Horizontal);
    body->addWidget(area);
    body->addWidget(side);
    body->setStretchFactor(0, 3);
    body->setStretchFactor(1, 2);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message);
    layout->addWidget(body, 1);
    setCentralWidget(central);
    resize(1400, 860);
    createActions();
    connectWorkspace();
    connectSelection();
    refresh();
}

QWidget *ReuseWindow::createTotalsPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_totals);
    layout->addWidget(m_images, 1);
    layout->addWidget(m_sameDiff);
    return page;
}

QWidget *ReuseWindow::createContainersPage()
{
    m_containers->setEditTriggers(QAbstractItemView::DoubleClicked |
                                  QAbstractItemView::EditKeyPressed |
                                  QAbstractItemView::AnyKeyPressed);
    m_containers->setToolTip(tr("Double-click an assumed container's name or size to change "
                                "it; sizes like 4kB, 12MB or 1.5GiB"));
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *explain = wrappingLabel(QStringLiteral("containersHint"));
    explain->setText(
        tr("A container shares every layer of its image and adds one thin read-write "
           "layer. The containers an engine runs of its images are listed with the size the "
           "engine measures (as docker ps -s shows it); those you add are assumptions for the "
           "illustration."));
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add Container"));
    auto *remove = new QPushButton(tr("Remove"));
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    layout->addWidget(explain);
    layout->addLayout(buttons);
    layout->addWidget(m_containers, 1);

    connect(add, &QPushButton::clicked, this, &ReuseWindow::addContainerOnSelectedImage);
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_containers->currentRow();
        if (row >= 0 && m_workspace->isMeasured(row))
            m_message->showMessage(MessageBar::Kind::Information,
                                   tr("That container is the engine's: remove it with docker rm "
                                      "or podman rm, and it goes from here too."));
        else if (row >= 0)
            m_workspace->removeContainer(row);
    });
    connect(m_containers, &QTableWidget::itemChanged, this, &ReuseWindow::onContainerEdited);
    return page;
}

QWidget *ReuseWindow::createOverlayPage()
{
    m_target->setObjectName(QStringLiteral("overlayTarget"));
    m_path->setObjectName(QStringLiteral("overlayPath"));
    m_path->setEditable(true);
    m_path->setInsertPolicy(QComboBox::NoInsert);
    m_path->lineEdit()->setPlaceholderText(tr("A path in the image, e.g. etc/os-release"));
    m_path->setToolTip(tr("Offered first: the paths that several layers write or delete"));
    m_overlayView->setObjectName(QStringLiteral("overlayTable"));
    m_overlayView->setModel(m_overlay);
    m_overlayView->verticalHeader()->hide();
    m_overlayView->horizontalHeader()->setStretchLastSection(true);
    m_overlayView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_overlayView->setWordWrap(false);
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    form->addRow(tr("Mounted:"), m_target);
    form->addRow(tr("Path:"), m_path);
    layout->addLayout(form);
    layout->addWidget(m_overlayView, 1);
    layout->addWidget(m_mount);

    connect(m_target, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        suggestPaths(m_target->currentData().toPoint().x());
        updateOverlay();
    });
    connect(m_path, &QComboBox::currentTextChanged, this, &ReuseWindow::updateOverlay);
    return page;
}

void ReuseWindow::connectWorkspace()
{
    connect(m_workspace, &ReuseWorkspace::changed, this, &ReuseWindow::refresh);
    connect(m_workspace, &ReuseWorkspace::failed, this, [this](const QString &message) {
        m_message->showMessage(MessageBar::Kind::Error, message);
    });
    connect(m_workspace, &ReuseWorkspace::pendingChanged, this, [this](int jobs) {
        if (jobs > 0)
            statusBar()->showMessage(tr("Reading layers: %n job(s) left…", nullptr, jobs));
        else
            statusBar()->showMessage(tr("Every layer read: sizes are counted from the files"),
                                     5000);
    });
}

// The diagram, the tables and the overlay panel follow each other's selection.
void ReuseWindow::connectSelection()
{
    connect(m_diagram, &ReuseDiagram::currentChanged, this, &ReuseWindow::showCurrent);
    connect(m_diagram, &ReuseDiagram::addContainerRequested, this,
            [this](int image) { m_workspace->addContainer(image); });
    connect(m_images, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (!m_filling && row >= 0)
            m_diagram->setCurrentImage(m_images->item(row, 0)->data(Qt::UserRole).toInt());
    });
    connect(m_containers, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (!m_filling && row >= 0)
            m_diagram->setCurrent({ReuseScene::Kind::Container, row});
    });
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [this] { suggestPaths(m_target->currentData().toPoint().x()); });
}

void ReuseWindow::onContainerEdited(QTableWidgetItem *item)
{
    if (m_filling)
        return;
    const int row = item->row();
    if (item->column() == 0) {
        m_workspace->setContainerName(row, item->text());
    } else if (item->column() == 2) {
        qint64 bytes = 0;
        if (parseByteSize(item->text(), &bytes)) {
            m_message->clear();
            m_workspace->setContainerSize(row, bytes);
        } else {
            m_message->showMessage(
                MessageBar::Kind::Warning,
                tr("“%1” is not a size: write it like 4kB, 12MB or 1.5GiB.").arg(item->text()));
        }
    }
    fillContainers(); // shows what was accepted
}

void ReuseWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *addArchive =
        file->addAction(tr("&Add Archive…"), this, &ReuseWindow::showAddArchiveDialog);
    addArchive->setShortcut(QKeySequence::Open);
    addArchive->setStatusTip(tr("Add the images of another archive to the comparison"));
    QAction *exportDiagram =
        file->addAction(tr("&Export Diagram…"), this, &ReuseWindow::showExportDialog);
    exportDiagram->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportDiagram->setStatusTip(tr("Save the reuse diagram as an image for slides (SVG or PNG)"));
    file->addSeparator();
    QAction *close = file->addAction(tr("&Close"), this, &QWidget::close);
    close->setShortcut(QKeySequence::Close);

    QMenu *containers = menuBar()->addMenu(tr("&Containers"));
    QAction *addContainer = containers->addAction(tr("&Add Container"), this,
                                                  &ReuseWindow::addContainerOnSelectedImage);
    addContainer->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    addContainer->setStatusTip(
        tr("Run the selected image once more: one thin read-write layer on top of it"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const PresentationZoom::Actions zoom = m_zoom->addActions(view);
    view->addSeparator();
    view->addAction(tr("Enlarge Diagram"), m_diagram, &ReuseDiagram::zoomIn);
    view->addAction(tr("Shrink Diagram"), m_diagram, &ReuseDiagram::zoomOut);
    QAction *fit = view->addAction(tr("&Fit Diagram"), this, [this] { m_diagram->fit(); });
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    fit->setStatusTip(tr("Make the diagram as large as the window allows"));

    QToolBar *toolbar = addToolBar(tr("Reuse"));
    toolbar->setObjectName(QStringLiteral("reuseToolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(addArchive);
    toolbar->addAction(addContainer);
    toolbar->addAction(exportDiagram);
    toolbar->addSeparator();
    toolbar->addAction(zoom.zoomIn);
    toolbar->addAction(zoom.zoomOut);
    toolbar->addAction(fit);
}

void ReuseWindow::addLocations(const QStringList &locations)
{
    for (const QString &location : locations)
        m_workspace->openLocation(location);
}

int ReuseWindow::addContainerOnSelectedImage()
{
    int image = m_diagram->currentImage();
    if (image < 0 && !m_workspace->analysis().images.empty())
        image = m_workspace->analysis().columns.value(0, 0);
    const int container = m_workspace->addContainer(image);
    if (container >= 0) {
        m_diagram->setCurrent({ReuseScene::Kind::Container, container});
        m_tabs->setCurrentIndex(1);
    }
    return container;
}

void ReuseWindow::refresh()
{
    const ReuseAnalysis &a = m_workspace->analysis();
    const bool first = m_diagram->scene().analysis().images.empty() && !a.images.empty();
    m_diagram->setAnalysis(a);
    if (first) // once the layouts have settled, so that the viewport has its final size
        QTimer::singleShot(0, m_diagram, [this] { m_diagram->fit(kFirstFitZoom); });
    // Each line escaped on its own: escaping them joined would show the <br> between them.
    QStringList totals;
    for (const QString &line : m_diagram->scene().totalsLines())
        totals << line.toHtmlEscaped();
    m_totals->setText(QStringLiteral("<b>%1</b><br>%2")
                          .arg(totals.value(0), totals.mid(1).join(QStringLiteral("<br>"))));
    QStringList sameDiff;
    for (const ReuseSameDiff &group : a.sameDiff) {
        for (const ReuseDivergence &d : group.divergences)
            sameDiff << m_diagram->scene().divergenceText(d.layer).toHtmlEscaped();
    }
    m_sameDiff->setText(sameDiff.isEmpty() ? QString()
                                           : QStringLiteral("<b>%1</b><br>%2")
                                                 .arg(tr("Same diff, not shared"),
                                                      sameDiff.join(QStringLiteral("<br>"))));
    m_sameDiff->setVisible(!sameDiff.isEmpty());
    fillImages();
    fillContainers();
    fillTargets();
    showCurrent(m_diagram->current());
    if (a.images.empty())
        m_message->showMessage(MessageBar::Kind::Information,
                               tr("Add archives (File > Add Archive… or drop them here) to see "
                                  "which layers their images share."));
    else if (m_message->kind() == MessageBar::Kind::Information)
        m_message->clear();
}

void ReuseWindow::fillImages()
{
    const ReuseAnalysis &a = m_workspace->analysis();
    m_filling = true;
    m_images->setRowCount(int(a.columns.size()));
    const auto right = Qt::AlignRight;
    for (int row = 0; row < a.columns.size(); ++row) {
        const int index = a.columns[row];
        const ReuseImage &image = a.images[size_t(index)];
        QTableWidgetItem *name = cell(image.name);
        name->setData(Qt::UserRole, index);
        name->setToolTip(image.archives.join(QLatin1Char('\n')));
        m_images->setItem(row, 0, name);
        m_images->setItem(row, 1, cell(formatDataSize(image.size), false, right));
        m_images->setItem(row, 2, cell(formatDataSize(image.sharedSize), false, right));
        m_images->setItem(row, 3, cell(formatDataSize(image.uniqueSize), false, right));
        m_images->setItem(row, 4, cell(QString::number(image.layers.size()), false, right));
        m_images->setItem(row, 5, cell(QString::number(image.containers.size()), false, right));
    }
    m_images->resizeColumnsToContents();
    m_filling = false;
}

void ReuseWindow::fillContainers()
{
    const ReuseAnalysis &a = m_workspace->analysis();
    m_filling = true;
    m_containers->setRowCount(int(a.containers.size()));
    for (size_t i = 0; i < a.containers.size(); ++i) {
        const ReuseContainer &c = a.containers[i];
        m_containers->setItem(int(i), 0, cell(c.name, !c.measured));
        m_containers->setItem(int(i), 1, cell(a.images[size_t(c.image)].name));
        m_containers->setItem(int(i), 2, cell(formatDataSize(c.size), !c.measured, Qt::AlignRight));
        m_containers->setItem(
            int(i), 3,
            cell(c.measured ? tr("measured by the engine (%1)").arg(c.state) : tr("assumed")));
    }
    m_containers->resizeColumnsToContents();
    m_filling = false;
}

// The overlay can mount any image, or any container (its image plus an empty upperdir).
void ReuseWindow::fillTargets()
{
    const ReuseAnalysis &a = m_workspace->analysis();
    const QPoint previous = m_target->currentData().toPoint();
    m_filling = true;
    m_target->clear();
    for (int index : a.columns) {
        const ReuseImage &image = a.images[size_t(index)];
        m_target->addItem(tr("image %1").arg(image.name), QPoint(index, -1));
        for (int c : image.containers)
            m_target->addItem(
                tr("%1 (container of %2)").arg(a.containers[size_t(c)].name, image.name),
                QPoint(index, c));
    }
    const int keep = m_target->findData(previous);
    m_target->setCurrentIndex(keep >= 0 ? keep : 0);
    m_filling = false;
    if (m_target->count() > 0)
        suggestPaths(m_target->currentData().toPoint().x());
    updateOverlay();
}

void ReuseWindow::showCurrent(ReuseScene::Hit hit)
{
    const ReuseAnalysis &a = m_workspace->analysis();
    m_selection->setText(hit.valid() ? m_diagram->scene().toolTip(hit)
                                     : tr("Click a layer, a container or an image name."));
    if (!hit.valid())
        return;
    // Follow the diagram's selection in the tables and the overlay panel.
    m_filling = true;
    QPoint target(m_diagram->currentImage(), -1);
    if (hit.kind == ReuseScene::Kind::Container) {
        target = QPoint(a.containers[size_t(hit.index)].image, hit.index);
        m_containers->selectRow(hit.index);
    }
    for (int row = 0; row < m_images->rowCount(); ++row) {
        if (m_images->item(row, 0)->data(Qt::UserRole).toInt() == target.x())
            m_images->selectRow(row);
    }
    m_filling = false;
    const int index = m_target->findData(target);
    if (index >= 0)
        m_target->setCurrentIndex(index);
}

// Offers the paths worth looking at through the overlay: those that several layers of the
// image write or delete (the efficiency analysis finds them), the most bytes first. Only while
// the Overlay tab is shown: the analysis holds every path of every layer.
void ReuseWindow::suggestPaths(int image)
{
    const ReuseInput *input = m_workspace->inputOf(image);
    if (!input || m_tabs->currentWidget() != m_overlayView->parentWidget())
        return;
    const bool loaded =
        !input->layers.empty() && std::all_of(input->layers.begin(), input->layers.end(),
                                              [](const auto &l) { return l != nullptr; });
    if (!loaded || m_suggestedFor == image)
        return;
    m_suggestedFor = image;
    m_suggesting.run(
        [info = input->image, layers = input->layers] {
            const EfficiencyReport report = analyzeEfficiency(info, LayerList(layers));
            QStringList paths;
            for (const InefficientPath &p : report.paths) {
                if (paths.size() >= kSuggestedPaths)
                    break;
                paths << QString::fromStdString(p.path);
            }
            return paths;
        },
        [this](const QStringList &paths) {
            const QString typed = m_path->currentText();
            const QSignalBlocker blocker(m_path);
            m_path->clear();
            m_path->addItems(paths);
            m_path->setCurrentText(typed.isEmpty() ? paths.value(0) : typed);
            updateOverlay();
        });
}

void ReuseWindow::showOverlay(const QString &path)
{
    m_path->setCurrentText(path);
    updateOverlay();
}

void ReuseWindow::updateOverlay()
{
    const ReuseAnalysis &a = m_workspace->analysis();
    const QPoint target = m_target->currentData().toPoint();
    const ReuseInput *input = m_workspace->inputOf(target.x());
    const QString path = normalizedPath(m_path->currentText());
    if (!input || input->layers.empty() || path.isEmpty()) {
        m_overlay->clear();
        m_mount->clear();
        return;
    }
    const QString container = target.y() >= 0 ? a.containers[size_t(target.y())].name : QString();
    const int top = int(input->layers.size()) - 1;
    m_overlay->setPath(input->layers, top, path, container);
    m_overlayView->resizeColumnsToContents();

    // The mount overlay2 would make, top lowerdir first, so that the rows above read as it.
    const ReuseImage &image = a.images[size_t(target.x())];
    QStringList lower;
    for (int position = top - (container.isEmpty() ? 1 : 0); position >= 0; --position)
        lower << m_diagram->scene().layerTitle(image.layers.value(position));
    const QString upper = container.isEmpty()
                              ? m_diagram->scene().layerTitle(image.layers.value(top))
                              : tr("%1's read-write layer").arg(container);
    m_mount->setText(
        QStringLiteral(
            "<b>%1</b><br><code>lowerdir</code> = %2<br><code>upperdir</code> = %3<br>%4")
            .arg(tr("How overlayfs mounts it"), lower.join(QStringLiteral(" : ")).toHtmlEscaped(),
                 upper.toHtmlEscaped(),
                 tr("The lowerdirs are read-only and the first one listed is on top; what the "
                    "container writes goes to the upperdir; the merged view shows the topmost "
                    "copy of each path unless a whiteout above deletes it.")));
}

void ReuseWindow::showAddArchiveDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Add Archive"), QDir::homePath(),
        tr("Image archives (*.tar *.tar.gz *.tgz *.tar.xz *.tar.zst);;All files (*)"));
    addLocations(files);
}

bool ReuseWindow::exportDiagram(const QString &path)
{
    return path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive) ? m_diagram->exportSvg(path)
                                                                     : m_diagram->exportPng(path);
}

void ReuseWindow::showExportDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Diagram"), QDir::homePath() + QStringLiteral("/layer-reuse.svg"),
        tr("SVG image (*.svg);;PNG image (*.png)"));
    if (!path.isEmpty() && !exportDiagram(path))
        QMessageBox::warning(this, tr("Export Diagram"), tr("%1 could not be written.").arg(path));
}

void ReuseWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void ReuseWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    addLocations(paths);
    event->acceptProposedAction();
}

} // namespace strata

#include "windows/comparewindow.h"

#include "analysis/contentdiff.h"
#include "common/datasize.h"
#include "models/changestyle.h"
#include "models/formatting.h"
#include "models/imageloader.h"
#include "models/largestchangesmodel.h"
#include "models/packagemodel.h"
#include "models/treediffmodel.h"
#include "models/viewcolors.h"
#include "panes/loadprogressbar.h"
#include "source/opensource.h"
#include "views/layerstackview.h"
#include "views/tabdetacher.h"
#include "windows/filediffwindow.h"

#include <QApplication>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace strata {

namespace {
QScrollArea *scrolled(QWidget *widget)
{
    auto *area = new QScrollArea;
    area->setWidget(widget);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

QTableWidget *table(const QStringList &headers, const QString &name)
{
    auto *t = new QTableWidget(0, int(headers.size()));
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

void setRow(QTableWidget *t, int row, const QStringList &cells, const QColor &colour = {})
{
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells[c]);
        if (colour.isValid())
            item->setForeground(colour);
        t->setItem(row, c, item);
    }
}

QString signedBytes(qint64 delta)
{
    return (delta > 0   ? QStringLiteral("+")
            : delta < 0 ? QStringLiteral("−")
                        : QString()) +
           formatDataSize(delta < 0 ? -delta : delta);
}
} // namespace

CompareWindow::CompareWindow(QWidget *parent)
    : QMainWindow(parent), m_loaderA(new ImageLoader(this)), m_loaderB(new ImageLoader(this)),
      m_summary(new QLabel), m_progress(new LoadProgressBar), m_stackA(new LayerStackView),
      m_stackB(new LayerStackView), m_tabs(new QTabWidget), m_model(new TreeDiffModel(this)),
      m_tree(new QTreeView), m_changesOnly(new QCheckBox(tr("Changes only"))),
      m_byDelta(new QCheckBox(tr("Largest change first"))),
      m_showDifferences(new QPushButton(tr("Show Differences"))),
      m_contents(new QPushButton(tr("Compare Contents"))),
      m_largestModel(new LargestChangesModel(this)), m_largest(new QTableView),
      m_largestCount(new QLabel),
      m_history(table({tr("A"), tr(""), tr("B")}, QStringLiteral("historyDiff"))),
      m_config(table({tr("Setting"), tr("A"), tr("B")}, QStringLiteral("configDiff"))),
      m_packageModel(new PackageModel(this)), m_packageSummary(new QLabel)
{
    setObjectName(QStringLiteral("compareWindow"));
    setWindowTitle(tr("Compare Images — Strata"));
    setAttribute(Qt::WA_DeleteOnClose, false);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setText(tr("Reading both images…"));
    m_progress->hide();
    m_stackA->setObjectName(QStringLiteral("stackA"));
    m_stackB->setObjectName(QStringLiteral("stackB"));

    auto *stacks = new QSplitter(Qt::Horizontal);
    stacks->addWidget(scrolled(m_stackA));
    stacks->addWidget(scrolled(m_stackB));
    m_tabs->addTab(createFilesTab(), tr("Files"));
    m_tabs->addTab(createLargestTab(), tr("Largest Changes"));
    m_tabs->addTab(m_history, tr("History"));
    m_tabs->addTab(m_config, tr("Config"));
    m_tabs->addTab(createPackagesTab(), tr("Packages"));
    new TabDetacher(m_tabs);

    // What the shading of the stacks means: a swatch in the colour the blocks are shaded with.
    auto *legend = new QLabel;
    legend->setObjectName(QStringLiteral("sharedLegend"));
    const QColor shade =
        mixColors(palette().color(QPalette::Base), accentColors(palette()).shade, 0.4);
    legend->setText(QStringLiteral("<span style=\"background-color:%1; color:%1\">"
                                   "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;%2")
                        .arg(shade.name(), tr("shared with the other image (same chain ID): "
                                              "stored once")
                                               .toHtmlEscaped()));
    auto *stacksPane = new QWidget;
    auto *stacksLayout = new QVBoxLayout(stacksPane);
    stacksLayout->setContentsMargins(0, 0, 0, 0);
    stacksLayout->addWidget(stacks, 1);
    stacksLayout->addWidget(legend);

    auto *body = new QSplitter(Qt::Horizontal);
    body->addWidget(stacksPane);
    body->addWidget(m_tabs);
    body->setStretchFactor(0, 2);
    body->setStretchFactor(1, 3);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    layout->addWidget(body, 1);
    setCentralWidget(central);
    resize(1400, 860);

    for (ImageLoader *loader : {m_loaderA, m_loaderB}) {
        connect(loader, &ImageLoader::sourceOpened, this,
                [this, loader] { onSourceOpened(loader); });
        connect(loader, &ImageLoader::progressChanged, this, &CompareWindow::onLoadProgress);
        connect(loader, &ImageLoader::treesReady, this, &CompareWindow::onTreesReady);
        connect(loader, &ImageLoader::failed, this, &CompareWindow::onLoaderFailed);
        connect(loader, &ImageLoader::cancelled, this, [this] {
            m_progress->hide();
            m_summary->setText(tr("Reading the images was cancelled."));
        });
    }
    connect(m_progress, &LoadProgressBar::cancelRequested, this, [this] {
        m_loaderA->cancel();
        m_loaderB->cancel();
    });
    // One zoom for both stacks, like one scale: the same height is the same bytes.
    connect(m_stackA, &LayerStackView::zoomChanged, m_stackB, &LayerStackView::setZoom);
    connect(m_stackB, &LayerStackView::zoomChanged, m_stackA, &LayerStackView::setZoom);
    connect(m_stackA, &LayerStackView::layerSelected, this, [this](int layer) {
        if (m_comparison && layer != m_comparison->a.topLayer())
            recompare(layer, m_comparison->b.topLayer());
    });
    connect(m_stackB, &LayerStackView::layerSelected, this, [this](int layer) {
        if (m_comparison && layer != m_comparison->b.topLayer())
            recompare(m_comparison->a.topLayer(), layer);
    });
}

QWidget *CompareWindow::createLargestTab()
{
    m_largest->setObjectName(QStringLiteral("largestChanges"));
    m_largest->setModel(m_largestModel);
    m_largest->verticalHeader()->hide();
    m_largest->verticalHeader()->setDefaultSectionSize(m_largest->fontMetrics().height() + 6);
    m_largest->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_largest->setSortingEnabled(true);
    m_largest->sortByColumn(LargestChangesModel::DeltaColumn, Qt::DescendingOrder);
    m_largest->horizontalHeader()->setStretchLastSection(true);
    m_largest->setWordWrap(false);
    m_largest->setTextElideMode(Qt::ElideMiddle);
    m_largestCount->setObjectName(QStringLiteral("largestCount"));
    m_largestCount->setWordWrap(true);
    auto *tab = new QWidget;
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_largestCount);
    layout->addWidget(m_largest, 1);
    return tab;
}

QWidget *CompareWindow::createPackagesTab()
{
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_packageModel);
    proxy->setSortRole(PackageModel::SortRole);
    auto *view = new QTreeView;
    view->setObjectName(QStringLiteral("packageDiff"));
    view->setModel(proxy);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSortingEnabled(true);
    view->sortByColumn(PackageModel::NameColumn, Qt::AscendingOrder);
    // A comparison of two images has no layer of its own to count bytes in.
    view->setColumnHidden(PackageModel::LayerBytesColumn, true);
    view->setColumnHidden(PackageModel::LayerColumn, true);
    view->header()->setStretchLastSection(false);
    view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->header()->setSectionResizeMode(PackageModel::NameColumn, QHeaderView::Stretch);
    m_packageSummary->setObjectName(QStringLiteral("packageSummary"));
    m_packageSummary->setWordWrap(true);
    m_packageSummary->setText(tr("Reading both images' package databases…"));
    auto *tab = new QWidget;
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_packageSummary);
    layout->addWidget(view, 1);
    return tab;
}

// Both images' package databases, read once in the background; compared at the layers shown.
void CompareWindow::comparePackagesOfSides()
{
    if (m_packagesA && m_packagesB) {
        showPackageChanges();
        return;
    }
    m_packageSummary->setText(tr("Reading both images' package databases…"));
    m_packageModel->clear();
    m_packageReading.run(
        [a = m_a, b = m_b](const std::atomic_bool &cancel) {
            PackageObserver observer;
            observer.cancel = &cancel;
            return std::make_pair(std::make_shared<const ImagePackages>(
                                      readImagePackages(*a.source, a.image, a.layers, observer)),
                                  std::make_shared<const ImagePackages>(
                                      readImagePackages(*b.source, b.image, b.layers, observer)));
        },
        [this](const auto &read) {
            m_packagesA = read.first;
            m_packagesB = read.second;
            showPackageChanges();
        });
}

void CompareWindow::showPackageChanges()
{
    if (!m_comparison || !m_packagesA || !m_packagesB)
        return;
    for (const auto &side : {m_packagesA, m_packagesB}) {
        if (side->error) {
            m_packageSummary->setText(
                tr("The packages could not be read: %1").arg(side->error.toString()));
            return;
        }
    }
    const auto at = [](const ImagePackages &packages, int top) {
        return packages.layers.empty() ? std::vector<PackagePtr>()
                                       : packages.layers[size_t(top)].packages;
    };
    std::vector<PackageChange> changes = comparePackages(
        at(*m_packagesA, m_comparison->a.topLayer()), at(*m_packagesB, m_comparison->b.topLayer()));
    int added = 0, removed = 0, upgraded = 0;
    for (const PackageChange &change : changes) {
        added += change.kind == PackageChange::Kind::Added;
        removed += change.kind == PackageChange::Kind::Removed;
        upgraded += change.kind == PackageChange::Kind::Upgraded;
    }
    m_packageSummary->setText(changes.empty()
                                  ? tr("Both images have the same packages.")
                                  : tr("From A to B: %1 added, %2 removed, %3 upgraded.")
                                        .arg(added)
                                        .arg(removed)
                                        .arg(upgraded));
    m_packageModel->setChanges(std::move(changes));
}

QWidget *CompareWindow::createFilesTab()
{
    m_tree->setObjectName(QStringLiteral("diffTree"));
    m_tree->setModel(m_model);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CompareWindow::updateShowDifferences);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CompareWindow::updateShowDifferences);
    m_tree->setUniformRowHeights(true);
    m_changesOnly->setChecked(true);
    m_byDelta->setChecked(true);
    m_contents->setToolTip(
        tr("Read the files whose sizes are equal on both sides and compare their bytes"));
    connect(m_changesOnly, &QCheckBox::toggled, m_model, &TreeDiffModel::setChangesOnly);
    connect(m_byDelta, &QCheckBox::toggled, m_model, &TreeDiffModel::setSortByDelta);
    connect(m_contents, &QPushButton::clicked, this, &CompareWindow::compareContents);
    m_showDifferences->setObjectName(QStringLiteral("showDifferences"));
    m_showDifferences->setToolTip(
        tr("The selected file's two versions line by line (or double-click the file)"));
    m_showDifferences->setEnabled(false);
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const uint32_t entry = comparableEntry(m_model->entryOf(index));
        if (entry != kNoNode)
            compareFile(QString::fromStdString(m_diff->path(entry)));
    });
    connect(m_showDifferences, &QPushButton::clicked, this, [this] {
        const uint32_t entry = comparableEntry(m_model->entryOf(m_tree->currentIndex()));
        if (entry != kNoNode)
            compareFile(QString::fromStdString(m_diff->path(entry)));
    });

    auto *files = new QWidget;
    auto *layout = new QVBoxLayout(files);
    auto *options = new QHBoxLayout;
    options->addWidget(m_changesOnly);
    options->addWidget(m_byDelta);
    options->addStretch();
    options->addWidget(m_showDifferences);
    options->addWidget(m_contents);
    layout->addLayout(options);
    layout->addWidget(m_tree);
    return files;
}

uint32_t CompareWindow::comparableEntry(uint32_t entry) const
{
    if (!m_diff || entry == kNoNode || entry >= m_diff->entryCount() || m_diff->isDirectory(entry))
        return kNoNode;
    const DiffEntry &e = m_diff->entry(entry);
    const auto isFile = [](FileType type) {
        return type == FileType::Regular || type == FileType::Hardlink;
    };
    const bool fileA = e.inA() && isFile(m_diff->typeA(entry));
    const bool fileB = e.inB() && isFile(m_diff->typeB(entry));
    return e.status != DiffStatus::Unchanged && (fileA || fileB) ? entry : kNoNode;
}

void CompareWindow::updateShowDifferences()
{
    m_showDifferences->setEnabled(comparableEntry(m_model->entryOf(m_tree->currentIndex())) !=
                                  kNoNode);
}

FileDiffWindow *CompareWindow::compareFile(const QString &path)
{
    if (!m_comparison)
        return nullptr;
    const auto side = [](const DiffSide &s) {
        return FileDiffSide{s.source, s.image, s.layers, s.topLayer(),
                            tr("%1, layer %2").arg(s.info().displayName()).arg(s.topLayer())};
    };
    auto *window = new FileDiffWindow(this);
    window->setWindowFlag(Qt::Window);
    window->compare(side(m_comparison->a), side(m_comparison->b), path);
    window->show();
    return window;
}

void CompareWindow::openLocations(const QString &a, const QString &b)
{
    m_comparison.reset();
    m_progress->showBusy(tr("Opening both images…"));
    m_loaderA->open(a);
    m_loaderB->open(b);
}

void CompareWindow::compareWith(std::shared_ptr<ImageSource> a, int imageA, const QString &b)
{
    m_comparison.reset();
    m_progress->showBusy(tr("Opening %1…").arg(b));
    m_loaderA->loadImage(std::move(a), imageA);
    m_loaderB->open(b);
}

void CompareWindow::compare(std::shared_ptr<ImageSource> a, int imageA,
                            std::shared_ptr<ImageSource> b, int imageB)
{
    m_comparison.reset();
    m_progress->showBusy(tr("Reading both images…"));
    m_loaderA->loadImage(std::move(a), imageA);
    m_loaderB->loadImage(std::move(b), imageB);
}

void CompareWindow::onSourceOpened(ImageLoader *loader)
{
    // The only image, or the first of several (Compare With picks one from a tab).
    Error error;
    const int image = std::max(0, loader->source()->findImage(QString(), &error));
    loader->loadImage(loader->source(), image);
}

void CompareWindow::onLoaderFailed(const Error &error)
{
    m_loaderA->cancel();
    m_loaderB->cancel();
    m_progress->hide();
    m_summary->setText(error.toString().toHtmlEscaped());
    emit failed(error.toString());
}

void CompareWindow::onLoadProgress()
{
    // Both sides as one bar: layers and bytes of the two loads added up.
    LoadProgress total;
    for (const ImageLoader *loader : {m_loaderA, m_loaderB}) {
        const LoadProgress &p = loader->progress();
        total.layersDone += p.layersDone;
        total.layerCount += p.layerCount;
        total.bytesDone += p.bytesDone;
        total.bytesTotal += p.bytesTotal;
    }
    m_progress->showProgress(total);
}

// Both stacks measure their blocks against the largest layer of the two images.
void CompareWindow::shareStackScale()
{
    const qint64 reference = std::max(m_stackA->largestLayerSize(), m_stackB->largestLayerSize());
    m_stackA->setScaleReference(reference);
    m_stackB->setScaleReference(reference);
}

void CompareWindow::onTreesReady()
{
    if (m_loaderA->state() != ImageLoader::State::Loaded ||
        m_loaderB->state() != ImageLoader::State::Loaded)
        return;
    m_progress->hide();
    m_packageReading.cancel();
    m_packagesA.reset();
    m_packagesB.reset();
    m_a = DiffSide{m_loaderA->source(), m_loaderA->image(), m_loaderA->layers(), -1};
    m_b = DiffSide{m_loaderB->source(), m_loaderB->image(), m_loaderB->layers(), -1};
    setWindowTitle(
        tr("%1 ↔ %2 — Strata")
            .arg(locationTitle(m_a.source->location()), locationTitle(m_b.source->location())));
    m_stackA->setImage(m_a.info());
    m_stackB->setImage(m_b.info());
    shareStackScale();
    recompare(-1, -1);
}

void CompareWindow::recompare(int topA, int topB)
{
    m_summary->setText(tr("Comparing…"));
    DiffSide a = m_a;
    DiffSide b = m_b;
    a.top = topA;
    b.top = topB;
    m_contentComparing.cancel();
    m_comparing.run(
        [a, b]() mutable {
            return std::make_shared<ImageComparison>(compareImages(std::move(a), std::move(b)));
        },
        [this](std::shared_ptr<ImageComparison> comparison) {
            showComparison(std::move(comparison));
        });
}

void CompareWindow::showComparison(std::shared_ptr<ImageComparison> comparison)
{
    m_comparison = std::move(comparison);
    m_a.layers = m_comparison->a.layers;
    m_b.layers = m_comparison->b.layers;
    m_diff = std::make_shared<TreeDiff>(m_comparison->files);
    m_model->setDiff(m_diff);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(TreeDiffModel::NameColumn, QHeaderView::Stretch);

    m_stackA->setLayerTrees(m_a.layers);
    m_stackB->setLayerTrees(m_b.layers);
    shareStackScale();
    m_stackA->setCurrentLayer(m_comparison->a.topLayer());
    m_stackB->setCurrentLayer(m_comparison->b.topLayer());
    // The shared bottom layers in full colour on both sides; the rest of each stack plain.
    const LayerAlignment &align = m_comparison->layers;
    auto shades = [&](int count) {
        QList<double> s;
        for (int i = 0; i < count; ++i)
            s << (align.isShared(i) ? 1.0 : 0.0);
        return s;
    };
    const QString meaning = tr("shared with the other image (same chain ID)");
    m_stackA->setLayerShades(shades(int(m_a.info().layers.size())), meaning);
    m_stackB->setLayerShades(shades(int(m_b.info().layers.size())), meaning);

    fillSummary();
    fillLargest();
    fillHistory();
    fillConfig();
    m_contents->setEnabled(!m_diff->contentCandidates().empty());
    comparePackagesOfSides();
    emit comparisonReady();
}

void CompareWindow::fillSummary()
{
    const DiffSummary &s = m_comparison->summary;
    double percent = 0;
    const QString pct = s.sizeDeltaPercent(&percent)
                            ? QStringLiteral(" (%1%2 %)")
                                  .arg(percent >= 0 ? QStringLiteral("+") : QString())
                                  .arg(QLocale().toString(percent, 'f', 1))
                            : QString();
    const DiffCounts &c = m_diff->counts();
    m_summary->setText(
        tr("<table cellspacing=6><tr><th></th><th>A: %1</th><th>B: %2</th><th>Change</th></tr>"
           "<tr><td>Size</td><td>%3</td><td>%4</td><td>%5%6</td></tr>"
           "<tr><td>Layers</td><td>%7</td><td>%8</td><td>%9 shared</td></tr>"
           "<tr><td>Files</td><td>%10</td><td>%11</td><td>%12 added, %13 removed, %14 "
           "changed</td></tr></table>")
            .arg(m_comparison->a.info().displayName().toHtmlEscaped(),
                 m_comparison->b.info().displayName().toHtmlEscaped())
            .arg(formatDataSize(s.a.totalSize), formatDataSize(s.b.totalSize),
                 signedBytes(s.sizeDelta()), pct)
            .arg(s.a.layerCount)
            .arg(s.b.layerCount)
            .arg(m_comparison->layers.shared)
            .arg(format::count(s.a.fileCount), format::count(s.b.fileCount), format::count(c.added),
                 format::count(c.removed), format::count(c.changed)));
}

void CompareWindow::fillLargest()
{
    m_largestModel->setDiff(m_diff);
    m_largestCount->setText(
        tr("%1 and %2, the largest change first (growth or shrink); a header sorts by its "
           "column.")
            .arg(tr("%n changed file(s)", nullptr, m_largestModel->fileRows()),
                 tr("%n directory total(s)", nullptr, m_largestModel->directoryRows())));
    for (int c = 0; c < LargestChangesModel::PathColumn; ++c)
        m_largest->resizeColumnToContents(c);
}

void CompareWindow::fillHistory()
{
    const HistoryDiff &h = m_comparison->history;
    const QList<HistoryEntry> a = historyUpTo(m_comparison->a.info(), m_comparison->a.topLayer());
    const QList<HistoryEntry> b = historyUpTo(m_comparison->b.info(), m_comparison->b.topLayer());
    const QPalette palette = QApplication::palette();
    m_history->setRowCount(int(h.rows.size()));
    for (int r = 0; r < int(h.rows.size()); ++r) {
        const HistoryDiffRow &row = h.rows[size_t(r)];
        const QString left = row.a >= 0 && row.a < a.size() ? a[row.a].createdBy : QString();
        const QString right = row.b >= 0 && row.b < b.size() ? b[row.b].createdBy : QString();
        QString mark;
        ChangeKind kind = ChangeKind::Unchanged;
        switch (row.kind) {
        case HistoryDiffRow::Kind::Same:
            mark = QStringLiteral("=");
            break;
        case HistoryDiffRow::Kind::Changed:
            mark = QStringLiteral("~");
            kind = ChangeKind::Modified;
            break;
        case HistoryDiffRow::Kind::Removed:
            mark = QStringLiteral("−");
            kind = ChangeKind::Deleted;
            break;
        case HistoryDiffRow::Kind::Inserted:
            mark = QStringLiteral("+");
            kind = ChangeKind::Added;
            break;
        }
        setRow(m_history, r, {left, mark, right},
               kind == ChangeKind::Unchanged ? QColor() : changestyle::textColor(kind, palette));
    }
    m_history->resizeColumnToContents(1);
}

void CompareWindow::fillConfig()
{
    const ConfigDiff &c = m_comparison->config;
    const QPalette palette = QApplication::palette();
    m_config->setRowCount(int(c.rows.size()));
    for (int r = 0; r < int(c.rows.size()); ++r) {
        const ConfigDiffRow &row = c.rows[size_t(r)];
        const QString name = row.key.isEmpty() ? row.field : row.field + QLatin1Char(' ') + row.key;
        setRow(m_config, r, {name, row.inA ? row.a : QString(), row.inB ? row.b : QString()},
               row.equal() ? QColor() : changestyle::textColor(ChangeKind::Modified, palette));
    }
    m_config->resizeColumnToContents(0);
}

void CompareWindow::compareContents()
{
    if (!m_comparison)
        return;
    m_contents->setEnabled(false);
    m_contents->setText(tr("Comparing Contents…"));
    auto comparison = m_comparison;
    auto diff = m_diff;
    m_contentComparing.run(
        [comparison, diff] {
            return compareContent(*diff, *comparison->a.source, comparison->a.image,
                                  *comparison->b.source, comparison->b.image);
        },
        [this, diff](const ContentComparison &result) {
            diff->applyContent(result.entries, result.different);
            m_model->setDiff(diff);
            fillLargest();
            m_contents->setText(tr("Contents Compared"));
        });
}

} // namespace strata

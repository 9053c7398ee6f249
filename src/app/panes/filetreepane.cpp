#include "panes/filetreepane.h"

#include "common/foregroundwork.h"
#include "models/filetreemodel.h"
#include "models/formatting.h"
#include "views/sizebardelegate.h"

#include <QCheckBox>
#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSpinBox>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace strata {

struct FileTreePane::Result
{
    TreeSnapshot snapshot;
    std::shared_ptr<const TreeFilterMask> mask;
};

namespace {

// Runs on the background pool. `reuse` is the tree on screen when only the filter changed;
// merges come from the cache, or are made here and left in it.
FileTreePane::Result computeView(const std::shared_ptr<MergedTreeCache> &cache, int layer,
                                 bool layerOnly, int from, TreeSnapshot reuse,
                                 TreeFilterSpec filter)
{
    const ForegroundWork foreground; // the user waits for this one
    FileTreePane::Result result;
    const LayerTrees &layers = cache->layers();
    if (!reuse.isNull())
        result.snapshot = reuse;
    else if (!layerOnly)
        result.snapshot = mergedSnapshot(layers, layer, cache->merge(layer));
    else if (from >= 0 && from < layer)
        result.snapshot = rangeSnapshot(from, layer, from > 0 ? cache->merge(from - 1) : nullptr,
                                        cache->merge(layer));
    else
        result.snapshot =
            layerSnapshot(layers, layer, layer > 0 ? cache->merge(layer - 1) : nullptr);
    if (filter.isActive())
        result.mask = computeFilterMask(result.snapshot, filter);
    return result;
}

} // namespace

FileTreePane::FileTreePane(QWidget *parent)
    : QWidget(parent), m_model(new FileTreeModel(this)), m_view(new QTreeView(this)),
      m_filterEdit(new QLineEdit(this)), m_changedOnly(new QCheckBox(tr("Changed only"), this)),
      m_layerOnlyBox(new QCheckBox(tr("Changes in this layer only"), this)),
      m_asStored(new QToolButton(this)), m_fromLayerBox(new QSpinBox(this)),
      m_expandAll(new QToolButton(this)), m_collapseAll(new QToolButton(this)),
      m_statusLabel(new QLabel(this)), m_filterTimer(new QTimer(this))
{
    m_filterEdit->setObjectName(QStringLiteral("treeFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter by name (text or glob: *.conf)"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setToolTip(
        tr("Shows entries whose name contains the text, or matches the glob pattern when it "
           "holds *, ? or [ ]; the contents of a matching directory are shown too."));
    m_changedOnly->setObjectName(QStringLiteral("changedOnly"));
    m_changedOnly->setToolTip(tr("Show only what the selected layer added, modified or deleted"));
    m_layerOnlyBox->setObjectName(QStringLiteral("layerOnly"));
    m_layerOnlyBox->setToolTip(
        tr("Show the entries of the selected layer's own archive, deletions (whiteouts) "
           "included, instead of the merged filesystem"));
    m_asStored->setObjectName(QStringLiteral("asStored"));
    m_asStored->setText(tr("As Stored in the Tar"));
    m_asStored->setToolTip(tr("The layer's tar entry by entry, the whiteout files (.wh.NAME) "
                              "as written, beside what they mean here"));
    m_asStored->hide();
    m_fromLayerBox->setObjectName(QStringLiteral("fromLayer"));
    m_fromLayerBox->setPrefix(tr("from layer "));
    m_fromLayerBox->setToolTip(
        tr("Show what the layers from this one up to the selected one change together: each "
           "path once, with its net change (a file added and deleted in between is not "
           "there). The selected layer itself shows that layer alone."));
    m_fromLayerBox->hide();
    m_expandAll->setText(tr("Expand All"));
    m_expandAll->setToolTip(tr("Expand every directory (large trees: only the first levels)"));
    m_collapseAll->setText(tr("Collapse All"));
    m_statusLabel->setObjectName(QStringLiteral("treeStatus"));
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_view->setObjectName(QStringLiteral("fileTree"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true); // essential for directories of 100k entries
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(FileTreeModel::NameColumn, Qt::AscendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setItemDelegateForColumn(FileTreeModel::SizeColumn, new SizeBarDelegate(m_view));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(FileTreeModel::NameColumn, QHeaderView::Stretch);
    for (int c = FileTreeModel::SizeColumn; c < FileTreeModel::ColumnCount; ++c)
        m_view->header()->setSectionResizeMode(c, QHeaderView::Interactive);
    m_view->header()->setMinimumSectionSize(40);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setDragEnabled(true);
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setDefaultDropAction(Qt::CopyAction);
    connect(m_view, &QWidget::customContextMenuRequested, this, &FileTreePane::showContextMenu);
    updateColumnWidths();

    auto *tools = new QHBoxLayout;
    tools->setContentsMargins(0, 0, 0, 0);
    tools->addWidget(m_filterEdit, 1);
    tools->addWidget(m_changedOnly);
    tools->addWidget(m_layerOnlyBox);
    auto *tools2 = new QHBoxLayout;
    tools2->setContentsMargins(0, 0, 0, 0);
    tools2->addWidget(m_statusLabel, 1);
    tools2->addWidget(m_asStored);
    tools2->addWidget(m_fromLayerBox);
    tools2->addWidget(m_expandAll);
    tools2->addWidget(m_collapseAll);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(tools);
    layout->addLayout(tools2);
    layout->addWidget(m_view, 1);

    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(250);
    connect(m_filterTimer, &QTimer::timeout, this, [this] { setFilterText(m_filterEdit->text()); });
    connect(m_filterEdit, &QLineEdit::textEdited, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filterEdit, &QLineEdit::returnPressed, this, [this] {
        m_filterTimer->stop();
        setFilterText(m_filterEdit->text());
    });
    connect(m_changedOnly, &QCheckBox::toggled, this, &FileTreePane::setChangedOnly);
    connect(m_layerOnlyBox, &QCheckBox::toggled, this, &FileTreePane::setLayerOnly);
    connect(m_fromLayerBox, &QSpinBox::valueChanged, this, &FileTreePane::setFromLayer);
    connect(m_asStored, &QToolButton::clicked, this, &FileTreePane::storedEntriesWanted);
    connect(m_expandAll, &QToolButton::clicked, this, &FileTreePane::expandAll);
    connect(m_collapseAll, &QToolButton::clicked, this, &FileTreePane::collapseAll);
    connect(m_view, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        if (!m_restoring)
            m_expanded.insert(m_model->pathOf(index));
    });
    connect(m_view, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        if (!m_restoring)
            m_expanded.remove(m_model->pathOf(index));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FileTreePane::onCurrentChanged);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &FileTreePane::updateStatus);

    showPlaceholder(QString());
}

FileTreePane::~FileTreePane() = default;

void FileTreePane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateColumnWidths(); // presentation zoom
}

void FileTreePane::updateColumnWidths()
{
    const QFontMetrics metrics(m_view->font());
    const int pad = metrics.horizontalAdvance(QLatin1Char('M')) * 2;
    QHeaderView *header = m_view->header();
    header->resizeSection(FileTreeModel::SizeColumn,
                          metrics.horizontalAdvance(QStringLiteral("999.9 MB")) + pad);
    header->resizeSection(FileTreeModel::ModeColumn,
                          metrics.horizontalAdvance(QStringLiteral("-rwxr-xr-x 0:0 → ../lib/x")) +
                              pad);
    header->resizeSection(
        FileTreeModel::LayerColumn,
        std::max(metrics.horizontalAdvance(
                     m_model->headerData(FileTreeModel::LayerColumn, Qt::Horizontal).toString()),
                 metrics.horizontalAdvance(QStringLiteral("99"))) +
            pad);
    header->resizeSection(
        FileTreeModel::ChangeColumn,
        std::max(metrics.horizontalAdvance(format::changesInsideName()),
                 metrics.horizontalAdvance(format::changeKindName(ChangeKind::Unchanged))) +
            pad * 2);
    keepNameReadable();
}

void FileTreePane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    keepNameReadable();
}

void FileTreePane::keepNameReadable()
{
    QHeaderView *header = m_view->header();
    const int readable = QFontMetrics(m_view->font()).horizontalAdvance(QLatin1Char('M')) * 16;
    int others = 0;
    for (int c = 0; c < FileTreeModel::ColumnCount; ++c) {
        if (c != FileTreeModel::NameColumn && !header->isSectionHidden(c))
            others += header->sectionSize(c);
    }
    const bool roomy = m_view->viewport()->width() - others >= readable;
    header->setSectionResizeMode(FileTreeModel::NameColumn,
                                 roomy ? QHeaderView::Stretch : QHeaderView::Interactive);
    if (!roomy)
        header->resizeSection(FileTreeModel::NameColumn, readable);
}

void FileTreePane::showPlaceholder(const QString &text)
{
    m_computing.cancel(); // whatever is being computed is for other layers
    m_layers.clear();
    m_cache.reset();
    m_layer = -1;
    m_model->setSnapshot(TreeSnapshot());
    m_status = text;
    setBusy(false);
    updateStatus();
    setEnabled(false);
}

void FileTreePane::setLayers(std::vector<std::shared_ptr<const LayerTree>> layers, int layer)
{
    m_layers = std::move(layers);
    m_cache = std::make_shared<MergedTreeCache>(m_layers);
    m_layer = std::clamp(layer, 0, std::max(0, int(m_layers.size()) - 1));
    m_fromLayer = -1;
    updateFromLayerBox();
    m_model->setSnapshot(TreeSnapshot());
    setEnabled(true);
    requestUpdate(true);
}

void FileTreePane::showLayer(int layer)
{
    if (m_layers.empty() || layer < 0 || size_t(layer) >= m_layers.size())
        return;
    if (layer == m_layer && !m_model->snapshot().isNull())
        return;
    m_layer = layer;
    updateFromLayerBox();
    requestUpdate(true);
}

int FileTreePane::fromLayer() const
{
    return m_fromLayer >= 0 && m_fromLayer < m_layer ? m_fromLayer : m_layer;
}

void FileTreePane::setFromLayer(int from)
{
    const int before = fromLayer();
    m_fromLayer = from >= 0 && from < m_layer ? from : -1;
    updateFromLayerBox();
    if (fromLayer() != before && m_layerOnly)
        requestUpdate(true);
}

// The box offers the layers up to the shown one; a range that no longer fits becomes that
// layer alone.
void FileTreePane::updateFromLayerBox()
{
    if (m_fromLayer >= m_layer)
        m_fromLayer = -1;
    const QSignalBlocker blocker(m_fromLayerBox);
    m_fromLayerBox->setRange(0, std::max(0, m_layer));
    m_fromLayerBox->setValue(fromLayer());
    // Only with "Changes in this layer only", and above the bottom layer: elsewhere a range
    // means nothing.
    m_fromLayerBox->setVisible(m_layerOnly && m_layer > 0);
}

void FileTreePane::setLayerOnly(bool layerOnly)
{
    if (m_layerOnlyBox->isChecked() != layerOnly)
        m_layerOnlyBox->setChecked(layerOnly); // comes back here through toggled
    if (m_layerOnly == layerOnly)
        return;
    m_layerOnly = layerOnly;
    m_asStored->setVisible(layerOnly);
    updateFromLayerBox();
    requestUpdate(true);
}

void FileTreePane::setFilterText(const QString &text)
{
    if (m_filterEdit->text() != text)
        m_filterEdit->setText(text);
    m_filterTimer->stop();
    if (m_filter.namePattern == text)
        return;
    m_filter.namePattern = text;
    requestUpdate(false);
}

void FileTreePane::setChangedOnly(bool changedOnly)
{
    if (m_changedOnly->isChecked() != changedOnly)
        m_changedOnly->setChecked(changedOnly);
    if (m_filter.changedOnly == changedOnly)
        return;
    m_filter.changedOnly = changedOnly;
    requestUpdate(false);
}

void FileTreePane::requestUpdate(bool treeChanged)
{
    if (m_layers.empty() || m_layer < 0)
        return;
    TreeSnapshot reuse;
    const TreeSnapshot &shown = m_model->snapshot();
    if (!treeChanged && !shown.isNull() && shown.layer == m_layer &&
        shown.layerOnly == m_layerOnly && (!m_layerOnly || shown.fromLayer == fromLayer()))
        reuse = shown;

    // A merge found in the cache with no filter to compute needs no thread at all.
    if (reuse.isNull() && !m_layerOnly && !m_filter.isActive()) {
        if (std::shared_ptr<const FileTree> cached = m_cache->find(m_layer)) {
            m_computing.cancel();
            Result result;
            result.snapshot.tree = cached;
            result.snapshot.layer = m_layer;
            applyResult(result);
            return;
        }
    }
    setBusy(true);
    m_computing.run(
        [cache = m_cache, layer = m_layer, layerOnly = m_layerOnly, from = fromLayer(), reuse,
         filter = m_filter] { return computeView(cache, layer, layerOnly, from, reuse, filter); },
        [this](const Result &result) { applyResult(result); });
}

void FileTreePane::applyResult(const Result &result)
{
    const QString current = m_currentPath;
    m_model->setSnapshot(result.snapshot, result.mask);
    m_currentPath = current;
    m_status.clear();
    restoreView();
    setBusy(false);
    updateStatus();
    emit snapshotShown();
}

void FileTreePane::restoreView()
{
    m_restoring = true;
    // Parents first, so that each expand finds its row.
    QStringList paths(m_expanded.cbegin(), m_expanded.cend());
    std::sort(paths.begin(), paths.end(), [](const QString &a, const QString &b) {
        return a.count(QLatin1Char('/')) < b.count(QLatin1Char('/'));
    });
    for (const QString &path : std::as_const(paths)) {
        const QModelIndex index = m_model->indexOfPath(path);
        if (index.isValid())
            m_view->expand(index);
    }
    if (m_filter.namePattern.size() > 0)
        autoExpandHits();
    m_restoring = false;

    QModelIndex current = m_model->indexOfPath(m_currentPath);
    if (current.isValid()) {
        m_view->selectionModel()->setCurrentIndex(current, QItemSelectionModel::ClearAndSelect |
                                                               QItemSelectionModel::Rows);
        m_view->scrollTo(current);
    } else {
        m_view->selectionModel()->clearSelection();
        // The entry is not in this tree (deleted, or not there yet): still tell the detail pane.
        if (!m_currentPath.isEmpty())
            emit currentEntryChanged(m_model->snapshot(), kNoNode, m_currentPath);
    }
}

void FileTreePane::autoExpandHits()
{
    const TreeFilterMask *mask = m_model->filterMask();
    const TreeSnapshot &snapshot = m_model->snapshot();
    if (!mask || snapshot.isNull() || mask->hitCount > kAutoExpandHits)
        return;
    // Every directory that leads to a hit, but not the contents of a matching directory.
    const FileTree &tree = *snapshot.tree;
    for (uint32_t i = 1; i < tree.nodeCount(); ++i) {
        if (mask->visible(i) && !mask->hit(i) && tree.node(i).isDir())
            m_view->expand(m_model->indexOfNode(i));
    }
}

void FileTreePane::onCurrentChanged()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    m_currentPath = m_model->pathOf(current);
    emit currentEntryChanged(m_model->snapshot(), m_model->nodeOf(current), m_currentPath);
}

void FileTreePane::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    const QString path = m_model->pathOf(index);
    const TreeSnapshot &snapshot = m_model->snapshot();
    const uint32_t node = m_model->nodeOf(index);
    const FileNode n = snapshot.tree->node(node);
    const bool deleted = snapshot.changeOf(node) == ChangeKind::Deleted;
    const bool file = !deleted && (n.type == FileType::Regular || n.type == FileType::Hardlink);
    QMenu menu(this);
    // A deleted entry is written from the layer below, which still has it: the menu says so.
    const QString from = deleted ? QLatin1Char(' ') + tr("(from the layer below)") : QString();
    if (file) {
        menu.addAction(tr("Save File As…"), this,
                       [this, path] { emit exportWanted(path, ExportJob::Kind::File); });
        // A file this layer (or the shown range of layers) changed, against what it replaced.
        const int from = m_layerOnly ? fromLayer() : m_layer;
        if (snapshot.changeOf(node) == ChangeKind::Modified && from > 0) {
            QAction *compare =
                menu.addAction(tr("Compare with Layer %1").arg(from - 1), this,
                               [this, path, from] { emit compareWanted(path, from - 1); });
            compare->setObjectName(QStringLiteral("compareWithOlder"));
        }
    }
    menu.addAction(tr("Export as Tar…") + from, this,
                   [this, path] { emit exportWanted(path, ExportJob::Kind::Tar); });
    menu.addAction(tr("Extract to Folder…") + from, this,
                   [this, path] { emit exportWanted(path, ExportJob::Kind::Folder); });
    menu.addSeparator();
    menu.addAction(tr("Copy Path"), this,
                   [path] { QGuiApplication::clipboard()->setText(QLatin1Char('/') + path); });
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void FileTreePane::selectPath(const QString &path)
{
    m_currentPath = path;
    const QModelIndex index = m_model->indexOfPath(path);
    if (!index.isValid()) {
        m_view->selectionModel()->clearSelection();
        emit currentEntryChanged(m_model->snapshot(), kNoNode, path);
        return;
    }
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void FileTreePane::focusFilter()
{
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

void FileTreePane::expandAll()
{
    const TreeSnapshot &snapshot = m_model->snapshot();
    if (snapshot.isNull())
        return;
    const uint32_t rows = m_model->visibleEntryCount();
    if (rows <= kExpandAllLimit) {
        m_view->expandAll();
        m_status = QString();
        updateStatus();
        return;
    }
    // Too many rows to show at once: expand as many levels as stay under the limit.
    const FileTree &tree = *snapshot.tree;
    const TreeFilterMask *mask = m_model->filterMask();
    std::vector<uint32_t> depth(tree.nodeCount(), 0);
    std::vector<uint32_t> perDepth;
    for (uint32_t i = 1; i < tree.nodeCount(); ++i) {
        if (mask && !mask->visible(i))
            continue;
        depth[i] = depth[tree.node(i).parent] + 1;
        if (perDepth.size() <= depth[i])
            perDepth.resize(depth[i] + 1, 0);
        ++perDepth[depth[i]];
    }
    uint32_t shown = perDepth.size() > 1 ? perDepth[1] : 0;
    int levels = 0; // expandToDepth(levels - 1) shows depths 1..levels + 1
    while (size_t(levels + 2) < perDepth.size() &&
           shown + perDepth[size_t(levels + 2)] <= kExpandAllLimit) {
        shown += perDepth[size_t(levels + 2)];
        ++levels;
    }
    if (levels > 0)
        m_view->expandToDepth(levels - 1);
    m_status =
        tr("%1 entries are too many to expand at once; expanded %n level(s).", nullptr, levels)
            .arg(format::count(rows));
    updateStatus();
}

void FileTreePane::collapseAll()
{
    m_view->collapseAll();
    m_expanded.clear();
}

void FileTreePane::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
    updateStatus();
}

QString FileTreePane::statusText() const
{
    return m_statusLabel->text();
}

void FileTreePane::updateStatus()
{
    QString text;
    const TreeSnapshot &snapshot = m_model->snapshot();
    if (m_busy) {
        text = tr("Computing the filesystem at layer %1…").arg(m_layer);
    } else if (snapshot.isNull()) {
        text = m_status;
    } else {
        QString what = tr("Merged filesystem at layer %1").arg(snapshot.layer);
        if (snapshot.layerOnly && snapshot.fromLayer >= 0 && snapshot.fromLayer < snapshot.layer)
            what = tr("Layers %1 to %2 together: their net changes")
                       .arg(snapshot.fromLayer)
                       .arg(snapshot.layer);
        else if (snapshot.layerOnly)
            what = tr("Layer %1 only: its own entries").arg(snapshot.layer);
        const uint32_t total = snapshot.tree->nodeCount() - 1;
        if (m_model->filterMask())
            text = tr("%1 — %2 of %3 entries match")
                       .arg(what, format::count(m_model->filterMask()->hitCount),
                            format::count(total));
        else
            text = tr("%1 — %2 entries").arg(what, format::count(total));
        if (!m_status.isEmpty())
            text += QStringLiteral(" · ") + m_status;
    }
    m_statusLabel->setText(text);
}

} // namespace strata

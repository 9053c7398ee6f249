#include "panes/storagepane.h"

#include "common/datasize.h"
#include "engine/engineimagesource.h"
#include "views/monofont.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace strata {

namespace {
enum Column
{
    FolderColumn,
    DiskColumn,
    EntriesColumn,
    ColumnCount
};
constexpr int kLayerRole = Qt::UserRole + 1; // the top-level row's image layer, or -2 for
                                             // the container's, -3 for the -init layer
} // namespace

StoragePane::StoragePane(QWidget *parent)
    : QWidget(parent), m_pages(new QStackedWidget(this)), m_title(new QLabel(this)),
      m_tree(new QTreeWidget(this)), m_mount(new QPlainTextEdit(this)), m_why(new QLabel(this)),
      m_refresh(new QPushButton(tr("&Refresh"), this))
{
    setObjectName(QStringLiteral("storagePane"));
    m_title->setObjectName(QStringLiteral("storageTitle"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tree->setObjectName(QStringLiteral("storageFolders"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Folder"), tr("On disk"), tr("Entries")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(FolderColumn, QHeaderView::Stretch);
    m_mount->setObjectName(QStringLiteral("storageMount"));
    m_mount->setReadOnly(true);
    m_mount->setFont(inheritedMonospaceFont());
    m_mount->setMaximumHeight(m_mount->fontMetrics().lineSpacing() * 6);
    m_why->setObjectName(QStringLiteral("storageWhy"));
    m_why->setWordWrap(true);
    m_why->setAlignment(Qt::AlignCenter);
    m_refresh->setObjectName(QStringLiteral("storageRefresh"));

    auto *shown = new QWidget;
    auto *shownLayout = new QVBoxLayout(shown);
    shownLayout->setContentsMargins(0, 0, 0, 0);
    shownLayout->addWidget(m_tree, 1);
    shownLayout->addWidget(new QLabel(tr("The overlay mount that joins them:")));
    shownLayout->addWidget(m_mount);
    m_pages->addWidget(shown);
    m_pages->addWidget(m_why);

    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_pages, 1);
    connect(m_refresh, &QPushButton::clicked, this, &StoragePane::refresh);
    m_why->setText(tr("Reading the engine's folders…"));
    m_pages->setCurrentWidget(m_why);
}

void StoragePane::setSource(std::shared_ptr<EngineImageSource> source)
{
    m_source = std::move(source);
    m_asked = false;
    m_loaded = false;
    m_work.cancel();
    if (isVisible())
        refresh();
}

void StoragePane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_asked)
        refresh();
}

void StoragePane::refresh()
{
    if (!m_source)
        return;
    m_asked = true;
    m_refresh->setEnabled(false);
    m_work.run([source = m_source] { return source->overlayFolders(); },
               [this](const OverlayFolders &folders) {
                   m_refresh->setEnabled(true);
                   show(folders);
                   m_loaded = true;
                   emit loaded();
               });
}

void StoragePane::show(const OverlayFolders &folders)
{
    m_folders = folders;
    m_tree->clear();
    if (!folders.available) {
        m_title->setText(tr("Storage driver: %1").arg(folders.driver));
        m_why->setText(folders.why);
        m_pages->setCurrentWidget(m_why);
        return;
    }
    m_title->setText(
        tr("%1 store at %2: %3 on disk in the diff/ folders below")
            .arg(folders.driver, folders.root, formatDataSize(folders.total.diskBytes)));
    const QLocale locale;
    auto sizes = [&](QTreeWidgetItem *item, const FolderUsage &usage) {
        item->setText(DiskColumn, formatDataSize(usage.diskBytes));
        item->setToolTip(DiskColumn, tr("%1 bytes in blocks on disk (du -s -B1); %2 bytes in "
                                        "the files themselves (du -sb)")
                                         .arg(locale.toString(usage.diskBytes),
                                              locale.toString(usage.apparentBytes)));
        item->setText(EntriesColumn, locale.toString(usage.entries));
        for (int c = DiskColumn; c < ColumnCount; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    };
    for (const OverlayLayerFolder &layer : folders.layers) {
        const QString id = layer.path.section(QLatin1Char('/'), -1);
        QString role;
        int key = layer.imageLayer;
        switch (layer.role) {
        case OverlayLayerFolder::Role::ImageLayer:
            role = tr("image layer %1").arg(layer.imageLayer);
            break;
        case OverlayLayerFolder::Role::InitLayer:
            role = tr("init layer");
            key = -3;
            break;
        case OverlayLayerFolder::Role::ContainerLayer:
            role = tr("container layer");
            key = -2;
            break;
        }
        auto *item = new QTreeWidgetItem(m_tree, {role});
        item->setToolTip(FolderColumn, layer.role == OverlayLayerFolder::Role::InitLayer
                                           ? tr("%1\nThe engine's own files for every "
                                                "container: the mount points of /etc/hosts, "
                                                "/etc/resolv.conf, /etc/hostname, /dev.")
                                                 .arg(layer.path)
                                       : layer.role == OverlayLayerFolder::Role::ContainerLayer
                                           ? tr("%1\nThe read-write layer: overlayfs's upperdir, "
                                                "where the container's writes land.")
                                                 .arg(layer.path)
                                           : layer.path);
        new QTreeWidgetItem(item, {QFileInfo(folders.root).fileName() + QLatin1Char('/') + id});
        item->setData(FolderColumn, kLayerRole, key);
        sizes(item, layer.diff);
        auto *diff = new QTreeWidgetItem(item, {QStringLiteral("diff/")});
        diff->setToolTip(FolderColumn, tr("What this layer holds, as files"));
        sizes(diff, layer.diff);
        auto *link = new QTreeWidgetItem(item, {tr("link: l/%1").arg(layer.link)});
        link->setToolTip(FolderColumn, tr("The layer's short name: l/%1 is a symlink to its "
                                          "diff/, so that mount options stay short")
                                           .arg(layer.link));
        if (!layer.lower.isEmpty()) {
            auto *lower = new QTreeWidgetItem(item, {tr("lower: %1").arg(layer.lower)});
            lower->setToolTip(FolderColumn, tr("The layers below this one, top first: the "
                                               "lowerdir of the mount"));
        }
        if (layer.hasWork) {
            auto *work = new QTreeWidgetItem(item, {QStringLiteral("work/")});
            work->setToolTip(FolderColumn, tr("overlayfs's scratch folder for this upper layer"));
        }
        if (layer.hasMerged)
            new QTreeWidgetItem(
                item, {folders.mounted ? tr("merged/ — mounted") : tr("merged/ — not mounted")});
        item->setExpanded(layer.role != OverlayLayerFolder::Role::ImageLayer);
    }
    m_tree->resizeColumnToContents(DiskColumn);
    m_tree->resizeColumnToContents(EntriesColumn);
    m_mount->setPlainText(
        (folders.mounted ? tr("# mounted now:") : tr("# how the engine mounts it:")) +
        QLatin1Char('\n') + folders.mountCommand);
    m_pages->setCurrentIndex(0);
    selectLayer(m_layer);
}

void StoragePane::selectLayer(int layer)
{
    m_layer = layer;
    const bool container = m_source && m_source->containerDetails() &&
                           layer == int(m_source->images().front().layers.size()) - 1;
    const int key = container ? -2 : layer;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (item->data(FolderColumn, kLayerRole).toInt() == key) {
            m_tree->setCurrentItem(item);
            m_tree->scrollToItem(item);
            return;
        }
    }
}

} // namespace strata

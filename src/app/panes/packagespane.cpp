#include "panes/packagespane.h"

#include "models/packagemodel.h"
#include "report/packagesreport.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

#include <map>

namespace strata {

PackagesPane::PackagesPane(QWidget *parent)
    : QWidget(parent), m_changes(new PackageModel(this)), m_installed(new PackageModel(this)),
      m_changesProxy(new QSortFilterProxyModel(this)),
      m_installedProxy(new QSortFilterProxyModel(this)), m_status(new QLabel(this)),
      m_filter(new QLineEdit(this)), m_sbom(new QPushButton(tr("Export SBOM…"), this)),
      m_changesHeading(new QLabel(this)), m_installedHeading(new QLabel(this))
{
    m_status->setObjectName(QStringLiteral("packagesStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_filter->setObjectName(QStringLiteral("packageFilter"));
    m_filter->setPlaceholderText(tr("Filter by name"));
    m_filter->setClearButtonEnabled(true);
    m_sbom->setObjectName(QStringLiteral("exportSbom"));
    m_sbom->setToolTip(tr("Save the packages as of this layer as a CycloneDX SBOM (JSON), each "
                          "with its package URL and the layer that installed it"));
    m_sbom->setEnabled(false);
    m_installed->setInstalled(nullptr, -1);
    for (auto [proxy, model] :
         {std::pair{m_changesProxy, m_changes}, std::pair{m_installedProxy, m_installed}}) {
        proxy->setSourceModel(model);
        proxy->setSortRole(PackageModel::SortRole);
        proxy->setFilterKeyColumn(PackageModel::NameColumn);
        proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    }
    m_changesView = makeView(m_changesProxy);
    m_changesView->setObjectName(QStringLiteral("packageChanges"));
    m_changesView->setColumnHidden(PackageModel::LayerColumn, true);
    m_installedView = makeView(m_installedProxy);
    m_installedView->setObjectName(QStringLiteral("installedPackages"));
    m_installedView->setColumnHidden(PackageModel::ChangeColumn, true);
    m_installedView->setColumnHidden(PackageModel::LayerBytesColumn, true);

    QFont bold = font();
    bold.setBold(true);
    m_changesHeading->setFont(bold);
    m_installedHeading->setFont(bold);
    m_changesHeading->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *tools = new QHBoxLayout;
    tools->setContentsMargins(0, 0, 0, 0);
    tools->addWidget(m_filter, 1);
    tools->addWidget(m_sbom);
    auto *upper = new QWidget;
    auto *upperLayout = new QVBoxLayout(upper);
    upperLayout->setContentsMargins(0, 0, 0, 0);
    upperLayout->addWidget(m_changesHeading);
    upperLayout->addWidget(m_changesView, 1);
    auto *lower = new QWidget;
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_installedHeading);
    lowerLayout->addWidget(m_installedView, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(upper);
    split->addWidget(lower);
    split->setChildrenCollapsible(false);
    split->setSizes({260, 420});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(tools);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &PackagesPane::setFilterText);
    connect(m_sbom, &QPushButton::clicked, this, &PackagesPane::chooseSbomTarget);
    showReading();
}

QTreeView *PackagesPane::makeView(QSortFilterProxyModel *proxy)
{
    auto *view = new QTreeView(this);
    view->setModel(proxy);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSortingEnabled(true);
    view->sortByColumn(PackageModel::NameColumn, Qt::AscendingOrder);
    view->header()->setStretchLastSection(false);
    view->header()->setSectionResizeMode(PackageModel::NameColumn, QHeaderView::Stretch);
    view->header()->setSectionResizeMode(PackageModel::VersionColumn,
                                         QHeaderView::ResizeToContents);
    connect(view, &QTreeView::doubleClicked, this, [this, proxy](const QModelIndex &index) {
        const QString path = proxy->data(index, PackageModel::SourceRole).toString();
        if (!path.isEmpty())
            emit sourceActivated(path);
    });
    return view;
}

void PackagesPane::setImage(const ImageInfo &image)
{
    m_image = image;
}

void PackagesPane::showReading()
{
    m_packages.reset();
    m_status->setText(tr("Reading the package databases of every layer…"));
    m_sbom->setEnabled(false);
    m_changes->clear();
    m_installed->setInstalled(nullptr, -1);
    m_changesHeading->clear();
    m_installedHeading->clear();
}

void PackagesPane::setPackages(std::shared_ptr<const ImagePackages> packages)
{
    m_packages = std::move(packages);
    refresh();
}

void PackagesPane::selectLayer(int layer)
{
    m_layer = layer;
    if (m_packages)
        refresh();
}

void PackagesPane::setFilterText(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    m_changesProxy->setFilterFixedString(text);
    m_installedProxy->setFilterFixedString(text);
}

QString PackagesPane::statusText() const
{
    return m_status->text();
}

void PackagesPane::refresh()
{
    if (!m_packages)
        return;
    if (m_packages->error) {
        m_status->setText(
            tr("The packages could not be read: %1").arg(m_packages->error.toString()));
        return;
    }
    const int layers = int(m_packages->layers.size());
    const int layer = m_layer < 0 || m_layer >= layers ? layers - 1 : m_layer;
    if (layer < 0)
        return;
    const LayerPackages &shown = m_packages->layers[size_t(layer)];
    m_changes->setChanges(shown.changes);
    m_installed->setInstalled(m_packages, layer);
    m_sbom->setEnabled(true);
    std::map<QString, int> perKind;
    for (const PackagePtr &p : shown.packages)
        ++perKind[packageKindName(p->kind)];
    QStringList kinds;
    for (const auto &[kind, count] : perKind)
        kinds << QStringLiteral("%1 %2").arg(kind).arg(count);
    QString status =
        shown.packages.empty()
            ? tr("No package database in the filesystem as of layer %1.").arg(layer)
            : tr("%n package(s) as of layer %1: %2.", nullptr, int(shown.packages.size()))
                  .arg(layer)
                  .arg(kinds.join(QStringLiteral(", ")));
    for (const QString &line : m_packages->notRead)
        status += QLatin1Char('\n') + tr("Not read: %1").arg(line);
    m_status->setText(status);
    int added = 0, removed = 0, upgraded = 0;
    for (const PackageChange &change : shown.changes) {
        added += change.kind == PackageChange::Kind::Added;
        removed += change.kind == PackageChange::Kind::Removed;
        upgraded += change.kind == PackageChange::Kind::Upgraded;
    }
    m_changesHeading->setText(shown.changes.empty()
                                  ? tr("Layer %1 changes no package").arg(layer)
                                  : tr("Layer %1: %2 added, %3 removed, %4 upgraded")
                                        .arg(layer)
                                        .arg(added)
                                        .arg(removed)
                                        .arg(upgraded));
    m_installedHeading->setText(tr("Installed as of layer %1").arg(layer));
    for (QTreeView *view : {m_changesView, m_installedView}) {
        view->resizeColumnToContents(PackageModel::ChangeColumn);
        view->resizeColumnToContents(PackageModel::TypeColumn);
        view->resizeColumnToContents(PackageModel::InstalledSizeColumn);
        view->resizeColumnToContents(PackageModel::LayerBytesColumn);
        view->resizeColumnToContents(PackageModel::LayerColumn);
    }
}

bool PackagesPane::exportSbom(const QString &path, QString *message) const
{
    if (!m_packages)
        return false;
    const int layers = int(m_packages->layers.size());
    const int layer = m_layer < 0 || m_layer >= layers ? layers - 1 : m_layer;
    const QByteArray bom = packagesCycloneDx(m_image, *m_packages, layer);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bom) != bom.size() || !file.commit()) {
        *message = tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    *message = tr("The SBOM of layer %1 was saved to %2 (%n package(s)).", nullptr,
                  int(m_packages->layers[size_t(layer)].packages.size()))
                   .arg(layer)
                   .arg(path);
    return true;
}

void PackagesPane::chooseSbomTarget()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export SBOM"), QDir::homePath() + QStringLiteral("/sbom.cdx.json"),
        tr("CycloneDX JSON (*.json)"));
    if (path.isEmpty())
        return;
    QString text;
    const bool ok = exportSbom(path, &text);
    emit message(ok ? MessageBar::Kind::Information : MessageBar::Kind::Error, text);
}

} // namespace strata

#include "windows/enginebrowser.h"

#include "models/enginecontainermodel.h"
#include "models/engineimagemodel.h"
#include "models/enginemonitor.h"
#include "source/sourcesettings.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTabWidget>
#include <QTime>
#include <QVBoxLayout>

namespace strata {

namespace {
// Both models keep their location in the same role.
constexpr int kLocationRole = EngineImageModel::LocationRole;
static_assert(int(EngineImageModel::LocationRole) == int(EngineContainerModel::LocationRole));
static_assert(int(EngineImageModel::SortRole) == int(EngineContainerModel::SortRole));
} // namespace

EngineBrowser::EngineBrowser(EngineMonitor *monitor, QWidget *parent)
    : QWidget(parent), m_monitor(monitor), m_images(new EngineImageModel(this)),
      m_containers(new EngineContainerModel(this)), m_imagesProxy(new QSortFilterProxyModel(this)),
      m_containersProxy(new QSortFilterProxyModel(this)), m_tabs(new QTabWidget(this)),
      m_filter(new QLineEdit(this)), m_status(new QLabel(this)), m_lastEvent(new QLabel(this)),
      m_refresh(new QPushButton(tr("&Refresh"), this)), m_open(new QPushButton(tr("&Open"), this)),
      m_compare(new QPushButton(tr("&Compare"), this)),
      m_reuse(new QPushButton(tr("Layer &Reuse"), this))
{
    setObjectName(QStringLiteral("engineBrowser"));
    setWindowTitle(tr("Open from Engine"));
    m_imagesProxy->setSourceModel(m_images);
    m_containersProxy->setSourceModel(m_containers);
    m_imagesView = createTable(m_imagesProxy, EngineImageModel::CreatedColumn);
    m_imagesView->setObjectName(QStringLiteral("engineImages"));
    m_containersView = createTable(m_containersProxy, EngineContainerModel::CreatedColumn);
    m_containersView->setObjectName(QStringLiteral("engineContainers"));
    m_tabs->addTab(m_imagesView, tr("Images"));
    m_tabs->addTab(m_containersView, tr("Containers"));

    m_status->setObjectName(QStringLiteral("engineStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lastEvent->setObjectName(QStringLiteral("engineLastEvent"));
    m_lastEvent->setForegroundRole(QPalette::PlaceholderText);
    m_filter->setObjectName(QStringLiteral("engineFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, tag, ID or image"));
    m_filter->setClearButtonEnabled(true);
    m_open->setObjectName(QStringLiteral("engineOpen"));
    m_open->setDefault(true);
    m_compare->setObjectName(QStringLiteral("engineCompare"));
    m_reuse->setObjectName(QStringLiteral("engineReuse"));
    m_open->setToolTip(tr("Show each selected image or container in a tab of its own"));
    m_compare->setToolTip(tr("Compare the two selected images or containers side by side"));
    m_reuse->setToolTip(tr("Show which layers the selected images share, with their real "
                           "containers on top"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_refresh);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_lastEvent, 1);
    buttons->addWidget(m_open);
    buttons->addWidget(m_compare);
    buttons->addWidget(m_reuse);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_filter);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(buttons);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (QSortFilterProxyModel *proxy : {m_imagesProxy, m_containersProxy})
            proxy->setFilterFixedString(text);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &EngineBrowser::updateButtons);
    connect(m_refresh, &QPushButton::clicked, m_monitor, &EngineMonitor::refresh);
    connect(m_open, &QPushButton::clicked, this, &EngineBrowser::openSelected);
    connect(m_compare, &QPushButton::clicked, this, [this] {
        const QStringList locations = selectedLocations();
        if (locations.size() == 2)
            emit compareRequested(locations[0], locations[1]);
    });
    connect(m_reuse, &QPushButton::clicked, this, [this] {
        // Containers stand on their images: the Reuse window shows those, and every real
        // container of them.
        QStringList locations;
        if (m_tabs->currentIndex() == 1) {
            for (const QModelIndex &index : m_containersView->selectionModel()->selectedRows()) {
                const QString image =
                    index.data(EngineContainerModel::ImageLocationRole).toString();
                if (!locations.contains(image))
                    locations << image;
            }
        } else {
            locations = selectedLocations();
        }
        if (!locations.isEmpty())
            emit reuseRequested(locations);
    });
    connect(m_monitor, &EngineMonitor::changed, this, &EngineBrowser::fill);
    connect(
        m_monitor, &EngineMonitor::eventArrived, this,
        [this](const QString &, const QString &type, const QString &action, const QString &name) {
            m_lastEvent->setText(
                tr("%1: %2 %3 %4")
                    .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat), type,
                         action, name));
        });
    fill();
    if (!m_monitor->hasLooked() && !m_monitor->isRefreshing())
        m_monitor->refresh();
    resize(1100, 640);
}

QTableView *EngineBrowser::createTable(QSortFilterProxyModel *proxy, int newestFirstColumn)
{
    proxy->setSortRole(EngineImageModel::SortRole);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy->setFilterKeyColumn(-1);
    auto *view = new QTableView(this);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(newestFirstColumn, Qt::DescendingOrder);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    // Column widths from the first rows: measuring hundreds of rows on every listing costs
    // more than the engine's answer.
    view->horizontalHeader()->setResizeContentsPrecision(50);
    connect(view, &QTableView::doubleClicked, this, &EngineBrowser::openSelected);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &EngineBrowser::updateButtons);
    return view;
}

// New figures in place of the old ones, the selection kept by what the rows open.
void EngineBrowser::fill()
{
    QSet<QString> selected;
    for (QTableView *view : {m_imagesView, m_containersView}) {
        for (const QModelIndex &index : view->selectionModel()->selectedRows())
            selected.insert(index.data(kLocationRole).toString());
    }
    const QString chosen = SourceSettings::load().engineHost;
    m_images->setEngines(m_monitor->engines(), chosen);
    m_containers->setEngines(m_monitor->engines(), chosen);
    for (QTableView *view : {m_imagesView, m_containersView}) {
        QItemSelection keep;
        for (int row = 0; !selected.isEmpty() && row < view->model()->rowCount(); ++row) {
            const QModelIndex index = view->model()->index(row, 0);
            if (selected.contains(index.data(kLocationRole).toString()))
                keep.select(index, index.siblingAtColumn(view->model()->columnCount() - 1));
        }
        view->selectionModel()->select(keep, QItemSelectionModel::ClearAndSelect);
        view->resizeColumnsToContents();
    }
    m_tabs->setTabText(0, tr("Images (%1)").arg(m_images->rowCount()));
    m_tabs->setTabText(1, tr("Containers (%1)").arg(m_containers->rowCount()));
    updateStatus();
    updateButtons();
}

void EngineBrowser::updateStatus()
{
    QStringList lines;
    for (const EngineListing &engine : m_monitor->engines())
        lines << tr("<b>%1</b> at %2: %n image(s), live", nullptr, int(engine.images.size()))
                     .arg(engine.version.toString().toHtmlEscaped(),
                          engine.endpoint.host.toHtmlEscaped());
    if (m_monitor->engines().empty()) {
        if (!m_monitor->hasLooked()) {
            lines << tr("Looking for Docker and Podman engines…");
        } else {
            lines << tr("<b>No engine answers.</b> Start Docker (<code>systemctl start "
                        "docker</code>) or Podman's service (<code>systemctl --user start "
                        "podman.socket</code>), or set the engine's address in the settings.");
            for (const Error &failure : m_monitor->failures())
                lines << failure.toString().toHtmlEscaped();
        }
    }
    m_status->setText(lines.join(QStringLiteral("<br>")));
}

QTableView *EngineBrowser::currentView() const
{
    return m_tabs->currentIndex() == 1 ? m_containersView : m_imagesView;
}

QStringList EngineBrowser::selectedLocations() const
{
    QStringList locations;
    QModelIndexList rows = currentView()->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : rows)
        locations << index.data(kLocationRole).toString();
    return locations;
}

void EngineBrowser::updateButtons()
{
    const qsizetype count = selectedLocations().size();
    m_open->setEnabled(count > 0);
    m_compare->setEnabled(count == 2);
    m_reuse->setEnabled(count > 0);
}

void EngineBrowser::openSelected()
{
    const QStringList locations = selectedLocations();
    if (!locations.isEmpty())
        emit openRequested(locations);
}

} // namespace strata

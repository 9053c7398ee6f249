#include "panes/efficiencypanel.h"

#include "common/datasize.h"
#include "models/efficiencymodel.h"
#include "models/formatting.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace strata {

EfficiencyPanel::EfficiencyPanel(QWidget *parent)
    : QWidget(parent), m_score(new QLabel), m_figures(new QLabel),
      m_shade(new QCheckBox(tr("Shade layers by the bytes later layers waste"))),
      m_model(new EfficiencyModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_table(new QTableView)
{
    setObjectName(QStringLiteral("efficiencyPanel"));
    m_score->setObjectName(QStringLiteral("efficiencyScore"));
    m_figures->setObjectName(QStringLiteral("efficiencyFigures"));
    m_table->setObjectName(QStringLiteral("inefficientPaths"));
    m_shade->setObjectName(QStringLiteral("shadeLayers"));

    QFont big = m_score->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_score->setFont(big);
    m_score->setToolTip(
        tr("dive's efficiency: the smallest copy of each path over all its copies, summed over "
           "every path. 100 % means no layer carries a file a later layer throws away."));
    m_figures->setWordWrap(true);
    m_figures->setTextFormat(Qt::RichText);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(EfficiencyModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(EfficiencyModel::ReclaimableColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_score);
    layout->addWidget(m_figures);
    layout->addWidget(m_shade);
    layout->addWidget(m_table, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EfficiencyPanel::onCurrentRowChanged);
    connect(m_shade, &QCheckBox::toggled, this, &EfficiencyPanel::emitShades);
    clear();
}

struct EfficiencyPanel::Pending
{
    ImageInfo image;
    std::vector<std::shared_ptr<const LayerTree>> layers;
};

EfficiencyPanel::~EfficiencyPanel() = default;

void EfficiencyPanel::clear()
{
    m_analysing.cancel();
    m_pending.reset();
    m_report.reset();
    m_model->setReport(nullptr);
    m_score->setText(tr("Efficiency: …"));
    m_figures->clear();
}

void EfficiencyPanel::setImage(const ImageInfo &image,
                               std::vector<std::shared_ptr<const LayerTree>> layers)
{
    clear();
    m_pending = std::make_unique<Pending>(Pending{image, std::move(layers)});
    if (isVisible())
        analyze();
}

void EfficiencyPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_pending)
        analyze();
    else if (!m_report && !m_analysing.isRunning())
        emit layersWanted();
}

void EfficiencyPanel::analyze()
{
    const std::unique_ptr<Pending> pending = std::move(m_pending);
    m_analysing.run(
        [image = pending->image, layers = pending->layers] {
            return std::make_shared<const EfficiencyReport>(analyzeEfficiency(image, layers));
        },
        [this](std::shared_ptr<const EfficiencyReport> report) { showReport(std::move(report)); });
}

void EfficiencyPanel::showReport(std::shared_ptr<const EfficiencyReport> report)
{
    m_report = std::move(report);
    m_model->setReport(m_report);
    const EfficiencyReport &r = *m_report;
    m_score->setText(tr("Efficiency %1 %").arg(QLocale().toString(r.efficiency * 100, 'f', 2)));
    const QString userWasted =
        r.hasUserWastedPercent() && std::isfinite(r.userWastedPercent)
            ? QLocale().toString(r.userWastedPercent * 100, 'f', 2) + QStringLiteral(" %")
            : tr("n/a");
    m_figures->setText(tr("<b>Wasted (dive):</b> %1 (%2 bytes), %3 of the layers above the base<br>"
                          "<b>Reclaimable:</b> %4 (%5 bytes) of %6 shipped")
                           .arg(formatDataSize(r.wastedBytes))
                           .arg(QLocale().toString(r.wastedBytes))
                           .arg(userWasted)
                           .arg(formatDataSize(r.reclaimableBytes))
                           .arg(QLocale().toString(r.reclaimableBytes))
                           .arg(formatDataSize(r.sizeBytes)));
    m_figures->setToolTip(
        tr("dive counts every copy of a path it lists, the surviving one included. "
           "Reclaimable bytes are what a better build would not ship: every copy but "
           "the one the final filesystem shows, deleted files in full, with opaque "
           "directories taken into account."));
    m_table->resizeColumnsToContents();
    emitShades();
    emit reportReady();
}

QList<double> EfficiencyPanel::currentShades() const
{
    QList<double> shades;
    if (!m_report || !m_shade->isChecked())
        return shades;
    for (const LayerEfficiency &layer : m_report->layers)
        shades << (layer.sizeBytes > 0
                       ? qBound(0.0, double(layer.wastedBytes()) / double(layer.sizeBytes), 1.0)
                       : 0.0);
    return shades;
}

void EfficiencyPanel::emitShades()
{
    emit layerShadesChanged(currentShades(),
                            tr("share of the layer's bytes that a later layer deletes, "
                               "overwrites or hides"));
}

void EfficiencyPanel::onCurrentRowChanged()
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    const InefficientPath *path = m_model->pathAt(current.row());
    if (!path || !m_report)
        return;
    // Show the path where it can be seen: at the top when a copy survives, else as of the
    // last layer that still has it.
    int layer = m_report->layerCount - 1;
    bool survives = false;
    int lastCopy = -1;
    for (const PathCopy &copy : path->copies) {
        survives = survives || copy.fate == CopyFate::Survives;
        if (!copy.whiteout)
            lastCopy = std::max(lastCopy, copy.layer);
    }
    if (!survives && lastCopy >= 0)
        layer = lastCopy;
    emit pathActivated(QString::fromStdString(path->path), layer);
    // The layers holding a copy of the path, shaded in full on the stack.
    QList<double> shades(m_report->layerCount, 0.0);
    for (const PathCopy &copy : path->copies) {
        if (copy.layer >= 0 && copy.layer < shades.size())
            shades[copy.layer] = 1.0;
    }
    emit layerShadesChanged(
        shades, tr("layers holding a copy of /%1").arg(QString::fromStdString(path->path)));
}

} // namespace strata

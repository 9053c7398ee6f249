#include "panes/efficiencypanel.h"

#include "analysis/secretscan.h"
#include "common/datasize.h"
#include "models/efficiencymodel.h"
#include "models/formatting.h"
#include "panes/findingspane.h"
#include "source/imagesource.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTabWidget>
#include <QVBoxLayout>

#include <cmath>

namespace strata {

EfficiencyPanel::EfficiencyPanel(QWidget *parent)
    : QWidget(parent), m_score(new QLabel), m_figures(new QLabel),
      m_excludeBase(new QCheckBox(tr("Leave out the base image"))),
      m_shade(new QCheckBox(tr("Shade layers by the bytes later layers waste"))),
      m_views(new QTabWidget), m_findingsPane(new FindingsPane), m_model(new EfficiencyModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_table(new QTableView)
{
    setObjectName(QStringLiteral("efficiencyPanel"));
    m_score->setObjectName(QStringLiteral("efficiencyScore"));
    m_figures->setObjectName(QStringLiteral("efficiencyFigures"));
    m_table->setObjectName(QStringLiteral("inefficientPaths"));
    m_shade->setObjectName(QStringLiteral("shadeLayers"));
    m_excludeBase->setObjectName(QStringLiteral("excludeBase"));
    m_views->setObjectName(QStringLiteral("efficiencyViews"));
    m_excludeBase->setToolTip(
        tr("The base image's waste is not this Dockerfile's to fix: leave its layers out of the "
           "findings. Where the history does not say where the base ends, layer 0 is left out."));

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

    m_views->setDocumentMode(true);
    m_views->addTab(m_findingsPane, tr("Findings"));
    m_views->addTab(m_table, tr("Wasted Paths"));

    auto *options = new QHBoxLayout;
    options->addWidget(m_excludeBase);
    options->addWidget(m_shade);
    options->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_score);
    layout->addWidget(m_figures);
    layout->addLayout(options);
    layout->addWidget(m_views, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EfficiencyPanel::onCurrentRowChanged);
    connect(m_shade, &QCheckBox::toggled, this, &EfficiencyPanel::emitShades);
    connect(m_excludeBase, &QCheckBox::toggled, this, &EfficiencyPanel::findFindings);
    connect(m_findingsPane, &FindingsPane::pathActivated, this, &EfficiencyPanel::pathActivated);
    connect(m_findingsPane, &FindingsPane::findingSelected, this,
            [this](int layer, int laterLayer, const QString &what) {
                if (!m_report)
                    return;
                QList<double> shades(m_report->layerCount, 0.0);
                if (laterLayer >= 0 && laterLayer < shades.size())
                    shades[laterLayer] = 0.4;
                if (layer >= 0 && layer < shades.size())
                    shades[layer] = 1.0;
                emit layerShadesChanged(shades, tr("the layer that ships %1").arg(what));
            });
    clear();
}

struct EfficiencyPanel::Pending
{
    std::shared_ptr<const ImageSource> source;
    int imageIndex = 0;
    ImageInfo image;
    std::vector<std::shared_ptr<const LayerTree>> layers;
};

EfficiencyPanel::~EfficiencyPanel() = default;

void EfficiencyPanel::clear()
{
    m_analysing.cancel();
    m_finding.cancel();
    m_pending.reset();
    m_analysed.reset();
    m_report.reset();
    m_findings.reset();
    m_scanning = false;
    m_scanProblem.clear();
    m_model->setReport(nullptr);
    m_findingsPane->clear();
    m_score->setText(tr("Efficiency: …"));
    m_figures->clear();
}

void EfficiencyPanel::setImage(std::shared_ptr<const ImageSource> source, int imageIndex,
                               const ImageInfo &image,
                               std::vector<std::shared_ptr<const LayerTree>> layers)
{
    clear();
    m_pending =
        std::make_unique<Pending>(Pending{std::move(source), imageIndex, image, std::move(layers)});
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
    m_analysed = std::move(m_pending);
    const Pending *pending = m_analysed.get();
    const int base = baseLayerCount(pending->image);
    const int layerCount = int(pending->layers.size());
    m_excludeBase->setEnabled(layerCount > 1);
    m_excludeBase->setText(base > 1 ? tr("Leave out the base image (layers 0–%1)").arg(base - 1)
                                    : tr("Leave out the base image (layer 0)"));
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
    showFigures();
    m_table->resizeColumnsToContents();
    emitShades();
    emit reportReady();
    findFindings();
}

// Two deliveries: the findings from the trees at once, then again once the files' contents
// have been read for keys and tokens (the slow part, a second pass over every layer).
void EfficiencyPanel::findFindings()
{
    if (!m_report || !m_analysed)
        return;
    const int base = baseLayerCount(m_analysed->image);
    const int firstLayer = m_excludeBase->isChecked() ? std::max(base, 1) : 0;
    const BackgroundWork::Run run = m_finding.start();
    m_scanning = m_analysed->source != nullptr;
    m_scanProblem.clear();
    (void)QtConcurrent::run(backgroundPool(), [this, run, firstLayer, report = m_report,
                                               pending = *m_analysed] {
        FindingsOptions options;
        options.firstLayer = firstLayer;
        if (pending.source) {
            options.readFile = [&pending](int layer, const std::string &path, qint64 maxBytes) {
                Error error;
                return pending.source->readFile(pending.imageIndex, layer,
                                                QString::fromStdString(path), maxBytes, &error);
            };
        }
        FindingsReport findings = analyzeFindings(pending.image, pending.layers, *report, options);
        const bool scan = pending.source && !run.isCancelled();
        run.post([this, first = std::make_shared<const FindingsReport>(findings), scan] {
            showFindings(first, !scan);
        });
        if (!scan)
            return;
        Error error;
        const bool complete = scanSecrets(*pending.source, pending.imageIndex, pending.layers,
                                          &findings, &error, &run.cancelFlag());
        if (run.isCancelled())
            return;
        const QString problem = complete ? QString() : error.toString();
        run.post(
            [this, scanned = std::make_shared<const FindingsReport>(std::move(findings)), problem] {
                m_scanProblem = problem;
                showFindings(scanned, true);
            });
    });
}

void EfficiencyPanel::showFindings(std::shared_ptr<const FindingsReport> findings, bool final)
{
    m_findings = std::move(findings);
    m_scanning = !final;
    m_findingsPane->setReport(m_analysed ? m_analysed->image : ImageInfo{}, m_findings);
    showFigures();
    emit findingsReady();
}

void EfficiencyPanel::showFigures()
{
    if (!m_report)
        return;
    const EfficiencyReport &r = *m_report;
    const QString userWasted =
        r.hasUserWastedPercent() && std::isfinite(r.userWastedPercent)
            ? QLocale().toString(r.userWastedPercent * 100, 'f', 2) + QStringLiteral(" %")
            : tr("n/a");
    QString text = tr("<b>Wasted (dive):</b> %1 (%2 bytes), %3 of the layers above the base<br>"
                      "<b>Reclaimable:</b> %4 (%5 bytes) of %6 shipped")
                       .arg(formatDataSize(r.wastedBytes))
                       .arg(QLocale().toString(r.wastedBytes))
                       .arg(userWasted)
                       .arg(formatDataSize(r.reclaimableBytes))
                       .arg(QLocale().toString(r.reclaimableBytes))
                       .arg(formatDataSize(r.sizeBytes));
    if (m_findings) {
        text += QStringLiteral("<br>") + tr("<b>Findings:</b> %n to fix, saving %1", nullptr,
                                            int(m_findings->findings.size()))
                                             .arg(formatDataSize(m_findings->totalBytes));
        if (const qint64 secrets = m_findings->secretCount())
            text += QStringLiteral(", <span style=\"color:#c01c28\"><b>%1</b></span>")
                        .arg(tr("%n secret(s)", nullptr, int(secrets)));
        // The estimate answers the toolchain's and headers' findings; without them it is noise.
        const bool buildFiles = m_findings->bytesOf(FindingKind::BuildToolchain) > 0 ||
                                m_findings->bytesOf(FindingKind::DevFiles) > 0;
        if (m_findings->hasRuntime() && buildFiles) {
            const int loaded = int(m_findings->runtime.files.size()) - 1;
            const QString size = formatDataSize(m_findings->runtime.bytes);
            const QString command =
                QString::fromStdString(m_findings->runtime.command).toHtmlEscaped();
            text +=
                QStringLiteral("<br>") +
                (loaded == 0 ? tr("A multi-stage build would ship about %1: /%2, which loads no "
                                  "other file.")
                                   .arg(size, command)
                             : tr("A multi-stage build would ship about %1: /%2 and the %n file(s) "
                                  "it loads.",
                                  nullptr, loaded)
                                   .arg(size, command));
        }
    }
    if (m_scanning)
        text += QStringLiteral("<br><i>%1</i>")
                    .arg(tr("Reading the files' contents for keys and tokens…"));
    else if (!m_scanProblem.isEmpty())
        text += QStringLiteral("<br>") +
                tr("Not every file's contents could be read for keys and tokens: %1")
                    .arg(m_scanProblem.toHtmlEscaped());
    m_figures->setText(text);
    m_figures->setToolTip(
        tr("dive counts every copy of a path it lists, the surviving one included. "
           "Reclaimable bytes are what a better build would not ship: every copy but "
           "the one the final filesystem shows, deleted files in full, with opaque "
           "directories taken into account. Findings count each byte once."));
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

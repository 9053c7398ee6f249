#pragma once

#include "analysis/efficiency.h"
#include "analysis/findings.h"
#include "models/backgroundwork.h"

#include <QWidget>

#include <memory>
#include <vector>

class QCheckBox;
class QLabel;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace strata {

class EfficiencyModel;
class FindingsPane;
class ImageSource;

// "Which bytes does this image carry for nothing, and what should I change?": dive's efficiency
// score and wasted bytes, Strata's reclaimable bytes, the findings with their fixes and the
// paths behind them. Computed off the GUI thread when the panel is first shown for an image
// (the analysis holds every path of every layer: on a big image it costs as much memory again
// as the trees, so only those who look pay for it); the files' contents are then read once
// more for keys and tokens. Selecting a finding or a path tells the page what to show.
class EfficiencyPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit EfficiencyPanel(QWidget *parent = nullptr);
    ~EfficiencyPanel() override;

    // `source` reads file contents for the findings (the entrypoint, secrets); null leaves
    // those out.
    void setImage(std::shared_ptr<const ImageSource> source, int imageIndex, const ImageInfo &image,
                  std::vector<std::shared_ptr<const LayerTree>> layers);
    void clear();
    // True between setImage() and the moment the panel is shown and starts the analysis.
    bool isWaitingToBeShown() const { return m_pending != nullptr; }

    std::shared_ptr<const EfficiencyReport> report() const { return m_report; }
    std::shared_ptr<const FindingsReport> findings() const { return m_findings; }
    // True while file contents are still being read for secrets.
    bool isScanningContents() const { return m_scanning; }
    EfficiencyModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    FindingsPane *findingsPane() const { return m_findingsPane; }
    QTabWidget *views() const { return m_views; }
    QCheckBox *shadeCheckBox() const { return m_shade; }
    QCheckBox *excludeBaseCheckBox() const { return m_excludeBase; }
    // The shading the stack should show now (empty: none), and what it means.
    QList<double> currentShades() const;

signals:
    void reportReady();
    // The findings are there (again: after the contents were read, after excluding the base).
    void findingsReady();
    // A path was chosen in the list: show it in the tree as of `layer` (the top layer, or
    // the last layer holding it when no copy survives).
    void pathActivated(const QString &path, int layer);
    // Shown with nothing to analyse: the image's layers are still to be read (or fetched).
    void layersWanted();
    // Per layer shading for LayerStackView::setLayerShades (empty list: no shading).
    void layerShadesChanged(const QList<double> &shades, const QString &meaning);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Pending;
    void analyze();
    void showReport(std::shared_ptr<const EfficiencyReport> report);
    void findFindings();
    void showFindings(std::shared_ptr<const FindingsReport> findings, bool final);
    void showFigures();
    void onCurrentRowChanged();
    void emitShades();

    BackgroundWork m_analysing{this};
    BackgroundWork m_finding{this};
    std::unique_ptr<Pending> m_pending;
    std::unique_ptr<Pending> m_analysed; // what the report is of, for the findings' reruns
    std::shared_ptr<const EfficiencyReport> m_report;
    std::shared_ptr<const FindingsReport> m_findings;
    bool m_scanning = false;
    QString m_scanProblem; // why the contents could not all be read for secrets
    QLabel *m_score;
    QLabel *m_figures;
    QCheckBox *m_excludeBase;
    QCheckBox *m_shade;
    QTabWidget *m_views;
    FindingsPane *m_findingsPane;
    EfficiencyModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
};

} // namespace strata

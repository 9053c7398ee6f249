#pragma once

#include "analysis/efficiency.h"
#include "models/backgroundwork.h"

#include <QWidget>

#include <memory>
#include <vector>

class QCheckBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace strata {

class EfficiencyModel;

// "Which bytes does this image carry for nothing?": dive's efficiency score and wasted bytes,
// Strata's reclaimable bytes, and the paths behind them. Computed off the GUI thread when the
// panel is first shown for an image (the analysis holds every path of every layer: on a big
// image it costs as much memory again as the trees, so only those who look pay for it);
// selecting a path tells the page which path and layers to show.
class EfficiencyPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit EfficiencyPanel(QWidget *parent = nullptr);
    ~EfficiencyPanel() override;

    void setImage(const ImageInfo &image, std::vector<std::shared_ptr<const LayerTree>> layers);
    void clear();
    // True between setImage() and the moment the panel is shown and starts the analysis.
    bool isWaitingToBeShown() const { return m_pending != nullptr; }

    std::shared_ptr<const EfficiencyReport> report() const { return m_report; }
    EfficiencyModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QCheckBox *shadeCheckBox() const { return m_shade; }
    // The shading the stack should show now (empty: none), and what it means.
    QList<double> currentShades() const;

signals:
    void reportReady();
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
    void onCurrentRowChanged();
    void emitShades();

    BackgroundWork m_analysing{this};
    std::unique_ptr<Pending> m_pending;
    std::shared_ptr<const EfficiencyReport> m_report;
    QLabel *m_score;
    QLabel *m_figures;
    QCheckBox *m_shade;
    EfficiencyModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
};

} // namespace strata

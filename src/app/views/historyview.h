#pragma once

#include <QTableView>

#include <memory>
#include <vector>

namespace strata {

struct ImageInfo;
struct LayerTree;
class HistoryModel;

// The history table, newest step first, linked to the layer stack through signals and slots:
// selecting a row announces its layer (and step); selectLayer()/selectStep() select the row.
class HistoryView final : public QTableView
{
    Q_OBJECT

public:
    explicit HistoryView(QWidget *parent = nullptr);

    HistoryModel *historyModel() const { return m_model; }
    void setImage(const ImageInfo &image);
    void setLayerTrees(const std::vector<std::shared_ptr<const LayerTree>> &trees);

    int currentLayer() const; // of the current row; -1 for an empty step or none
    int currentStep() const;

public Q_SLOTS:
    void selectLayer(int layer);
    void selectStep(int historyIndex);

Q_SIGNALS:
    // A row that made a layer became current.
    void layerSelected(int layer);
    // A row with a history step became current (empty steps included).
    void stepSelected(int historyIndex);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fitRowsToFont();
    void selectRow(int row);
    void onCurrentRowChanged(const QModelIndex &current);

    HistoryModel *m_model;
};

} // namespace strata

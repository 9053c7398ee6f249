#include "views/historyview.h"

#include "models/historymodel.h"

#include <QEvent>
#include <QHeaderView>

#include <algorithm>

namespace strata {

HistoryView::HistoryView(QWidget *parent) : QTableView(parent), m_model(new HistoryModel(this))
{
    setObjectName(QStringLiteral("historyView"));
    m_model->setObjectName(QStringLiteral("historyModel"));
    setModel(m_model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setSortingEnabled(false); // the order of the steps is the point
    setAccessibleName(tr("Image history"));
    verticalHeader()->hide();
    QHeaderView *header = horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(HistoryModel::CreatedColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(HistoryModel::CreatedByColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(HistoryModel::SizeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(HistoryModel::CommentColumn, QHeaderView::Interactive);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HistoryView::onCurrentRowChanged);
    fitRowsToFont();
}

void HistoryView::changeEvent(QEvent *event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        fitRowsToFont();
}

// Rows are as tall as the style says whatever the font; the presentation zoom needs them to
// grow with it.
void HistoryView::fitRowsToFont()
{
    const int height = fontMetrics().height() + 8;
    verticalHeader()->setMinimumSectionSize(
        std::min(verticalHeader()->minimumSectionSize(), height));
    verticalHeader()->setDefaultSectionSize(height);
}

void HistoryView::setImage(const ImageInfo &image)
{
    m_model->setImage(image);
}

void HistoryView::setLayerTrees(const std::vector<std::shared_ptr<const LayerTree>> &trees)
{
    m_model->setLayerTrees(trees);
}

int HistoryView::currentLayer() const
{
    return m_model->layerAt(currentIndex().row());
}

int HistoryView::currentStep() const
{
    return m_model->stepAt(currentIndex().row());
}

void HistoryView::selectLayer(int layer)
{
    selectRow(m_model->rowForLayer(layer));
}

void HistoryView::selectStep(int historyIndex)
{
    selectRow(m_model->rowForStep(historyIndex));
}

void HistoryView::selectRow(int row)
{
    if (row < 0 || row == currentIndex().row())
        return;
    const QModelIndex index = m_model->index(row, HistoryModel::CreatedByColumn);
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                 QItemSelectionModel::Rows);
    scrollTo(index);
}

void HistoryView::onCurrentRowChanged(const QModelIndex &current)
{
    if (!current.isValid())
        return;
    const int layer = m_model->layerAt(current.row());
    const int step = m_model->stepAt(current.row());
    if (layer >= 0)
        Q_EMIT layerSelected(layer);
    if (step >= 0)
        Q_EMIT stepSelected(step);
}

} // namespace strata

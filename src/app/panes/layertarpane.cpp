#include "panes/layertarpane.h"

#include "models/formatting.h"
#include "models/storedentrymodel.h"
#include "source/imagesource.h"
#include "views/monofont.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace strata {

namespace {
// Keeps the whiteouts and opaque markers only, when asked.
class WhiteoutFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setWhiteoutsOnly(bool only)
    {
        m_only = only;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (!m_only)
            return true;
        return sourceModel()->index(row, 0, parent).data(StoredEntryModel::MeaningRole).toInt() !=
               int(StoredEntry::Meaning::Entry);
    }

private:
    bool m_only = false;
};
} // namespace

LayerTarPane::LayerTarPane(QWidget *parent)
    : QWidget(parent), m_title(new QLabel), m_explanation(new QLabel),
      m_whiteoutsOnly(new QCheckBox(tr("Whiteouts only"))), m_model(new StoredEntryModel(this)),
      m_filter(new WhiteoutFilter(this)), m_view(new QTreeView)
{
    setObjectName(QStringLiteral("layerTarPane"));
    m_title->setObjectName(QStringLiteral("layerTarTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_explanation->setObjectName(QStringLiteral("whiteoutExplanation"));
    m_explanation->setWordWrap(true);
    m_explanation->setTextFormat(Qt::PlainText);
    m_explanation->setText(
        tr("A layer cannot remove a file from the read-only layers below it, so its tar says "
           "so with an empty file: .wh.NAME deletes NAME, and .wh..wh..opq in a folder hides "
           "everything the layers below have there. The names come from AUFS, the union "
           "filesystem Docker used first. overlay2 writes the same deletion on disk as a "
           "character device 0/0 named NAME, and an opaque folder as the folder's "
           "trusted.overlay.opaque=y attribute."));
    m_whiteoutsOnly->setObjectName(QStringLiteral("whiteoutsOnly"));
    m_whiteoutsOnly->setToolTip(tr("Show only the entries that delete or hide"));

    m_filter->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("layerTarEntries"));
    m_view->setModel(m_filter);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setAlternatingRowColors(true);
    m_view->setFont(inheritedMonospaceFont());
    m_view->header()->setStretchLastSection(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_whiteoutsOnly);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addLayout(top);
    layout->addWidget(m_explanation);
    layout->addWidget(m_view, 1);

    connect(m_whiteoutsOnly, &QCheckBox::toggled, this,
            [this](bool only) { static_cast<WhiteoutFilter *>(m_filter)->setWhiteoutsOnly(only); });
    m_title->setText(tr("Select a layer to see its tar."));
}

void LayerTarPane::setSource(std::shared_ptr<const ImageSource> source, int image)
{
    m_source = std::move(source);
    m_image = image;
    m_layer = -1;
    m_shownLayer = -2;
    m_loaded = false;
    m_work.cancel();
    m_model->setListing(nullptr);
    m_title->setText(tr("Select a layer to see its tar."));
}

void LayerTarPane::selectLayer(int layer)
{
    m_layer = layer;
    if (isVisible())
        load();
}

void LayerTarPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    load();
}

void LayerTarPane::load()
{
    if (!m_source || m_layer < 0 || m_layer == m_shownLayer)
        return;
    m_shownLayer = m_layer;
    m_loaded = false;
    m_model->setListing(nullptr);
    m_title->setText(tr("Reading layer %1's tar…").arg(m_layer));
    m_work.run(
        [source = m_source, image = m_image, layer = m_layer](const std::atomic_bool &cancel) {
            return std::make_shared<const LayerListing>(
                listStoredEntries(*source, image, layer, kMaxRows, &cancel));
        },
        [this](const std::shared_ptr<const LayerListing> &listing) {
            m_model->setListing(listing);
            for (int c = 0; c < StoredEntryModel::MeaningColumn; ++c)
                m_view->resizeColumnToContents(c);
            showTitle();
            m_loaded = true;
            emit loaded();
        });
}

void LayerTarPane::showTitle()
{
    const LayerListing *listing = m_model->listing();
    if (!listing)
        return;
    QString text = tr("Layer %1's tar as stored: %Ln entries", nullptr, int(listing->entryCount))
                       .arg(m_shownLayer) +
                   tr(", %Ln of them whiteouts", nullptr, m_model->whiteoutCount());
    if (listing->truncated)
        text += QLatin1Char(' ') +
                tr("(the first %1 listed)").arg(format::count(qint64(listing->entries.size())));
    if (listing->error)
        text += QLatin1Char('\n') + listing->error.toString();
    m_title->setText(text);
}

} // namespace strata

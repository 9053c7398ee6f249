#include "panes/containerspane.h"

#include "common/datasize.h"
#include "engine/engineclient.h"
#include "engine/engineimagesource.h"
#include "engine/enginelisting.h"
#include "models/enginecontainermodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace strata {

namespace {
struct Answer
{
    std::optional<QList<EngineContainer>> containers;
    Error error;
};
} // namespace

ContainersPane::ContainersPane(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel), m_model(new EngineContainerModel(this)),
      m_list(new QTreeView)
{
    setObjectName(QStringLiteral("containersPane"));
    m_summary->setObjectName(QStringLiteral("containersSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_list->setObjectName(QStringLiteral("containerList"));
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setAllColumnsShowFocus(true);
    m_list->setColumnHidden(EngineContainerModel::ImageColumn, true);
    m_list->setColumnHidden(EngineContainerModel::EngineColumn, true);
    m_list->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addStretch();
    connect(m_list, &QTreeView::activated, this, [this](const QModelIndex &index) {
        emit openRequested(index.data(EngineContainerModel::LocationRole).toString());
    });
}

void ContainersPane::setImage(std::shared_ptr<const ImageSource> source, const ImageInfo &image,
                              qint64 imageBytes)
{
    m_source = std::move(source);
    m_imageId = image.id;
    m_imageBytes = imageBytes;
    m_asked = false;
    m_loaded = false;
    m_work.cancel();
    m_model->setEngines({}, {});
    if (!std::dynamic_pointer_cast<const EngineImageSource>(m_source))
        showAssumed();
    else if (isVisible())
        refresh();
}

void ContainersPane::showAssumed()
{
    m_list->hide();
    m_summary->setText(
        tr("Assumed: no engine runs this image here, so this is the container docker run would "
           "start. Its read-write layer begins empty (0 B, what docker ps -s shows as SIZE); its "
           "virtual size is the image's %1, read from the layers below and never copied. Each "
           "further container adds only its own thin layer.")
            .arg(formatDataSize(m_imageBytes)));
    m_loaded = true;
    emit loaded();
}

void ContainersPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_asked && std::dynamic_pointer_cast<const EngineImageSource>(m_source))
        refresh();
}

void ContainersPane::refresh()
{
    auto engine = std::dynamic_pointer_cast<const EngineImageSource>(m_source);
    if (!engine)
        return;
    m_asked = true;
    m_summary->setText(tr("Asking the engine for the containers of this image…"));
    m_work.run(
        [endpoint = engine->endpoint()] {
            EngineClient client(endpoint);
            Answer answer;
            answer.containers = client.containers(&answer.error);
            return answer;
        },
        [this, endpoint = engine->endpoint()](const Answer &answer) {
            m_loaded = true;
            if (!answer.containers) {
                m_summary->setText(answer.error.toString());
                emit loaded();
                return;
            }
            EngineListing listing;
            listing.endpoint = endpoint;
            qint64 written = 0;
            for (const EngineContainer &c : *answer.containers) {
                if (c.imageId == m_imageId) {
                    listing.containers << c;
                    written += std::max<qint64>(0, c.sizeRw);
                }
            }
            m_model->setEngines({listing}, {});
            const int count = int(listing.containers.size());
            m_list->setVisible(count > 0);
            for (int c = 0; c < EngineContainerModel::ColumnCount; ++c)
                m_list->resizeColumnToContents(c);
            m_summary->setText(
                count == 0
                    ? tr("No container of the engine runs this image: docker run would start one "
                         "with an empty read-write layer on top of these read-only layers.")
                    : tr("%n container(s) run this image, each with its own read-write layer "
                         "(%1 written in all) on the same read-only layers (%2, stored once). "
                         "Double-click one to open it.",
                         nullptr, count)
                          .arg(formatDataSize(written), formatDataSize(m_imageBytes)));
            emit loaded();
        });
}

} // namespace strata

#include "panes/archivepane.h"

#include "archive/archivemap.h"
#include "archive/imagearchive.h"
#include "common/datasize.h"
#include "models/archivemembermodel.h"
#include "views/archivelinksview.h"
#include "views/jsonhighlighter.h"
#include "views/jsontext.h"
#include "views/monofont.h"

#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace strata {

namespace {
constexpr qint64 kMaxShownBytes = 1024 * 1024;

QString formatName(ArchiveFormat format)
{
    switch (format) {
    case ArchiveFormat::DockerLegacy:
        return ArchivePane::tr("docker save (before Docker 25)");
    case ArchiveFormat::DockerLegacyV1:
        return ArchivePane::tr("docker save (before Docker 1.10)");
    case ArchiveFormat::DockerArchive:
        return ArchivePane::tr("docker-archive (podman save, skopeo)");
    case ArchiveFormat::Docker25:
        return ArchivePane::tr("docker save (Docker 25 and later): an OCI layout with "
                               "manifest.json");
    case ArchiveFormat::OciArchive:
        return ArchivePane::tr("OCI image layout in a tar");
    case ArchiveFormat::OciDirectory:
        return ArchivePane::tr("OCI image layout folder");
    case ArchiveFormat::SkopeoDirectory:
        return ArchivePane::tr("skopeo dir: folder");
    }
    return {};
}

enum Page
{
    ContentPage,
    NotePage
};
} // namespace

ArchivePane::ArchivePane(QWidget *parent)
    : QWidget(parent), m_caption(new QLabel), m_model(new ArchiveMemberModel(this)),
      m_list(new QTreeView), m_pages(new QStackedWidget), m_content(new QPlainTextEdit),
      m_memberNote(new QLabel), m_openLayer(new QPushButton(tr("Open Layer"))),
      m_links(new ArchiveLinksView), m_linksScroll(new QScrollArea)
{
    setObjectName(QStringLiteral("archivePane"));
    m_caption->setObjectName(QStringLiteral("archiveCaption"));
    m_caption->setWordWrap(true);
    m_caption->setTextFormat(Qt::PlainText);

    m_list->setObjectName(QStringLiteral("archiveMembers"));
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->header()->setStretchLastSection(false);

    m_content->setObjectName(QStringLiteral("archiveMemberContent"));
    m_content->setReadOnly(true);
    m_content->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_content->setFont(inheritedMonospaceFont());
    new JsonHighlighter(m_content->document());

    auto *note = new QWidget;
    auto *noteLayout = new QVBoxLayout(note);
    m_memberNote->setObjectName(QStringLiteral("archiveMemberNote"));
    m_memberNote->setWordWrap(true);
    m_memberNote->setTextFormat(Qt::PlainText);
    m_memberNote->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_openLayer->setObjectName(QStringLiteral("openLayerButton"));
    noteLayout->addWidget(m_memberNote);
    noteLayout->addWidget(m_openLayer, 0, Qt::AlignLeft);
    noteLayout->addStretch();
    m_pages->addWidget(m_content);
    m_pages->addWidget(note);

    m_linksScroll->setObjectName(QStringLiteral("archiveLinksScroll"));
    m_linksScroll->setWidget(m_links);
    m_linksScroll->setWidgetResizable(false);
    m_linksScroll->setFrameShape(QFrame::NoFrame);

    auto *top = new QSplitter(Qt::Horizontal);
    top->addWidget(m_list);
    top->addWidget(m_pages);
    top->setStretchFactor(0, 2);
    top->setStretchFactor(1, 1);
    top->setChildrenCollapsible(false);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(top);
    split->addWidget(m_linksScroll);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(m_caption);
    layout->addWidget(split, 1);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showMember(current.row()); });
    connect(m_list, &QTreeView::activated, this,
            [this](const QModelIndex &index) { activate(index.row()); });
    connect(m_openLayer, &QPushButton::clicked, this, [this] {
        if (m_layerOfMember >= 0)
            emit layerActivated(m_layerOfMember);
    });
    connect(m_links, &ArchiveLinksView::memberClicked, this,
            [this](const QString &member) { selectMember(member); });
    connect(m_links, &ArchiveLinksView::layerClicked, this, &ArchivePane::selectLayer);
}

ArchivePane::~ArchivePane() = default;

void ArchivePane::setArchive(std::shared_ptr<const ImageArchive> archive, int image)
{
    m_archive = std::move(archive);
    m_image = image;
    m_layerOfMember = -1;
    if (!m_archive) {
        m_model->setMap(nullptr, {});
        m_links->clear();
        return;
    }
    QStringList names;
    for (const ImageInfo &info : m_archive->images())
        names << info.displayName();
    auto map = std::make_shared<const ArchiveMap>(*m_archive, image);
    const QString manifest = map->manifestMember(image);
    m_model->setMap(map, names);
    const qsizetype members = qsizetype(map->members().size());
    m_caption->setText(tr("%1, %n member(s): what tar tvf lists, in the order stored. Select a "
                          "member to see what it holds; double-click a layer to open it.",
                          nullptr, int(members))
                           .arg(formatName(m_archive->format())));
    for (int column = 0; column < ArchiveMemberModel::ColumnCount; ++column)
        m_list->resizeColumnToContents(column);
    if (image >= 0 && image < int(m_archive->images().size()))
        m_links->setImage(m_archive->images()[size_t(image)], manifest);
    else
        m_links->clear();
    m_links->resize(m_links->sizeHint());
    if (!selectMember(manifest))
        showMember(-1);
}

bool ArchivePane::selectMember(const QString &name)
{
    const ArchiveMap *map = m_model->map();
    const int row = map ? map->find(name) : -1;
    if (row < 0)
        return false;
    m_list->setCurrentIndex(m_model->index(row, 0));
    m_list->scrollTo(m_list->currentIndex());
    return true;
}

void ArchivePane::selectLayer(int layer)
{
    const ArchiveMap *map = m_model->map();
    if (!map || layer < 0)
        return;
    int row = map->findLayerMember(m_image, layer, MemberRole::Layer);
    if (row < 0)
        row = map->findLayerMember(m_image, layer, MemberRole::LayerLink);
    if (row >= 0) {
        m_list->setCurrentIndex(m_model->index(row, 0));
        m_list->scrollTo(m_list->currentIndex());
    }
    m_links->selectLayer(layer);
}

void ArchivePane::showMember(int row)
{
    const ArchiveMap *map = m_model->map();
    m_layerOfMember = -1;
    if (!map || row < 0 || row >= int(map->members().size())) {
        m_memberNote->setText(tr("Select a member of the archive."));
        m_openLayer->hide();
        m_pages->setCurrentIndex(NotePage);
        return;
    }
    const MappedMember &member = map->members()[size_t(row)];
    const bool ownLayer = member.image == m_image && member.layer >= 0;
    if (ownLayer) {
        m_layerOfMember = member.layer;
        m_links->selectLayer(member.layer);
    } else {
        m_links->selectMember(member.name);
    }
    if (map->isReadable(row)) {
        Error error;
        const QByteArray data = map->read(row, kMaxShownBytes, &error);
        m_content->setPlainText(error ? error.toString() : indentJson(data));
        m_pages->setCurrentIndex(ContentPage);
        return;
    }
    QString text = ArchiveMemberModel::roleExplanation(member.role);
    if (member.type == ArchiveMember::File && member.size > kMaxShownBytes &&
        member.role != MemberRole::Layer)
        text =
            tr("%1 is %2: too large to show here.").arg(member.name, formatDataSize(member.size));
    if (text.isEmpty())
        text = member.name;
    if (member.role == MemberRole::Layer || member.role == MemberRole::LayerLink) {
        const QString stored = member.type == ArchiveMember::File
                                   ? tr("%1 as stored.").arg(formatDataSize(member.size))
                                   : tr("Links to %1.").arg(member.linkTarget);
        text = tr("Layer %1. %2\n\n%3").arg(member.layer).arg(stored, text);
    }
    m_memberNote->setText(text);
    m_openLayer->setVisible(ownLayer);
    m_openLayer->setText(tr("Open Layer %1").arg(member.layer));
    m_pages->setCurrentIndex(NotePage);
}

void ArchivePane::activate(int row)
{
    const ArchiveMap *map = m_model->map();
    if (!map || row < 0 || row >= int(map->members().size()))
        return;
    const MappedMember &member = map->members()[size_t(row)];
    if (member.image == m_image && member.layer >= 0)
        emit layerActivated(member.layer);
}

} // namespace strata

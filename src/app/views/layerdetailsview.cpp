#include "views/layerdetailsview.h"

#include "common/datasize.h"
#include "source/imagesource.h"
#include "tree/layertree.h"
#include "views/jsonhighlighter.h"
#include "views/jsontext.h"
#include "views/monofont.h"

#include <QAction>
#include <QClipboard>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace strata {

LayerDetailsView::LayerDetailsView(QWidget *parent)
    : QWidget(parent), m_title(new QLabel), m_form(new QFormLayout), m_tabs(new QTabWidget),
      m_copyAction(new QAction(tr("Copy JSON"), this))
{
    setObjectName(QStringLiteral("layerDetailsView"));
    m_title->setObjectName(QStringLiteral("layerTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont bold; // only the weight: the size follows the window's (presentation zoom)
    bold.setBold(true);
    m_title->setFont(bold);

    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    addField(DiffId, tr("diff_id:"), QStringLiteral("diffIdField"), true);
    addField(BlobDigest, tr("Blob digest:"), QStringLiteral("blobDigestField"), true);
    addField(ChainId, tr("Chain ID:"), QStringLiteral("chainIdField"), true);
    addField(MediaType, tr("Media type:"), QStringLiteral("mediaTypeField"), false);
    addField(Compression, tr("Compression:"), QStringLiteral("compressionField"), false);
    addField(BlobSize, tr("Blob size:"), QStringLiteral("blobSizeField"), false);
    addField(TarSize, tr("Tar size:"), QStringLiteral("tarSizeField"), false);
    addField(ContentSize, tr("Content size:"), QStringLiteral("contentSizeField"), false);
    addField(FileCount, tr("Files:"), QStringLiteral("fileCountField"), false);
    addField(EntryCount, tr("Tar entries:"), QStringLiteral("entryCountField"), false);
    addField(Member, tr("Stored as:"), QStringLiteral("memberField"), true);
    addField(LegacyId, tr("Legacy layer id:"), QStringLiteral("legacyIdField"), true);
    addField(ContainerId, tr("Container ID:"), QStringLiteral("containerIdField"), true);
    addField(ContainerState, tr("State:"), QStringLiteral("containerStateField"), false);
    addField(SizeRw, tr("Written:"), QStringLiteral("sizeRwField"), false);
    addField(VirtualSize, tr("Virtual size:"), QStringLiteral("virtualSizeField"), false);
    addField(Problem, tr("Problem:"), QStringLiteral("problemField"), false);

    const QString names[] = {QStringLiteral("manifestJson"), QStringLiteral("configJson"),
                             QStringLiteral("layerJson")};
    const QString titles[] = {tr("Manifest"), tr("Config"), tr("Layer json")};
    const QFont fixed = inheritedMonospaceFont();
    for (int tab = 0; tab < 3; ++tab) {
        auto *viewer = new QPlainTextEdit(m_tabs);
        viewer->setObjectName(names[tab]);
        viewer->setReadOnly(true);
        viewer->setLineWrapMode(QPlainTextEdit::NoWrap);
        viewer->setFont(fixed);
        new JsonHighlighter(viewer->document());
        m_json[tab] = viewer;
        m_tabs->addTab(viewer, titles[tab]);
    }
    m_tabs->setObjectName(QStringLiteral("jsonTabs"));
    m_tabs->setTabToolTip(LayerJsonTab,
                          tr("The per-layer json file of the legacy docker save format"));

    m_copyAction->setObjectName(QStringLiteral("copyJsonAction"));
    m_copyAction->setToolTip(tr("Copy the JSON shown to the clipboard"));
    connect(m_copyAction, &QAction::triggered, this, &LayerDetailsView::copyCurrentJson);
    auto *copyButton = new QToolButton(m_tabs);
    copyButton->setObjectName(QStringLiteral("copyJsonButton"));
    copyButton->setDefaultAction(m_copyAction);
    copyButton->setAutoRaise(true);
    m_tabs->setCornerWidget(copyButton, Qt::TopRightCorner);

    // The fields scroll on their own, so that a big font (presentation zoom) or a short
    // window still leaves room for the JSON below; the splitter shares the height.
    auto *fields = new QWidget;
    auto *fieldsLayout = new QVBoxLayout(fields);
    fieldsLayout->setContentsMargins(0, 0, 0, 0);
    fieldsLayout->addWidget(m_title);
    fieldsLayout->addLayout(m_form);
    fieldsLayout->addStretch(1);
    auto *fieldsScroll = new QScrollArea;
    fieldsScroll->setObjectName(QStringLiteral("layerFields"));
    fieldsScroll->setWidget(fields);
    fieldsScroll->setWidgetResizable(true);
    fieldsScroll->setFrameShape(QFrame::NoFrame);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(fieldsScroll);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    showLayer();
}

QLineEdit *LayerDetailsView::addField(Field field, const QString &label, const QString &objectName,
                                      bool monospace)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setReadOnly(true);
    edit->setFrame(false);
    // Read-only fields look like labels but select, scroll and copy like text. Only the Base
    // role is set, so the rest of the palette (and the font) still come from the window.
    QPalette transparent;
    transparent.setColor(QPalette::Base, Qt::transparent);
    edit->setPalette(transparent);
    if (monospace)
        edit->setFont(inheritedMonospaceFont());
    m_form->addRow(label, edit);
    m_fields[field] = edit;
    return edit;
}

void LayerDetailsView::setImage(const ImageInfo &image)
{
    m_image = image;
    m_trees.clear();
    m_layer = -1;
    m_json[ManifestTab]->setPlainText(indentJson(image.manifestJson));
    m_json[ConfigTab]->setPlainText(indentJson(image.configJson));
    showLayer();
}

void LayerDetailsView::setLayerTrees(const std::vector<std::shared_ptr<const LayerTree>> &trees)
{
    m_trees = trees;
    showLayer();
}

void LayerDetailsView::setLayer(int layer)
{
    m_layer = layer >= 0 && layer < m_image.layers.size() ? layer : -1;
    showLayer();
}

QString LayerDetailsView::jsonText(JsonTab tab) const
{
    return m_json[tab]->toPlainText();
}

void LayerDetailsView::copyCurrentJson()
{
    const int tab = m_tabs->currentIndex();
    if (tab >= 0 && tab < 3)
        QGuiApplication::clipboard()->setText(m_json[tab]->toPlainText());
}

void LayerDetailsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        for (QPlainTextEdit *viewer : m_json) {
            if (auto *highlighter = viewer->document()->findChild<JsonHighlighter *>())
                highlighter->setPalette(palette());
        }
    }
}

void LayerDetailsView::setField(Field field, const QString &text)
{
    QLineEdit *edit = m_fields[field];
    edit->setText(text);
    edit->setCursorPosition(0);
    edit->setToolTip(text);
    // Rows that only some layers have (a legacy id, a problem, a container's figures) show
    // only when set; a container's layer has no blob, so no blob rows.
    const bool optional = field == LegacyId || field == Problem || field == ContainerId ||
                          field == ContainerState || field == SizeRw || field == VirtualSize;
    const bool blobOnly = field == DiffId || field == BlobDigest || field == ChainId ||
                          field == MediaType || field == Compression || field == BlobSize ||
                          field == TarSize;
    m_form->setRowVisible(edit, optional ? !text.isEmpty() : !(blobOnly && isReadWrite()));
}

bool LayerDetailsView::isReadWrite() const
{
    return m_layer >= 0 && m_image.container && m_image.layers.at(m_layer).readWrite;
}

const LayerTree *LayerDetailsView::tree() const
{
    return m_layer >= 0 && size_t(m_layer) < m_trees.size() ? m_trees[size_t(m_layer)].get()
                                                            : nullptr;
}

QString LayerDetailsView::sizeText(qint64 bytes) const
{
    if (bytes < 0)
        return tr("not known yet");
    return tr("%1 (%2 bytes)").arg(formatDataSize(bytes), QLocale().toString(bytes));
}

void LayerDetailsView::showLayer()
{
    const bool hasLayer = m_layer >= 0;
    for (QLineEdit *edit : m_fields)
        edit->setEnabled(hasLayer);
    if (!hasLayer) {
        m_title->setText(m_image.layers.isEmpty() ? tr("No layer") : tr("No layer selected"));
        for (int field = 0; field < FieldCount; ++field)
            setField(Field(field), QString());
        m_json[LayerJsonTab]->clear();
        m_tabs->setTabEnabled(LayerJsonTab, false);
        return;
    }
    const LayerInfo &layer = m_image.layers.at(m_layer);
    const LayerTree *indexed = tree();
    m_title->setText(isReadWrite() ? tr("Layer %1 of %2: container %3's read-write layer")
                                         .arg(m_layer)
                                         .arg(m_image.layers.size())
                                         .arg(m_image.container->name)
                                   : tr("Layer %1 of %2").arg(m_layer).arg(m_image.layers.size()));
    setField(DiffId, layer.diffId);
    setField(BlobDigest, layer.blobDigest);
    setField(ChainId, layer.chainId);
    setField(MediaType, layer.mediaType.isEmpty() ? tr("(none declared: docker save layer)")
                                                  : layer.mediaType);
    QString compression = layer.compression;
    if (compression.isEmpty() && indexed)
        compression = indexed->compression;
    setField(Compression, compression.isEmpty()                  ? tr("not known yet")
                          : compression == QLatin1String("none") ? tr("none (plain tar)")
                                                                 : compression);
    setField(BlobSize, sizeText(layer.blobSize));
    setField(TarSize, sizeText(indexed && layer.tarSize < 0 ? indexed->tarSize : layer.tarSize));
    setField(ContentSize,
             sizeText(indexed && layer.contentSize < 0 ? indexed->contentSize : layer.contentSize));
    setField(FileCount, indexed ? QLocale().toString(indexed->fileCount) : tr("not known yet"));
    const qint64 entries =
        layer.entryCount >= 0 ? layer.entryCount : (indexed ? indexed->entryCount : -1);
    setField(EntryCount, entries >= 0 ? QLocale().toString(entries) : tr("not known yet"));
    setField(Member, layer.member);
    setField(LegacyId, layer.v1Id);
    const ContainerInfo *container = isReadWrite() ? &*m_image.container : nullptr;
    setField(ContainerId, container ? container->id : QString());
    setField(ContainerState, container ? container->state : QString());
    setField(
        SizeRw,
        container
            ? tr("%1, as the engine measures it (docker ps -s)").arg(sizeText(container->sizeRw))
            : QString());
    setField(VirtualSize, container ? sizeText(container->sizeRootFs) : QString());
    setField(Problem, indexed && indexed->error.isError() ? indexed->error.message : QString());

    m_json[LayerJsonTab]->setPlainText(indentJson(layer.v1Json));
    m_tabs->setTabEnabled(LayerJsonTab, !layer.v1Json.isEmpty());
}

} // namespace strata

#include "panes/entrydetailspane.h"

#include "common/datasize.h"
#include "models/formatting.h"
#include "models/overlaymodel.h"
#include "panes/filepreview.h"
#include "panes/messagebar.h"
#include "report/packagesreport.h"
#include "source/imagesource.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace strata {

namespace {

struct Field
{
    const char *key;
    const char *label;
};

// The rows of the form, in order; labels are translated where they are shown.
const Field kFields[] = {
    {"type", QT_TRANSLATE_NOOP("strata::EntryDetailsPane", "Type:")},
    {"size", QT_TRANSLATE_NOOP("strata::EntryDetailsPane", "Size:")},
    {"mode", QT_TRANSLATE_NOOP("strata::EntryDetailsPane", "Mode:")},
    {"owner", QT_TRANSLATE_NOOP("strata::EntryDetailsPane", "Owner (uid:gid):")},
    {"mtime", QT_TRANSLATE_NOOP("strata::EntryDetailsPane", "Modified:")},
    {"link", QT_TRANSLATE_NOOP("strata::EntryDetailsPane", "Link target:")},
    {"layer", QT_TRANSLATE_NOOP("strata::EntryDetailsPane", "From layer:")},
    {"change", QT_TRANSLATE_NOOP("strata::EntryDetailsPane", "At this layer:")},
    {"package", QT_TRANSLATE_NOOP("strata::EntryDetailsPane", "Package:")},
};

} // namespace

EntryDetailsPane::EntryDetailsPane(QWidget *parent)
    : QWidget(parent), m_message(new MessageBar(this)), m_pages(new QStackedWidget(this)),
      m_empty(new QLabel(tr("Select a file or directory in the tree to see its details, the "
                            "layers that hold it and its content."),
                         this)),
      m_details(new QWidget(this)), m_path(new QLineEdit(this)), m_form(new QFormLayout),
      m_overlayHeading(new QLabel(tr("Overlay"), this)), m_overlay(new QTableView(this)),
      m_overlayModel(new OverlayModel(this)), m_preview(new FilePreview(this))
{
    m_path->setObjectName(QStringLiteral("entryPath"));
    m_path->setReadOnly(true);
    m_path->setFrame(false);
    QFont bold; // only the weight: the size follows the window (presentation zoom)
    bold.setBold(true);
    m_path->setFont(bold);
    m_overlayHeading->setFont(bold);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignLeft);
    for (const Field &field : kFields) {
        auto *value = new QLabel(this);
        value->setObjectName(QString::fromLatin1(field.key));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        // No word wrap: Qt 6.4's QFormLayout::heightForWidth() overflows its row array when
        // rows with height-for-width items are hidden.
        m_form->addRow(tr(field.label), value);
    }
    m_overlay->setObjectName(QStringLiteral("overlayTable"));
    m_overlay->setModel(m_overlayModel);
    m_overlay->verticalHeader()->hide();
    m_overlay->setShowGrid(false);
    m_overlay->setSelectionMode(QAbstractItemView::NoSelection);
    m_overlay->setWordWrap(false);
    m_overlay->horizontalHeader()->setStretchLastSection(true);
    m_overlay->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_overlay->horizontalHeader()->setSectionResizeMode(OverlayModel::StatusColumn,
                                                        QHeaderView::Stretch);
    m_overlay->setToolTip(
        tr("How overlayfs would mount the image at the selected layer: the selected layer is "
           "the upper directory, the layers below are lower directories, and the merged view "
           "shows the topmost copy unless a whiteout deletes it."));

    auto *info = new QWidget(this);
    auto *infoLayout = new QVBoxLayout(info);
    infoLayout->setContentsMargins(0, 0, 0, 0);
    infoLayout->addWidget(m_path);
    infoLayout->addLayout(m_form);
    infoLayout->addWidget(m_overlayHeading);
    infoLayout->addWidget(m_overlay, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(info);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *detailsLayout = new QVBoxLayout(m_details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(splitter);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_pages->addWidget(m_empty);
    m_pages->addWidget(m_details);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_message);
    layout->addWidget(m_pages, 1);

    connect(m_preview, &FilePreview::saveFinished, this, [this](bool ok, const QString &message) {
        m_message->showMessage(ok ? MessageBar::Kind::Information : MessageBar::Kind::Error,
                               message);
    });
    clear();
}

void EntryDetailsPane::setImage(std::shared_ptr<ImageSource> archive, int image,
                                std::vector<std::shared_ptr<const LayerTree>> layers)
{
    m_archive = std::move(archive);
    m_image = image;
    m_layers = std::move(layers);
    m_packages.reset();
    m_ownersLayer = -1;
    clear();
}

void EntryDetailsPane::setField(const QString &field, const QString &value)
{
    auto *label = findChild<QLabel *>(field);
    if (!label)
        return;
    label->setText(value);
    int row = -1;
    QFormLayout::ItemRole role;
    m_form->getWidgetPosition(label, &row, &role);
    if (row >= 0)
        m_form->setRowVisible(row, !value.isEmpty());
}

QString EntryDetailsPane::fieldText(const QString &field) const
{
    const auto *label = findChild<QLabel *>(field);
    return label ? label->text() : QString();
}

QString EntryDetailsPane::path() const
{
    return m_path->text();
}

void EntryDetailsPane::clear()
{
    m_shown = {};
    m_shownPath.clear();
    m_pages->setCurrentWidget(m_empty);
    m_path->setText(QString());
    for (const Field &field : kFields)
        setField(QString::fromLatin1(field.key), QString());
    m_overlayModel->clear();
    m_overlayHeading->setVisible(false);
    m_overlay->setVisible(false);
    m_preview->showNothing(QString());
}

void EntryDetailsPane::setPackages(std::shared_ptr<const ImagePackages> packages)
{
    m_packages = std::move(packages);
    m_ownersLayer = -1;
    showPackage();
}

void EntryDetailsPane::showPackage()
{
    QString package;
    const TreeSnapshot &snapshot = m_shown;
    if (m_packages && !snapshot.isNull() && m_shownNode != kNoNode &&
        !snapshot.tree->node(m_shownNode).isDir() && snapshot.layer >= 0 &&
        size_t(snapshot.layer) < m_packages->layers.size()) {
        if (m_ownersLayer != snapshot.layer) {
            m_owners = PackageOwners(m_packages->layers[size_t(snapshot.layer)].packages);
            m_ownersLayer = snapshot.layer;
        }
        if (const Package *owner = m_owners.ownerOf(m_shownPath.toStdString()))
            package = tr("%1 %2 (%3), installed by layer %4")
                          .arg(owner->name, owner->version, packageKindName(owner->kind))
                          .arg(layerOfPackage(*m_packages, snapshot.layer, owner));
    }
    setField(QStringLiteral("package"), package);
}

void EntryDetailsPane::showEntry(const TreeSnapshot &snapshot, uint32_t node, const QString &path)
{
    m_shown = snapshot;
    m_shownNode = node;
    m_shownPath = path;
    m_message->clear();
    if (snapshot.isNull() || path.isEmpty()) {
        clear();
        return;
    }
    m_pages->setCurrentWidget(m_details);
    m_path->setText(QLatin1Char('/') + path);
    m_overlayHeading->setVisible(true);
    m_overlay->setVisible(true);
    m_overlayModel->setPath(m_layers, snapshot.layer, path);
    m_overlay->resizeColumnsToContents();

    if (node == kNoNode) {
        for (const Field &field : kFields)
            setField(QString::fromLatin1(field.key), QString());
        setField(QStringLiteral("change"),
                 tr("Not in the filesystem at layer %1").arg(snapshot.layer));
        m_preview->showNothing(QString());
        return;
    }
    const FileTree &tree = *snapshot.tree;
    const FileNode &n = tree.node(node);
    setField(QStringLiteral("type"), n.isWhiteout() ? tr("Whiteout (deletes the path below)")
                                                    : format::fileTypeName(n.type));
    QString size;
    if (n.isDir())
        size = tr("%1 in %n entries", nullptr, int(tree.totalCount(node)))
                   .arg(formatDataSize(qint64(tree.totalSize(node))));
    else if (n.type == FileType::Regular && !n.isWhiteout())
        size = formatDataSize(qint64(n.size)) + QStringLiteral(" (") +
               format::exactSize(qint64(n.size)) + QLatin1Char(')');
    setField(QStringLiteral("size"), size);
    setField(QStringLiteral("mode"),
             n.isWhiteout() ? QString()
                            : format::modeString(n.type, n.mode) +
                                  QStringLiteral(" (%1)").arg(n.mode, 4, 8, QLatin1Char('0')));
    setField(QStringLiteral("owner"), n.isWhiteout() ? QString() : format::owner(n.uid, n.gid));
    setField(QStringLiteral("mtime"),
             n.isWhiteout() || (n.flags & NodeFlag::Implied) ? QString() : format::time(n.mtime));
    setField(QStringLiteral("link"), (n.type == FileType::Symlink || n.type == FileType::Hardlink)
                                         ? toQString(tree.linkTarget(node))
                                         : QString());
    setField(QStringLiteral("layer"),
             n.isDir() ? tr("%1 (its mode and owner)").arg(n.layer) : QString::number(n.layer));
    setField(QStringLiteral("change"),
             format::changeName(snapshot.changeOf(node), snapshot.hasChangesBelow(node)));
    showPackage();

    // The preview reads the copy the view shows: the merged winner, or the layer's own entry.
    const bool readable = (n.type == FileType::Regular || n.type == FileType::Hardlink) &&
                          !n.isWhiteout() && !(n.flags & NodeFlag::Implied);
    if (!readable) {
        QString reason;
        if (n.isDir())
            reason = tr("A directory: select a file to see its content.");
        else if (n.type == FileType::Symlink)
            reason = tr("A symbolic link to %1; Strata never follows links inside images.")
                         .arg(toQString(tree.linkTarget(node)));
        else if (n.isWhiteout())
            reason = tr("A whiteout has no content: it deletes the path from the layers below.");
        else
            reason = tr("This kind of entry has no content to show.");
        m_preview->showNothing(reason);
        return;
    }
    if (!m_archive || m_image < 0) {
        m_preview->showNothing(QString());
        return;
    }
    m_preview->showFile(m_archive, m_image, int(n.layer), path, qint64(n.size));
}

} // namespace strata

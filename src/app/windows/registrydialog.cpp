#include "windows/registrydialog.h"

#include "common/datasize.h"
#include "panes/registrylogin.h"
#include "registry/registrylisting.h"
#include "source/sourcesettings.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace strata {

namespace {
constexpr int kMaxRecent = 20;

enum Column
{
    TagColumn,
    PlatformsColumn,
    SizeColumn,
    DigestColumn,
    ColumnCount
};

// Sorts the size column by bytes, not by its text.
class TagItem final : public QTreeWidgetItem
{
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem &other) const override
    {
        const int column = treeWidget() ? treeWidget()->sortColumn() : 0;
        if (column == SizeColumn)
            return data(SizeColumn, Qt::UserRole).toLongLong() <
                   other.data(SizeColumn, Qt::UserRole).toLongLong();
        return QTreeWidgetItem::operator<(other);
    }
};

struct Listing
{
    QString repository;
    std::optional<QList<RegistryTag>> tags;
    Error error;
};
} // namespace

RegistryDialog::RegistryDialog(QWidget *parent)
    : QDialog(parent), m_reference(new QComboBox(this)),
      m_list(new QPushButton(tr("&List Tags"), this)), m_tags(new QTreeWidget(this)),
      m_login(new RegistryLoginBox(this)), m_status(new QLabel(this)),
      m_open(new QPushButton(tr("&Open"), this)), m_compare(new QPushButton(tr("&Compare"), this))
{
    setObjectName(QStringLiteral("registryDialog"));
    setWindowTitle(tr("Open from Registry"));
    m_reference->setObjectName(QStringLiteral("reference"));
    m_reference->setEditable(true);
    m_reference->setInsertPolicy(QComboBox::NoInsert);
    m_reference->addItems(SourceSettings::load().recentReferences);
    m_reference->setCurrentText(QString());
    m_reference->lineEdit()->setPlaceholderText(tr("registry.example.org/team/app:1.5"));
    m_reference->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_reference->completer()->setFilterMode(Qt::MatchContains);
    m_reference->setMinimumWidth(m_reference->fontMetrics().horizontalAdvance(QLatin1Char('x')) *
                                 56);
    m_reference->setToolTip(tr("An image reference (HOST/REPOSITORY:TAG or @DIGEST; \"nginx\" is "
                               "docker.io/library/nginx:latest), or a repository to list its "
                               "tags"));
    m_list->setObjectName(QStringLiteral("listTags"));
    m_list->setAutoDefault(false);

    m_tags->setObjectName(QStringLiteral("tags"));
    m_tags->setColumnCount(ColumnCount);
    m_tags->setHeaderLabels({tr("Tag"), tr("Platforms"), tr("Size"), tr("Digest")});
    m_tags->setRootIsDecorated(false);
    m_tags->setSortingEnabled(true);
    m_tags->sortByColumn(TagColumn, Qt::AscendingOrder);
    m_tags->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tags->setUniformRowHeights(true);
    m_tags->header()->setStretchLastSection(true);
    m_tags->headerItem()->setToolTip(SizeColumn, tr("The layers as the registry stores them "
                                                    "(compressed), of this machine's platform"));

    m_login->setVisible(false);

    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_open->setObjectName(QStringLiteral("open"));
    m_open->setDefault(true);
    m_compare->setObjectName(QStringLiteral("compare"));
    m_compare->setToolTip(tr("Compare the two tags selected"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_compare, QDialogButtonBox::ActionRole);
    buttons->addButton(m_open, QDialogButtonBox::AcceptRole);

    auto *referenceRow = new QHBoxLayout;
    referenceRow->addWidget(new QLabel(tr("&Reference:"), this));
    referenceRow->addWidget(m_reference, 1);
    referenceRow->addWidget(m_list);
    qobject_cast<QLabel *>(referenceRow->itemAt(0)->widget())->setBuddy(m_reference);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(referenceRow);
    layout->addWidget(m_tags, 1);
    layout->addWidget(m_login);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(900, 520);

    connect(m_list, &QPushButton::clicked, this, &RegistryDialog::listTags);
    connect(m_login, &RegistryLoginBox::loggedIn, this, &RegistryDialog::listTags);
    connect(m_reference, &QComboBox::currentTextChanged, this, &RegistryDialog::updateButtons);
    connect(m_tags, &QTreeWidget::itemSelectionChanged, this, &RegistryDialog::updateButtons);
    connect(m_tags, &QTreeWidget::itemActivated, this, [this] {
        const QStringList locations = selectedLocations();
        remember(locations);
        emit openRequested(locations);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QStringList locations = selectedLocations();
        if (locations.isEmpty())
            return;
        remember(locations);
        emit openRequested(locations);
        accept();
    });
    connect(m_compare, &QPushButton::clicked, this, [this] {
        const QStringList locations = selectedLocations();
        if (locations.size() != 2)
            return;
        remember(locations);
        emit compareRequested(locations[0], locations[1]);
        accept();
    });
    updateButtons();
}

QString RegistryDialog::repositoryTyped() const
{
    const auto reference = RegistryReference::parse(m_reference->currentText());
    if (!reference)
        return {};
    return reference->registry + QLatin1Char('/') + reference->repository;
}

void RegistryDialog::listTags()
{
    const QString repository = repositoryTyped();
    if (repository.isEmpty()) {
        m_status->setText(tr("\"%1\" is not an image reference (repository names are lower case).")
                              .arg(m_reference->currentText()));
        return;
    }
    m_tags->clear();
    m_listed.clear();
    m_status->setText(tr("Asking %1 for its tags…").arg(repository));
    m_list->setEnabled(false);
    m_work.run(
        [repository] {
            Listing listing;
            listing.repository = repository;
            listing.tags = listRegistryTags(*RegistryReference::parse(repository), &listing.error);
            return listing;
        },
        [this](const Listing &listing) {
            m_list->setEnabled(true);
            if (!listing.tags) {
                m_status->setText(listing.error.toString());
                const bool denied = listing.error.kind == Error::Kind::Denied;
                m_login->setVisible(denied);
                if (denied) {
                    m_login->setRegistry(RegistryReference::parse(listing.repository)->registry);
                    m_login->focusFirstField();
                }
                return;
            }
            m_login->setVisible(false);
            m_listed = listing.repository;
            showTags(*listing.tags);
        });
}

void RegistryDialog::showTags(const QList<RegistryTag> &tags)
{
    m_tags->setSortingEnabled(false);
    int failed = 0;
    for (const RegistryTag &tag : tags) {
        auto *item = new TagItem(m_tags);
        item->setText(TagColumn, tag.tag);
        item->setText(PlatformsColumn, tag.platforms.join(QStringLiteral(", ")));
        item->setText(SizeColumn, formatDataSize(tag.compressedSize));
        item->setData(SizeColumn, Qt::UserRole, tag.compressedSize);
        item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(DigestColumn, tag.digest);
        if (tag.error) {
            ++failed;
            item->setToolTip(TagColumn, tag.error.toString());
            item->setForeground(TagColumn, palette().color(QPalette::Disabled, QPalette::Text));
        }
    }
    m_tags->setSortingEnabled(true);
    const int padding = fontMetrics().horizontalAdvance(QStringLiteral("MM"));
    for (int c = 0; c < DigestColumn; ++c) {
        m_tags->resizeColumnToContents(c);
        m_tags->setColumnWidth(c, m_tags->columnWidth(c) + padding);
    }
    QString text = tr("%n tag(s) in %1.", nullptr, int(tags.size())).arg(m_listed);
    if (failed > 0)
        text += QLatin1Char(' ') + tr("%n could not be read (see its tooltip).", nullptr, failed);
    m_status->setText(text);
    updateButtons();
}

QStringList RegistryDialog::selectedLocations() const
{
    QStringList locations;
    const auto typed = RegistryReference::parse(m_reference->currentText());
    const QList<QTreeWidgetItem *> selected = m_tags->selectedItems();
    if (!selected.isEmpty() && !m_listed.isEmpty()) {
        const auto repository = RegistryReference::parse(m_listed);
        for (const QTreeWidgetItem *item : selected)
            locations << repository->withReference(item->text(TagColumn)).toLocation();
        return locations;
    }
    if (typed)
        locations << typed->toLocation();
    return locations;
}

void RegistryDialog::updateButtons()
{
    const QStringList locations = selectedLocations();
    m_open->setEnabled(!locations.isEmpty());
    m_compare->setEnabled(locations.size() == 2);
    m_list->setEnabled(!repositoryTyped().isEmpty() && !m_work.isRunning());
}

void RegistryDialog::remember(const QStringList &locations)
{
    SourceSettings settings = SourceSettings::load();
    for (const QString &location : locations) {
        const QString shown = RegistryReference::parse(location)->toString();
        settings.recentReferences.removeAll(shown);
        settings.recentReferences.prepend(shown);
    }
    while (settings.recentReferences.size() > kMaxRecent)
        settings.recentReferences.removeLast();
    settings.save();
}

} // namespace strata

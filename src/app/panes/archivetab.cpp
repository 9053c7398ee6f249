#include "panes/archivetab.h"

#include "archive/imagearchive.h"
#include "models/imageloader.h"
#include "panes/imagechooser.h"
#include "panes/imagepage.h"
#include "panes/loadprogressbar.h"
#include "panes/messagebar.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace strata {

ArchiveTab::ArchiveTab(const QString &path, bool multiImage, QWidget *parent)
    : QWidget(parent), m_path(path), m_multiImage(multiImage), m_loader(new ImageLoader(this)),
      m_message(new MessageBar(this)), m_progress(new LoadProgressBar(this)),
      m_stack(new QStackedWidget(this)), m_placeholder(new QLabel(this)),
      m_chooser(new ImageChooser(this)), m_page(new ImagePage(m_loader, this))
{
    setUp();
}

ArchiveTab::ArchiveTab(const QString &path, QWidget *parent) : ArchiveTab(path, false, parent)
{
    m_progress->showBusy(tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
    m_loader->openArchive(path);
}

ArchiveTab::ArchiveTab(std::shared_ptr<ImageArchive> archive, int image, QWidget *parent)
    : ArchiveTab(archive->path(), true, parent)
{
    m_stack->setCurrentWidget(m_page);
    m_loader->loadImage(std::move(archive), image);
    m_progress->showProgress(m_loader->progress());
}

ArchiveTab::~ArchiveTab() = default;

void ArchiveTab::setUp()
{
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_chooser);
    m_stack->addWidget(m_page);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_message);
    layout->addWidget(m_progress);
    layout->addWidget(m_stack, 1);

    connect(m_progress, &LoadProgressBar::cancelRequested, this, &ArchiveTab::cancel);
    connect(m_loader, &ImageLoader::archiveOpened, this, &ArchiveTab::onArchiveOpened);
    connect(m_loader, &ImageLoader::progressChanged, m_progress, &LoadProgressBar::showProgress);
    connect(m_loader, &ImageLoader::treesReady, m_progress, &QWidget::hide);
    connect(m_loader, &ImageLoader::failed, this, &ArchiveTab::onFailed);
    connect(m_loader, &ImageLoader::cancelled, this, &ArchiveTab::onCancelled);
    connect(m_page, &ImagePage::message, m_message, &MessageBar::showMessage);
    connect(m_chooser, &ImageChooser::imageChosen, this, &ArchiveTab::openImage);
    connect(m_chooser, &ImageChooser::openEachRequested, this, [this](QList<int> images) {
        if (images.isEmpty())
            return;
        const int first = images.takeFirst();
        if (!images.isEmpty())
            emit openInTabsRequested(m_loader->archive(), images);
        openImage(first);
    });
}

QString ArchiveTab::title() const
{
    QString title = QFileInfo(m_path).fileName();
    if (title.isEmpty())
        title = m_path;
    if (m_multiImage && m_loader->image() >= 0)
        title += QStringLiteral(": ") + m_loader->imageInfo().displayName();
    return title;
}

bool ArchiveTab::isLoaded() const
{
    return m_loader->state() == ImageLoader::State::Loaded;
}

void ArchiveTab::onArchiveOpened()
{
    emit archiveOpened(m_path);
    const auto archive = m_loader->archive();
    Error error;
    const int image = archive->findImage(QString(), &error);
    if (archive->images().size() == 1 && image >= 0) {
        openImage(image);
        return;
    }
    // Several images (or one per platform): let the user pick, like `docker images`.
    m_multiImage = true;
    m_progress->hide();
    m_chooser->setImages(archive->images());
    m_stack->setCurrentWidget(m_chooser);
    emit titleChanged();
}

void ArchiveTab::openImage(int image)
{
    m_message->clear();
    m_loader->loadImage(m_loader->archive(), image);
    m_stack->setCurrentWidget(m_page);
    m_progress->showProgress(m_loader->progress());
    emit titleChanged();
}

void ArchiveTab::cancel()
{
    m_loader->cancel();
}

void ArchiveTab::reload()
{
    m_message->clear();
    const bool opening = !m_loader->archive();
    m_loader->reload();
    if (opening) {
        m_stack->setCurrentWidget(m_placeholder);
        m_placeholder->clear();
        m_progress->showBusy(tr("Opening %1…").arg(QDir::toNativeSeparators(m_path)));
    } else {
        m_stack->setCurrentWidget(m_page);
        m_progress->showProgress(m_loader->progress());
    }
}

void ArchiveTab::onFailed()
{
    m_progress->hide();
    const Error &error = m_loader->error();
    m_message->showMessage(MessageBar::Kind::Error, error.toString());
    QToolButton *retry = m_message->addAction(tr("Try Again"));
    connect(retry, &QToolButton::clicked, this, &ArchiveTab::reload);
    if (!m_loader->archive()) {
        m_placeholder->setText(tr("%1 could not be opened.").arg(QDir::toNativeSeparators(m_path)));
        m_stack->setCurrentWidget(m_placeholder);
    }
}

void ArchiveTab::onCancelled()
{
    m_progress->hide();
    m_message->showMessage(MessageBar::Kind::Information,
                           tr("Loading %1 was cancelled.").arg(QDir::toNativeSeparators(m_path)));
    QToolButton *reloadButton = m_message->addAction(tr("Reload"));
    connect(reloadButton, &QToolButton::clicked, this, &ArchiveTab::reload);
    if (!m_loader->archive()) {
        m_placeholder->setText(tr("Opening was cancelled."));
        m_stack->setCurrentWidget(m_placeholder);
    }
}

} // namespace strata

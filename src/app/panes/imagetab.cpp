#include "panes/imagetab.h"

#include "common/datasize.h"
#include "engine/engineimagesource.h"
#include "models/imageloader.h"
#include "panes/imagechooser.h"
#include "panes/imagepage.h"
#include "panes/loadprogressbar.h"
#include "panes/messagebar.h"
#include "panes/registrylogin.h"
#include "registry/registryreference.h"
#include "source/imagesource.h"
#include "source/opensource.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QTime>
#include <QToolButton>
#include <QVBoxLayout>

namespace strata {

ImageTab::ImageTab(const QString &location, bool multiImage, QWidget *parent)
    : QWidget(parent), m_location(location), m_multiImage(multiImage),
      m_loader(new ImageLoader(this)), m_message(new MessageBar(this)),
      m_progress(new LoadProgressBar(this)), m_stack(new QStackedWidget(this)),
      m_placeholder(new QLabel(this)), m_chooser(new ImageChooser(this)),
      m_page(new ImagePage(m_loader, this))
{
    setUp();
}

ImageTab::ImageTab(const QString &path, QWidget *parent) : ImageTab(path, false, parent)
{
    m_progress->showBusy(tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
    m_loader->open(path);
}

ImageTab::ImageTab(std::shared_ptr<ImageSource> archive, int image, QWidget *parent)
    : ImageTab(archive->location(), true, parent)
{
    m_stack->setCurrentWidget(m_page);
    startImage(std::move(archive), image);
}

ImageTab::~ImageTab() = default;

void ImageTab::setUp()
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

    connect(m_progress, &LoadProgressBar::cancelRequested, this, &ImageTab::cancel);
    connect(m_loader, &ImageLoader::sourceOpened, this, &ImageTab::onArchiveOpened);
    connect(m_loader, &ImageLoader::progressChanged, m_progress, &LoadProgressBar::showProgress);
    connect(m_loader, &ImageLoader::treesReady, m_progress, &QWidget::hide);
    connect(m_loader, &ImageLoader::lowerLayersReady, this, [this] {
        m_progress->hide();
        if (m_offersFetch)
            offerFetch(); // with what is left to download
    });
    connect(m_loader, &ImageLoader::treesReady, this, [this] {
        if (m_offersFetch) {
            m_message->clear();
            m_offersFetch = false;
        }
    });
    connect(m_loader, &ImageLoader::failed, this, &ImageTab::onFailed);
    connect(m_loader, &ImageLoader::cancelled, this, &ImageTab::onCancelled);
    connect(m_page, &ImagePage::message, this, [this](MessageBar::Kind kind, const QString &text) {
        m_offersFetch = false;
        m_message->showMessage(kind, text);
    });
    connect(m_page, &ImagePage::openRequested, this, &ImageTab::openRequested);
    connect(m_chooser, &ImageChooser::imageChosen, this, &ImageTab::openImage);
    connect(m_chooser, &ImageChooser::openEachRequested, this, [this](QList<int> images) {
        if (images.isEmpty())
            return;
        const int first = images.takeFirst();
        if (!images.isEmpty())
            emit openInTabsRequested(m_loader->source(), images);
        openImage(first);
    });
}

QString ImageTab::title() const
{
    QString title = locationTitle(m_location);
    if (m_multiImage && m_loader->image() >= 0)
        title += QStringLiteral(": ") + m_loader->imageInfo().displayName();
    return title;
}

bool ImageTab::isLoaded() const
{
    return m_loader->state() == ImageLoader::State::Loaded;
}

void ImageTab::onArchiveOpened()
{
    emit sourceOpened(m_location);
    const auto archive = m_loader->source();
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
    // What `docker images` would show for each comes from their layers: read them now (each
    // blob once), which also makes opening any of them instant.
    m_sizing.run(
        [archive](const std::atomic_bool &cancel) {
            std::vector<qint64> sizes(archive->images().size(), -1);
            for (size_t i = 0; i < sizes.size() && !cancel; ++i) {
                const ImageInfo &image = archive->images()[i];
                // A registry's images are not downloaded only to size them.
                if (image.absent || archive->bytesToFetch(int(i)) > 0)
                    continue;
                LoadObserver observer;
                observer.cancel = &cancel;
                Error error;
                const auto layers = archive->loadLayers(int(i), observer, &error);
                qint64 size = 0;
                for (qsizetype l = 0; l < image.layers.size(); ++l)
                    size +=
                        qMax<qint64>(0, layerDisplaySize(image.layers[l], layers[size_t(l)].get()));
                sizes[i] = size;
            }
            return sizes;
        },
        [this](const std::vector<qint64> &sizes) { m_chooser->setSizes(sizes); });
}

void ImageTab::openImage(int image)
{
    m_message->clear();
    const ImageInfo &info = m_loader->source()->images().at(size_t(image));
    if (info.absent) {
        m_message->showMessage(MessageBar::Kind::Warning,
                               tr("%1 (%2) is named by the archive's index, but its manifest "
                                  "and layers are not in the archive.")
                                   .arg(info.displayName(), info.platform.toString()));
        return;
    }
    m_sizing.cancel(); // the chosen image's own load reads what it needs
    m_stack->setCurrentWidget(m_page);
    startImage(m_loader->source(), image);
    emit titleChanged();
}

void ImageTab::startImage(std::shared_ptr<ImageSource> source, int image)
{
    m_loader->loadImage(std::move(source), image, ImageLoader::Fetching::OnRequest);
    if (m_loader->state() != ImageLoader::State::Waiting) {
        m_progress->showProgress(m_loader->progress());
        return;
    }
    m_progress->hide();
    offerFetch();
}

void ImageTab::offerFetch()
{
    m_message->showMessage(
        MessageBar::Kind::Information,
        tr("The layers stay in the registry until they are needed (%1 still to download): "
           "selecting a layer fetches it and the layers below it.")
            .arg(formatDataSize(m_loader->bytesToFetch())));
    m_offersFetch = true;
    QToolButton *fetch = m_message->addAction(tr("Fetch All Layers"));
    connect(fetch, &QToolButton::clicked, m_page, &ImagePage::fetchAllLayers);
}

void ImageTab::cancel()
{
    m_loader->cancel();
}

void ImageTab::reload()
{
    m_message->clear();
    const bool opening = !m_loader->source();
    if (opening) {
        m_loader->reload();
        m_stack->setCurrentWidget(m_placeholder);
        m_placeholder->clear();
        m_progress->showBusy(tr("Opening %1…").arg(QDir::toNativeSeparators(m_location)));
    } else {
        m_stack->setCurrentWidget(m_page);
        startImage(m_loader->source(), m_loader->image());
    }
}

void ImageTab::reopen()
{
    m_message->clear();
    m_loader->open(m_location);
    m_stack->setCurrentWidget(m_placeholder);
    m_placeholder->clear();
    m_progress->showBusy(tr("Opening %1…").arg(QDir::toNativeSeparators(m_location)));
}

void ImageTab::noteEngineEvent(const QString &host, const QString &type, const QString &action,
                               const QString &name)
{
    const auto *engine = dynamic_cast<const EngineImageSource *>(m_loader->source().get());
    if (!engine || engine->endpoint().host != host)
        return;
    const QString time = QLocale().toString(QTime::currentTime(), QLocale::ShortFormat);
    QString text;
    if (const auto &container = engine->containerDetails()) {
        if (type != QStringLiteral("container") ||
            (name != container->name && name != container->id))
            return;
        if (action == QStringLiteral("destroy"))
            text = tr("Container %1 was removed at %2: what is shown is what it held before.")
                       .arg(container->name, time);
        else if (action == QStringLiteral("die") || action == QStringLiteral("stop"))
            text = tr("Container %1 stopped at %2; its read-write layer stays until it is "
                      "removed.")
                       .arg(container->name, time);
        else if (action == QStringLiteral("start") || action.startsWith(QStringLiteral("exec")) ||
                 action == QStringLiteral("copy"))
            text = tr("Container %1 may have written since it was read (%2 at %3).")
                       .arg(container->name, action, time);
        else
            return;
    } else {
        if (type != QStringLiteral("image") || !m_loader->imageInfo().names.contains(name) ||
            (action != QStringLiteral("untag") && action != QStringLiteral("delete") &&
             action != QStringLiteral("tag")))
            return;
        text = tr("The engine's image %1 changed at %2 (%3); what is shown was saved before.")
                   .arg(name, time, action);
    }
    m_message->showMessage(MessageBar::Kind::Information, text);
    QToolButton *again = m_message->addAction(tr("Read Again"));
    connect(again, &QToolButton::clicked, this, &ImageTab::reopen);
}

void ImageTab::onFailed()
{
    m_progress->hide();
    const Error &error = m_loader->error();
    m_message->showMessage(MessageBar::Kind::Error, error.toString());
    if (error.kind == Error::Kind::Denied && RegistryReference::isRegistryLocation(m_location)) {
        QToolButton *logIn = m_message->addAction(tr("Log In…"));
        connect(logIn, &QToolButton::clicked, this, &ImageTab::logIn);
    }
    QToolButton *retry = m_message->addAction(tr("Try Again"));
    connect(retry, &QToolButton::clicked, this, &ImageTab::reload);
    if (!m_loader->source()) {
        m_placeholder->setText(
            tr("%1 could not be opened.").arg(QDir::toNativeSeparators(m_location)));
        m_stack->setCurrentWidget(m_placeholder);
    }
}

void ImageTab::logIn()
{
    const auto reference = RegistryReference::parse(m_location);
    if (!reference)
        return;
    auto *dialog = new RegistryLoginDialog(reference->registry, m_loader->error().toString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &ImageTab::reload);
    dialog->open();
}

void ImageTab::onCancelled()
{
    m_progress->hide();
    m_message->showMessage(
        MessageBar::Kind::Information,
        tr("Loading %1 was cancelled.").arg(QDir::toNativeSeparators(m_location)));
    QToolButton *reloadButton = m_message->addAction(tr("Reload"));
    connect(reloadButton, &QToolButton::clicked, this, &ImageTab::reload);
    if (!m_loader->source()) {
        m_placeholder->setText(tr("Opening was cancelled."));
        m_stack->setCurrentWidget(m_placeholder);
    }
}

} // namespace strata

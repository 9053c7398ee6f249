#pragma once

#include "models/backgroundwork.h"

#include <QWidget>

#include <memory>

class QLabel;
class QStackedWidget;

namespace strata {

class ImageSource;
class ImageChooser;
class ImageLoader;
class ImagePage;
class LoadProgressBar;
class MessageBar;

// One tab of the main window: one archive (or directory) and, once chosen, one image of it.
// Shows the loading progress with Cancel, errors inline, the `docker images`-like chooser
// for multi-image archives, and the ImagePage.
class ImageTab final : public QWidget
{
    Q_OBJECT
public:
    // Opens `path`.
    explicit ImageTab(const QString &path, QWidget *parent = nullptr);
    // Shows image `image` of an archive another tab has opened.
    ImageTab(std::shared_ptr<ImageSource> archive, int image, QWidget *parent = nullptr);
    ~ImageTab() override;

    QString location() const { return m_location; }
    // "nginx.tar", or "two.tar: example.com/a:v1" for one image of several.
    QString title() const;
    bool isLoaded() const;
    // The archive holds several images (this tab shows the chooser or one of them).
    bool isMultiImage() const { return m_multiImage; }
    void openImage(int image);
    void cancel();
    void reload();
    // Opens the location again, from the start: an engine's container as it is now.
    void reopen();
    // An event of the engine at `host`: a tab showing that container (or image) says what
    // happened to it and offers to read it again.
    void noteEngineEvent(const QString &host, const QString &type, const QString &action,
                         const QString &name);

    ImageLoader *loader() const { return m_loader; }
    ImagePage *page() const { return m_page; }
    ImageChooser *chooser() const { return m_chooser; }
    MessageBar *messageBar() const { return m_message; }
    LoadProgressBar *progressBar() const { return m_progress; }

signals:
    void titleChanged();
    // The archive opened: worth a place in Open Recent.
    void sourceOpened(const QString &path);
    void openInTabsRequested(std::shared_ptr<strata::ImageSource> archive,
                             const QList<int> &images);
    // The page asks for another image or container to be opened (a container of this image).
    void openRequested(const QString &location);

private:
    // What both public constructors share: the widgets, before any loading starts.
    ImageTab(const QString &path, bool multiImage, QWidget *parent);
    void setUp();
    void onArchiveOpened();
    // Loads one image, its registry layers waiting to be asked for.
    void startImage(std::shared_ptr<ImageSource> source, int image);
    // Says how much waits in the registry and offers to fetch it all.
    void offerFetch();
    void onFailed();
    // Asks for the credentials a registry refused the tab without, then opens it again.
    void logIn();
    void onCancelled();

    QString m_location;
    bool m_multiImage = false;
    ImageLoader *m_loader;
    MessageBar *m_message;
    LoadProgressBar *m_progress;
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    ImageChooser *m_chooser;
    ImagePage *m_page;
    BackgroundWork m_sizing{this}; // the images' sizes, for the chooser
    bool m_offersFetch = false;    // the message bar offers to fetch every layer
};

} // namespace strata

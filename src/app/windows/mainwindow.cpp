#include "windows/mainwindow.h"

#include "archive/demoimage.h"
#include "models/imageloader.h"
#include "models/reuseworkspace.h"
#include "panes/archivetab.h"
#include "panes/filetreepane.h"
#include "panes/imagepage.h"
#include "views/layerstackview.h"
#include "windows/comparewindow.h"
#include "windows/language.h"
#include "windows/presentationzoom.h"
#include "windows/recentfiles.h"
#include "windows/reusewindow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace strata {

namespace {

QWidget *createWelcome(MainWindow *window)
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("welcome"));
    auto *title = new QLabel(MainWindow::tr("Strata"));
    QFont big;
    big.setPointSizeF(page->font().pointSizeF() * 2);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    auto *text = new QLabel(MainWindow::tr(
        "Open a container image — an archive written by <tt>docker save</tt>, <tt>podman save</tt> "
        "or <tt>skopeo</tt>, or an OCI image layout directory — or drop one on this window."));
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    auto *open = new QPushButton(MainWindow::tr("Open Archive…"));
    auto *openDir = new QPushButton(MainWindow::tr("Open Directory…"));
    auto *demo = new QPushButton(MainWindow::tr("Open the Demo Image"));
    QObject::connect(open, &QPushButton::clicked, window, &MainWindow::showOpenFileDialog);
    QObject::connect(openDir, &QPushButton::clicked, window, &MainWindow::showOpenDirectoryDialog);
    auto *reuseDemo = new QPushButton(MainWindow::tr("Layer Reuse Demo"));
    QObject::connect(demo, &QPushButton::clicked, window, &MainWindow::openDemo);
    QObject::connect(reuseDemo, &QPushButton::clicked, window, &MainWindow::openReuseDemo);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(open);
    buttons->addWidget(openDir);
    buttons->addWidget(demo);
    buttons->addWidget(reuseDemo);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(2);
    layout->addWidget(title);
    layout->addSpacing(12);
    layout->addWidget(text);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addStretch(3);
    return page;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_central(new QStackedWidget(this)), m_tabs(new QTabWidget(this)),
      m_zoom(new PresentationZoom(this)), m_recent(new RecentFiles(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/strata.svg")));
    setAcceptDrops(true);
    m_welcome = createWelcome(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_central->addWidget(m_welcome);
    m_central->addWidget(m_tabs);
    setCentralWidget(m_central);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateTitle);
    connect(m_recent, &RecentFiles::openRequested, this,
            [this](const QString &path) { openPath(path); });
    connect(m_zoom, &PresentationZoom::changed, this,
            [this](int percent) { statusBar()->showMessage(tr("Zoom: %1%").arg(percent), 2000); });
    createMenus();
    updateTitle();
    resize(1400, 860);
    const QByteArray geometry = QSettings().value(QStringLiteral("window/geometry")).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
}

MainWindow::~MainWindow()
{
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::showOpenFileDialog);
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Open an image archive (docker save, podman save, OCI archive)"));
    QAction *openDir =
        file->addAction(tr("Open &Directory…"), this, &MainWindow::showOpenDirectoryDialog);
    openDir->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openDir->setStatusTip(tr("Open an OCI image layout or an unpacked docker save directory"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, [this] { m_recent->populate(m_recentMenu); });
    m_recent->populate(m_recentMenu);
    connect(m_recent, &RecentFiles::changed, this, [this] { m_recent->populate(m_recentMenu); });
    file->addAction(tr("Open the D&emo Image"), this, &MainWindow::openDemo);
    file->addAction(tr("Open the Re&use Demo"), this, &MainWindow::openReuseDemo)
        ->setStatusTip(tr("Three small images that share layers, in the Layer Reuse window"));
    file->addSeparator();
    QAction *compare = file->addAction(tr("Co&mpare With…"), this, [this] {
        ArchiveTab *tab = currentTab();
        if (!tab || !tab->loader()->archive())
            return;
        // The images open in the other tabs first, then any archive on disk.
        QStringList choices;
        QList<ArchiveTab *> others;
        for (int i = 0; i < tabCount(); ++i) {
            ArchiveTab *other = this->tab(i);
            if (other != tab && other->loader()->archive() && other->loader()->image() >= 0) {
                choices << other->loader()->imageInfo().displayName() + QStringLiteral(" (") +
                               QFileInfo(other->loader()->archive()->path()).fileName() +
                               QLatin1Char(')');
                others << other;
            }
        }
        int picked = -1;
        if (!choices.isEmpty()) {
            const QString another = tr("Another archive…");
            bool ok = false;
            const QString choice = QInputDialog::getItem(
                this, tr("Compare With"),
                tr("Compare %1 with:").arg(tab->loader()->imageInfo().displayName()),
                choices + QStringList{another}, 0, false, &ok);
            if (!ok)
                return;
            picked = int(choices.indexOf(choice));
        }
        auto *window = new CompareWindow(this);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->setWindowFlag(Qt::Window);
        if (picked >= 0) {
            ImageLoader *other = others[picked]->loader();
            window->compare(tab->loader()->archive(), tab->loader()->image(), other->archive(),
                            other->image());
        } else {
            const QString file = QFileDialog::getOpenFileName(
                this, tr("Compare With"),
                QFileInfo(tab->loader()->archive()->path()).absolutePath(),
                tr("Image archives (*.tar *.tar.gz *.tgz *.tar.xz *.tar.zst);;All files (*)"));
            if (file.isEmpty()) {
                delete window;
                return;
            }
            window->compareWithFile(tab->loader()->archive(), tab->loader()->image(), file);
        }
        window->show();
    });
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    compare->setStatusTip(
        tr("Compare the current image with another: layers, files, history and config"));
    QAction *reuse = file->addAction(tr("Layer &Reuse…"), this, [this] { openReuse(); });
    reuse->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    reuse->setStatusTip(tr("Show which layers the open images share, and what containers add"));
    QAction *exportStack = file->addAction(tr("&Export Layer Stack…"), this, [this] {
        if (!currentTab())
            return;
        QString selected;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Layer Stack"), QDir::homePath() + QStringLiteral("/layers.svg"),
            tr("SVG image (*.svg);;PNG image (*.png)"), &selected);
        if (path.isEmpty())
            return;
        if (!exportLayerStack(path))
            QMessageBox::warning(this, tr("Export Layer Stack"),
                                 tr("%1 could not be written.").arg(path));
    });
    exportStack->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportStack->setStatusTip(tr("Save the layer diagram as an image for slides (SVG or PNG)"));
    file->addSeparator();
    QAction *close = file->addAction(tr("&Close"), this, &MainWindow::closeCurrentTab);
    close->setShortcut(QKeySequence::Close);
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_zoom->addActions(view);
    view->addSeparator();
    auto stackAction = [this](void (LayerStackView::*slot)()) {
        return [this, slot] {
            if (ArchiveTab *tab = currentTab())
                (tab->page()->layerStack()->*slot)();
        };
    };
    QAction *stackIn =
        view->addAction(tr("Zoom Layer Stack In"), this, stackAction(&LayerStackView::zoomIn));
    stackIn->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Plus));
    QAction *stackOut =
        view->addAction(tr("Zoom Layer Stack Out"), this, stackAction(&LayerStackView::zoomOut));
    stackOut->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Minus));
    QAction *stackFit =
        view->addAction(tr("Fit Layer Stack"), this, stackAction(&LayerStackView::fit));
    stackFit->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_0));
    view->addSeparator();
    QAction *filter = view->addAction(tr("&Filter Files"), this, [this] {
        if (ArchiveTab *tab = currentTab())
            tab->page()->treePane()->focusFilter();
    });
    filter->setShortcut(QKeySequence::Find);

    QMenu *languageMenu = menuBar()->addMenu(tr("&Language"));
    m_languages = new QActionGroup(this);
    m_languages->setExclusive(true);
    const QString stored = language::storedChoice();
    const std::pair<QString, QString> choices[] = {
        {QString(), tr("&System Language")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("ru"), QStringLiteral("Русский")},
    };
    for (const auto &[code, label] : choices) {
        QAction *action = languageMenu->addAction(label);
        action->setCheckable(true);
        action->setChecked(code == stored);
        action->setData(code);
        m_languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { chooseLanguage(code); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Strata"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::chooseLanguage(const QString &code)
{
    if (code == language::storedChoice())
        return;
    language::storeChoice(code);
    // Widgets keep the strings they were created with; a restart shows the new language.
    QMessageBox::information(this, tr("Language"),
                             tr("The new language will be used the next time Strata starts."));
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Strata"),
        tr("<h3>Strata %1</h3>"
           "<p>See what container images are made of: their layers as a stack, the Dockerfile "
           "history beside each layer, and the merged filesystem at any layer.</p>"
           "<p>Strata reads archives written by <tt>docker save</tt>, <tt>podman save</tt>, "
           "<tt>skopeo</tt> and OCI image layouts, without Docker and without unpacking "
           "them.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::showOpenFileDialog()
{
    const QString dir = QSettings().value(QStringLiteral("lastDirectory")).toString();
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Open Image Archive"), dir,
        tr("Image archives (*.tar *.tar.gz *.tgz *.tar.xz *.tar.zst *.tar.bz2 *.oci);;"
           "All files (*)"));
    for (const QString &path : paths)
        openPath(path);
    if (!paths.isEmpty())
        QSettings().setValue(QStringLiteral("lastDirectory"),
                             QFileInfo(paths.first()).absolutePath());
}

void MainWindow::showOpenDirectoryDialog()
{
    const QString dir = QSettings().value(QStringLiteral("lastDirectory")).toString();
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open Image Directory"), dir);
    if (path.isEmpty())
        return;
    openPath(path);
    QSettings().setValue(QStringLiteral("lastDirectory"), QFileInfo(path).absolutePath());
}

ArchiveTab *MainWindow::openPath(const QString &path, bool remember)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    // An archive of one image that is open already: show its tab. (A multi-image archive
    // opens again, so that another of its images can be chosen.)
    for (int i = 0; i < tabCount(); ++i) {
        ArchiveTab *existing = tab(i);
        if (existing->path() == absolute && !existing->isMultiImage()) {
            m_tabs->setCurrentIndex(i);
            return existing;
        }
    }
    auto *tab = new ArchiveTab(absolute);
    if (remember)
        connect(tab, &ArchiveTab::archiveOpened, m_recent, &RecentFiles::add);
    addTab(tab);
    return tab;
}

void MainWindow::openDemo()
{
    const QString path = demoImagePath();
    if (path.isEmpty()) {
        QMessageBox::warning(this, tr("Demo Image"),
                             tr("The demo image could not be written to the cache folder."));
        return;
    }
    openPath(path, false);
}

void MainWindow::addTab(ArchiveTab *tab)
{
    connect(tab, &ArchiveTab::titleChanged, this, [this, tab] {
        const int index = m_tabs->indexOf(tab);
        if (index >= 0) {
            m_tabs->setTabText(index, tab->title());
            m_tabs->setTabToolTip(index, QDir::toNativeSeparators(tab->path()));
        }
        updateTitle();
    });
    connect(tab, &ArchiveTab::openInTabsRequested, this, &MainWindow::openImagesInTabs);
    // A tab's image joins the open Reuse window once the tab has read it, with its layers: the
    // window does not read them a second time alongside the tab.
    connect(tab->loader(), &ImageLoader::treesReady, this, [this, tab] {
        const ImageLoader *loader = tab->loader();
        if (m_reuse)
            m_reuse->workspace()->addArchive(loader->archive(),
                                             {{loader->image(), loader->layers()}});
    });
    const int index = m_tabs->addTab(tab, tab->title());
    m_tabs->setTabToolTip(index, QDir::toNativeSeparators(tab->path()));
    m_tabs->setCurrentIndex(index);
    m_central->setCurrentWidget(m_tabs);
    updateTitle();
}

void MainWindow::openImagesInTabs(const std::shared_ptr<ImageArchive> &archive,
                                  const QList<int> &images)
{
    const int current = m_tabs->currentIndex();
    for (int image : images)
        addTab(new ArchiveTab(archive, image));
    m_tabs->setCurrentIndex(current);
}

int MainWindow::tabCount() const
{
    return m_tabs->count();
}

ArchiveTab *MainWindow::tab(int index) const
{
    return qobject_cast<ArchiveTab *>(m_tabs->widget(index));
}

ReuseWindow *MainWindow::openReuseDemo()
{
    const QString path = demoReuseArchivePath();
    if (path.isEmpty()) {
        QMessageBox::warning(this, tr("Reuse Demo"),
                             tr("The demo archive could not be written to the cache folder."));
        return nullptr;
    }
    return openReuse({path});
}

ReuseWindow *MainWindow::openReuse(const QStringList &paths)
{
    // One Reuse window: asked again, it comes to the front with what it has (its containers
    // included), and it takes in every archive opened in a tab while it is open.
    if (!m_reuse) {
        m_reuse = new ReuseWindow(this);
        m_reuse->setAttribute(Qt::WA_DeleteOnClose);
        m_reuse->setWindowFlag(Qt::Window);
    }
    ReuseWindow *window = m_reuse;
    // Every archive once, with the layers its tabs have read. Tabs still reading join when
    // they are done (see addTab).
    std::vector<std::shared_ptr<ImageArchive>> archives;
    std::vector<std::vector<std::pair<int, std::vector<std::shared_ptr<const LayerTree>>>>> loaded;
    for (int i = 0; i < tabCount(); ++i) {
        const ImageLoader *loader = tab(i)->loader();
        if (loader->state() != ImageLoader::State::Loaded)
            continue;
        auto found = std::find(archives.begin(), archives.end(), loader->archive());
        if (found == archives.end()) {
            archives.push_back(loader->archive());
            loaded.emplace_back();
            found = archives.end() - 1;
        }
        loaded[size_t(found - archives.begin())].emplace_back(loader->image(), loader->layers());
    }
    for (size_t i = 0; i < archives.size(); ++i)
        window->workspace()->addArchive(archives[i], loaded[i]);
    window->addPaths(paths);
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

CompareWindow *MainWindow::openComparison(const QString &a, const QString &b)
{
    auto *window = new CompareWindow(this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowFlag(Qt::Window);
    window->openFiles(a, b);
    window->show();
    return window;
}

bool MainWindow::exportLayerStack(const QString &path)
{
    ArchiveTab *tab = currentTab();
    if (!tab)
        return false;
    LayerStackView *stack = tab->page()->layerStack();
    return path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive) ? stack->exportPng(path)
                                                                      : stack->exportSvg(path);
}

ArchiveTab *MainWindow::currentTab() const
{
    return qobject_cast<ArchiveTab *>(m_tabs->currentWidget());
}

void MainWindow::closeCurrentTab()
{
    if (m_tabs->currentIndex() >= 0)
        closeTab(m_tabs->currentIndex());
}

void MainWindow::closeTab(int index)
{
    QWidget *widget = m_tabs->widget(index);
    if (!widget)
        return;
    m_tabs->removeTab(index);
    widget->deleteLater(); // its loader cancels what it was reading
    if (m_tabs->count() == 0)
        m_central->setCurrentWidget(m_welcome);
    updateTitle();
}

void MainWindow::updateTitle()
{
    const ArchiveTab *tab = currentTab();
    setWindowTitle(tab ? tab->title() + QStringLiteral(" — Strata") : QStringLiteral("Strata"));
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!event->mimeData()->hasUrls())
        return;
    const QList<QUrl> urls = event->mimeData()->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile()) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    bool opened = false;
    for (const QUrl &url : urls) {
        if (url.isLocalFile()) {
            openPath(url.toLocalFile());
            opened = true;
        }
    }
    if (opened)
        event->acceptProposedAction();
}

} // namespace strata

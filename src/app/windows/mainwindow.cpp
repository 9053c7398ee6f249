#include "windows/mainwindow.h"

#include "archive/demoimage.h"
#include "models/enginemonitor.h"
#include "models/imageloader.h"
#include "models/reuseworkspace.h"
#include "panes/filetreepane.h"
#include "panes/imagepage.h"
#include "panes/imagetab.h"
#include "panes/welcomepage.h"
#include "source/opensource.h"
#include "views/layerstackview.h"
#include "windows/comparewindow.h"
#include "windows/enginebrowser.h"
#include "windows/filediffwindow.h"
#include "windows/language.h"
#include "windows/lesson.h"
#include "windows/lessonpanel.h"
#include "windows/presentationzoom.h"
#include "windows/recentfiles.h"
#include "windows/registrydialog.h"
#include "windows/reusewindow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
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

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_engines(new EngineMonitor(this)), m_central(new QStackedWidget(this)),
      m_tabs(new QTabWidget(this)), m_zoom(new PresentationZoom(this)),
      m_recent(new RecentFiles(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/strata.svg")));
    setAcceptDrops(true);
    m_welcome = new WelcomePage(m_engines, this);
    connect(m_welcome, &WelcomePage::engineBrowserRequested, this, &MainWindow::openEngineBrowser);
    connect(m_welcome, &WelcomePage::openFileRequested, this, &MainWindow::showOpenFileDialog);
    connect(m_welcome, &WelcomePage::openDirectoryRequested, this,
            &MainWindow::showOpenDirectoryDialog);
    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::openDemo);
    connect(m_welcome, &WelcomePage::reuseDemoRequested, this, &MainWindow::openReuseDemo);
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
    connect(m_zoom, &PresentationZoom::changed, this, [this](int percent) {
        statusBar()->showMessage(tr("Zoom: %1%").arg(percent), 2000);
        // Each stack fits its pane again at the new size, once the layouts have settled.
        for (int i = 0; i < tabCount(); ++i) {
            if (ImagePage *page = tab(i)->page())
                QMetaObject::invokeMethod(page->layerStack(), &LayerStackView::fit,
                                          Qt::QueuedConnection);
        }
    });
    createMenus();
    updateTitle();
    m_engines->refresh(); // the start page shows what answers
    resize(1400, 860);
    const QByteArray geometry = QSettings().value(QStringLiteral("window/geometry")).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
}

MainWindow::~MainWindow()
{
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
}

ImageTab *MainWindow::openPath(const QString &path, bool remember)
{
    const QString absolute = canonicalLocation(path);
    // An archive of one image that is open already: show its tab. (A multi-image archive
    // opens again, so that another of its images can be chosen.)
    for (int i = 0; i < tabCount(); ++i) {
        ImageTab *existing = tab(i);
        if (existing->location() == absolute && !existing->isMultiImage()) {
            m_tabs->setCurrentIndex(i);
            return existing;
        }
    }
    auto *tab = new ImageTab(absolute);
    if (remember)
        connect(tab, &ImageTab::sourceOpened, m_recent, &RecentFiles::add);
    addTab(tab);
    return tab;
}

void MainWindow::startLesson(int step)
{
    if (!m_lesson) {
        m_lesson = new Lesson(this);
        m_lessonPanel = new LessonPanel(m_lesson);
        m_lessonDock = new QDockWidget(tr("Lesson"), this);
        m_lessonDock->setObjectName(QStringLiteral("lessonDock"));
        m_lessonDock->setFeatures(QDockWidget::NoDockWidgetFeatures);
        m_lessonDock->setWidget(m_lessonPanel);
        addDockWidget(Qt::BottomDockWidgetArea, m_lessonDock);
        connect(m_lessonPanel, &LessonPanel::closeRequested, this, &MainWindow::endLesson);
    }
    m_lessonDock->show();
    m_lesson->go(step);
}

void MainWindow::endLesson()
{
    if (!m_lesson)
        return;
    m_lesson->stop();
    m_lessonDock->hide();
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

void MainWindow::addTab(ImageTab *tab)
{
    connect(tab, &ImageTab::titleChanged, this, [this, tab] {
        const int index = m_tabs->indexOf(tab);
        if (index >= 0) {
            m_tabs->setTabText(index, tab->title());
            m_tabs->setTabToolTip(index, QDir::toNativeSeparators(tab->location()));
        }
        updateTitle();
    });
    connect(tab, &ImageTab::openInTabsRequested, this, &MainWindow::openImagesInTabs);
    connect(tab, &ImageTab::openRequested, this,
            [this](const QString &location) { openPath(location); });
    connect(m_engines, &EngineMonitor::eventArrived, tab, &ImageTab::noteEngineEvent);
    connect(tab->page()->treePane(), &FileTreePane::compareWanted, this,
            [this, tab](const QString &path, int olderLayer) {
                openFileComparison(tab, path, olderLayer);
            });
    // A tab's image joins the open Reuse window once the tab has read it, with its layers: the
    // window does not read them a second time alongside the tab.
    connect(tab->loader(), &ImageLoader::treesReady, this, [this, tab] {
        const ImageLoader *loader = tab->loader();
        if (m_reuse)
            m_reuse->workspace()->addSource(loader->source(),
                                            {{loader->image(), loader->layers()}});
    });
    const int index = m_tabs->addTab(tab, tab->title());
    m_tabs->setTabToolTip(index, QDir::toNativeSeparators(tab->location()));
    m_tabs->setCurrentIndex(index);
    m_central->setCurrentWidget(m_tabs);
    updateTitle();
}

void MainWindow::openImagesInTabs(const std::shared_ptr<ImageSource> &archive,
                                  const QList<int> &images)
{
    const int current = m_tabs->currentIndex();
    for (int image : images)
        addTab(new ImageTab(archive, image));
    m_tabs->setCurrentIndex(current);
}

int MainWindow::tabCount() const
{
    return m_tabs->count();
}

ImageTab *MainWindow::tab(int index) const
{
    return qobject_cast<ImageTab *>(m_tabs->widget(index));
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
        m_reuse->workspace()->setEngineMonitor(m_engines);
        m_reuse->setAttribute(Qt::WA_DeleteOnClose);
        m_reuse->setWindowFlag(Qt::Window);
    }
    ReuseWindow *window = m_reuse;
    // Every source once, with the layers its tabs have read. Tabs still reading join when
    // they are done (see addTab).
    std::vector<std::shared_ptr<ImageSource>> sources;
    std::vector<std::vector<std::pair<int, std::vector<std::shared_ptr<const LayerTree>>>>> loaded;
    for (int i = 0; i < tabCount(); ++i) {
        const ImageLoader *loader = tab(i)->loader();
        if (loader->state() != ImageLoader::State::Loaded)
            continue;
        auto found = std::find(sources.begin(), sources.end(), loader->source());
        if (found == sources.end()) {
            sources.push_back(loader->source());
            loaded.emplace_back();
            found = sources.end() - 1;
        }
        loaded[size_t(found - sources.begin())].emplace_back(loader->image(), loader->layers());
    }
    for (size_t i = 0; i < sources.size(); ++i)
        window->workspace()->addSource(sources[i], loaded[i]);
    window->addLocations(paths);
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

EngineBrowser *MainWindow::openEngineBrowser()
{
    if (!m_browser) {
        m_browser = new EngineBrowser(m_engines, this);
        m_browser->setAttribute(Qt::WA_DeleteOnClose);
        m_browser->setWindowFlag(Qt::Window);
        connect(m_browser, &EngineBrowser::openRequested, this,
                [this](const QStringList &locations) {
                    for (const QString &location : locations)
                        openPath(location);
                    raise();
                    activateWindow();
                });
        connect(m_browser, &EngineBrowser::compareRequested, this, &MainWindow::openComparison);
        connect(m_browser, &EngineBrowser::reuseRequested, this,
                [this](const QStringList &locations) { openReuse(locations); });
    }
    m_engines->refresh();
    m_browser->show();
    m_browser->raise();
    m_browser->activateWindow();
    return m_browser;
}

RegistryDialog *MainWindow::openRegistryDialog()
{
    auto *dialog = new RegistryDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RegistryDialog::openRequested, this, [this](const QStringList &locations) {
        for (const QString &location : locations)
            openPath(location);
    });
    connect(dialog, &RegistryDialog::compareRequested, this, &MainWindow::openComparison);
    dialog->show();
    return dialog;
}

CompareWindow *MainWindow::openComparison(const QString &a, const QString &b)
{
    auto *window = new CompareWindow(this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowFlag(Qt::Window);
    window->openLocations(a, b);
    window->show();
    return window;
}

FileDiffWindow *MainWindow::openFileComparison(ImageTab *tab, const QString &path, int olderLayer)
{
    const ImageLoader *loader = tab->loader();
    const int layer = tab->page()->currentLayer();
    if (olderLayer < 0 || olderLayer >= layer)
        return nullptr;
    const QString name = loader->imageInfo().displayName();
    const auto side = [&](int top) {
        return FileDiffSide{loader->source(), loader->image(), loader->layers(), top,
                            tr("%1, layer %2").arg(name).arg(top)};
    };
    auto *window = new FileDiffWindow(this);
    window->setWindowFlag(Qt::Window);
    window->compare(side(olderLayer), side(layer), path);
    window->show();
    return window;
}

bool MainWindow::exportLayerStack(const QString &path, int width)
{
    ImageTab *tab = currentTab();
    if (!tab)
        return false;
    LayerStackView *stack = tab->page()->layerStack();
    return path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive)
               ? stack->exportPng(path, 2.0, width)
               : stack->exportSvg(path, width);
}

ImageTab *MainWindow::currentTab() const
{
    return qobject_cast<ImageTab *>(m_tabs->currentWidget());
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
    const ImageTab *tab = currentTab();
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

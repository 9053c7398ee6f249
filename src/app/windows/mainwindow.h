#pragma once

#include "views/layerstackview.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QActionGroup;
class QMenu;
class QStackedWidget;
class QTabWidget;

class QDockWidget;

namespace strata {

class CompareWindow;
class EngineBrowser;
class FileDiffWindow;
class Lesson;
class LessonPanel;
class RegistryDialog;
class EngineMonitor;
class ReuseWindow;

class ImageTab;
class ImageSource;
class PresentationZoom;
class RecentFiles;
class WelcomePage;

// The main window: one tab per opened archive or image, File / View / Language / Help menus,
// Open Recent, drag and drop of files and directories, presentation zoom.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens an archive or image directory in a new tab (or shows its tab if it is open).
    ImageTab *openPath(const QString &path, bool remember = true);
    void openDemo();
    // Writes the current image's layer stack for a slide `width` points wide, as PNG (at two
    // pixels a point) or SVG, by the file's suffix.
    bool exportLayerStack(const QString &path, int width = LayerStackView::kSlideWidth);
    // A window comparing the images of two archives (their only or first image).
    CompareWindow *openComparison(const QString &a, const QString &b);
    // The lines of `path` in `tab`'s image as of `olderLayer` beside those of the shown layer.
    FileDiffWindow *openFileComparison(ImageTab *tab, const QString &path, int olderLayer);
    // The Reuse window over every image open in the tabs (all images of their archives),
    // plus the archives at `paths`; the one already open, if there is one.
    ReuseWindow *openReuse(const QStringList &paths = {});
    // The Reuse window over the built-in multi-image demo.
    ReuseWindow *openReuseDemo();
    // The images and containers of the engines that answer (one window, brought to front).
    EngineBrowser *openEngineBrowser();
    RegistryDialog *openRegistryDialog();
    void showSettings();
    // The classroom lesson from `step`, on the current tab's image (the demo image if none).
    void startLesson(int step = 0);
    void endLesson();
    Lesson *lesson() const { return m_lesson; }
    LessonPanel *lessonPanel() const { return m_lessonPanel; }
    EngineMonitor *engines() const { return m_engines; }

    int tabCount() const;
    ImageTab *tab(int index) const;
    ImageTab *currentTab() const;
    PresentationZoom *zoom() const { return m_zoom; }
    RecentFiles *recentFiles() const { return m_recent; }
    QMenu *recentMenu() const { return m_recentMenu; }

public slots:
    void showOpenFileDialog();
    void showOpenDirectoryDialog();
    void closeCurrentTab();
    void closeTab(int index);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // mainwindowmenus.cpp
    void createMenus();
    void createFileMenu();
    void createViewMenu();
    void createLanguageMenu();
    void createHelpMenu();
    void compareCurrentImage();
    void exportLayerStackDialog();

    void addTab(ImageTab *tab);
    void openImagesInTabs(const std::shared_ptr<ImageSource> &archive, const QList<int> &images);
    void updateTitle();
    void chooseLanguage(const QString &code);
    void showAbout();

    EngineMonitor *m_engines;
    QStackedWidget *m_central;
    WelcomePage *m_welcome;
    QTabWidget *m_tabs;
    PresentationZoom *m_zoom;
    RecentFiles *m_recent;
    QMenu *m_recentMenu = nullptr;
    QActionGroup *m_languages = nullptr;
    QPointer<ReuseWindow> m_reuse;
    QPointer<EngineBrowser> m_browser;
    Lesson *m_lesson = nullptr;
    LessonPanel *m_lessonPanel = nullptr;
    QDockWidget *m_lessonDock = nullptr;
};

} // namespace strata

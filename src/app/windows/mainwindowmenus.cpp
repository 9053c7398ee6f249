// The main window's menus and the dialogs they open.
#include "windows/mainwindow.h"

#include "models/enginemonitor.h"
#include "models/imageloader.h"
#include "panes/exportflow.h"
#include "panes/filetreepane.h"
#include "panes/imagepage.h"
#include "panes/imagetab.h"
#include "source/opensource.h"
#include "views/layerstackview.h"
#include "views/stackheightscale.h"
#include "windows/comparewindow.h"
#include "windows/language.h"
#include "windows/presentationzoom.h"
#include "windows/recentfiles.h"
#include "windows/settingsdialog.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>

namespace strata {

void MainWindow::createMenus()
{
    createFileMenu();
    createViewMenu();
    createLanguageMenu();
    createHelpMenu();
}

void MainWindow::createFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::showOpenFileDialog);
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Open an image archive (docker save, podman save, OCI archive)"));
    QAction *openDir =
        file->addAction(tr("Open &Directory…"), this, &MainWindow::showOpenDirectoryDialog);
    openDir->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openDir->setStatusTip(tr("Open an OCI image layout or an unpacked docker save directory"));
    QAction *engine =
        file->addAction(tr("Open from &Engine…"), this, &MainWindow::openEngineBrowser);
    engine->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    engine->setStatusTip(tr("The images and containers of the running Docker or Podman engine"));
    QAction *registry =
        file->addAction(tr("Open from Re&gistry…"), this, &MainWindow::openRegistryDialog);
    registry->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    registry->setStatusTip(tr("An image in a registry: its stack and history at once, each "
                              "layer fetched when it is needed"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, [this] { m_recent->populate(m_recentMenu); });
    m_recent->populate(m_recentMenu);
    connect(m_recent, &RecentFiles::changed, this, [this] { m_recent->populate(m_recentMenu); });
    file->addAction(tr("Open the D&emo Image"), this, &MainWindow::openDemo);
    file->addAction(tr("Open the Re&use Demo"), this, &MainWindow::openReuseDemo)
        ->setStatusTip(tr("Three small images that share layers, in the Layer Reuse window"));
    file->addSeparator();
    QAction *compare =
        file->addAction(tr("Co&mpare With…"), this, &MainWindow::compareCurrentImage);
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    compare->setStatusTip(
        tr("Compare the current image with another: layers, files, history and config"));
    QAction *reuse = file->addAction(tr("Layer &Reuse…"), this, [this] { openReuse(); });
    reuse->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    reuse->setStatusTip(tr("Show which layers the open images share, and what containers add"));
    QAction *exportStack =
        file->addAction(tr("&Export Layer Stack…"), this, &MainWindow::exportLayerStackDialog);
    exportStack->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportStack->setStatusTip(tr("Save the layer diagram as an image for slides (SVG or PNG)"));
    QAction *exportTree = file->addAction(tr("Export &Filesystem as Tar…"), this, [this] {
        if (ImageTab *tab = currentTab())
            tab->page()->exportFlow()->ask(QString(), ExportJob::Kind::Tar);
    });
    exportTree->setStatusTip(
        tr("Write the merged filesystem as of the selected layer as a tar, like crane export"));
    file->addSeparator();
    QAction *settings = file->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *close = file->addAction(tr("&Close"), this, &MainWindow::closeCurrentTab);
    close->setShortcut(QKeySequence::Close);
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
}

void MainWindow::createViewMenu()
{
    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_zoom->addActions(view);
    view->addSeparator();
    auto stackAction = [this](void (LayerStackView::*slot)()) {
        return [this, slot] {
            if (ImageTab *tab = currentTab())
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
    QAction *logHeights = view->addAction(tr("&Logarithmic Block Heights"));
    logHeights->setObjectName(QStringLiteral("logarithmicHeights"));
    logHeights->setCheckable(true);
    logHeights->setChecked(StackHeightScale::instance().logarithmic());
    logHeights->setToolTip(tr("Block heights grow with the logarithm of the layers' sizes, so "
                              "that tiny and huge layers show together; a note above the stack "
                              "says so. Off: heights are proportional to the sizes."));
    connect(logHeights, &QAction::toggled, &StackHeightScale::instance(),
            &StackHeightScale::setLogarithmic);
    view->addSeparator();
    QAction *filter = view->addAction(tr("&Filter Files"), this, [this] {
        if (ImageTab *tab = currentTab())
            tab->page()->treePane()->focusFilter();
    });
    filter->setShortcut(QKeySequence::Find);
}

void MainWindow::createLanguageMenu()
{
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
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *lesson =
        help->addAction(tr("&Lesson: What Is an Image"), this, [this] { startLesson(); });
    lesson->setObjectName(QStringLiteral("lessonAction"));
    lesson->setStatusTip(tr("The classroom lesson, step by step on the current image"));
    help->addSeparator();
    help->addAction(tr("&About Strata"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::compareCurrentImage()
{
    ImageTab *tab = currentTab();
    if (!tab || !tab->loader()->source())
        return;
    // The images open in the other tabs first, then any archive on disk.
    QStringList choices;
    QList<ImageTab *> others;
    for (int i = 0; i < tabCount(); ++i) {
        ImageTab *other = this->tab(i);
        if (other != tab && other->loader()->source() && other->loader()->image() >= 0) {
            choices << other->loader()->imageInfo().displayName() + QStringLiteral(" (") +
                           locationTitle(other->location()) + QLatin1Char(')');
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
    QString file;
    if (picked < 0) {
        file = QFileDialog::getOpenFileName(
            this, tr("Compare With"), QFileInfo(tab->location()).absolutePath(),
            tr("Image archives (*.tar *.tar.gz *.tgz *.tar.xz *.tar.zst);;All files (*)"));
        if (file.isEmpty())
            return;
    }
    auto *window = new CompareWindow(this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowFlag(Qt::Window);
    if (picked >= 0) {
        const ImageLoader *other = others[picked]->loader();
        window->compare(tab->loader()->source(), tab->loader()->image(), other->source(),
                        other->image());
    } else {
        window->compareWith(tab->loader()->source(), tab->loader()->image(), file);
    }
    window->show();
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        m_engines->refresh(); // the engine address may have changed
}

void MainWindow::exportLayerStackDialog()
{
    if (!currentTab())
        return;
    QString selected;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Layer Stack"), QDir::homePath() + QStringLiteral("/layers.svg"),
        tr("SVG image (*.svg);;PNG image (*.png)"), &selected);
    if (path.isEmpty())
        return;
    // The slide's width in points; a PNG has twice as many pixels, sharp on a projector.
    const QList<int> widths = {960, 1280, 1920};
    QStringList choices;
    for (const int width : widths)
        choices << tr("%1 points wide (%2 pixels in a PNG)").arg(width).arg(2 * width);
    bool chosen = false;
    const QString choice = QInputDialog::getItem(
        this, tr("Export Layer Stack"), tr("Width of the picture:"), choices, 0, false, &chosen);
    if (!chosen)
        return;
    if (!exportLayerStack(path, widths.value(int(choices.indexOf(choice)), widths.first())))
        QMessageBox::warning(this, tr("Export Layer Stack"),
                             tr("%1 could not be written.").arg(path));
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

} // namespace strata

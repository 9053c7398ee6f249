// A registry as a user meets it in the application, against a docker-registry the test
// starts: File > Open from Registry lists a repository's tags with their platforms and sizes,
// opens one in a tab whose tree equals the pushed archive's, offers Compare for two, remembers
// the references opened, and asks for a login when the registry wants one.
#include "engines.h"
#include "testregistry.h"

#include "models/filetreemodel.h"
#include "models/imageloader.h"
#include "panes/efficiencypanel.h"
#include "panes/filetreepane.h"
#include "panes/imagepage.h"
#include "panes/imagetab.h"
#include "panes/messagebar.h"
#include "panes/registrylogin.h"
#include "registry/blobcache.h"
#include "registry/registrycredentials.h"
#include "source/sourcesettings.h"
#include "views/layerstackview.h"
#include "windows/language.h"
#include "windows/mainwindow.h"
#include "windows/registrydialog.h"
#include "windows/settingsdialog.h"

#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

using namespace strata;

namespace {
constexpr int kTimeout = 60000;

QStringList tagsShown(const QTreeWidget *tree)
{
    QStringList tags;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        tags << tree->topLevelItem(i)->text(0);
    return tags;
}

int cachedBlobs()
{
    return int(QDir(blobCacheDir()).entryList(QDir::Files).size());
}
} // namespace

class TestRegistryDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsTagsAndOpensOne();
    void comparesTwoTags();
    void asksForLogin();
    void fetchAskedBeforeMetadataKeepsIt();
    void archiveLoadingIsNotAFetch();
    void settingsCountLayerBlobs();

private:
    QTemporaryDir m_work;
    QString m_archive; // app:1 as a docker save archive
    QTemporaryDir m_cache;
    TestRegistry m_registry;
};

void TestRegistryDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // English, with its plural forms, as the application starts.
    language::install(qApp, QStringLiteral("en"));
    qputenv("STRATA_CACHE_DIR", m_cache.path().toLocal8Bit());
    SourceSettings settings = SourceSettings::load();
    settings.recentReferences.clear();
    settings.save();
    QString why;
    QVERIFY2(m_registry.start(&why), qPrintable(why));
    const QString archive = writeBusyboxImage(m_work.path(), QStringLiteral("app:1"), &why, 2);
    QVERIFY2(!archive.isEmpty(), qPrintable(why));
    m_archive = archive;
    const QString bigger = m_work.path() + QStringLiteral("/bigger");
    QDir().mkpath(bigger);
    const QString second = writeBusyboxImage(bigger, QStringLiteral("app:2"), &why, 3);
    QVERIFY2(!second.isEmpty(), qPrintable(why));
    QVERIFY2(m_registry.push(QStringLiteral("docker-archive:") + archive,
                             QStringLiteral("team/app:1.4"), &why),
             qPrintable(why));
    QVERIFY2(m_registry.push(QStringLiteral("docker-archive:") + second,
                             QStringLiteral("team/app:1.5"), &why),
             qPrintable(why));
}

void TestRegistryDialog::listsTagsAndOpensOne()
{
    MainWindow window;
    window.show();
    RegistryDialog *dialog = window.openRegistryDialog();
    dialog->referenceField()->setCurrentText(m_registry.host() + QStringLiteral("/team/app"));
    dialog->listTags();
    QTRY_COMPARE_WITH_TIMEOUT(dialog->tagsView()->topLevelItemCount(), 2, kTimeout);
    QCOMPARE(tagsShown(dialog->tagsView()),
             (QStringList{QStringLiteral("1.4"), QStringLiteral("1.5")}));
    QCOMPARE(dialog->tagsView()->topLevelItem(0)->text(1), QStringLiteral("linux/amd64"));
    QVERIFY(dialog->tagsView()->topLevelItem(0)->text(3).startsWith(QLatin1String("sha256:")));
    QVERIFY2(dialog->statusLabel()->text().contains(QLatin1String("2")),
             qPrintable(dialog->statusLabel()->text()));

    dialog->tagsView()->topLevelItem(0)->setSelected(true);
    QCOMPARE(dialog->selectedLocations(),
             QStringList{QStringLiteral("registry://%1/team/app:1.4").arg(m_registry.host())});
    QVERIFY(dialog->openButton()->isEnabled());
    QVERIFY(!dialog->compareButton()->isEnabled());
    QTest::mouseClick(dialog->openButton(), Qt::LeftButton);
    QCOMPARE(window.tabCount(), 1);
    ImageTab *tab = window.tab(0);
    ImageLoader *loader = tab->loader();

    // The stack and history come from the manifest and config alone; the layers wait.
    QTRY_COMPARE_WITH_TIMEOUT(loader->state(), ImageLoader::State::Waiting, kTimeout);
    QCOMPARE(tab->title(), QStringLiteral("app:1.4"));
    QCOMPARE(loader->imageInfo().layers.size(), 3);
    QCOMPARE(tab->page()->layerStack()->layerCount(), 3);
    QVERIFY(loader->bytesToFetch() > 0);
    QVERIFY2(tab->messageBar()->text().contains(QLatin1String("stay in the registry")),
             qPrintable(tab->messageBar()->text()));
    QCOMPARE(cachedBlobs(), 0);

    // Selecting the lowest layer fetches that layer only and shows its tree.
    tab->page()->selectLayer(0);
    QTRY_COMPARE_WITH_TIMEOUT(loader->readUpTo(), 0, kTimeout);
    QCOMPARE(loader->state(), ImageLoader::State::Waiting);
    QCOMPARE(cachedBlobs(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!tab->page()->treePane()->isBusy() &&
                                 tab->page()->treePane()->model()->rowCount() > 0,
                             kTimeout);
    QCOMPARE(tab->page()->treePane()->layer(), 0);
    QVERIFY(loader->bytesToFetch(0) == 0 && loader->bytesToFetch() > 0);

    // Cancel stops a fetch without losing what was read: the selection goes back to the tree
    // shown, and the layers above wait again.
    tab->page()->selectLayer(2);
    QCOMPARE(loader->state(), ImageLoader::State::Loading);
    tab->cancel();
    QCOMPARE(loader->state(), ImageLoader::State::Waiting);
    QCOMPARE(loader->readUpTo(), 0);
    QCOMPARE(tab->page()->currentLayer(), 0);
    QCOMPARE(tab->page()->layerStack()->currentLayer(), 0);
    QVERIFY2(tab->messageBar()->text().contains(QLatin1String("stay in the registry")),
             qPrintable(tab->messageBar()->text()));

    // The Efficiency tab needs every layer: showing it fetches the rest.
    tab->page()
        ->findChild<QTabWidget *>(QStringLiteral("leftTabs"))
        ->setCurrentWidget(tab->page()->efficiencyPanel());
    QTRY_VERIFY_WITH_TIMEOUT(tab->isLoaded(), kTimeout);
    QCOMPARE(int(loader->layers().size()), 3);
    for (const auto &layer : loader->layers())
        QVERIFY2(layer && !layer->error, layer ? qPrintable(layer->error.toString()) : "no layer");
    QCOMPARE(cachedBlobs(), 3);
    QCOMPARE(loader->bytesToFetch(), 0);
    QVERIFY(!tab->messageBar()->isVisible());

    // The reference opened is offered the next time.
    RegistryDialog again;
    QCOMPARE(again.referenceField()->itemText(0),
             QStringLiteral("%1/team/app:1.4").arg(m_registry.host()));
}

void TestRegistryDialog::comparesTwoTags()
{
    RegistryDialog dialog;
    QSignalSpy compare(&dialog, &RegistryDialog::compareRequested);
    dialog.referenceField()->setCurrentText(
        QStringLiteral("registry://%1/team/app:1.4").arg(m_registry.host()));
    dialog.listTags();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.tagsView()->topLevelItemCount(), 2, kTimeout);
    dialog.tagsView()->selectAll();
    QVERIFY(dialog.compareButton()->isEnabled());
    QTest::mouseClick(dialog.compareButton(), Qt::LeftButton);
    QCOMPARE(compare.size(), 1);
    QCOMPARE(compare[0][0].toString(),
             QStringLiteral("registry://%1/team/app:1.4").arg(m_registry.host()));
    QCOMPARE(compare[0][1].toString(),
             QStringLiteral("registry://%1/team/app:1.5").arg(m_registry.host()));
}

void TestRegistryDialog::asksForLogin()
{
    TestRegistry secure(
        TestRegistry::Options{true, QStringLiteral("student"), QStringLiteral("pa55")});
    QString why;
    QVERIFY2(secure.start(&why), qPrintable(why));
    const QString archive = writeBusyboxImage(m_work.path() + QStringLiteral("/bigger"),
                                              QStringLiteral("app:2"), &why, 3);
    QVERIFY2(secure.push(QStringLiteral("docker-archive:") + archive, QStringLiteral("class/app:1"),
                         &why),
             qPrintable(why));
    qputenv("STRATA_CERTS_D", secure.certsDir().toLocal8Bit());
    QTemporaryDir empty;
    qputenv("DOCKER_CONFIG", empty.path().toLocal8Bit());
    qputenv("REGISTRY_AUTH_FILE", (empty.path() + QStringLiteral("/auth.json")).toLocal8Bit());

    RegistryDialog dialog;
    dialog.show();
    dialog.referenceField()->setCurrentText(secure.host() + QStringLiteral("/class/app"));
    dialog.listTags();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.loginBox()->isVisible(), kTimeout);
    QVERIFY2(dialog.statusLabel()->text().contains(QLatin1String("none is stored")),
             qPrintable(dialog.statusLabel()->text()));
    dialog.findChild<QLineEdit *>(QStringLiteral("user"))->setText(QStringLiteral("student"));
    auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("password"));
    password->setText(QStringLiteral("pa55"));
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.tagsView()->topLevelItemCount(), 1, kTimeout);
    QVERIFY(!dialog.loginBox()->isVisible());
    QVERIFY(password->text().isEmpty());
    // Typed credentials stay in memory: nothing was written where Docker or Podman keep theirs.
    QVERIFY(QDir(empty.path()).entryList(QDir::Files).isEmpty());
    forgetCredentials(secure.host());

    // A tab opened straight from a reference (the command line, Open Recent) that the
    // registry refuses offers the same login, and opens the image once it is given.
    ImageTab tab(secure.host() + QStringLiteral("/class/app:1"));
    tab.show();
    QTRY_COMPARE_WITH_TIMEOUT(tab.loader()->state(), ImageLoader::State::Failed, kTimeout);
    QCOMPARE(int(tab.loader()->error().kind), int(Error::Kind::Denied));
    QVERIFY2(tab.messageBar()->text().contains(secure.host()),
             qPrintable(tab.messageBar()->text()));
    QToolButton *logIn = nullptr;
    for (QToolButton *button : tab.messageBar()->findChildren<QToolButton *>()) {
        if (button->text() == QStringLiteral("Log In…"))
            logIn = button;
    }
    QVERIFY(logIn);
    logIn->click();
    auto *login = tab.findChild<RegistryLoginDialog *>();
    QVERIFY(login && login->isVisible());
    QVERIFY(login->windowTitle().contains(secure.host()));
    login->loginBox()->userField()->setText(QStringLiteral("student"));
    login->loginBox()->passwordField()->setText(QStringLiteral("wrong"));
    QTest::keyClick(login->loginBox()->passwordField(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(tab.loader()->state(), ImageLoader::State::Failed, kTimeout);
    QVERIFY2(tab.messageBar()->text().contains(QLatin1String("typed in")),
             qPrintable(tab.messageBar()->text()));
    for (QToolButton *button : tab.messageBar()->findChildren<QToolButton *>()) {
        if (button->text() == QStringLiteral("Log In…") && button->isVisible())
            button->click();
    }
    login = tab.findChild<RegistryLoginDialog *>();
    QVERIFY(login && login->isVisible());
    login->loginBox()->passwordField()->setText(QStringLiteral("pa55"));
    QTest::keyClick(login->loginBox()->passwordField(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(tab.loader()->state(), ImageLoader::State::Waiting, kTimeout);
    QCOMPARE(tab.title(), QStringLiteral("app:1"));
    QVERIFY(QDir(empty.path()).entryList(QDir::Files).isEmpty());
    forgetCredentials(secure.host());
    qunsetenv("STRATA_CERTS_D");
    qunsetenv("DOCKER_CONFIG");
    qunsetenv("REGISTRY_AUTH_FILE");
}

void TestRegistryDialog::fetchAskedBeforeMetadataKeepsIt()
{
    // A fetch asked for at once (the Efficiency tab already showing, a script) must not drop
    // the stack and history still on their way.
    QDir(blobCacheDir()).removeRecursively();
    ImageLoader loader;
    QSignalSpy opened(&loader, &ImageLoader::sourceOpened);
    loader.open(QStringLiteral("registry://%1/team/app:1.4").arg(m_registry.host()));
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, kTimeout);
    QSignalSpy metadata(&loader, &ImageLoader::metadataReady);
    QSignalSpy ready(&loader, &ImageLoader::treesReady);
    loader.loadImage(loader.source(), 0, ImageLoader::Fetching::OnRequest);
    QCOMPARE(loader.state(), ImageLoader::State::Waiting);
    loader.loadUpTo(2);
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, kTimeout);
    QCOMPARE(metadata.size(), 1);
}

void TestRegistryDialog::archiveLoadingIsNotAFetch()
{
    // The Efficiency tab shown while a file loads asks for every layer: nothing to fetch, and
    // the tree keeps saying it reads them.
    ImageLoader loader;
    ImagePage page(&loader);
    QSignalSpy opened(&loader, &ImageLoader::sourceOpened);
    loader.open(m_archive);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, kTimeout);
    loader.loadImage(loader.source(), 0, ImageLoader::Fetching::OnRequest);
    QCOMPARE(loader.state(), ImageLoader::State::Loading);
    QVERIFY(!loader.fetchesOnRequest());
    page.fetchAllLayers();
    page.selectLayer(0);
    QVERIFY2(!page.treePane()->statusText().contains(QLatin1String("registry")),
             qPrintable(page.treePane()->statusText()));
    QTRY_COMPARE_WITH_TIMEOUT(loader.state(), ImageLoader::State::Loaded, kTimeout);
}

void TestRegistryDialog::settingsCountLayerBlobs()
{
    SettingsDialog settings;
    QVERIFY2(settings.cacheUsage()->text().contains(QLatin1String("3 layers")),
             qPrintable(settings.cacheUsage()->text()));
    QTest::mouseClick(settings.findChild<QPushButton *>(QStringLiteral("clearCache")),
                      Qt::LeftButton);
    QCOMPARE(int(QDir(blobCacheDir()).entryList(QDir::Files).size()), 0);
}

QTEST_MAIN(TestRegistryDialog)
#include "tst_registrydialog.moc"

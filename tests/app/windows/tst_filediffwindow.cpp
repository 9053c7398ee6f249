// The file comparison window on images the test writes: a changed config line by line beside
// what GNU diff finds, side by side and unified, with syntax colours; a binary by its hashes;
// shared libraries the test compiles by the symbols nm lists; opened from the main window's
// tree and from the compare window.
#include "processrun.h"
#include "rawimage.h"

#include "analysis/linediff.h"
#include "imagewriter/imagewriter.h"
#include "models/filetreemodel.h"
#include "models/imageloader.h"
#include "models/treediffmodel.h"
#include "models/viewcolors.h"
#include "panes/filetreepane.h"
#include "panes/imagepage.h"
#include "panes/imagetab.h"
#include "views/confighighlighter.h"
#include "views/difftextedit.h"
#include "views/filediffview.h"
#include "windows/comparewindow.h"
#include "windows/filediffwindow.h"
#include "windows/language.h"
#include "windows/mainwindow.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

using namespace strata;
using namespace strata::testing;
namespace iw = strata::imagewriter;
using iw::Entry;
using Kind = DiffTextEdit::RowKind;

namespace {

constexpr int kTimeout = 60000;

QByteArray config(int variant)
{
    QByteArray text = "# nginx, as the image ships it\nuser nginx;\nworker_processes auto;\n\n"
                      "events {\n    worker_connections 1024;\n}\n\nhttp {\n";
    for (int i = 0; i < 40; ++i)
        text += "    option_" + QByteArray::number(i) + " \"" +
                QByteArray::number(variant == 1 && i % 13 == 5 ? i * 10 : i) + "\";\n";
    if (variant == 1)
        text += "    gzip on;\n    gzip_types text/css;\n";
    text += "}\n";
    return text;
}

const char kLibrary1[] = "int beta = 2;\nint alpha(void) { return 1; }\n";
const char kLibrary2[] = "int alpha(void) { return 1; }\nlong delta(long x) { return x * 2; }\n";

// GNU diff's view of the same change: the changes (one command line each in its normal
// output) and the lines it removes ("< ") and adds ("> ").
struct GnuDiff
{
    int changes = 0;
    QStringList removed;
    QStringList added;
};

GnuDiff gnuDiff(const QTemporaryDir &dir, const QByteArray &a, const QByteArray &b)
{
    const QString fileA = dir.filePath(QStringLiteral("gnu-a")),
                  fileB = dir.filePath(QStringLiteral("gnu-b"));
    strata::test::writeFile(fileA, a);
    strata::test::writeFile(fileB, b);
    const ProcessRun run =
        runProcess(QStringLiteral("diff"), {QStringLiteral("--minimal"), fileA, fileB});
    GnuDiff diff;
    for (const QByteArray &line : run.out.split('\n')) {
        if (line.startsWith("< "))
            diff.removed << QString::fromUtf8(line.mid(2));
        else if (line.startsWith("> "))
            diff.added << QString::fromUtf8(line.mid(2));
        else if (!line.isEmpty() && std::isdigit(uchar(line[0])))
            ++diff.changes;
    }
    return diff;
}

QStringList rowsOfKind(const DiffTextEdit *edit, Kind kind)
{
    QStringList lines;
    QTextBlock block = edit->document()->firstBlock();
    for (const DiffTextEdit::Row &row : edit->rows()) {
        if (row.kind == kind)
            lines << block.text();
        block = block.next();
    }
    return lines;
}

// The lines of one side as the view shows them, padding rows left out.
QStringList shownLines(const DiffTextEdit *edit)
{
    QStringList lines;
    QTextBlock block = edit->document()->firstBlock();
    for (const DiffTextEdit::Row &row : edit->rows()) {
        if (row.kind != Kind::Padding)
            lines << block.text();
        block = block.next();
    }
    return lines;
}

QStringList linesOf(const QByteArray &text)
{
    QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

// Whether some characters of `block` are drawn in `color`.
bool hasForeground(const QTextBlock &block, const QColor &color)
{
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        if (range.format.foreground().color() == color)
            return true;
    }
    return false;
}

FileDiffWindow *waitForWindow(QWidget *parent)
{
    FileDiffWindow *window = nullptr;
    (void)QTest::qWaitFor(
        [&] {
            window = parent->findChild<FileDiffWindow *>();
            return window && window->comparison();
        },
        kTimeout);
    return window && window->comparison() ? window : nullptr;
}

} // namespace

class TestFileDiffWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_archive; // filediff:1, two layers
    QString m_older;   // filediff-old:1, its bottom layer alone

    QString compile(const char *source, const QString &name)
    {
        const QString c = m_dir.filePath(name + QStringLiteral(".c"));
        if (!strata::test::writeFile(c, source))
            return {};
        const QString so = m_dir.filePath(name + QStringLiteral(".so"));
        const ProcessRun run =
            runProcess(QStringLiteral("cc"), {QStringLiteral("-shared"), QStringLiteral("-fPIC"),
                                              QStringLiteral("-o"), so, c});
        return run.code == 0 ? so : QString();
    }

    // `nm -D --defined-only` of a library, the names alone.
    static QStringList definedSymbols(const QString &library)
    {
        const ProcessRun run =
            runProcess(QStringLiteral("nm"), {QStringLiteral("-D"), QStringLiteral("-j"),
                                              QStringLiteral("--defined-only"), library});
        QStringList names;
        for (const QByteArray &line : run.out.split('\n')) {
            if (!line.trimmed().isEmpty())
                names << QString::fromUtf8(line.trimmed());
        }
        return names;
    }

    QString m_library1, m_library2;

    // The two-layer image in `window`, its tree showing layer 1; nullptr if it does not load.
    ImageTab *openTopLayer(MainWindow *window) const
    {
        ImageTab *tab = window->openPath(m_archive);
        FileTreePane *pane = tab->page()->treePane();
        const bool loaded = QTest::qWaitFor(
            [&] {
                return tab->isLoaded() && !pane->isBusy() && !pane->model()->snapshot().isNull();
            },
            kTimeout);
        if (!loaded)
            return nullptr;
        tab->page()->selectLayer(1);
        const bool shown = QTest::qWaitFor(
            [&] { return !pane->isBusy() && pane->model()->snapshot().layer == 1; }, kTimeout);
        return shown ? tab : nullptr;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("StrataTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_filediffwindow"));
        QSettings().clear();
        language::install(qApp, QStringLiteral("en"));
        m_library1 = compile(kLibrary1, QStringLiteral("libone"));
        m_library2 = compile(kLibrary2, QStringLiteral("libtwo"));
        QVERIFY(!m_library1.isEmpty() && !m_library2.isEmpty());
        QFile one(m_library1), two(m_library2);
        QVERIFY(one.open(QIODevice::ReadOnly) && two.open(QIODevice::ReadOnly));
        const iw::Layer bottom{{Entry::dir("etc"), Entry::dir("etc/nginx"),
                                Entry::file("etc/nginx/nginx.conf", config(0)),
                                Entry::file("etc/blob", QByteArray("\0\1\2", 3)),
                                Entry::file("etc/hostname", "demo\n"), Entry::dir("lib"),
                                Entry::file("lib/libdemo.so", one.readAll(), 0755)}};
        const iw::Layer top{{Entry::file("etc/nginx/nginx.conf", config(1)),
                             Entry::file("etc/blob", QByteArray("\0\1\3\4", 4)),
                             Entry::file("lib/libdemo.so", two.readAll(), 0755)}};
        iw::Image image;
        image.tags = {QStringLiteral("filediff:1")};
        image.layers = {bottom, top};
        m_archive = m_dir.filePath(QStringLiteral("filediff.tar"));
        QString why;
        QVERIFY2(iw::writeArchive(m_archive, {image}, {}, &why), qPrintable(why));
        iw::Image older;
        older.tags = {QStringLiteral("filediff-old:1")};
        older.layers = {bottom};
        m_older = m_dir.filePath(QStringLiteral("filediff-old.tar"));
        QVERIFY2(iw::writeArchive(m_older, {older}, {}, &why), qPrintable(why));
    }

    void cleanupTestCase() { QSettings().clear(); }

    // The tree of layer 1 offers the comparison for the config it changed; the window shows
    // what GNU diff finds, side by side, then unified.
    void configFromTheTree()
    {
        MainWindow window;
        window.show();
        ImageTab *tab = openTopLayer(&window);
        QVERIFY(tab);
        FileTreePane *pane = tab->page()->treePane();

        const auto menuOffers = [&](const QString &path) {
            pane->selectPath(path);
            const QModelIndex index = pane->model()->indexOfPath(path);
            QStringList offered;
            QTimer::singleShot(0, this, [&] {
                auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
                if (!menu)
                    return;
                for (QAction *action : menu->actions()) {
                    offered << action->text();
                    if (action->objectName() == QLatin1String("compareWithOlder"))
                        action->trigger();
                }
                menu->close();
            });
            emit pane->view()->customContextMenuRequested(pane->view()->visualRect(index).center());
            return offered;
        };
        // Unchanged by layer 1: nothing to compare.
        QVERIFY(!menuOffers(QStringLiteral("etc/hostname"))
                     .contains(QStringLiteral("Compare with Layer 0")));
        QVERIFY(menuOffers(QStringLiteral("etc/nginx/nginx.conf"))
                    .contains(QStringLiteral("Compare with Layer 0")));
        FileDiffWindow *diff = waitForWindow(&window);
        QVERIFY(diff);
        QVERIFY(diff->isWindow());
        QCOMPARE(diff->findChild<QLabel *>(QStringLiteral("diffTitle"))->text(),
                 QStringLiteral("/etc/nginx/nginx.conf"));
        QVERIFY(diff->findChild<QLabel *>(QStringLiteral("diffSides"))
                    ->text()
                    .contains(QStringLiteral("filediff:1, layer 0")));
        QCOMPARE(diff->pages()->currentWidget(), diff->diffView());

        const GnuDiff gnu = gnuDiff(m_dir, config(0), config(1));
        QCOMPARE(gnu.changes, 4); // three settings and the two lines added at the end
        FileDiffView *view = diff->diffView();
        QCOMPARE(view->changeCount(), gnu.changes);
        QVERIFY2(diff->summaryLabel()->text().startsWith(
                     QStringLiteral("+%1 −%2 lines").arg(gnu.added.size()).arg(gnu.removed.size())),
                 qPrintable(diff->summaryLabel()->text()));

        // Side by side: each side whole and in order, the changed lines tinted, rows aligned.
        DiffTextEdit *left = view->leftEdit(), *right = view->rightEdit();
        QCOMPARE(left->document()->blockCount(), right->document()->blockCount());
        QCOMPARE(shownLines(left), linesOf(config(0)));
        QCOMPARE(shownLines(right), linesOf(config(1)));
        QCOMPARE(rowsOfKind(left, Kind::Removed), gnu.removed);
        QCOMPARE(rowsOfKind(right, Kind::Added), gnu.added);
        for (int row = 0; row < left->document()->blockCount(); ++row) {
            const bool leftSame = left->rowKind(row) == Kind::Same;
            QCOMPARE(right->rowKind(row) == Kind::Same, leftSame);
            if (leftSame)
                QCOMPARE(left->document()->findBlockByNumber(row).text(),
                         right->document()->findBlockByNumber(row).text());
        }
        QVERIFY(left->rowColor(Kind::Removed) != left->rowColor(Kind::Same));
        QVERIFY(left->rowColor(Kind::Added) != left->rowColor(Kind::Removed));
        // Scrolled together.
        left->verticalScrollBar()->setValue(left->verticalScrollBar()->maximum());
        QCOMPARE(right->verticalScrollBar()->value(), left->verticalScrollBar()->value());

        // Opened at the first change; Next Change (Alt+Down) steps on and stops at the last.
        QCOMPARE(view->currentChange(), 0);
        for (int i = 1; i < gnu.changes + 2; ++i) {
            QTest::keyClick(left, Qt::Key_Down, Qt::AltModifier);
            QCOMPARE(view->currentChange(), std::min(i, gnu.changes - 1));
        }
        QTest::keyClick(left, Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(view->currentChange(), gnu.changes - 2);
        QVERIFY(diff->summaryLabel()->text().contains(
            QStringLiteral("change %1 of %2").arg(gnu.changes - 1).arg(gnu.changes)));

        // nginx.conf in configuration colours: the directive as a key, the quoted values.
        QVERIFY(left->document()->findChild<ConfigHighlighter *>());
        const SyntaxColors colors = syntaxColors(left->palette());
        QVERIFY(hasForeground(left->document()->findBlockByNumber(1), colors.keyword)); // user
        QVERIFY(hasForeground(left->document()->firstBlock(), colors.comment));
        QVERIFY(hasForeground(left->document()->findBlockByNumber(9), colors.string));

        // Unified: one column, old and new numbers, the change kept on screen.
        diff->findChild<QToolButton *>(QStringLiteral("unified"))->click();
        QCOMPARE(view->mode(), FileDiffView::Mode::Unified);
        QCOMPARE(view->currentChange(), gnu.changes - 2);
        DiffTextEdit *unified = view->unifiedEdit();
        QVERIFY(unified->isVisible() && !left->isVisible());
        QCOMPARE(rowsOfKind(unified, Kind::Removed), gnu.removed);
        QCOMPARE(rowsOfKind(unified, Kind::Added), gnu.added);
        QCOMPARE(unified->document()->blockCount(),
                 int(linesOf(config(0)).size() + gnu.added.size()));
        for (const DiffTextEdit::Row &row : unified->rows()) {
            QCOMPARE(row.numberA > 0, row.kind != Kind::Added);
            QCOMPARE(row.numberB > 0, row.kind != Kind::Removed);
        }

        // Copy as Patch: what `patch` turns the old file into the new one with.
        diff->findChild<QToolButton *>(QStringLiteral("copyPatch"))->click();
        const QString patch = QGuiApplication::clipboard()->text();
        QVERIFY(patch.startsWith(QStringLiteral("--- a/etc/nginx/nginx.conf\n")));
        const QString old = m_dir.filePath(QStringLiteral("nginx.conf"));
        QVERIFY(strata::test::writeFile(old, config(0)));
        QVERIFY(strata::test::writeFile(m_dir.filePath(QStringLiteral("p.diff")), patch.toUtf8()));
        const ProcessRun applied =
            runProcess(QStringLiteral("patch"),
                       {QStringLiteral("-s"), old, m_dir.filePath(QStringLiteral("p.diff"))});
        QVERIFY2(applied.code == 0, applied.err.constData());
        QFile patched(old);
        QVERIFY(patched.open(QIODevice::ReadOnly));
        QCOMPARE(patched.readAll(), config(1));
    }

    // A binary by its sizes and SHA-256; ELF libraries also by the symbols they define.
    void binaryAndElf()
    {
        MainWindow window;
        ImageTab *tab = openTopLayer(&window);
        QVERIFY(tab);

        FileDiffWindow *blob = window.openFileComparison(tab, QStringLiteral("etc/blob"), 0);
        QVERIFY(blob);
        QVERIFY(waitForWindow(&window) == blob);
        QCOMPARE(blob->pages()->currentIndex(), 2);
        const QString hashes = blob->hashesLabel()->text();
        QVERIFY(hashes.contains(QStringLiteral("Binary files")));
        QVERIFY(hashes.contains(strata::test::sha256Hex(QByteArray("\0\1\2", 3))));
        QVERIFY(hashes.contains(strata::test::sha256Hex(QByteArray("\0\1\3\4", 4))));
        QVERIFY(!blob->symbolTree()->isVisibleTo(blob));
        QVERIFY(!blob->findChild<QToolButton *>(QStringLiteral("unified"))->isVisibleTo(blob));
        delete blob;

        FileDiffWindow *library =
            window.openFileComparison(tab, QStringLiteral("lib/libdemo.so"), 0);
        QVERIFY(library && waitForWindow(&window) == library);
        QVERIFY(library->symbolTree()->isVisibleTo(library));
        QVERIFY(library->hashesLabel()->text().contains(QStringLiteral("ELF files")));
        const QStringList one = definedSymbols(m_library1), two = definedSymbols(m_library2);
        QStringList added, removed;
        for (const QString &name : two) {
            if (!one.contains(name))
                added << name;
        }
        for (const QString &name : one) {
            if (!two.contains(name))
                removed << name;
        }
        QCOMPARE(added, QStringList{QStringLiteral("delta")});
        QCOMPARE(removed, QStringList{QStringLiteral("beta")});
        const auto children = [&](int group) {
            QStringList names;
            const QTreeWidgetItem *item = library->symbolTree()->topLevelItem(group);
            for (int i = 0; i < item->childCount(); ++i)
                names << item->child(i)->text(0);
            return names;
        };
        QCOMPARE(children(0), added);
        QCOMPARE(children(1), removed);
        QVERIFY(library->symbolTree()->topLevelItem(0)->text(0).endsWith(QStringLiteral("(1)")));
        delete library;

        // The same layer on both sides: nothing differs, and the window says so.
        ImageLoader *loader = tab->loader();
        FileDiffWindow same;
        const FileDiffSide side{loader->source(), loader->image(), loader->layers(), 1,
                                QStringLiteral("top")};
        QSignalSpy shown(&same, &FileDiffWindow::comparisonShown);
        same.compare(side, side, QStringLiteral("etc/nginx/nginx.conf"));
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), kTimeout);
        QCOMPARE(same.pages()->currentWidget(), same.messageLabel());
        QVERIFY(
            same.messageLabel()->text().startsWith(QStringLiteral("Both versions are the same")));
        // A path neither side has.
        shown.clear();
        same.compare(side, side, QStringLiteral("etc/missing"));
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), kTimeout);
        QVERIFY(same.messageLabel()->text().contains(QStringLiteral("/etc/missing")));
    }

    // Compare two images, select the changed config, Show Differences.
    void fromTheCompareWindow()
    {
        CompareWindow window;
        QSignalSpy ready(&window, &CompareWindow::comparisonReady);
        window.openLocations(m_older, m_archive);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), kTimeout);
        QTreeView *tree = window.treeView();
        auto *show = window.findChild<QPushButton *>(QStringLiteral("showDifferences"));
        QVERIFY(show && !show->isEnabled());
        tree->expandAll();
        QModelIndex nginx;
        const std::function<void(const QModelIndex &)> find = [&](const QModelIndex &parent) {
            for (int row = 0; row < window.treeModel()->rowCount(parent); ++row) {
                const QModelIndex index = window.treeModel()->index(row, 0, parent);
                if (index.data().toString() == QLatin1String("nginx.conf"))
                    nginx = index;
                find(index);
            }
        };
        find({});
        QVERIFY(nginx.isValid());
        tree->setCurrentIndex(nginx);
        QVERIFY(show->isEnabled());
        show->click();
        FileDiffWindow *diff = waitForWindow(&window);
        QVERIFY(diff);
        QVERIFY(diff->findChild<QLabel *>(QStringLiteral("diffSides"))
                    ->text()
                    .contains(QStringLiteral("filediff-old:1, layer 0")));
        const GnuDiff gnu = gnuDiff(m_dir, config(0), config(1));
        QCOMPARE(rowsOfKind(diff->diffView()->leftEdit(), Kind::Removed), gnu.removed);
        QCOMPARE(rowsOfKind(diff->diffView()->rightEdit(), Kind::Added), gnu.added);
        // A directory has no lines to compare.
        tree->setCurrentIndex(nginx.parent());
        QVERIFY(!show->isEnabled());
    }

    // Which files get which colours, by name.
    void highlighterByName()
    {
        QTextDocument document;
        const auto kind = [&](const QString &path) -> QString {
            for (QSyntaxHighlighter *h : document.findChildren<QSyntaxHighlighter *>())
                delete h;
            QSyntaxHighlighter *h = createHighlighterFor(path, &document);
            return h ? QString::fromLatin1(h->metaObject()->className()) : QString();
        };
        QCOMPARE(kind(QStringLiteral("etc/docker/daemon.json")),
                 QStringLiteral("strata::JsonHighlighter"));
        QCOMPARE(kind(QStringLiteral("app/Dockerfile")),
                 QStringLiteral("strata::DockerfileHighlighter"));
        QCOMPARE(kind(QStringLiteral("etc/ssh/sshd_config")),
                 QStringLiteral("strata::ConfigHighlighter"));
        QCOMPARE(kind(QStringLiteral("srv/app/settings.yaml")),
                 QStringLiteral("strata::ConfigHighlighter"));
        QCOMPARE(kind(QStringLiteral("usr/share/app/index.html")),
                 QStringLiteral("strata::ConfigHighlighter"));
        QCOMPARE(kind(QStringLiteral("usr/bin/python3")), QString());

        // XML: a comment over two lines, a tag, an attribute, its value.
        document.setPlainText(QStringLiteral("<!-- one\ntwo -->\n<server port=\"8080\"/>"));
        auto *markup = new ConfigHighlighter(&document, ConfigHighlighter::Syntax::Markup);
        markup->rehighlight();
        const SyntaxColors colors = syntaxColors(QGuiApplication::palette());
        QVERIFY(hasForeground(document.findBlockByNumber(1), colors.comment));
        QVERIFY(hasForeground(document.findBlockByNumber(2), colors.keyword));
        QVERIFY(hasForeground(document.findBlockByNumber(2), colors.variable));
        QVERIFY(hasForeground(document.findBlockByNumber(2), colors.string));
        QVERIFY(!hasForeground(document.findBlockByNumber(2), colors.comment));
    }
};

QTEST_MAIN(TestFileDiffWindow)
#include "tst_filediffwindow.moc"

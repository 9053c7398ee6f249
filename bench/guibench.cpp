// strata-bench-gui ARCHIVE [PATHS]: what a user of the app waits for, on a real main window
// (offscreen unless QT_QPA_PLATFORM says otherwise). Prints one "name value unit" line each:
//   first_paint_ms    the layer stack painted with the image's layers (metadata read)
//   tree_ready_ms     the merged tree of the top layer on screen
//   load_max_gap_ms   the longest the GUI thread went without serving a 5 ms heartbeat timer
//                     while loading (opening to tree ready)
//   expand_ms         expanding var/wide (the synthetic image's 100,000-entry directory) and
//                     painting the view
//   switch_layer_ms   selecting the layer below the top until its tree is on screen, and back
//   filter_ms         a name filter over every path until its result is on screen
//   ops_max_gap_ms    the longest heartbeat gap during the three operations above
//   rss_growth_at_tree_ready_kb  peak RSS (VmHWM) growth when the tree appears, before the
//                     efficiency analysis and the digest check start
//   rss_growth_kb     peak RSS (VmHWM) minus the peak before the archive was opened
//   tree_ready_bytes_per_path, bytes_per_path  the two growths * 1024 / PATHS, when PATHS is given

#include "common/allocator.h"
#include "models/filetreemodel.h"
#include "models/imageloader.h"
#include "panes/filetreepane.h"
#include "panes/imagepage.h"
#include "panes/imagetab.h"
#include "views/layerstackview.h"
#include "windows/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>

using namespace strata;

namespace {

qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Counts the longest interval between two ticks of a fast timer on the GUI thread.
class Heartbeat final : public QObject
{
public:
    Heartbeat()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this,
                [this] { m_maxGap = std::max(m_maxGap, m_clock.restart()); });
    }
    void start()
    {
        m_maxGap = 0;
        m_clock.start();
        m_timer.start();
    }
    qint64 stop()
    {
        m_timer.stop();
        return std::max(m_maxGap, m_clock.elapsed());
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_maxGap = 0;
};

// Runs the event loop until `done` holds or `timeoutMs` passes; false on timeout. Sleeps
// between events (a busy loop would take a core from the work being measured).
template <typename Done> bool waitFor(Done done, int timeoutMs = 600000)
{
    QElapsedTimer clock;
    clock.start();
    QTimer wake; // so that `done` is looked at even when nothing else happens
    wake.start(5);
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

void print(const char *name, double value, const char *unit)
{
    std::printf("%s %.1f %s\n", name, value, unit);
    std::fflush(stdout);
}

// Paint events of the layer stack once it shows layers: the first one is "first paint".
class FirstPaint final : public QObject
{
public:
    explicit FirstPaint(const QElapsedTimer &clock) : m_clock(clock) {}
    qint64 at = -1;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *stack = qobject_cast<LayerStackView *>(watched);
        if (at < 0 && stack && event->type() == QEvent::Paint && stack->layerCount() > 0)
            at = m_clock.elapsed();
        return false;
    }

private:
    const QElapsedTimer &m_clock;
};

} // namespace

int main(int argc, char *argv[])
{
    strata::tuneAllocator();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fputs("usage: strata-bench-gui ARCHIVE [PATHS]\n", stderr);
        return 2;
    }
    const qint64 paths = args.value(2).toLongLong();

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QCoreApplication::processEvents();
    const qint64 rssBefore = peakRssKb();

    Heartbeat heartbeat;
    QElapsedTimer clock;
    FirstPaint firstPaint(clock);
    heartbeat.start();
    clock.start();
    ImageTab *tab = window.openPath(args[1], false);
    if (!tab) {
        std::fputs("strata-bench-gui: the archive did not open\n", stderr);
        return 1;
    }
    ImagePage *page = nullptr;
    // The page appears once the archive is open (a multi-image archive would ask first).
    if (!waitFor([&] { return (page = tab->page()) != nullptr; }))
        return 1;
    page->layerStack()->installEventFilter(&firstPaint);
    FileTreePane *pane = page->treePane();
    QSignalSpy shown(pane, &FileTreePane::snapshotShown);
    if (!waitFor([&] {
            // A registry's layers wait to be asked for: ask for all, as Fetch All Layers does.
            if (tab->loader()->state() == ImageLoader::State::Waiting)
                page->fetchAllLayers();
            return !shown.isEmpty() && tab->loader()->state() == ImageLoader::State::Loaded;
        })) {
        std::fputs("strata-bench-gui: the tree never appeared\n", stderr);
        return 1;
    }
    const qint64 treeReady = clock.elapsed();
    const qint64 treeReadyRss = peakRssKb() - rssBefore;
    waitFor([&] { return firstPaint.at >= 0; }, 5000);
    const qint64 loadGap = heartbeat.stop();
    print("first_paint_ms", double(firstPaint.at), "ms");
    print("tree_ready_ms", double(treeReady), "ms");
    print("load_max_gap_ms", double(loadGap), "ms");
    print("rss_growth_at_tree_ready_kb", double(treeReadyRss), "kB");
    if (paths > 0)
        print("tree_ready_bytes_per_path", double(treeReadyRss) * 1024.0 / double(paths), "B");

    if (qEnvironmentVariableIsSet("STRATA_BENCH_SETTLE_MS"))
        waitFor([] { return false; }, qEnvironmentVariableIntValue("STRATA_BENCH_SETTLE_MS"));
    heartbeat.start();
    QTreeView *view = pane->view();
    const QModelIndex wide = pane->model()->indexOfPath(QStringLiteral("var/wide"));
    if (wide.isValid()) {
        clock.restart();
        view->expand(wide);
        view->viewport()->repaint();
        print("expand_ms", double(clock.elapsed()), "ms");
        print("expand_rows", double(pane->model()->rowCount(wide)), "rows");
        view->collapse(wide);
    }

    const int top = page->currentLayer();
    if (top > 0) {
        shown.clear();
        clock.restart();
        page->selectLayer(top - 1);
        waitFor([&] { return !shown.isEmpty() && !pane->isBusy(); });
        const qint64 down = clock.elapsed();
        shown.clear();
        clock.restart();
        page->selectLayer(top);
        waitFor([&] { return !shown.isEmpty() && !pane->isBusy(); });
        print("switch_layer_ms", double(std::max(down, clock.elapsed())), "ms");
    }

    shown.clear();
    clock.restart();
    pane->setFilterText(QStringLiteral("file12345*"));
    waitFor([&] { return !shown.isEmpty() && !pane->isBusy(); });
    print("filter_ms", double(clock.elapsed()), "ms");
    print("ops_max_gap_ms", double(heartbeat.stop()), "ms");

    const qint64 growth = peakRssKb() - rssBefore;
    print("rss_growth_kb", double(growth), "kB");
    if (paths > 0)
        print("bytes_per_path", double(growth) * 1024.0 / double(paths), "B");
    return 0;
}

// strata-bench-engine: how long the engine browser takes to list what the engines hold, on a
// real EngineBrowser (offscreen unless QT_QPA_PLATFORM says otherwise), with the engines found
// as the app finds them (DOCKER_HOST, the settings, the usual sockets). Prints:
//   browser_listing_ms  a browser opened before any engine was asked (the app's first look):
//                       from asking the engines until both tables show their rows
//   browser_open_ms     a second browser opened on what the engines were found to hold (as
//                       File > Open from Engine after the start page has looked): until its
//                       tables show their rows
//   images, containers  the rows shown

#include "models/enginemonitor.h"
#include "windows/enginebrowser.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTableView>
#include <QTimer>

#include <cstdio>

using namespace strata;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    EngineMonitor monitor;
    QElapsedTimer clock;
    clock.start();
    EngineBrowser browser(&monitor); // asks the engines
    browser.show();
    QObject::connect(&monitor, &EngineMonitor::changed, &app, [&] {
        // The browser fills its tables on the same signal; the queued call runs after it.
        QTimer::singleShot(0, &app, [&] {
            std::printf("browser_listing_ms %lld\n", static_cast<long long>(clock.elapsed()));
            clock.restart();
            EngineBrowser second(&monitor);
            second.show();
            QCoreApplication::processEvents();
            std::printf("browser_open_ms %lld\n", static_cast<long long>(clock.elapsed()));
            std::printf("images %d\ncontainers %d\n", second.imagesView()->model()->rowCount(),
                        second.containersView()->model()->rowCount());
            app.quit();
        });
    });
    QTimer::singleShot(60000, &app, [&] { app.exit(1); });
    return app.exec();
}

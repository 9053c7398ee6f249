#include "commandline.h"
#include "common/allocator.h"
#include "windows/language.h"
#include "windows/mainwindow.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>

int main(int argc, char *argv[])
{
    strata::tuneAllocator();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Strata"));
    QApplication::setOrganizationDomain(QStringLiteral("strata.github.io"));
    QApplication::setApplicationName(QStringLiteral("Strata"));
    QApplication::setApplicationDisplayName(QStringLiteral("Strata"));
    QApplication::setApplicationVersion(QStringLiteral(STRATA_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.strata.Strata"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/strata.svg")));
    strata::language::install(&app, strata::language::storedChoice());

    const strata::CommandLine command = strata::parseCommandLine(app);
    if (!command.ok) {
        std::fprintf(stderr, "strata: %s\n", qPrintable(command.errorText));
        return 2;
    }

    strata::MainWindow window;
    if (command.compare.size() == 2) {
        window.openComparison(command.compare.at(0), command.compare.at(1));
        for (const QString &path : command.compare)
            window.openPath(path);
    } else if (command.paths.isEmpty()) {
        window.openDemo();
    }
    // --reuse reads the archives in the Reuse window only: tabs would read them a second time.
    if (!command.reuse) {
        for (const QString &path : command.paths)
            window.openPath(path);
    }
    window.show();
    if (command.reuse)
        window.openReuse(command.paths);
    return app.exec();
}

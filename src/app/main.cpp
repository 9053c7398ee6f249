#include "archive/bytesource.h"
#include "commandline.h"
#include "common/allocator.h"
#include "windows/language.h"
#include "windows/mainwindow.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>
#include <memory>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Strata"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("strata.github.io"));
    QCoreApplication::setApplicationName(QStringLiteral("Strata")); // names the settings file too
    QCoreApplication::setApplicationVersion(QStringLiteral(STRATA_VERSION));
}

// The command line, read before any window system is touched: `strata --help` and
// `strata --version` answer on a machine without a display.
strata::CommandLine readCommandLine(int argc, char *argv[])
{
    QCoreApplication core(argc, argv);
    describeApplication();
    strata::language::install(&core, strata::language::storedChoice());
    return strata::parseCommandLine(QCoreApplication::arguments());
}

} // namespace

int main(int argc, char *argv[])
{
    strata::tuneAllocator();
    const strata::CommandLine command = readCommandLine(argc, argv);
    switch (command.action) {
    case strata::CommandLine::Action::ShowHelp:
    case strata::CommandLine::Action::ShowVersion:
        std::fputs(qPrintable(command.text), stdout);
        return 0;
    case strata::CommandLine::Action::Fail:
        std::fprintf(stderr, "strata: %s\n", qPrintable(command.text));
        return 2;
    case strata::CommandLine::Action::Run:
        break;
    }

    QApplication app(argc, argv);
    strata::useUtf8Names();
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Strata"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.strata.Strata"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/strata.svg")));
    strata::language::install(&app, strata::language::storedChoice());

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
    if (command.lessonStep >= 0)
        window.startLesson(command.lessonStep);
    return app.exec();
}

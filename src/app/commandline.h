#pragma once

#include <QStringList>

class QCoreApplication;

namespace strata {

// What `strata [FILE|DIR]...` was asked to do.
struct CommandLine
{
    QStringList paths;   // archives and directories to open, each in a tab
    QStringList compare; // --compare A B
    bool reuse = false;  // --reuse: the Reuse window over every path given
    bool ok = true;
    QString errorText; // when !ok
};

// Parses the arguments; --help and --version print and exit as QCommandLineParser does.
CommandLine parseCommandLine(const QCoreApplication &app);

} // namespace strata

#pragma once

#include <QStringList>

class QCoreApplication;

namespace strata {

// What `strata [FILE|DIR]...` was asked to do.
struct CommandLine
{
    QStringList paths;   // archives and directories to open, each in a tab
    QStringList compare; // --compare A B (not implemented yet: opens both)
    bool ok = true;
    QString errorText;   // when !ok
};

// Parses the arguments; --help and --version print and exit as QCommandLineParser does.
CommandLine parseCommandLine(const QCoreApplication &app);

} // namespace strata

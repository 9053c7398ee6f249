#pragma once

#include <QStringList>

namespace strata {

// What `strata [LOCATION]...` was asked to do.
struct CommandLine
{
    enum class Action
    {
        Run,
        ShowHelp,
        ShowVersion,
        Fail
    };
    Action action = Action::Run;
    QString text;        // the help, the version or the error, for ShowHelp, ShowVersion and Fail
    QStringList paths;   // archives and directories to open, each in a tab
    QStringList compare; // --compare A B
    bool reuse = false;  // --reuse: the Reuse window over every path given
    int lessonStep = -1; // --lesson [--lesson-step N]: the lesson from step N (from 0)
};

// Parses the arguments (the first is the program). Needs only a QCoreApplication, so that
// --help and --version answer without a display.
CommandLine parseCommandLine(const QStringList &arguments);

} // namespace strata

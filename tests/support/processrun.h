#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace strata::testing {

// A program a test ran and what it said. `code` is -1 when it did not start, crashed or ran
// past the timeout (it is killed then).
struct ProcessRun
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

inline ProcessRun runProcess(const QString &program, const QStringList &arguments,
                             const QString &workingDir = {},
                             const QProcessEnvironment &environment = {})
{
    QProcess process;
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(300000)) {
        process.kill();
        process.waitForFinished();
        return {-1, process.readAllStandardOutput(), process.readAllStandardError()};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

// strata-cli as built with the tests (CTest passes its path in STRATA_CLI).
inline ProcessRun runCli(const QStringList &arguments, const QString &workingDir = {})
{
    return runProcess(qEnvironmentVariable("STRATA_CLI"), arguments, workingDir);
}

} // namespace strata::testing

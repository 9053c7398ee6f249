#pragma once

#include <QStringList>

// One function per strata-cli command, one file each in this folder. `arguments[0]` is the
// program name, the command word already taken out; each returns an ExitCode (output.h).
namespace strata::cli {

int runImages(const QStringList &arguments);     // imagescommand.cpp
int runInspect(const QStringList &arguments);    // inspectcommand.cpp
int runHistory(const QStringList &arguments);    // historycommand.cpp
int runTree(const QStringList &arguments);       // treecommand.cpp
int runVerify(const QStringList &arguments);     // verifycommand.cpp
int runDiff(const QStringList &arguments);       // diffcommand.cpp
int runEfficiency(const QStringList &arguments); // efficiencycommand.cpp
int runFindings(const QStringList &arguments);   // findingscommand.cpp
int runCi(const QStringList &arguments);         // cicommand.cpp
int runReuse(const QStringList &arguments);      // reusecommand.cpp
int runContainers(const QStringList &arguments); // containerscommand.cpp
int runExport(const QStringList &arguments);     // exportcommand.cpp
int runCat(const QStringList &arguments);        // catcommand.cpp
int runPackages(const QStringList &arguments);   // packagescommand.cpp

} // namespace strata::cli

#include "clicommands.h"
#include "common/allocator.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    strata::tuneAllocator();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("strata-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STRATA_VERSION));
    return strata::cli::run(QCoreApplication::arguments());
}

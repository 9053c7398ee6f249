#include "archive/bytesource.h"
#include "cli.h"
#include "common/allocator.h"

#include <QCoreApplication>
#include <QLocale>

int main(int argc, char *argv[])
{
    strata::tuneAllocator();
    QCoreApplication app(argc, argv);
    strata::useUtf8Names();
    QCoreApplication::setApplicationName(QStringLiteral("strata-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STRATA_VERSION));
    // Output that scripts read looks the same in every environment: "8.6 kB", never "8,6 kB".
    QLocale::setDefault(QLocale::c());
    return strata::cli::run(QCoreApplication::arguments());
}

// strata-make-demo-image OUT.tar [REUSE.tar]: writes the demo image as `docker save` (Docker
// 24) would, and the Reuse demo's three images as one `docker save a b c` archive.

#include "demoimages.h"

#include <QString>

#include <cstdio>

int main(int argc, char *argv[])
{
    if (argc != 2 && argc != 3) {
        std::fprintf(stderr, "usage: %s OUT.tar [REUSE.tar]\n", argv[0]);
        return 2;
    }
    strata::imagewriter::WriteOptions options;
    options.layout = strata::imagewriter::Layout::DockerLegacy;
    QString error;
    if (!strata::imagewriter::writeArchive(QString::fromLocal8Bit(argv[1]),
                                           {strata::demo::demoImage()}, options, &error)) {
        std::fprintf(stderr, "%s: %s\n", argv[0], qPrintable(error));
        return 1;
    }
    if (argc == 3 &&
        !strata::imagewriter::writeArchive(QString::fromLocal8Bit(argv[2]),
                                           strata::demo::demoReuseImages(), options, &error)) {
        std::fprintf(stderr, "%s: %s\n", argv[0], qPrintable(error));
        return 1;
    }
    return 0;
}

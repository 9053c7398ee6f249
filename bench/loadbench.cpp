// Times what a user waits for: opening an archive, indexing every layer, and the merged tree
// of every layer (each layer's merge, as switching layers in the app needs them).
// Usage: strata-bench-load ARCHIVE [REF]   prints "open_ms index_ms merge_ms total_ms paths"
//        strata-bench-load --packages ARCHIVE  after the layers are indexed, the package
//        databases of every layer as the Packages tab reads them: prints "packages_ms packages"

#include "archive/imagearchive.h"
#include "common/allocator.h"
#include "packages/imagepackages.h"
#include "tree/overlaymerge.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace strata;

int main(int argc, char *argv[])
{
    strata::tuneAllocator();
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    const bool packages = args.removeAll(QStringLiteral("--packages")) > 0;
    if (args.size() < 2) {
        fputs("usage: strata-bench-load [--packages] ARCHIVE [REF]\n", stderr);
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    Error error;
    const auto archive = ImageArchive::open(args[1], &error);
    if (!archive) {
        fprintf(stderr, "%s\n", qPrintable(error.toString()));
        return 2;
    }
    const int image = archive->findImage(args.size() > 2 ? args[2] : QString(), &error);
    if (image < 0) {
        fprintf(stderr, "%s\n", qPrintable(error.toString()));
        return 2;
    }
    const qint64 opened = timer.nsecsElapsed();
    const auto layers = archive->loadLayers(image, LoadObserver{}, &error);
    const qint64 indexed = timer.nsecsElapsed();
    if (packages) {
        const ImagePackages read = readImagePackages(*archive, image, layers);
        if (read.error) {
            fprintf(stderr, "%s\n", qPrintable(read.error.toString()));
            return 2;
        }
        printf("%.1f %zu\n", (timer.nsecsElapsed() - indexed) / 1e6,
               read.layers.empty() ? size_t(0) : read.layers.back().packages.size());
        return 0;
    }
    uint32_t paths = 0;
    for (int top = 0; top < int(layers.size()); ++top)
        paths = mergeLayers(layers, top).nodeCount() - 1;
    const qint64 merged = timer.nsecsElapsed();
    printf("%.1f %.1f %.1f %.1f %u\n", opened / 1e6, (indexed - opened) / 1e6,
           (merged - indexed) / 1e6, merged / 1e6, paths);
    return 0;
}

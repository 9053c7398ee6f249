// Writes a synthetic image for the benchmarks: PATHS paths spread over LAYERS layers, many small
// files in deep trees, each upper layer overwriting and deleting some lower paths (whiteouts and
// an opaque directory), in the chosen layout and layer compression. The first tenth of the files
// share one directory, var/wide (100,000 entries in the 1M-path image), for the GUI's "expand a
// huge directory" case.
// Usage: strata-bench-synthetic OUT PATHS LAYERS none|gzip|zstd [docker|oci|podman|docker25]
#include "imagewriter/imagewriter.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <string>

namespace iw = strata::imagewriter;

namespace {
std::string dirFor(int i)
{
    // 3 levels of 32-way fan-out, then the file: deep enough to exercise path handling.
    return "usr/share/d" + std::to_string(i % 32) + "/e" + std::to_string((i / 32) % 32) + "/f" +
           std::to_string((i / 1024) % 32);
}

iw::Image synthesize(int paths, int layers)
{
    iw::Image image;
    image.tags = {QStringLiteral("bench/synthetic:%1").arg(paths)};
    const int perLayer = paths / layers;
    int next = 0;
    for (int l = 0; l < layers; ++l) {
        iw::Layer layer;
        layer.entries.reserve(size_t(perLayer) + 64);
        for (int i = 0; i < perLayer; ++i, ++next) {
            const int n = next;
            const std::string dir = n < paths / 10 ? std::string("var/wide") : dirFor(n);
            layer.entries.push_back(
                iw::Entry::file(dir + "/file" + std::to_string(n) + ".txt",
                                QByteArray(n % 7 == 0 ? 300 : 40, char('a' + n % 26))));
        }
        if (l > 0) {
            // Overwrite and delete a few of the previous layer's files, and hide one directory.
            for (int k = 0; k < 50; ++k) {
                const int victim = (l - 1) * perLayer + k * 13 % perLayer;
                const std::string dir =
                    victim < paths / 10 ? std::string("var/wide") : dirFor(victim);
                const std::string path = dir + "/file" + std::to_string(victim) + ".txt";
                layer.entries.push_back(k % 2 ? iw::Entry::whiteout(path)
                                              : iw::Entry::file(path, "changed"));
            }
            layer.entries.push_back(
                iw::Entry::opaque("usr/share/d" + std::to_string(l % 32) + "/e31"));
        }
        image.layers.push_back(std::move(layer));
        image.history.push_back(
            {QStringLiteral("/bin/sh -c generate layer %1").arg(l), false, {}, {}, {}});
    }
    return image;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 5) {
        fputs("usage: strata-bench-synthetic OUT PATHS LAYERS none|gzip|zstd "
              "[docker|oci|podman|docker25]\n",
              stderr);
        return 2;
    }
    iw::WriteOptions options;
    const QString compression = args[4];
    options.layerCompression = compression == QLatin1String("gzip")   ? iw::Compression::Gzip
                               : compression == QLatin1String("zstd") ? iw::Compression::Zstd
                                                                      : iw::Compression::None;
    const QString layout = args.size() > 5 ? args[5] : QStringLiteral("oci");
    options.layout = layout == QLatin1String("docker")     ? iw::Layout::DockerLegacy
                     : layout == QLatin1String("podman")   ? iw::Layout::PodmanDockerArchive
                     : layout == QLatin1String("docker25") ? iw::Layout::Docker25
                                                           : iw::Layout::OciArchive;
    QString error;
    if (!iw::writeArchive(args[1], {synthesize(args[2].toInt(), args[3].toInt())}, options,
                          &error)) {
        fprintf(stderr, "strata-bench-synthetic: %s\n", qPrintable(error));
        return 1;
    }
    return 0;
}

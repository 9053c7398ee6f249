// Format detection and manifest/index/config parsing, then everything a user can make Strata
// do with the archive: the input is a whole (possibly compressed) image archive.
#include "archive/imagearchive.h"
#include "tree/overlaymerge.h"

#include <sys/mman.h>
#include <unistd.h>

using namespace strata;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // libarchive and the core read files: hand them one that lives in memory.
    static const int fd = memfd_create("strata-fuzz", 0);
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != ssize_t(size))
        return 0;
    const QString path = QStringLiteral("/proc/self/fd/") + QString::number(fd);
    Error error;
    const auto archive = ImageArchive::open(path, &error);
    if (!archive)
        return 0;
    for (int i = 0; i < int(archive->images().size()) && i < 4; ++i) {
        const auto layers = archive->loadLayers(i, LoadObserver{}, &error);
        const FileTree merged = mergeLayers(layers, int(layers.size()) - 1);
        archive->verifyLayers(i);
        if (merged.nodeCount() > 1 && !layers.empty())
            archive->readFile(i, int(layers.size()) - 1, QString::fromStdString(merged.path(1)),
                              4096, &error);
    }
    return 0;
}

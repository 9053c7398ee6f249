#include "commands/commands.h"
#include "common/paths.h"
#include "extract/treeexport.h"
#include "loadedimage.h"
#include "tree/overlaymerge.h"

#include <cstdio>

namespace strata::cli {

namespace {

// Why `path` is not a file to print as of `layer`, in words that say what to do instead.
QString whyNotAFile(LayerList layers, int layer, const std::string &path)
{
    const QString shown = QLatin1Char('/') + QString::fromStdString(path);
    const int holding = layerHolding(layers, layer, path);
    if (holding < 0)
        return QStringLiteral("%1 is not in the filesystem as of layer %2").arg(shown).arg(layer);
    return QStringLiteral("%1 is not in the filesystem as of layer %2: layer %3 deleted it "
                          "(--layer %4 still has it)")
        .arg(shown)
        .arg(layer)
        .arg(holding + 1)
        .arg(holding);
}

} // namespace

int runCat(const QStringList &arguments)
{
    LoadedImage command(
        QStringLiteral("Writes one file of the merged filesystem as of a layer to standard "
                       "output, streamed from the layer its visible copy comes from."),
        QStringLiteral("path"), QStringLiteral("The file, as the image has it (/etc/os-release)."));
    command.addLayerOption();
    QString usageError;
    if (!command.parse(arguments, &usageError))
        return fail(usageError);
    Error error;
    if (!command.open(&error))
        return fail(error);
    int layer = 0;
    if (!command.layerValue(&layer, &usageError))
        return fail(usageError);
    std::string path;
    if (!cleanPath(command.argument().toStdString(), &path) || path.empty())
        return fail(QStringLiteral("PATH must name a file inside the image"));
    if (!command.load(&error))
        return fail(error);
    MergedEntry entry = findMerged(command.layers, layer, path);
    // A symlink is followed inside the image, as cat follows it on the running container: an
    // absolute target starts at the image's root.
    for (int hop = 0; entry && entry.attrs().type == FileType::Symlink && hop < 8; ++hop) {
        const std::string_view target = entry.tree->linkTarget(entry.node);
        const std::string joined = target.starts_with('/') ? std::string(target)
                                                           : std::string(splitParent(path).first) +
                                                                 '/' + std::string(target);
        std::string next;
        cleanPath(joined, &next);
        const MergedEntry followed = findMerged(command.layers, layer, next);
        if (!followed)
            break;
        path = std::move(next);
        entry = followed;
    }
    if (!entry)
        return fail(whyNotAFile(command.layers, layer, path));
    const FileType type = entry.attrs().type;
    if (type == FileType::Directory)
        return fail(QStringLiteral("/%1 is a directory (strata-cli export --path writes one)")
                        .arg(QString::fromStdString(path)));
    if (type == FileType::Symlink)
        return fail(QStringLiteral("/%1 is a symlink to %2")
                        .arg(QString::fromStdString(path),
                             QString::fromUtf8(entry.tree->linkTarget(entry.node))));
    if (type != FileType::Regular && type != FileType::Hardlink)
        return fail(QStringLiteral("/%1 is a device or a fifo, which has no bytes to print")
                        .arg(QString::fromStdString(path)));
    const bool read = command.source->streamFile(
        command.image, int(entry.treeLayer), QString::fromStdString(path),
        [](const char *data, qint64 size) {
            return fwrite(data, 1, size_t(size), stdout) == size_t(size);
        },
        &error);
    fflush(stdout);
    if (!read)
        return fail(error);
    return command.reportProblems();
}

} // namespace strata::cli

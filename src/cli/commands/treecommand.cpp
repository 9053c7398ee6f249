#include "commands/commands.h"
#include "loadedimage.h"
#include "report/treereport.h"
#include "tree/overlaymerge.h"

#include <cstdio>

namespace strata::cli {

int runTree(const QStringList &arguments)
{
    LoadedImage command(QStringLiteral(
        "The merged filesystem as of a layer, one line per path (path type size mode link layer), "
        "or only the changes the layer makes."));
    command.addLayerOption();
    command.parser.addOption(
        {QStringLiteral("diff"), QStringLiteral("Only the changes the layer makes.")});
    command.parser.addOption(
        {QStringLiteral("since"),
         QStringLiteral("With --diff: what the layers after N up to --layer change together."),
         QStringLiteral("n")});
    FormatOption format({QStringLiteral("tsv"), QStringLiteral("json")});
    format.addTo(command.parser);
    QString usageError;
    if (!command.parse(arguments, &usageError) || !format.read(command.parser, &usageError))
        return fail(usageError);
    Error error;
    if (!command.open(&error))
        return fail(error);
    int layer = 0;
    if (!command.layerValue(&layer, &usageError))
        return fail(usageError);
    int since = -1;
    if (command.parser.isSet(QStringLiteral("since"))) {
        bool ok = false;
        since = command.parser.value(QStringLiteral("since")).toInt(&ok);
        if (!command.parser.isSet(QStringLiteral("diff")))
            return fail(QStringLiteral("--since goes with --diff"));
        if (!ok || since < 0 || since >= layer)
            return fail(
                QStringLiteral("--since must be a layer below --layer (0 to %1)").arg(layer - 1));
    }
    if (!command.load(&error))
        return fail(error);
    const auto &layers = command.layers;
    if (since >= 0) {
        const TreeDiff diff =
            TreeDiff::compare(std::make_shared<const FileTree>(mergeLayers(layers, since)),
                              std::make_shared<const FileTree>(mergeLayers(layers, layer)));
        writeOut(format.is("json") ? rangeChangesJson(diff, layers, since, layer)
                                   : rangeChangesTsv(diff, layers));
    } else if (command.parser.isSet(QStringLiteral("diff"))) {
        const FileTree lower = layer > 0 ? mergeLayers(layers, layer - 1) : FileTree();
        const FileTree &own = layers[size_t(layer)]->tree;
        writeOut(format.is("json") ? layerChangesJson(own, layer, layer > 0 ? &lower : nullptr)
                                   : layerChangesTsv(own, layer, layer > 0 ? &lower : nullptr));
    } else if (format.is("json")) {
        writeOut(mergedTreeJson(mergeLayers(layers, layer), layers, layer));
    } else {
        // Streamed from the layer trees: a merged tree and every line at once would take
        // several times the memory of the layers themselves.
        writeMergedTreeTsv(layers, layer, [](std::string_view chunk) {
            fwrite(chunk.data(), 1, chunk.size(), stdout);
        });
        fflush(stdout);
    }
    return command.reportProblems();
}

} // namespace strata::cli

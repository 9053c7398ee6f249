#include "commands/commands.h"
#include "common/datasize.h"
#include "common/paths.h"
#include "extract/exportdestination.h"
#include "extract/treeexport.h"
#include "loadedimage.h"

namespace strata::cli {

int runExport(const QStringList &arguments)
{
    LoadedImage command(
        QStringLiteral("Writes the merged filesystem as of a layer, or one path of it, as a tar "
                       "(like crane export) or into a new folder."));
    command.addLayerOption();
    command.parser.addOption(
        {QStringLiteral("path"),
         QStringLiteral("Only this path and what is below it, named from its last component "
                        "as docker cp names it."),
         QStringLiteral("path")});
    command.parser.addOption(
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("OUT.tar, - for a tar on standard output, or a folder that does not "
                        "exist yet or is empty. Nothing that exists is overwritten."),
         QStringLiteral("out")});
    QString usageError;
    if (!command.parse(arguments, &usageError))
        return fail(usageError);
    const QString out = command.parser.value(QStringLiteral("output"));
    if (out.isEmpty())
        return fail(QStringLiteral("-o OUT.tar, -o - or -o FOLDER says where the export goes"));
    Error error;
    if (!command.open(&error))
        return fail(error);
    ExportRequest request;
    request.image = command.image;
    if (!command.layerValue(&request.top, &usageError))
        return fail(usageError);
    if (!cleanPath(command.parser.value(QStringLiteral("path")).toStdString(), &request.path))
        return fail(QStringLiteral("--path must stay inside the image"));
    if (!command.load(&error))
        return fail(error);
    const bool tar = out == QLatin1String("-") || out.endsWith(QLatin1String(".tar"));
    const auto destination = tar ? ExportDestination::tarFile(out, false, &error)
                                 : ExportDestination::folder(out, &error);
    if (!destination)
        return fail(error);
    ExportSummary summary;
    if (!exportTree(*command.source, command.layers, request, *destination, ExportObserver{},
                    &summary, &error))
        return fail(error);
    if (summary.leftOut > 0)
        warn(QStringLiteral("%1 device node(s) left out, which only a tar can hold: %2")
                 .arg(summary.leftOut)
                 .arg(summary.leftOutPaths.join(QStringLiteral(", "))));
    if (out != QLatin1String("-"))
        fprintf(stderr, "%s\n",
                qPrintable(QStringLiteral("%1 entries, %2 of file data, written to %3")
                               .arg(summary.entries)
                               .arg(formatDataSize(summary.bytes), out)));
    return command.reportProblems();
}

} // namespace strata::cli

#include "analysis/efficiency.h"
#include "commands/commands.h"
#include "imagefindings.h"
#include "loadedimage.h"
#include "report/findingsreport.h"

namespace strata::cli {

int runFindings(const QStringList &arguments)
{
    LoadedImage command(QStringLiteral(
        "What to change in the Dockerfile: package caches, toolchains, secrets, files deleted "
        "later, chmod copies..., each with its bytes, layer, step and fix."));
    FormatOption format(
        {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("markdown")});
    format.addTo(command.parser);
    BaseLayersOption base;
    base.addTo(command.parser);
    QString usageError;
    if (!command.parse(arguments, &usageError) || !format.read(command.parser, &usageError) ||
        !base.read(command.parser, &usageError))
        return fail(usageError);
    Error error;
    if (!command.load(&error))
        return fail(error.toString());
    const EfficiencyReport efficiency = analyzeEfficiency(command.info(), command.layers);
    FindingsReport report;
    if (!imageFindings(command, efficiency, base.firstLayer(command.info()), true, &report, &error))
        return fail(error.toString());
    writeOut(format.is("json")       ? findingsJson(command.info(), efficiency, report)
             : format.is("markdown") ? findingsMarkdown(command.info(), efficiency, report)
                                     : findingsText(command.info(), efficiency, report));
    return command.reportProblems();
}

} // namespace strata::cli

#include "analysis/efficiency.h"
#include "commands/commands.h"
#include "loadedimage.h"
#include "report/efficiencyreport.h"

namespace strata::cli {

int runEfficiency(const QStringList &arguments)
{
    LoadedImage command(QStringLiteral(
        "dive's efficiency figures, the bytes a better build would not ship, and the "
        "inefficient paths with every copy."));
    FormatOption format({QStringLiteral("text"), QStringLiteral("json")});
    format.addTo(command.parser);
    QString usageError;
    if (!command.parse(arguments, &usageError) || !format.read(command.parser, &usageError))
        return fail(usageError);
    Error error;
    if (!command.load(&error))
        return fail(error.toString());
    const EfficiencyReport report = analyzeEfficiency(command.info(), command.layers);
    writeOut(format.is("json") ? efficiencyJson(command.info(), report)
                               : efficiencyText(command.info(), report));
    return command.reportProblems();
}

} // namespace strata::cli

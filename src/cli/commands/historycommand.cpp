#include "commands/commands.h"
#include "loadedimage.h"
#include "report/imagereport.h"

namespace strata::cli {

int runHistory(const QStringList &arguments)
{
    LoadedImage command(QStringLiteral("The image's history, newest step first, like docker "
                                       "history --no-trunc."));
    QString usageError;
    if (!command.parse(arguments, &usageError))
        return fail(usageError);
    Error error;
    if (!command.load(&error))
        return fail(error);
    writeOut(historyText(command.info(), command.layers));
    return command.reportProblems();
}

} // namespace strata::cli

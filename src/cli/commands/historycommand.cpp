#include "commands/commands.h"
#include "engine/enginehistory.h"
#include "engine/engineimagesource.h"
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
    // The engine's own `docker history` must say the same; where it does not, say so.
    if (const auto *engine = dynamic_cast<const EngineImageSource *>(command.source.get())) {
        for (const QString &difference : compareEngineHistory(
                 engine->engineHistory(), engine->version().kind, command.info(), command.layers))
            warn(QStringLiteral("docker history differs: ") + difference);
    }
    return command.reportProblems();
}

} // namespace strata::cli

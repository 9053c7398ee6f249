#include "commands/commands.h"
#include "loadedimage.h"
#include "report/imagereport.h"

namespace strata::cli {

int runInspect(const QStringList &arguments)
{
    LoadedImage command(QStringLiteral("An image's metadata, config and layers."));
    FormatOption format({QStringLiteral("text"), QStringLiteral("json")});
    format.addTo(command.parser);
    QString usageError;
    if (!command.parse(arguments, &usageError) || !format.read(command.parser, &usageError))
        return fail(usageError);
    Error error;
    if (!command.load(&error))
        return fail(error);
    writeOut(format.is("json") ? inspectJson(*command.source, command.image, command.layers)
                               : inspectText(*command.source, command.image, command.layers));
    return command.reportProblems();
}

} // namespace strata::cli

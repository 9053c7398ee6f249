#include "commands/commands.h"
#include "engine/engineimagesource.h"
#include "loadedimage.h"
#include "report/imagereport.h"
#include "report/overlayreport.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace strata::cli {

int runInspect(const QStringList &arguments)
{
    LoadedImage command(QStringLiteral("An image's metadata, config and layers."));
    FormatOption format({QStringLiteral("text"), QStringLiteral("json")});
    format.addTo(command.parser);
    const QCommandLineOption overlay(
        QStringLiteral("overlay"),
        QStringLiteral("An engine's image or container: its folders in the overlay2 store."));
    command.parser.addOption(overlay);
    QString usageError;
    if (!command.parse(arguments, &usageError) || !format.read(command.parser, &usageError))
        return fail(usageError);
    Error error;
    if (!command.load(&error))
        return fail(error);
    const auto *engine = dynamic_cast<const EngineImageSource *>(command.source.get());
    if (command.parser.isSet(overlay) && !engine)
        return fail(QStringLiteral("--overlay needs an engine's image or container "
                                   "(docker://REF, podman://REF)"));
    if (format.is("json")) {
        QByteArray json = inspectJson(*command.source, command.image, command.layers);
        if (command.parser.isSet(overlay)) {
            QJsonObject o = QJsonDocument::fromJson(json).object();
            o[QStringLiteral("overlay")] = overlayJson(engine->overlayFolders());
            json = QJsonDocument(o).toJson();
        }
        writeOut(json);
    } else {
        writeOut(inspectText(*command.source, command.image, command.layers));
        if (command.parser.isSet(overlay))
            writeOut(overlayText(engine->overlayFolders()));
    }
    return command.reportProblems();
}

} // namespace strata::cli

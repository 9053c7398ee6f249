#include "commands/commands.h"
#include "common/datasize.h"
#include "common/textescape.h"
#include "engine/enginelisting.h"
#include "engineoption.h"
#include "output.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace strata::cli {

// Like `docker ps -a -s`: every container of the engine with its read-write layer's size and
// its size with the image's layers.
int runContainers(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Every container of an engine with its sizes, like docker ps -a -s."));
    parser.addPositionalArgument(
        QStringLiteral("engine"),
        QStringLiteral("docker:// or podman:// (with ?host=URL); default: Docker's engine, "
                       "else Podman's."),
        QStringLiteral("[ENGINE]"));
    FormatOption format({QStringLiteral("tsv"), QStringLiteral("json")});
    format.addTo(parser);
    parser.addHelpOption();
    QString usageError;
    if (!parseArguments(parser, arguments, &usageError) || !format.read(parser, &usageError))
        return fail(usageError);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (positional.size() == 1 && !namesWholeEngine(positional[0])))
        return fail(QStringLiteral("expected docker:// or podman:// (see --help)"));
    Error error;
    auto client = engineFor(positional.value(0), &error);
    if (!client)
        return fail(error);
    const auto listing = listEngine(*client, &error);
    if (!listing)
        return fail(error);

    if (format.is("json")) {
        QJsonArray rows;
        for (const EngineContainer &c : listing->containers) {
            rows.append(QJsonObject{{QStringLiteral("id"), c.id},
                                    {QStringLiteral("name"), c.name},
                                    {QStringLiteral("image"), c.image},
                                    {QStringLiteral("imageId"), c.imageId},
                                    {QStringLiteral("command"), c.command},
                                    {QStringLiteral("created"), c.created},
                                    {QStringLiteral("state"), c.state},
                                    {QStringLiteral("status"), c.status},
                                    {QStringLiteral("sizeRw"), c.sizeRw},
                                    {QStringLiteral("sizeRootFs"), c.sizeRootFs}});
        }
        const QJsonObject root{{QStringLiteral("engine"), listing->version.toString()},
                               {QStringLiteral("host"), listing->endpoint.host},
                               {QStringLiteral("containers"), rows}};
        writeOut(QJsonDocument(root).toJson());
        return Ok;
    }
    QByteArray out = "CONTAINER ID\tNAME\tIMAGE\tSTATE\tSTATUS\tSIZE\tVIRTUAL SIZE\n";
    for (const EngineContainer &c : listing->containers) {
        const QStringList cells = {c.id.left(12),
                                   c.name,
                                   c.image,
                                   c.state,
                                   c.status,
                                   formatDataSize(c.sizeRw, SizePrecision::ThreeDigits),
                                   formatDataSize(c.sizeRootFs, SizePrecision::ThreeDigits)};
        QStringList escaped;
        for (const QString &cell : cells)
            escaped << escapeText(cell);
        out += escaped.join(QLatin1Char('\t')).toUtf8() + '\n';
    }
    writeOut(out);
    return Ok;
}

} // namespace strata::cli

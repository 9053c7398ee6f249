#include "commands/commands.h"
#include "loadedimage.h"
#include "packages/imagepackages.h"
#include "report/packagesreport.h"

namespace strata::cli {

int runPackages(const QStringList &arguments)
{
    LoadedImage command(QStringLiteral(
        "The packages of the image (dpkg, apk, rpm, Python, npm, Go binaries): per layer what "
        "it added, removed and upgraded, then those installed as of a layer; or an SBOM."));
    command.addLayerOption();
    FormatOption format(
        {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("cyclonedx")});
    format.addTo(command.parser);
    QString usageError;
    if (!command.parse(arguments, &usageError) || !format.read(command.parser, &usageError))
        return fail(usageError);
    Error error;
    if (!command.open(&error))
        return fail(error);
    int layer = -1;
    if (command.parser.isSet(QStringLiteral("layer")) && !command.layerValue(&layer, &usageError))
        return fail(usageError);
    if (!command.load(&error))
        return fail(error);
    const ImagePackages packages =
        readImagePackages(*command.source, command.image, command.layers);
    if (packages.error)
        return fail(packages.error);
    for (const QString &line : packages.notRead)
        warn(line);
    if (format.is("json"))
        writeOut(packagesJson(command.info(), packages, layer));
    else if (format.is("cyclonedx"))
        writeOut(packagesCycloneDx(command.info(), packages, layer));
    else
        writeOut(packagesText(command.info(), packages, layer));
    return command.reportProblems();
}

} // namespace strata::cli

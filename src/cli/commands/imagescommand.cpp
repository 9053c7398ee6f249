#include "archive/demoimage.h"
#include "commands/commands.h"
#include "common/datasize.h"
#include "output.h"
#include "source/opensource.h"

namespace strata::cli {

namespace {
// "nginx:1.25" is {"nginx", "1.25"}; a name without a tag, or no name, gives "<none>".
std::pair<QString, QString> repositoryAndTag(const QString &name)
{
    const QString none = QStringLiteral("<none>");
    if (name.isEmpty())
        return {none, none};
    const qsizetype colon = name.lastIndexOf(QLatin1Char(':'));
    if (colon <= name.lastIndexOf(QLatin1Char('/')))
        return {name, none};
    return {name.left(colon), name.mid(colon + 1)};
}
} // namespace

// Like `docker images`: one line per image and name, the platform alternatives of an index
// marked.
int runImages(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Every image of a location, like docker images."));
    parser.addPositionalArgument(
        QStringLiteral("location"),
        QStringLiteral("The image archive or directory (default: the demo image)."),
        QStringLiteral("[LOCATION]"));
    parser.addHelpOption();
    QString usageError;
    if (!parseArguments(parser, arguments, &usageError))
        return fail(usageError);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return fail(QStringLiteral("expected one LOCATION (see --help)"));
    Error error;
    const auto source =
        openImageSource(positional.isEmpty() ? demoImagePath() : positional.first(), &error);
    if (!source)
        return fail(error);
    QByteArray out = "REF\tREPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\tPLATFORM\n";
    for (size_t i = 0; i < source->images().size(); ++i) {
        const ImageInfo &image = source->images()[i];
        const QStringList names = image.names.isEmpty() ? QStringList{QString()} : image.names;
        for (const QString &name : names) {
            const auto [repository, tag] = repositoryAndTag(name);
            const QStringList cells = {
                QLatin1Char('@') + QString::number(i),
                repository,
                tag,
                image.shortId(),
                image.created,
                formatDataSize(image.totalBlobSize(), SizePrecision::ThreeDigits),
                image.platform.toString() +
                    (image.otherPlatform ? QStringLiteral(" (other platform)") : QString())};
            out += cells.join(QLatin1Char('\t')).toUtf8() + '\n';
        }
    }
    writeOut(out);
    return Ok;
}

} // namespace strata::cli

#include "archive/demoimage.h"
#include "commands/commands.h"
#include "common/datasize.h"
#include "common/textescape.h"
#include "output.h"
#include "source/opensource.h"

#include <QSet>

#include <algorithm>

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
    // SIZE is what `docker images` shows: the bytes the layers hold. STORED is what the
    // archive holds of them (compressed or not).
    QByteArray out = "REF\tREPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\tSTORED\tPLATFORM\n";
    int code = Ok;
    QSet<const LayerTree *> reported;
    for (size_t i = 0; i < source->images().size(); ++i) {
        const ImageInfo &image = source->images()[i];
        qint64 size = -1;
        if (!image.absent) {
            const auto layers = source->loadLayers(int(i), LoadObserver{}, &error);
            size = 0;
            for (qsizetype l = 0; l < image.layers.size(); ++l)
                size += qMax<qint64>(0, layerDisplaySize(image.layers[l], layers[size_t(l)].get()));
            code = std::max(code, reportProblems(image, layers, &reported));
        }
        const QStringList names = image.names.isEmpty() ? QStringList{QString()} : image.names;
        for (const QString &name : names) {
            const auto [repository, tag] = repositoryAndTag(name);
            const QStringList cells = {
                QLatin1Char('@') + QString::number(i),
                repository,
                tag,
                image.shortId(),
                image.created,
                formatDataSize(size, SizePrecision::ThreeDigits),
                formatDataSize(image.absent ? -1 : image.storedSize(), SizePrecision::ThreeDigits),
                image.platform.toString() + (image.absent ? QStringLiteral(" (not in this archive)")
                                             : image.otherPlatform
                                                 ? QStringLiteral(" (other platform)")
                                                 : QString())};
            QStringList escaped;
            for (const QString &cell : cells)
                escaped << escapeText(cell);
            out += escaped.join(QLatin1Char('\t')).toUtf8() + '\n';
        }
    }
    writeOut(out);
    return code;
}

} // namespace strata::cli

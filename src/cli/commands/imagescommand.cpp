#include "archive/demoimage.h"
#include "commands/commands.h"
#include "common/datasize.h"
#include "common/textescape.h"
#include "engine/enginelisting.h"
#include "engineoption.h"
#include "output.h"
#include "registry/registrylisting.h"
#include "source/opensource.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

QString escapedRow(const QStringList &cells)
{
    QStringList escaped;
    for (const QString &cell : cells)
        escaped << escapeText(cell);
    return escaped.join(QLatin1Char('\t'));
}

// `docker images` with `docker system df -v`'s shared sizes and container counts.
int listEngineImages(const QString &location, bool json)
{
    Error error;
    auto client = engineFor(location, &error);
    if (!client)
        return fail(error);
    const auto listing = listEngine(*client, &error);
    if (!listing)
        return fail(error);
    if (json) {
        QJsonArray rows;
        for (const EngineImage &image : listing->images) {
            rows.append(QJsonObject{
                {QStringLiteral("id"), image.id},
                {QStringLiteral("repoTags"), QJsonArray::fromStringList(image.repoTags)},
                {QStringLiteral("repoDigests"), QJsonArray::fromStringList(image.repoDigests)},
                {QStringLiteral("created"), image.created},
                {QStringLiteral("size"), image.size},
                {QStringLiteral("sharedSize"), image.sharedSize},
                {QStringLiteral("containers"), image.containers},
                {QStringLiteral("dangling"), image.dangling()}});
        }
        const QJsonObject root{{QStringLiteral("engine"), listing->version.toString()},
                               {QStringLiteral("host"), listing->endpoint.host},
                               {QStringLiteral("layersSize"), listing->layersSize},
                               {QStringLiteral("images"), rows}};
        writeOut(QJsonDocument(root).toJson());
        return Ok;
    }
    QByteArray out = "REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\tSHARED SIZE\tCONTAINERS\n";
    for (const EngineImage &image : listing->images) {
        const QStringList names =
            image.repoTags.isEmpty() ? QStringList{QString()} : image.repoTags;
        for (const QString &name : names) {
            const auto [repository, tag] = repositoryAndTag(name);
            out += escapedRow(
                       {repository, tag, shortDigest(image.id),
                        QDateTime::fromSecsSinceEpoch(image.created, Qt::UTC).toString(Qt::ISODate),
                        formatDataSize(image.size, SizePrecision::ThreeDigits),
                        formatDataSize(image.sharedSize, SizePrecision::ThreeDigits),
                        image.containers < 0 ? QStringLiteral("-")
                                             : QString::number(image.containers)})
                       .toUtf8() +
                   '\n';
        }
    }
    writeOut(out);
    return Ok;
}
// A repository's tags with what their manifests say (`crane ls` with sizes and platforms).
int listRegistryTagsOf(const QString &location, bool json)
{
    const auto repository = RegistryReference::parse(location);
    if (!repository)
        return fail(QStringLiteral("%1: is not a repository a registry knows (names are lower "
                                   "case)")
                        .arg(location));
    Error error;
    const auto tags = listRegistryTags(*repository, &error);
    if (!tags)
        return fail(error);
    int code = Ok;
    if (json) {
        QJsonArray rows;
        for (const RegistryTag &tag : *tags) {
            QJsonObject row{
                {QStringLiteral("tag"), tag.tag},
                {QStringLiteral("digest"), tag.digest},
                {QStringLiteral("mediaType"), tag.mediaType},
                {QStringLiteral("platforms"), QJsonArray::fromStringList(tag.platforms)},
                {QStringLiteral("compressedSize"), tag.compressedSize},
                {QStringLiteral("uncompressedSize"), tag.uncompressedSize}};
            if (tag.error)
                row.insert(QStringLiteral("error"), tag.error.toString());
            rows.append(row);
        }
        writeOut(QJsonDocument(QJsonObject{{QStringLiteral("registry"), repository->registry},
                                           {QStringLiteral("repository"), repository->repository},
                                           {QStringLiteral("tags"), rows}})
                     .toJson());
    } else {
        QByteArray out = "TAG\tDIGEST\tCOMPRESSED\tUNCOMPRESSED\tPLATFORMS\n";
        for (const RegistryTag &tag : *tags) {
            out += escapedRow({tag.tag, tag.digest,
                               formatDataSize(tag.compressedSize, SizePrecision::ThreeDigits),
                               formatDataSize(tag.uncompressedSize, SizePrecision::ThreeDigits),
                               tag.platforms.join(QLatin1Char(','))})
                       .toUtf8() +
                   '\n';
        }
        writeOut(out);
    }
    for (const RegistryTag &tag : *tags) {
        if (tag.error) {
            warn(tag.error.toString());
            code = BadInput;
        }
    }
    return code;
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
        QStringLiteral("The image archive or directory (default: the demo image), an "
                       "engine (docker:// or podman://), or a registry's repository "
                       "(registry://HOST/REPO or HOST/REPO: its tags)."),
        QStringLiteral("[LOCATION]"));
    const QCommandLineOption engine(
        QStringLiteral("engine"),
        QStringLiteral("The images of the running engine: Docker's, else Podman's."));
    parser.addOption(engine);
    FormatOption format({QStringLiteral("tsv"), QStringLiteral("json")});
    format.addTo(parser);
    parser.addHelpOption();
    QString usageError;
    if (!parseArguments(parser, arguments, &usageError) || !format.read(parser, &usageError))
        return fail(usageError);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return fail(QStringLiteral("expected one LOCATION (see --help)"));
    if (parser.isSet(engine) || (!positional.isEmpty() && namesWholeEngine(positional[0]))) {
        if (parser.isSet(engine) && !positional.isEmpty() && !namesWholeEngine(positional[0]))
            return fail(QStringLiteral("--engine takes no LOCATION but docker:// or podman://"));
        return listEngineImages(positional.value(0), format.is("json"));
    }
    if (!positional.isEmpty() && RegistryReference::isRegistryLocation(positional[0]) &&
        namesRepositoryOnly(positional[0]))
        return listRegistryTagsOf(positional[0], format.is("json"));
    if (format.is("json"))
        return fail(QStringLiteral("--format json lists an engine's images; an archive's are "
                                   "in strata-cli inspect --format json"));
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
            out += escapedRow(cells).toUtf8() + '\n';
        }
    }
    writeOut(out);
    return code;
}

} // namespace strata::cli

#include "commands/commands.h"

#include "analysis/layerreuse.h"
#include "engine/engineimagesource.h"
#include "engine/enginelisting.h"
#include "engine/enginelocation.h"
#include "engineoption.h"
#include "output.h"
#include "report/reusereport.h"
#include "source/opensource.h"

#include <QCommandLineParser>
#include <QSet>

#include <map>

#include <cstdio>

namespace strata::cli {

int runReuse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Which layers the images share, and what they cost stored once. Every image of every "
        "ARCHIVE is included (other-platform alternatives of an OCI index are left out); an "
        "engine's images come with the engine's real containers."));
    parser.addPositionalArgument(QStringLiteral("archive"),
                                 QStringLiteral("Image archives or directories, engine images "
                                                "(docker://REF), or docker:// for every image "
                                                "of the engine."),
                                 QStringLiteral("ARCHIVE..."));
    FormatOption format({QStringLiteral("text"), QStringLiteral("json")});
    format.addTo(parser);
    parser.addOption({QStringLiteral("containers"),
                      QStringLiteral("Illustrative containers to add on each image (default 0)."),
                      QStringLiteral("n"), QStringLiteral("0")});
    parser.addOption(
        {QStringLiteral("container-size"),
         QStringLiteral("Assumed size of each container's read-write layer: 4000, 4kB, 1.5MB, 4KiB "
                        "(default 4kB)."),
         QStringLiteral("size"), QStringLiteral("4kB")});
    parser.addHelpOption();
    QString usageError;
    if (!parseArguments(parser, arguments, &usageError))
        return fail(usageError);
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(parser.helpText().toLocal8Bit());
        return Ok;
    }
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        return fail(QStringLiteral("expected at least one ARCHIVE (see --help)"));
    QString formatError;
    if (!format.read(parser, &formatError))
        return fail(formatError);
    bool ok = false;
    const int perImage = parser.value(QStringLiteral("containers")).toInt(&ok);
    if (!ok || perImage < 0 || perImage > 1000)
        return fail(QStringLiteral("--containers must be a number from 0 to 1000"));
    qint64 containerSize = 0;
    if (!parseByteSize(parser.value(QStringLiteral("container-size")), &containerSize))
        return fail(QStringLiteral("--container-size \"%1\" is not a size (4000, 4kB, 1.5MB, 4KiB)")
                        .arg(parser.value(QStringLiteral("container-size"))));

    // docker:// stands for every image of the engine.
    QStringList locations;
    std::map<QString, EngineListing> listings; // by engine host
    for (const QString &path : paths) {
        if (!namesWholeEngine(path)) {
            locations << path;
            continue;
        }
        Error error;
        auto client = engineFor(path, &error);
        auto listing = client ? listEngine(*client, &error) : std::nullopt;
        if (!listing)
            return fail(error);
        for (const EngineImage &image : listing->images)
            locations << engineLocation(listing->endpoint, image.id, false, {});
        listings.emplace(listing->endpoint.host, *listing);
    }

    std::vector<std::shared_ptr<ImageSource>> archives;
    std::vector<ReuseInput> inputs;
    std::vector<size_t> archiveOf; // per input
    for (const QString &path : locations) {
        Error error;
        auto archive = openImageSource(path, &error);
        if (!archive)
            return fail(error.toString());
        for (ReuseInput &input : reuseInputs(*archive)) {
            inputs.push_back(std::move(input));
            archiveOf.push_back(archives.size());
        }
        archives.push_back(std::move(archive));
    }
    for (size_t i = 0; i < inputs.size(); ++i) {
        Error error;
        inputs[i].layers =
            archives[archiveOf[i]]->loadLayers(inputs[i].imageIndex, LoadObserver{}, &error);
        if (error)
            return fail(error.toString());
    }

    // N containers on each image: an image given twice (same ID) still gets N.
    std::vector<ContainerSpec> containers;
    QSet<QString> seen;
    for (size_t i = 0; i < inputs.size(); ++i) {
        const QString &id = inputs[i].image.id;
        if (!id.isEmpty() && seen.contains(id))
            continue;
        seen.insert(id);
        for (int n = 0; n < perImage; ++n)
            containers.push_back(ContainerSpec{int(i), containerSize, {}, false, {}});
        // An engine's image: the containers the engine runs of it, as it measures them.
        const auto *engine = dynamic_cast<const EngineImageSource *>(archives[archiveOf[i]].get());
        if (!engine)
            continue;
        auto known = listings.find(engine->endpoint().host);
        if (known == listings.end()) {
            EngineClient client(engine->endpoint());
            Error error;
            auto listing = listEngine(client, &error);
            if (!listing)
                return fail(error);
            known = listings.emplace(engine->endpoint().host, *listing).first;
        }
        for (const ContainerSpec &spec : containersOfImage(known->second, id, int(i)))
            containers.push_back(spec);
    }
    const ReuseAnalysis analysis = analyzeReuse(inputs, containers);
    writeOut(format.is("json") ? reuseJson(analysis) : reuseText(analysis));
    // Damaged layers and inconsistent manifests do not stop the report (their blob sizes stand
    // in), but they are named, once each, and the command exits 2.
    int code = Ok;
    QSet<const LayerTree *> reported;
    for (const ReuseInput &input : inputs)
        code = std::max(code, reportProblems(input.image, input.layers, &reported));
    return code;
}

} // namespace strata::cli

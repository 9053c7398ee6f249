#include "commands/commands.h"

#include "analysis/contentdiff.h"
#include "analysis/imagediff.h"
#include "output.h"
#include "packages/imagepackages.h"
#include "report/diffreport.h"
#include "source/opensource.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>

namespace strata::cli {

namespace {
// "--layer-a": a layer index of the image, or -1 (the top) when the option is not set.
bool layerOption(const QCommandLineParser &parser, const QString &name, const ImageInfo &image,
                 int *layer, QString *message)
{
    *layer = -1;
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int count = int(image.layers.size());
    *layer = parser.value(name).toInt(&ok);
    if (ok && *layer >= 0 && *layer < count)
        return true;
    *message = QStringLiteral("--%1 must be a number from 0 to %2").arg(name).arg(count - 1);
    return false;
}

// Loads one side; a damaged layer is reported (and makes the exit code 2) but compared as
// far as it was read, like the other commands do.
bool loadSide(DiffSide *side, QSet<const LayerTree *> *reported, bool *damaged, Error *error)
{
    side->layers = side->source->loadLayers(side->image, LoadObserver{}, error);
    if (*error)
        return false;
    if (reportProblems(side->info(), side->layers, reported) != Ok)
        *damaged = true;
    return true;
}
} // namespace

int runDiff(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("a"),
                                 QStringLiteral("The first image archive or directory."));
    parser.addPositionalArgument(QStringLiteral("b"),
                                 QStringLiteral("The second image archive or directory."));
    parser.addOption(
        {QStringLiteral("image-a"), QStringLiteral("Which image of A."), QStringLiteral("ref")});
    parser.addOption(
        {QStringLiteral("image-b"), QStringLiteral("Which image of B."), QStringLiteral("ref")});
    parser.addOption({QStringLiteral("layer-a"),
                      QStringLiteral("Compare A as of this layer, 0 = bottom (default: top)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("layer-b"),
                      QStringLiteral("Compare B as of this layer (default: top)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("content"),
                      QStringLiteral("Read files of equal size to compare their bytes.")});
    parser.addOption({QStringLiteral("packages"),
                      QStringLiteral("Read both images' package databases and list what was "
                                     "added, removed and upgraded.")});
    parser.addOption({QStringLiteral("limit"),
                      QStringLiteral("Changes listed in text and markdown (default 50)."),
                      QStringLiteral("n"), QStringLiteral("50")});
    FormatOption format(
        {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("markdown")});
    format.addTo(parser);
    parser.addHelpOption();
    QString usageError;
    if (!parseArguments(parser, arguments, &usageError))
        return fail(usageError);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return fail(QStringLiteral("expected two archives A and B (see --help)"));
    QString formatError;
    if (!format.read(parser, &formatError))
        return fail(formatError);
    bool limitOk = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&limitOk);
    if (!limitOk || limit < 0)
        return fail(QStringLiteral("--limit must be a number from 0"));

    Error error;
    DiffSide a, b;
    a.source = openImageSource(positional[0], &error);
    if (!a.source)
        return fail(error);
    // The same archive twice (two images of it): open and read its layers once.
    const QFileInfo fa(positional[0]), fb(positional[1]);
    if (fa.canonicalFilePath() == fb.canonicalFilePath())
        b.source = a.source;
    else if (!(b.source = openImageSource(positional[1], &error)))
        return fail(error);
    // findImage() speaks of --image; here each side has its own option.
    a.image = a.source->findImage(parser.value(QStringLiteral("image-a")), &error);
    if (a.image < 0)
        return fail(error.toString() + QStringLiteral(" (for A: --image-a)"));
    b.image = b.source->findImage(parser.value(QStringLiteral("image-b")), &error);
    if (b.image < 0)
        return fail(error.toString() + QStringLiteral(" (for B: --image-b)"));
    QString message;
    if (!layerOption(parser, QStringLiteral("layer-a"), a.info(), &a.top, &message) ||
        !layerOption(parser, QStringLiteral("layer-b"), b.info(), &b.top, &message))
        return fail(message);

    bool damaged = false;
    QSet<const LayerTree *> reported;
    if (!loadSide(&a, &reported, &damaged, &error) || !loadSide(&b, &reported, &damaged, &error))
        return fail(error);
    ImageComparison comparison = compareImages(std::move(a), std::move(b));
    if (parser.isSet(QStringLiteral("content"))) {
        const ContentComparison content =
            compareContent(comparison.files, *comparison.a.source, comparison.a.image,
                           *comparison.b.source, comparison.b.image);
        if (content.error)
            return fail(content.error);
        comparison.files.applyContent(content.entries, content.different);
    }

    if (parser.isSet(QStringLiteral("packages"))) {
        const auto packagesOf = [](const DiffSide &side, Error *error) {
            ImagePackages read = readImagePackages(*side.source, side.image, side.layers);
            *error = read.error;
            return read.layers.empty() ? std::vector<PackagePtr>()
                                       : read.layers[size_t(side.topLayer())].packages;
        };
        const std::vector<PackagePtr> before = packagesOf(comparison.a, &error);
        if (error)
            return fail(error);
        const std::vector<PackagePtr> after = packagesOf(comparison.b, &error);
        if (error)
            return fail(error);
        comparison.packages = comparePackages(before, after);
    }

    if (format.is("json"))
        writeOut(diffJson(comparison));
    else if (format.is("markdown"))
        writeOut(diffMarkdown(comparison, {limit}));
    else
        writeOut(diffText(comparison, {limit}));
    return damaged ? BadInput : Ok;
}

} // namespace strata::cli

#include "commands/commands.h"

#include "analysis/contentdiff.h"
#include "analysis/filediff.h"
#include "analysis/imagediff.h"
#include "common/paths.h"
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
// An ELF file's symbol changes, one per line as a diff marks them: "+" defined only in B,
// "-" only in A, "+U"/"-U" the same for what it takes from other libraries.
QByteArray elfSymbolLines(const ElfSymbolChanges &changes)
{
    QByteArray out;
    const auto lines = [&out](const char *mark, const QList<QByteArray> &names) {
        for (const QByteArray &name : names)
            out += mark + name + '\n';
    };
    lines("-", changes.removed);
    lines("+", changes.added);
    lines("-U ", changes.importsRemoved);
    lines("+U ", changes.importsAdded);
    return out;
}

// `diff A B --path P`: the file's two versions, as `diff -u` shows them.
int diffOneFile(const DiffSide &a, const DiffSide &b, const QString &given)
{
    std::string path;
    if (!cleanPath(given.toStdString(), &path) || path.empty())
        return fail(QStringLiteral("--path must name a file inside the images"));
    const auto side = [&](const DiffSide &d) {
        return FileSide{d.source.get(), d.image, d.layers, d.topLayer(), path};
    };
    const FileComparison c = compareFile(side(a), side(b));
    if (c.error)
        return fail(c.error);
    if (!c.a.present && !c.b.present)
        return fail(QStringLiteral("/%1 is a file on neither side").arg(given));
    const QByteArray labelA = (QStringLiteral("a/") + QString::fromStdString(path) +
                               (c.a.present ? QString() : QStringLiteral(" (absent)")))
                                  .toUtf8();
    const QByteArray labelB = (QStringLiteral("b/") + QString::fromStdString(path) +
                               (c.b.present ? QString() : QStringLiteral(" (absent)")))
                                  .toUtf8();
    if (c.identical())
        return Ok;
    if (!c.hasLines()) {
        writeOut(QStringLiteral("%1 files %2 and %3 differ: %4 bytes (SHA-256 %5) and %6 bytes "
                                "(SHA-256 %7)\n")
                     .arg(c.binary ? QStringLiteral("Binary") : QStringLiteral("Large"),
                          QString::fromUtf8(labelA), QString::fromUtf8(labelB))
                     .arg(c.a.size)
                     .arg(QString::fromLatin1(c.a.sha256))
                     .arg(c.b.size)
                     .arg(QString::fromLatin1(c.b.sha256))
                     .toUtf8());
        if (c.elf)
            writeOut(elfSymbolLines(c.symbols));
        return Ok;
    }
    writeOut(unifiedDiff(c.a.lines, c.b.lines, c.diff, labelA, labelB));
    return Ok;
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
    parser.addOption({QStringLiteral("path"),
                      QStringLiteral("Only this file: a unified diff of its lines (sizes and "
                                     "SHA-256 for binary or large files)."),
                      QStringLiteral("path")});
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
    if (parser.isSet(QStringLiteral("path")))
        return diffOneFile(a, b, parser.value(QStringLiteral("path")));
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

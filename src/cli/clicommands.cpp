#include "clicommands.h"

#include "clisupport.h"
#include "common/datasize.h"

#include "archive/demoimage.h"
#include "diffcommand.h"
#include "efficiencycommands.h"
#include "report/imagereport.h"
#include "report/treereport.h"
#include "reusecommand.h"
#include "source/opensource.h"
#include "tree/overlaymerge.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTextStream>

#include <cstdio>

namespace strata::cli {

namespace {

const char *usage =
    "Usage: strata-cli COMMAND [OPTIONS] ARCHIVE\n"
    "\n"
    "Commands:\n"
    "  images ARCHIVE                 every image of the archive, like docker images\n"
    "  inspect ARCHIVE [--image REF] [--format json|text]\n"
    "  history ARCHIVE [--image REF]\n"
    "  tree ARCHIVE [--image REF] [--layer N] [--diff] [--format tsv|json]\n"
    "  efficiency ARCHIVE [--image REF] [--format text|json]\n"
    "  ci ARCHIVE [--image REF] [--lowest-efficiency R] [--highest-wasted-bytes N]\n"
    "     [--highest-user-wasted-percent R] [--config FILE]   (dive's CI gate; reads ./.dive-ci)\n"
    "  reuse ARCHIVE... [--format text|json] [--containers N] [--container-size SIZE]\n"
    "       which layers the images share, and what they cost stored once\n"
    "  verify ARCHIVE [--image REF]   check every layer's SHA-256 against its digests\n"
    "  diff A B [--image-a REF] [--image-b REF] [--layer-a N] [--layer-b N] [--content]\n"
    "       [--limit N] [--format text|json|markdown]\n"
    "\n"
    "Without ARCHIVE the built-in demo image is used.\n"
    "ARCHIVE is a docker save / podman save / OCI archive (plain or compressed) or a directory\n"
    "holding an OCI layout or an unpacked docker save. REF is a name (nginx:latest), an image ID\n"
    "prefix, a platform (linux/arm64) or @N for the N-th image.\n"
    "Exit codes: 0 success, 1 a failed check, 2 bad input.\n";

int runInspect(const QStringList &arguments)
{
    LoadedImage command;
    command.parser.addOption({QStringLiteral("format"), QStringLiteral("json or text."),
                              QStringLiteral("format"), QStringLiteral("text")});
    QString usageError;
    if (!command.parse(arguments, &usageError))
        return fail(usageError);
    const QString format = command.parser.value(QStringLiteral("format"));
    if (format != QLatin1String("json") && format != QLatin1String("text"))
        return fail(QStringLiteral("unknown --format \"%1\" (json or text)").arg(format));
    Error error;
    if (!command.load(&error))
        return fail(error);
    writeOut(format == QLatin1String("json")
                 ? inspectJson(*command.source, command.image, command.layers)
                 : inspectText(*command.source, command.image, command.layers));
    return command.reportProblems();
}

int runHistory(const QStringList &arguments)
{
    LoadedImage command;
    QString usageError;
    if (!command.parse(arguments, &usageError))
        return fail(usageError);
    Error error;
    if (!command.load(&error))
        return fail(error);
    writeOut(historyText(command.info(), command.layers));
    return command.reportProblems();
}

int runTree(const QStringList &arguments)
{
    LoadedImage command;
    command.parser.addOption({QStringLiteral("layer"),
                              QStringLiteral("Layer index, 0 = bottom (default: top)."),
                              QStringLiteral("n")});
    command.parser.addOption(
        {QStringLiteral("diff"), QStringLiteral("Only the changes the layer makes.")});
    command.parser.addOption({QStringLiteral("format"), QStringLiteral("tsv or json."),
                              QStringLiteral("format"), QStringLiteral("tsv")});
    QString usageError;
    if (!command.parse(arguments, &usageError))
        return fail(usageError);
    const QString format = command.parser.value(QStringLiteral("format"));
    if (format != QLatin1String("json") && format != QLatin1String("tsv"))
        return fail(QStringLiteral("unknown --format \"%1\" (tsv or json)").arg(format));
    Error error;
    if (!command.open(&error))
        return fail(error);
    const int count = int(command.info().layers.size());
    int layer = count - 1;
    if (command.parser.isSet(QStringLiteral("layer"))) {
        bool ok = false;
        layer = command.parser.value(QStringLiteral("layer")).toInt(&ok);
        if (!ok || layer < 0 || layer >= count)
            return fail(QStringLiteral("--layer must be a number from 0 to %1").arg(count - 1));
    }
    if (!command.load(&error))
        return fail(error);
    const auto &layers = command.layers;
    const bool json = format == QLatin1String("json");
    if (command.parser.isSet(QStringLiteral("diff"))) {
        const FileTree lower = layer > 0 ? mergeLayers(layers, layer - 1) : FileTree();
        const FileTree &own = layers[size_t(layer)]->tree;
        writeOut(json ? layerChangesJson(own, layer, layer > 0 ? &lower : nullptr)
                      : layerChangesTsv(own, layer, layer > 0 ? &lower : nullptr));
    } else if (json) {
        writeOut(mergedTreeJson(mergeLayers(layers, layer), layers, layer));
    } else {
        // Streamed from the layer trees: a merged tree and every line at once would take
        // several times the memory of the layers themselves.
        writeMergedTreeTsv(layers, layer, [](std::string_view chunk) {
            fwrite(chunk.data(), 1, chunk.size(), stdout);
        });
        fflush(stdout);
    }
    return command.reportProblems();
}

// Like `docker images`: one line per image, the platform alternatives of an index marked.
int runImages(const QStringList &arguments)
{
    LoadedImage command;
    QString usageError;
    if (!command.parse(arguments, &usageError))
        return fail(usageError);
    const QStringList positional = command.parser.positionalArguments();
    Error error;
    const auto archive =
        openImageSource(positional.isEmpty() ? demoImagePath() : positional.first(), &error);
    if (!archive)
        return fail(error);
    QByteArray out = "REF\tREPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\tPLATFORM\n";
    for (size_t i = 0; i < archive->images().size(); ++i) {
        const ImageInfo &image = archive->images()[i];
        const QStringList names = image.names.isEmpty() ? QStringList{QString()} : image.names;
        for (const QString &name : names) {
            const qsizetype colon = name.lastIndexOf(QLatin1Char(':'));
            const bool hasTag = colon > name.lastIndexOf(QLatin1Char('/'));
            const QString repository = name.isEmpty() ? QStringLiteral("<none>")
                                       : hasTag       ? name.left(colon)
                                                      : name;
            const QString tag =
                name.isEmpty() || !hasTag ? QStringLiteral("<none>") : name.mid(colon + 1);
            out += (QLatin1Char('@') + QString::number(i) + QLatin1Char('\t') + repository +
                    QLatin1Char('\t') + tag + QLatin1Char('\t') + image.shortId() +
                    QLatin1Char('\t') + image.created + QLatin1Char('\t') +
                    formatDataSize(image.totalBlobSize(), SizePrecision::ThreeDigits) +
                    QLatin1Char('\t') + image.platform.toString() +
                    (image.otherPlatform ? QStringLiteral(" (other platform)") : QString()) +
                    QLatin1Char('\n'))
                       .toUtf8();
        }
    }
    writeOut(out);
    return Ok;
}

int runVerify(const QStringList &arguments)
{
    LoadedImage command;
    QString usageError;
    if (!command.parse(arguments, &usageError))
        return fail(usageError);
    Error error;
    if (!command.open(&error))
        return fail(error);
    const ImageInfo &image = command.info();
    const std::vector<LayerDigestCheck> checks = command.source->verifyLayers(command.image);
    int code = Ok;
    QByteArray out;
    for (size_t i = 0; i < checks.size(); ++i) {
        const LayerDigestCheck &check = checks[i];
        const char *status = "unverifiable";
        switch (check.status) {
        case LayerDigestCheck::Status::Ok:
            status = "ok";
            break;
        case LayerDigestCheck::Status::Mismatch:
            status = "MISMATCH";
            break;
        case LayerDigestCheck::Status::Unreadable:
            status = "UNREADABLE";
            break;
        case LayerDigestCheck::Status::Unverifiable:
            break;
        }
        out += QByteArray::number(qulonglong(i)) + '\t' + status + '\t' +
               image.layers[qsizetype(i)].member.toUtf8() + '\n';
        if (check.error) {
            fail(check.error);
            code = BadInput;
        }
    }
    writeOut(out);
    return code;
}

} // namespace

int run(const QStringList &arguments)
{
    if (arguments.size() < 2 || arguments.at(1) == QLatin1String("--help") ||
        arguments.at(1) == QLatin1String("-h")) {
        fputs(usage, arguments.size() < 2 ? stderr : stdout);
        return arguments.size() < 2 ? BadInput : Ok;
    }
    if (arguments.at(1) == QLatin1String("--version")) {
        printf("strata-cli %s\n", STRATA_VERSION);
        return Ok;
    }
    const QString command = arguments.at(1);
    QStringList rest = arguments;
    rest.removeAt(1); // QCommandLineParser expects the program name first
    if (command == QLatin1String("images"))
        return runImages(rest);
    if (command == QLatin1String("inspect"))
        return runInspect(rest);
    if (command == QLatin1String("history"))
        return runHistory(rest);
    if (command == QLatin1String("tree"))
        return runTree(rest);
    if (command == QLatin1String("verify"))
        return runVerify(rest);
    if (command == QLatin1String("diff"))
        return runDiff(rest);
    if (command == QLatin1String("efficiency"))
        return runEfficiency(rest);
    if (command == QLatin1String("ci"))
        return runCi(rest);
    if (command == QLatin1String("reuse"))
        return runReuse(rest);
    return fail(
        QStringLiteral("unknown command \"%1\"\n%2").arg(command, QString::fromLatin1(usage)));
}

} // namespace strata::cli

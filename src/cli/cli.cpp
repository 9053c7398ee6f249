#include "cli.h"

#include "commands/commands.h"
#include "output.h"

#include <cstdio>

namespace strata::cli {

namespace {

struct Command
{
    const char *name;
    const char *synopsis; // the arguments, as --help lists them
    const char *summary;
    int (*run)(const QStringList &arguments);
};

// Every command, in the order --help lists them.
const Command kCommands[] = {
    {"images", "LOCATION | --engine [--format tsv|json]",
     "every image of the location or the engine, like docker images", runImages},
    {"containers", "[docker:// | podman://] [--format tsv|json]",
     "every container of the engine with its sizes, like docker ps -a -s", runContainers},
    {"inspect", "LOCATION [--image REF] [--format text|json]",
     "metadata, config and layers of an image", runInspect},
    {"history", "LOCATION [--image REF]", "like docker history --no-trunc, newest first",
     runHistory},
    {"tree", "LOCATION [--image REF] [--layer N] [--diff] [--format tsv|json]",
     "the merged filesystem as of a layer, or that layer's changes", runTree},
    {"cat", "LOCATION PATH [--image REF] [--layer N]", "one file as of a layer, on standard output",
     runCat},
    {"export", "LOCATION [--image REF] [--layer N] [--path P] -o OUT.tar|-|FOLDER",
     "the merged filesystem as of a layer (or one path of it) as a tar or a new folder", runExport},
    {"packages", "LOCATION [--image REF] [--layer N] [--format text|json|cyclonedx]",
     "installed packages per layer (dpkg, apk, rpm, Python, npm, Go), or an SBOM", runPackages},
    {"efficiency", "LOCATION [--image REF] [--format text|json]",
     "dive's score and wasted bytes, and what is reclaimable", runEfficiency},
    {"findings", "LOCATION [--image REF] [--exclude-base] [--format text|json|markdown]",
     "what to change in the Dockerfile, each finding with its bytes, layer, step and fix",
     runFindings},
    {"ci",
     "LOCATION [--image REF] [--lowest-efficiency R] [--highest-wasted-bytes N]\n"
     "       [--highest-user-wasted-percent R] [--wasted-bytes-floor N] [--deny-secrets]\n"
     "       [--max-cache-bytes N] [--deny-path GLOB]... [--exclude-base] [--config FILE]\n"
     "       [--format text|junit|sarif]",
     "dive's CI gate (reads ./.dive-ci) and rules on findings", runCi},
    {"reuse", "LOCATION... [--format text|json] [--containers N] [--container-size SIZE]",
     "which layers the images share, and what they cost stored once", runReuse},
    {"verify", "LOCATION [--image REF]", "every layer's SHA-256 against its digests", runVerify},
    {"diff",
     "A B [--image-a REF] [--image-b REF] [--layer-a N] [--layer-b N] [--content]\n"
     "       [--packages] [--path P] [--limit N] [--format text|json|markdown]",
     "where the bytes went between two images", runDiff},
};

QByteArray usage()
{
    QByteArray text = "Usage: strata-cli COMMAND [OPTIONS] [LOCATION]\n"
                      "       strata-cli COMMAND --help\n"
                      "\n"
                      "Commands:\n";
    for (const Command &command : kCommands) {
        text += QByteArray("  ") + command.name + ' ' + command.synopsis + "\n      " +
                command.summary + '\n';
    }
    text +=
        "\n"
        "Without LOCATION the built-in demo image is used.\n"
        "LOCATION is a docker save / podman save / OCI archive (plain or compressed) or a\n"
        "directory holding an OCI layout or an unpacked docker save, or an engine's image or\n"
        "container: docker://REF, podman://REF (a REF that names no file reaches the engine\n"
        "too; add ?host=URL for another engine than DOCKER_HOST's or the default). REF is a name\n"
        "(nginx:latest), an image ID prefix, a platform (linux/arm64) or @N for the N-th image.\n"
        "Exit codes: 0 success, 1 a failed check, 2 bad input.\n";
    return text;
}

} // namespace

int run(const QStringList &arguments)
{
    if (arguments.size() < 2 || arguments.at(1) == QLatin1String("--help") ||
        arguments.at(1) == QLatin1String("-h")) {
        fputs(usage().constData(), arguments.size() < 2 ? stderr : stdout);
        return arguments.size() < 2 ? BadInput : Ok;
    }
    if (arguments.at(1) == QLatin1String("--version")) {
        printf("strata-cli %s\n", STRATA_VERSION);
        return Ok;
    }
    const QString name = arguments.at(1);
    QStringList rest = arguments;
    rest.removeAt(1); // QCommandLineParser expects the program name first
    rest[0] = QStringLiteral("strata-cli ") + name; // what the command's --help names
    for (const Command &command : kCommands) {
        if (name == QLatin1String(command.name))
            return command.run(rest);
    }
    return fail(QStringLiteral("unknown command \"%1\" (strata-cli --help lists them)").arg(name));
}

} // namespace strata::cli

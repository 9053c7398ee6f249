#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace strata {

CommandLine parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "strata::CommandLine",
        "Strata shows what is inside container images: their layers, the Dockerfile history "
        "and the merged filesystem at any layer. Without a file it opens a demo image."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("paths"),
        QCoreApplication::translate("strata::CommandLine",
                                    "Image archives (docker save, podman save, OCI) or "
                                    "image layout directories to open."),
        QStringLiteral("[FILE|DIR...]"));
    const QCommandLineOption compare(
        QStringLiteral("compare"),
        QCoreApplication::translate("strata::CommandLine", "Compare images A and B side by side."),
        QStringLiteral("A"));
    parser.addOption(compare);
    const QCommandLineOption reuse(
        QStringLiteral("reuse"),
        QCoreApplication::translate("strata::CommandLine",
                                    "Show which layers the images of the given archives share."));
    parser.addOption(reuse);

    CommandLine result;
    if (!parser.parse(arguments)) {
        result.action = CommandLine::Action::Fail;
        result.text = parser.errorText();
        return result;
    }
    if (parser.isSet(help)) {
        result.action = CommandLine::Action::ShowHelp;
        result.text = parser.helpText();
        return result;
    }
    if (parser.isSet(version)) {
        result.action = CommandLine::Action::ShowVersion;
        result.text =
            QStringLiteral("strata ") + QCoreApplication::applicationVersion() + QLatin1Char('\n');
        return result;
    }
    result.paths = parser.positionalArguments();
    result.reuse = parser.isSet(reuse);
    if (parser.isSet(compare)) {
        // --compare A B: A is the option's value, B the first positional argument.
        result.compare << parser.value(compare);
        if (!result.paths.isEmpty())
            result.compare << result.paths.takeFirst();
        if (result.compare.size() != 2) {
            result.action = CommandLine::Action::Fail;
            result.text = QCoreApplication::translate("strata::CommandLine",
                                                      "--compare needs two images: A B");
        }
    }
    return result;
}

} // namespace strata

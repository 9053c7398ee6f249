#include "commandline.h"

#include "windows/lesson.h"

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
    const QCommandLineOption lesson(
        QStringLiteral("lesson"),
        QCoreApplication::translate("strata::CommandLine",
                                    "Give the classroom lesson on the image (the demo image "
                                    "without one), step by step; Page Down goes on."));
    parser.addOption(lesson);
    const QCommandLineOption lessonStep(
        QStringLiteral("lesson-step"),
        QCoreApplication::translate("strata::CommandLine", "Start the lesson at step N (1-13)."),
        QStringLiteral("N"));
    parser.addOption(lessonStep);

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
    if (parser.isSet(lesson) || parser.isSet(lessonStep)) {
        bool ok = true;
        const int step = parser.isSet(lessonStep) ? parser.value(lessonStep).toInt(&ok) : 1;
        if (!ok || step < 1 || step > int(Lesson::StepCount)) {
            result.action = CommandLine::Action::Fail;
            result.text = QCoreApplication::translate("strata::CommandLine",
                                                      "--lesson-step needs a step from 1 to %1")
                              .arg(int(Lesson::StepCount));
            return result;
        }
        result.lessonStep = step - 1;
    }
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

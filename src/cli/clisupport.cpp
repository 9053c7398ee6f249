#include "clisupport.h"

#include "archive/demoimage.h"
#include "source/opensource.h"

#include <cstdio>

namespace strata::cli {

void writeOut(const QByteArray &bytes)
{
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    fflush(stdout);
}

int fail(const QString &message, int code)
{
    fprintf(stderr, "strata-cli: %s\n", message.toLocal8Bit().constData());
    return code;
}

int fail(const Error &error)
{
    return fail(error.toString());
}

LoadedImage::LoadedImage()
{
    parser.addPositionalArgument(
        QStringLiteral("archive"),
        QStringLiteral("The image archive or directory (default: the demo image)."));
    parser.addOption({QStringLiteral("image"), QStringLiteral("Which image of the archive."),
                      QStringLiteral("ref")});
    parser.addHelpOption();
}

bool LoadedImage::parse(const QStringList &arguments, QString *error)
{
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.positionalArguments().size() > 1) {
        *error = QStringLiteral("expected one ARCHIVE (see --help)");
        return false;
    }
    return true;
}

bool LoadedImage::open(Error *error)
{
    const QStringList positional = parser.positionalArguments();
    source = openImageSource(positional.isEmpty() ? demoImagePath() : positional.first(), error);
    if (!source)
        return false;
    image = source->findImage(parser.value(QStringLiteral("image")), error);
    return image >= 0;
}

bool LoadedImage::load(Error *error)
{
    if (!open(error))
        return false;
    layers = source->loadLayers(image, LoadObserver{}, error);
    return !error->isError();
}

int LoadedImage::reportProblems() const
{
    int code = Ok;
    for (const Error &problem : info().problems) {
        fail(problem);
        code = BadInput;
    }
    for (const auto &layer : layers) {
        if (!layer)
            continue;
        if (layer->error) {
            fail(layer->error);
            code = BadInput;
        }
        for (const QString &rejected : layer->rejected)
            fprintf(stderr,
                    "strata-cli: warning: entry \"%s\" escapes the image root and was ignored\n",
                    rejected.toLocal8Bit().constData());
    }
    return code;
}

} // namespace strata::cli

#include "loadedimage.h"

#include "archive/demoimage.h"
#include "source/opensource.h"

namespace strata::cli {

LoadedImage::LoadedImage(const QString &description)
{
    parser.setApplicationDescription(description);
    parser.addPositionalArgument(
        QStringLiteral("location"),
        QStringLiteral("The image archive or directory (default: the demo image)."),
        QStringLiteral("[LOCATION]"));
    parser.addOption({QStringLiteral("image"),
                      QStringLiteral("Which image: a name, an ID prefix, a platform or @N."),
                      QStringLiteral("ref")});
    parser.addHelpOption();
}

bool LoadedImage::parse(const QStringList &arguments, QString *error)
{
    if (!parseArguments(parser, arguments, error))
        return false;
    if (parser.positionalArguments().size() > 1) {
        *error = QStringLiteral("expected one LOCATION (see --help)");
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
    if (image >= 0 && info().absent) {
        *error = Error::make(Error::Kind::MissingMember, source->location(),
                             QStringLiteral("the image %1 (%2) is named by the index, but its "
                                            "manifest is not in the archive")
                                 .arg(info().displayName(), info().platform.toString()));
        return false;
    }
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
    return cli::reportProblems(info(), layers);
}

} // namespace strata::cli

#include "loadedimage.h"

#include "archive/demoimage.h"
#include "engine/enginelocation.h"
#include "source/opensource.h"

namespace strata::cli {

LoadedImage::LoadedImage(const QString &description, const QString &argument,
                         const QString &argumentHelp)
    : m_argument(argument)
{
    parser.setApplicationDescription(description);
    if (argument.isEmpty()) {
        parser.addPositionalArgument(
            QStringLiteral("location"),
            QStringLiteral("The image archive or directory (default: the demo image), or an "
                           "engine's image or container: docker://REF, podman://REF."),
            QStringLiteral("[LOCATION]"));
    } else {
        parser.addPositionalArgument(
            QStringLiteral("location"),
            QStringLiteral("The image archive or directory, or an engine's image or "
                           "container: docker://REF, podman://REF."));
        parser.addPositionalArgument(argument, argumentHelp);
    }
    parser.addOption({QStringLiteral("image"),
                      QStringLiteral("Which image: a name, an ID prefix, a platform or @N."),
                      QStringLiteral("ref")});
    parser.addOption({QStringLiteral("container"),
                      QStringLiteral("LOCATION names a container of the engine: its image with "
                                     "its read-write layer on top.")});
    parser.addHelpOption();
}

QString LoadedImage::location(QString *usageError) const
{
    const QStringList positional = parser.positionalArguments();
    if (!parser.isSet(QStringLiteral("container")))
        return positional.isEmpty() ? demoImagePath() : positional.first();
    const QString given = positional.value(0);
    std::optional<EngineLocation> engine = EngineLocation::parse(given);
    if (!engine && looksLikeImageReference(given))
        engine = EngineLocation{EngineKind::Docker, given, false, {}};
    if (!engine || engine->ref.isEmpty()) {
        *usageError = QStringLiteral("--container needs a container: docker://NAME or "
                                     "podman://NAME");
        return {};
    }
    engine->container = true;
    return engine->toString();
}

bool LoadedImage::parse(const QStringList &arguments, QString *error)
{
    if (!parseArguments(parser, arguments, error))
        return false;
    const qsizetype wanted = m_argument.isEmpty() ? 1 : 2;
    if (parser.positionalArguments().size() > wanted ||
        (wanted == 2 && parser.positionalArguments().size() != 2)) {
        *error =
            wanted == 1
                ? QStringLiteral("expected one LOCATION (see --help)")
                : QStringLiteral("expected LOCATION and %1 (see --help)").arg(m_argument.toUpper());
        return false;
    }
    m_location = location(error);
    return !m_location.isEmpty();
}

bool LoadedImage::open(Error *error)
{
    source = openImageSource(m_location, error);
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
    if (!source && !open(error))
        return false;
    layers = source->loadLayers(image, LoadObserver{}, error);
    return !error->isError();
}

void LoadedImage::addLayerOption()
{
    parser.addOption({QStringLiteral("layer"),
                      QStringLiteral("Layer index, 0 = bottom (default: top)."),
                      QStringLiteral("n")});
}

bool LoadedImage::layerValue(int *layer, QString *error) const
{
    const int count = int(info().layers.size());
    *layer = count - 1;
    if (!parser.isSet(QStringLiteral("layer")))
        return true;
    bool ok = false;
    *layer = parser.value(QStringLiteral("layer")).toInt(&ok);
    if (ok && *layer >= 0 && *layer < count)
        return true;
    *error = QStringLiteral("--layer must be a number from 0 to %1").arg(count - 1);
    return false;
}

int LoadedImage::reportProblems() const
{
    return cli::reportProblems(info(), layers);
}

} // namespace strata::cli

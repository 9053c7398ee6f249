#include "loadedimage.h"

#include "archive/demoimage.h"
#include "engine/enginelocation.h"
#include "source/opensource.h"

namespace strata::cli {

LoadedImage::LoadedImage(const QString &description)
{
    parser.setApplicationDescription(description);
    parser.addPositionalArgument(
        QStringLiteral("location"),
        QStringLiteral("The image archive or directory (default: the demo image), or an "
                       "engine's image or container: docker://REF, podman://REF."),
        QStringLiteral("[LOCATION]"));
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
    if (parser.positionalArguments().size() > 1) {
        *error = QStringLiteral("expected one LOCATION (see --help)");
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

int LoadedImage::reportProblems() const
{
    return cli::reportProblems(info(), layers);
}

} // namespace strata::cli

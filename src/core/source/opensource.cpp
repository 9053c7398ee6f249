#include "source/opensource.h"

#include "archive/imagearchive.h"

#include <QFileInfo>

namespace strata {

QString canonicalLocation(const QString &location)
{
    return QFileInfo(location).absoluteFilePath();
}

QString locationTitle(const QString &location)
{
    const QString name = QFileInfo(location).fileName();
    return name.isEmpty() ? location : name;
}

std::shared_ptr<ImageSource> openImageSource(const QString &location, Error *error,
                                             const OpenObserver &observer)
{
    std::shared_ptr<ImageSource> source = ImageArchive::open(location, error, observer.cancel);
    if (source && source->images().empty()) {
        *error = Error::make(Error::Kind::NotAnImage, location, QStringLiteral("holds no image"));
        return nullptr;
    }
    return source;
}

} // namespace strata

#pragma once

#include "common/error.h"
#include "source/imagesource.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace strata {

// What opening a source may report and be told while it runs (it can take a while: a
// compressed archive is read to its end).
struct OpenObserver
{
    const std::atomic_bool *cancel = nullptr;
    // How far it is: `stage`, bytesDone of bytesTotal (-1 when unknown; paths for Changes),
    // `current` what is being read. Called on the opening thread.
    std::function<void(const LoadProgress &)> progress;
};

// `location` as sources and messages name it: an absolute path for a file or directory, the
// reference itself for an engine's or a registry's image.
QString canonicalLocation(const QString &location);
// A short title for a location: a file's name, an image reference.
QString locationTitle(const QString &location);

// The one way from what a user typed or dropped to images: an archive file or a directory.
// Opening reads only metadata; layers are read by ImageSource::loadLayers. Null with *error
// set when the location cannot be opened or holds no image.
std::shared_ptr<ImageSource> openImageSource(const QString &location, Error *error,
                                             const OpenObserver &observer = {});

} // namespace strata

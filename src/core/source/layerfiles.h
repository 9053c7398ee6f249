#pragma once

#include "common/error.h"

#include <QByteArray>

#include <functional>
#include <string>
#include <unordered_set>

namespace strata {

class ImageSource;
class LayerReader;

// Calls `read(path, reader)` for each regular file of layer `layer` whose path is in `paths`,
// in one pass over the layer's tar (a container's read-write layer: each file read through
// its source), the reader positioned at the file's data. A path listed twice in the tar is
// passed twice, the last time being the file's. False with *error when the layer cannot be
// read.
bool readLayerFiles(const ImageSource &source, int image, int layer,
                    const std::unordered_set<std::string> &paths,
                    const std::function<void(const std::string &path, const QByteArray *whole,
                                             LayerReader *reader)> &read,
                    Error *error);

} // namespace strata

#pragma once

#include "common/datasize.h"
#include "source/imagesource.h"

#include <QByteArray>

namespace strata {

// `strata-cli inspect` and `strata-cli history` output. `layers` may be empty (not loaded):
// then per-layer figures read from the layers are left out.
QByteArray inspectJson(const ImageSource &source, int image,
                       const std::vector<std::shared_ptr<const LayerTree>> &layers);
QByteArray inspectText(const ImageSource &source, int image,
                       const std::vector<std::shared_ptr<const LayerTree>> &layers);
// Like `docker history --no-trunc`: newest step first, columns LAYER CREATED SIZE CREATED BY
// COMMENT, where LAYER is the layer index the step made ("-" for an empty step) and SIZE what
// docker counts for it (dockerLayerSize: its files and symlinks).
QByteArray historyText(const ImageInfo &image,
                       const std::vector<std::shared_ptr<const LayerTree>> &layers);

} // namespace strata

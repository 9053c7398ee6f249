#pragma once

#include <QString>
#include <QtGlobal>

namespace strata {

struct LayerInfo;
struct LayerTree;

// The size a layer is drawn and listed with: what its files hold (what `docker history`
// and dive show) when known, else its tar stream, else its blob as stored. -1 when nothing
// is known. `tree` may be null.
qint64 layerDisplaySize(const LayerInfo &layer, const LayerTree *tree);

} // namespace strata

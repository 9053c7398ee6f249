#include "models/sizetext.h"

#include "image/imageinfo.h"
#include "tree/layertree.h"

#include <QCoreApplication>
#include <QLocale>

namespace strata {

qint64 layerDisplaySize(const LayerInfo &layer, const LayerTree *tree)
{
    if (tree && !tree->error.isError())
        return tree->contentSize;
    if (layer.contentSize >= 0)
        return layer.contentSize;
    if (layer.tarSize >= 0)
        return layer.tarSize;
    if (layer.blobSize >= 0)
        return layer.blobSize;
    return layer.declaredSize;
}

} // namespace strata

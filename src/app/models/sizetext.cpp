#include "models/sizetext.h"

#include "image/imageinfo.h"
#include "tree/layertree.h"

#include <QCoreApplication>
#include <QLocale>

namespace strata {

QString formatDataSize(qint64 bytes)
{
    const QLocale locale;
    if (bytes < 0)
        return QCoreApplication::translate("strata::DataSize", "?");
    if (bytes < 1000)
        return QCoreApplication::translate("strata::DataSize", "%1 B").arg(locale.toString(bytes));
    return locale.formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

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

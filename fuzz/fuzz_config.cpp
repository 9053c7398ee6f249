// Image config parsing (the same shape as docker's container config) and created_by cleaning.
#include "image/historytext.h"
#include "image/imageconfig.h"

using namespace strata;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    ImageInfo image;
    parseImageConfig(bytes, &image);
    attachHistory(&image);
    computeChainIds(&image.layers);
    cleanCreatedBy(QString::fromUtf8(bytes));
    return 0;
}

// Layer indexing and the overlay merge: the input is one layer tar (any compression), indexed
// as two layers (so whiteouts and opaque markers act on something) and merged.
#include "report/treereport.h"
#include "tree/layerindexer.h"
#include "tree/overlaymerge.h"

using namespace strata;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    LayerIndexOptions options;
    options.minInflationLimit = 64 << 20; // keep each run short
    std::vector<std::shared_ptr<const LayerTree>> layers;
    for (int i = 0; i < 2; ++i) {
        BufferSource source(bytes);
        options.layer = uint16_t(i);
        layers.push_back(std::make_shared<const LayerTree>(
            indexLayer(source, options, QStringLiteral("fuzz"), QStringLiteral("layer"))));
    }
    const FileTree lower = mergeLayers(layers, 0);
    const FileTree merged = mergeLayers(layers, 1);
    classifyLayerChanges(layers[1]->tree, &lower);
    mergedTreeTsv(merged, layers);
    layerChangesTsv(layers[1]->tree, 1, &lower);
    if (merged.nodeCount() > 1)
        pathOccurrences(layers, 1, merged.path(merged.nodeCount() - 1));
    return 0;
}

#include "engine/enginehistory.h"

#include "analysis/layerreuse.h"
#include "common/datasize.h"

#include <QDateTime>

namespace strata {

QStringList compareEngineHistory(const QList<EngineHistoryEntry> &engine, EngineKind kind,
                                 const ImageInfo &image,
                                 const std::vector<std::shared_ptr<const LayerTree>> &layers)
{
    QStringList differences;
    // A container's read-write layer is not part of the image's history.
    const qsizetype layerCount = image.layers.size() - (image.container ? 1 : 0);
    if (image.history.isEmpty())
        return differences; // the engine makes one row per layer up; nothing to compare
    if (engine.size() != image.history.size()) {
        differences << QStringLiteral("the engine's history has %1 steps, the image config %2")
                           .arg(engine.size())
                           .arg(image.history.size());
        return differences;
    }
    for (qsizetype i = 0; i < image.history.size(); ++i) {
        const HistoryEntry &step = image.history[i];
        const EngineHistoryEntry &row = engine[engine.size() - 1 - i];
        if (row.createdBy != step.createdByRaw)
            differences << QStringLiteral("step %1: the engine says \"%2\", the config \"%3\"")
                               .arg(i + 1)
                               .arg(row.createdBy, step.createdByRaw);
        const QDateTime created = QDateTime::fromString(step.created, Qt::ISODateWithMs);
        if (created.isValid() && row.created != created.toSecsSinceEpoch())
            differences << QStringLiteral("step %1: the engine dates it %2, the config %3")
                               .arg(i + 1)
                               .arg(QDateTime::fromSecsSinceEpoch(row.created, Qt::UTC)
                                        .toString(Qt::ISODate),
                                    step.created);
        const int layer = step.layer;
        const bool ownLayer = !step.emptyLayer && layer >= 0 && layer < layerCount;
        if (!ownLayer) {
            if (row.size != 0)
                differences << QStringLiteral("step %1 makes no layer, but the engine gives it %2")
                                   .arg(i + 1)
                                   .arg(formatDataSize(row.size));
            continue;
        }
        if (size_t(layer) >= layers.size() || !layers[size_t(layer)] ||
            layers[size_t(layer)]->error)
            continue;
        const LayerTree &tree = *layers[size_t(layer)];
        const qint64 size = kind == EngineKind::Podman ? tree.tarSize : dockerLayerSize(tree);
        if (row.size != size)
            differences << QStringLiteral("layer %1: the engine counts %2 bytes, Strata %3")
                               .arg(layer)
                               .arg(row.size)
                               .arg(size);
    }
    return differences;
}

} // namespace strata

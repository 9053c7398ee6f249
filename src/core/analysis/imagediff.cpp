#include "analysis/imagediff.h"

#include "common/saturating.h"
#include "common/workerpool.h"
#include "tree/overlaymerge.h"

#include <QHash>
#include <QtConcurrent/QtConcurrentRun>

namespace strata {

namespace {
// What identifies a layer's bytes: the diff ID, or for legacy v1 archives (no diff IDs) the
// digest of layer.tar.
QString contentId(const LayerInfo &layer)
{
    return layer.diffId.isEmpty() ? layer.blobDigest : layer.diffId;
}

std::vector<int> firstSameContent(const QList<LayerInfo> &from, int count,
                                  const QList<LayerInfo> &to, int toCount)
{
    QHash<QString, int> firstIndex;
    for (int i = toCount; i-- > 0;) {
        const QString id = contentId(to[i]);
        if (!id.isEmpty())
            firstIndex.insert(id, i);
    }
    std::vector<int> map(size_t(count), -1);
    for (int i = 0; i < count; ++i)
        map[size_t(i)] = firstIndex.value(contentId(from[i]), -1);
    return map;
}

SideSummary summarize(const DiffSide &side, const FileTree &merged)
{
    SideSummary s;
    const int top = side.topLayer();
    const QList<LayerInfo> &infos = side.info().layers;
    s.layerCount = top + 1;
    for (int i = 0; i <= top; ++i) {
        const LayerTree *tree =
            size_t(i) < side.layers.size() ? side.layers[size_t(i)].get() : nullptr;
        const qint64 size = tree ? tree->contentSize : i < infos.size() ? infos[i].contentSize : -1;
        addSaturating(s.totalSize, qMax<qint64>(0, size));
    }
    for (uint32_t i = 1; i < merged.nodeCount(); ++i) {
        if (!merged.node(i).isDir())
            ++s.fileCount;
    }
    s.entryCount = merged.nodeCount() - 1;
    s.mergedSize = qint64(merged.totalSize(0));
    return s;
}
} // namespace

bool DiffSummary::sizeDeltaPercent(double *percent) const
{
    if (a.totalSize <= 0)
        return false;
    *percent = 100.0 * double(sizeDelta()) / double(a.totalSize);
    return true;
}

LayerAlignment alignLayers(const ImageInfo &a, int topA, const ImageInfo &b, int topB)
{
    LayerAlignment alignment;
    alignment.countA = qBound(0, topA + 1, int(a.layers.size()));
    alignment.countB = qBound(0, topB + 1, int(b.layers.size()));
    // Equal chain IDs at i mean equal layers 0..i; without chain IDs (legacy v1 archives),
    // the same holds for equal content IDs all the way up.
    while (alignment.shared < alignment.countA && alignment.shared < alignment.countB) {
        const LayerInfo &la = a.layers[alignment.shared];
        const LayerInfo &lb = b.layers[alignment.shared];
        const bool same = !la.chainId.isEmpty() || !lb.chainId.isEmpty()
                              ? la.chainId == lb.chainId
                              : !contentId(la).isEmpty() && contentId(la) == contentId(lb);
        if (!same)
            break;
        ++alignment.shared;
    }
    alignment.sameContentA =
        firstSameContent(a.layers, alignment.countA, b.layers, alignment.countB);
    alignment.sameContentB =
        firstSameContent(b.layers, alignment.countB, a.layers, alignment.countA);
    return alignment;
}

LayerIdentity layerIdentity(const ImageInfo &a, const ImageInfo &b)
{
    QHash<QString, int> numbers;
    auto number = [&](const LayerInfo &layer) {
        const QString id = contentId(layer);
        if (id.isEmpty())
            return -1;
        auto it = numbers.constFind(id);
        if (it == numbers.constEnd())
            it = numbers.insert(id, int(numbers.size()));
        return it.value();
    };
    LayerIdentity identity;
    for (const LayerInfo &layer : a.layers)
        identity.a.push_back(number(layer));
    for (const LayerInfo &layer : b.layers)
        identity.b.push_back(number(layer));
    return identity;
}

QList<HistoryEntry> historyUpTo(const ImageInfo &image, int top)
{
    if (top < 0 || top + 1 >= image.layers.size())
        return image.history;
    const int step = image.layers[top].historyIndex;
    return step < 0 ? image.history : image.history.mid(0, step + 1);
}

ImageComparison compareImages(DiffSide a, DiffSide b, std::shared_ptr<const FileTree> mergedA,
                              std::shared_ptr<const FileTree> mergedB)
{
    ImageComparison c;
    const int topA = a.topLayer(), topB = b.topLayer();
    if (!mergedB && mergedA && a.source == b.source && a.image == b.image && topA == topB)
        mergedB = mergedA; // an image against itself
    QFuture<FileTree> mergingA;
    if (!mergedA)
        mergingA =
            QtConcurrent::run(workerPool(), [&a, topA] { return mergeLayers(a.layers, topA); });
    if (!mergedB)
        mergedB = std::make_shared<const FileTree>(mergeLayers(b.layers, topB));
    if (!mergedA)
        mergedA = std::make_shared<const FileTree>(mergingA.result());

    c.summary.a = summarize(a, *mergedA);
    c.summary.b = summarize(b, *mergedB);
    c.layers = alignLayers(a.info(), topA, b.info(), topB);
    c.history = diffHistories(historyUpTo(a.info(), topA), historyUpTo(b.info(), topB));
    c.config = diffConfigs(a.info(), b.info());
    c.files = TreeDiff::compare(mergedA, mergedB, layerIdentity(a.info(), b.info()));
    c.a = std::move(a);
    c.b = std::move(b);
    return c;
}

} // namespace strata

#include "analysis/layerreuse.h"

#include "common/saturating.h"
#include "common/sha256.h"
#include "source/imagesource.h"

#include <QHash>
#include <QMap>

#include <algorithm>
#include <climits>
#include <cstdlib>

namespace strata {

QString layerMatchName(LayerMatch match)
{
    switch (match) {
    case LayerMatch::ChainId:
        return QStringLiteral("chainId");
    case LayerMatch::BlobDigest:
        return QStringLiteral("blobDigest");
    case LayerMatch::V1Id:
        return QStringLiteral("v1Id");
    case LayerMatch::Member:
        return QStringLiteral("member");
    }
    return {};
}

qint64 dockerLayerSize(const LayerTree &layer)
{
    qint64 size = 0;
    const FileTree &tree = layer.tree;
    for (uint32_t i = 1; i < tree.nodeCount(); ++i) {
        const FileNode &node = tree.node(i);
        if (node.isDir() || node.isWhiteout())
            continue;
        if (node.type == FileType::Regular)
            addSaturating(size, qint64(node.size));
        else if (node.type == FileType::Symlink)
            addSaturating(size, qint64(tree.linkTarget(i).size())); // lstat size of a symlink
        // Hard links share their target's inode (counted there); devices and fifos are 0.
    }
    return size;
}

std::vector<ReuseInput> reuseInputs(const ImageSource &source)
{
    std::vector<ReuseInput> inputs;
    const std::vector<ImageInfo> &images = source.images();
    for (size_t i = 0; i < images.size(); ++i) {
        if (images[i].otherPlatform)
            continue;
        // A container's image: its read-write layer is a container here, not an image layer.
        ImageInfo image = images[i];
        while (!image.layers.isEmpty() && image.layers.last().readWrite)
            image.layers.removeLast();
        image.container.reset();
        inputs.push_back(ReuseInput{source.location(), int(i), std::move(image), {}});
    }
    return inputs;
}

namespace {

// What identifies one layer's content, and how much that says.
struct ContentKey
{
    QString key;
    LayerMatch basis = LayerMatch::ChainId;
};

ContentKey contentKeyOf(const ReuseInput &input, const LayerInfo &layer)
{
    if (!layer.diffId.isEmpty())
        return {layer.diffId, LayerMatch::ChainId};
    if (!layer.blobDigest.isEmpty())
        return {layer.blobDigest, LayerMatch::BlobDigest};
    if (!layer.v1Id.isEmpty())
        return {QStringLiteral("v1:") + layer.v1Id, LayerMatch::V1Id};
    return {input.location + QLatin1Char('!') + layer.member, LayerMatch::Member};
}

QString substituteChain(const QString &below, const QString &content)
{
    const QByteArray text =
        (below.isEmpty() ? content : below + QLatin1Char(' ') + content).toUtf8();
    return QStringLiteral("sha256:") + QString::fromLatin1(Sha256::hash(text).toHex());
}

const LayerTree *readLayer(const ReuseInput &input, int position)
{
    if (size_t(position) >= input.layers.size())
        return nullptr;
    const LayerTree *tree = input.layers[size_t(position)].get();
    return tree && !tree->error ? tree : nullptr;
}

QString shortKey(const QString &key)
{
    return key.startsWith(QStringLiteral("sha256:")) ? shortDigest(key) : key;
}

class ReuseBuilder
{
public:
    explicit ReuseBuilder(const std::vector<ReuseInput> &inputs) : m_inputs(inputs) {}

    ReuseAnalysis build(const std::vector<ContainerSpec> &containers)
    {
        mergeImages();
        for (size_t i = 0; i < m_result.images.size(); ++i)
            addLayersOf(int(i));
        noteSubstituteChains();
        sumImages();
        groupSameDiffs();
        placeColumns();
        addContainers(containers);
        sumTotals();
        return std::move(m_result);
    }

private:
    // One image ID is one image, wherever it was found.
    void mergeImages()
    {
        QHash<QString, int> byId;
        for (size_t i = 0; i < m_inputs.size(); ++i) {
            const ImageInfo &info = m_inputs[i].image;
            const auto found = info.id.isEmpty() ? byId.constEnd() : byId.constFind(info.id);
            if (found != byId.constEnd()) {
                ReuseImage &image = m_result.images[size_t(*found)];
                image.inputs << int(i);
                for (const QString &name : info.names) {
                    if (!image.names.contains(name))
                        image.names << name;
                }
                if (!image.archives.contains(m_inputs[i].location))
                    image.archives << m_inputs[i].location;
                continue;
            }
            ReuseImage image;
            image.name = info.displayName();
            image.names = info.names;
            image.id = info.id;
            image.archives << m_inputs[i].location;
            image.inputs << int(i);
            if (!info.id.isEmpty())
                byId.insert(info.id, int(m_result.images.size()));
            m_result.images.push_back(image);
            m_inputOfImage.push_back(int(i));
        }
        for (const ReuseImage &image : m_result.images) {
            if (image.inputs.size() > 1)
                m_result.notes << QStringLiteral("%1 (image %2) was given %3 times: counted once")
                                      .arg(image.name, shortDigest(image.id))
                                      .arg(image.inputs.size());
        }
    }

    // The layer read at `position` by any input of the image, or null.
    const LayerTree *readLayerOf(const ReuseImage &image, int position) const
    {
        for (int input : image.inputs) {
            if (const LayerTree *tree = readLayer(m_inputs[size_t(input)], position))
                return tree;
        }
        return nullptr;
    }

    void addLayersOf(int imageIndex)
    {
        ReuseImage &image = m_result.images[size_t(imageIndex)];
        const ReuseInput &input = m_inputs[size_t(m_inputOfImage[size_t(imageIndex)])];
        const QList<LayerInfo> &layers = input.image.layers;
        QString below;
        LayerMatch weakest = LayerMatch::ChainId;
        for (int position = 0; position < int(layers.size()); ++position) {
            const LayerInfo &info = layers[position];
            const ContentKey content = contentKeyOf(input, info);
            weakest = std::max(weakest, content.basis);
            const bool realChain = !info.chainId.isEmpty();
            const QString key = realChain ? info.chainId : substituteChain(below, content.key);
            below = key;

            int index = m_layerByKey.value(key, -1);
            if (index < 0) {
                index = int(m_result.layers.size());
                m_layerByKey.insert(key, index);
                ReuseLayer layer;
                layer.diffId = info.diffId;
                layer.chainId = info.chainId;
                layer.key = key;
                layer.matchedBy = realChain ? LayerMatch::ChainId : weakest;
                layer.position = position;
                layer.size = qMax<qint64>(0, info.blobSize);
                layer.blobSize = info.blobSize;
                if (info.historyIndex >= 0 && info.historyIndex < input.image.history.size())
                    layer.createdBy = input.image.history[info.historyIndex].createdBy;
                m_result.layers.push_back(layer);
                m_contentKeys.push_back(content);
            }
            ReuseLayer &layer = m_result.layers[size_t(index)];
            layer.images << imageIndex;
            if (layer.sizeSource != SizeSource::Files) {
                if (const LayerTree *tree = readLayerOf(image, position)) {
                    layer.size = dockerLayerSize(*tree);
                    layer.sizeSource = SizeSource::Files;
                }
            }
            image.layers << index;
        }
        if (weakest != LayerMatch::ChainId)
            m_withoutDiffIds[weakest] << image.name;
        m_result.maxDepth = std::max(m_result.maxDepth, int(layers.size()));
    }

    void noteSubstituteChains()
    {
        for (auto it = m_withoutDiffIds.cbegin(); it != m_withoutDiffIds.cend(); ++it) {
            const QString basis =
                it.key() == LayerMatch::V1Id         ? QStringLiteral("their v1 layer ids")
                : it.key() == LayerMatch::BlobDigest ? QStringLiteral("their blob digests")
                                                     : QStringLiteral("their place in the archive");
            m_result.notes
                << QStringLiteral(
                       "no diff_ids (docker save before 1.10?) in %1: layers matched by %2 "
                       "instead of chain IDs; a same diff on another chain is not recognised")
                       .arg(it.value().join(QStringLiteral(", ")), basis);
        }
    }

    void sumImages()
    {
        for (ReuseImage &image : m_result.images) {
            for (int index : image.layers) {
                const ReuseLayer &layer = m_result.layers[size_t(index)];
                addSaturating(image.size, layer.size);
                if (layer.isShared())
                    addSaturating(image.sharedSize, layer.size);
            }
            image.uniqueSize = image.size - image.sharedSize;
        }
    }

    // Which image shows `layer`'s stack: its first.
    const ReuseImage &imageOf(int layer) const
    {
        return m_result.images[size_t(m_result.layers[size_t(layer)].images.first())];
    }

    QString contentAt(const ReuseImage &image, int position) const
    {
        const int layer = image.layers[position];
        const ContentKey &content = m_contentKeys[size_t(layer)];
        return shortKey(content.key);
    }

    ReuseDivergence diverge(int reference, int layer) const
    {
        const ReuseImage &a = imageOf(reference);
        const ReuseImage &b = imageOf(layer);
        const int p = m_result.layers[size_t(reference)].position;
        const int q = m_result.layers[size_t(layer)].position;
        const int common = std::min(p, q);
        int k = 0;
        while (k < common &&
               m_contentKeys[size_t(a.layers[k])].key == m_contentKeys[size_t(b.layers[k])].key)
            ++k;
        ReuseDivergence d{layer, reference, k, {}};
        if (k < common) {
            d.reason =
                QStringLiteral(
                    "same diff on a different chain: the layers below differ from position %1 "
                    "(%2 has %3 there, %4 has %5)")
                    .arg(k)
                    .arg(a.name, contentAt(a, k), b.name, contentAt(b, k));
        } else if (p != q) {
            const ReuseImage &deeper = p > q ? a : b;
            const int extra = std::abs(p - q);
            d.reason =
                QStringLiteral(
                    "same diff on a different chain: it is layer %1 of %2 but layer %3 of %4, "
                    "which has %5 more layer(s) below it (%6 at position %7)")
                    .arg(p)
                    .arg(a.name)
                    .arg(q)
                    .arg(b.name)
                    .arg(extra)
                    .arg(contentAt(deeper, k))
                    .arg(k);
        } else {
            // Only possible when one side has a real chain ID and the other a substitute.
            d.reason =
                QStringLiteral("same diff, but the layers below are identified differently (%1 by "
                               "%2, %3 by %4)")
                    .arg(a.name, layerMatchName(m_result.layers[size_t(reference)].matchedBy),
                         b.name, layerMatchName(m_result.layers[size_t(layer)].matchedBy));
        }
        return d;
    }

    // A diff_id (or, without one, a blob digest) stored on more than one chain. v1 ids and
    // member paths name a layer together with its parents, so they never group.
    void groupSameDiffs()
    {
        QHash<QString, int> groupOf;
        for (size_t i = 0; i < m_result.layers.size(); ++i) {
            const ContentKey &content = m_contentKeys[i];
            if (content.basis != LayerMatch::ChainId && content.basis != LayerMatch::BlobDigest)
                continue;
            const int group = groupOf.value(content.key, -1);
            if (group < 0) {
                groupOf.insert(content.key, int(m_result.sameDiff.size()));
                m_result.sameDiff.push_back(ReuseSameDiff{content.key, {int(i)}, {}});
            } else {
                m_result.sameDiff[size_t(group)].layers << int(i);
            }
        }
        std::vector<ReuseSameDiff> kept;
        for (ReuseSameDiff &group : m_result.sameDiff) {
            if (group.layers.size() < 2)
                continue;
            for (qsizetype j = 1; j < group.layers.size(); ++j)
                group.divergences.push_back(diverge(group.layers.first(), group.layers[j]));
            for (int layer : group.layers)
                m_result.layers[size_t(layer)].sameDiffGroup = int(kept.size());
            kept.push_back(std::move(group));
        }
        m_result.sameDiff = std::move(kept);
    }

    // Sorting the stacks lexicographically by layer index (= order of first appearance) puts
    // every image that shares a prefix next to each other, so each layer spans one run of
    // columns, and keeps the first image on the left.
    void placeColumns()
    {
        QList<int> order;
        for (size_t i = 0; i < m_result.images.size(); ++i)
            order << int(i);
        std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
            const QList<int> &la = m_result.images[size_t(a)].layers;
            const QList<int> &lb = m_result.images[size_t(b)].layers;
            return std::lexicographical_compare(la.begin(), la.end(), lb.begin(), lb.end());
        });
        m_result.columns = order;
        for (qsizetype column = 0; column < order.size(); ++column)
            m_result.images[size_t(order[column])].column = int(column);
        for (ReuseLayer &layer : m_result.layers) {
            layer.firstColumn = INT_MAX;
            layer.lastColumn = -1;
            for (int image : layer.images) {
                layer.firstColumn =
                    std::min(layer.firstColumn, m_result.images[size_t(image)].column);
                layer.lastColumn =
                    std::max(layer.lastColumn, m_result.images[size_t(image)].column);
            }
        }
    }

    void addContainers(const std::vector<ContainerSpec> &specs)
    {
        for (const ContainerSpec &spec : specs) {
            int image = -1;
            for (size_t i = 0; i < m_result.images.size() && image < 0; ++i) {
                if (m_result.images[i].inputs.contains(spec.input))
                    image = int(i);
            }
            if (image < 0) {
                m_result.notes
                    << QStringLiteral(
                           "a container on image input %1 was ignored: there is no such input")
                           .arg(spec.input);
                continue;
            }
            ReuseImage &owner = m_result.images[size_t(image)];
            ReuseContainer container;
            container.image = image;
            container.size = qMax<qint64>(0, spec.size);
            container.measured = spec.measured;
            container.state = spec.state;
            container.name = spec.name.isEmpty()
                                 ? QStringLiteral("container %1").arg(owner.containers.size() + 1)
                                 : spec.name;
            owner.containers << int(m_result.containers.size());
            m_result.containers.push_back(container);
        }
    }

    void sumTotals()
    {
        ReuseTotals &t = m_result.totals;
        for (const ReuseImage &image : m_result.images) {
            addSaturating(t.imagesSum, image.size);
            t.layerReferences += int(image.layers.size());
        }
        int unread = 0;
        for (const ReuseLayer &layer : m_result.layers) {
            addSaturating(t.storedOnce, layer.size);
            ++t.storedLayers;
            if (layer.isShared())
                ++t.sharedLayers;
            if (layer.sizeSource == SizeSource::Blob)
                ++unread;
        }
        t.estimated = unread > 0;
        if (unread > 0)
            m_result.notes
                << QStringLiteral(
                       "%1 layer(s) were not read: their blob sizes stand in (compressed sizes "
                       "for compressed blobs)")
                       .arg(unread);
        t.saved = t.imagesSum - t.storedOnce;
        t.savedPercent = t.imagesSum > 0 ? 100.0 * double(t.saved) / double(t.imagesSum) : 0.0;
        for (const ReuseContainer &container : m_result.containers) {
            ++t.containers;
            if (!container.measured)
                t.containersAssumed = true;
            addSaturating(t.containersSize, container.size);
            addSaturating(t.containersIfCopied,
                          m_result.images[size_t(container.image)].size + container.size);
        }
        t.storedWithContainers = t.storedOnce + t.containersSize;
    }

    const std::vector<ReuseInput> &m_inputs;
    ReuseAnalysis m_result;
    std::vector<int> m_inputOfImage; // the first input of each image: its metadata is used
    QHash<QString, int> m_layerByKey;
    std::vector<ContentKey> m_contentKeys;          // parallel to m_result.layers
    QMap<LayerMatch, QStringList> m_withoutDiffIds; // image names by the weakest identity used
};

} // namespace

ReuseAnalysis analyzeReuse(const std::vector<ReuseInput> &inputs,
                           const std::vector<ContainerSpec> &containers)
{
    return ReuseBuilder(inputs).build(containers);
}

} // namespace strata

#include "analysis/contentdiff.h"

#include "archive/bytesource.h"
#include "common/sha256.h"
#include "source/imagesource.h"
#include "tree/layerreader.h"

#include <map>
#include <string>
#include <unordered_map>

namespace strata {

namespace {
using Digest = QByteArray; // SHA-256; empty when the file was not found

// The files to hash on one side: for each layer, path → slot in the digest list.
class SideHasher
{
public:
    SideHasher(const ImageSource &source, int image) : m_source(source), m_image(image) {}

    size_t request(uint16_t layer, std::string path)
    {
        const size_t slot = m_digests.size();
        m_digests.emplace_back();
        if (layer < m_source.images().at(size_t(m_image)).layers.size())
            m_wanted[layer].emplace(std::move(path), slot);
        return slot;
    }

    int layerCount() const { return int(m_wanted.size()); }
    const Digest &digest(size_t slot) const { return m_digests[slot]; }

    // Streams every layer that holds a requested file once.
    bool run(const ContentObserver &observer, int *layersDone, int layerCount, Error *error)
    {
        if (m_wanted.empty())
            return true;
        std::vector<int> layers;
        for (const auto &wanted : m_wanted)
            layers.push_back(wanted.first);
        Error hashError;
        const bool read = m_source.readLayerBlobs(
            m_image, layers,
            [&](int layer, ByteSource &blob) {
                const bool ok = hashLayer(blob, layer, observer.cancel, &hashError);
                ++*layersDone;
                if (observer.progress)
                    observer.progress(*layersDone, layerCount);
                return ok;
            },
            error);
        if (hashError)
            *error = hashError;
        return read && !error->isError();
    }

private:
    bool hashLayer(ByteSource &blob, int layer, const std::atomic_bool *cancel, Error *error)
    {
        const std::unordered_map<std::string, size_t> &files = m_wanted.at(layer);
        LayerReader reader(blob, m_source.location(),
                           m_source.images().at(size_t(m_image)).layers.at(layer).member);
        LayerEntry entry;
        std::vector<char> buffer(1 << 16);
        while (reader.next(&entry)) {
            if (cancel && cancel->load()) {
                *error = Error::make(Error::Kind::Cancelled, m_source.location(),
                                     QStringLiteral("the content comparison was cancelled"));
                return false;
            }
            if (entry.type != FileType::Regular)
                continue;
            const auto it = files.find(entry.path);
            if (it == files.end())
                continue;
            // The last entry of a path wins, as in the merge: a later copy overwrites.
            Sha256 hash;
            qint64 got = 0;
            while ((got = reader.read(buffer.data(), qint64(buffer.size()))) > 0)
                hash.addData(QByteArrayView(buffer.data(), got));
            if (got < 0)
                break;
            m_digests[it->second] = hash.result();
        }
        if (reader.error()) {
            *error = reader.error();
            return false;
        }
        return true;
    }

    const ImageSource &m_source;
    int m_image;
    std::map<int, std::unordered_map<std::string, size_t>> m_wanted; // layer → files
    std::vector<Digest> m_digests;
};
} // namespace

ContentComparison compareContent(const TreeDiff &diff, const ImageSource &sourceA, int imageA,
                                 const ImageSource &sourceB, int imageB,
                                 const ContentObserver &observer)
{
    ContentComparison result;
    SideHasher sideA(sourceA, imageA);
    SideHasher sideB(sourceB, imageB);
    std::vector<std::pair<size_t, size_t>> requested;
    const std::vector<uint32_t> candidates = diff.contentCandidates();
    for (uint32_t index : candidates) {
        const DiffEntry &e = diff.entry(index);
        const std::string path = diff.path(index);
        requested.emplace_back(sideA.request(diff.treeA().node(e.nodeA).layer, path),
                               sideB.request(diff.treeB().node(e.nodeB).layer, path));
    }
    int done = 0;
    const int total = sideA.layerCount() + sideB.layerCount();
    if (!sideA.run(observer, &done, total, &result.error) ||
        !sideB.run(observer, &done, total, &result.error))
        return result;
    for (size_t k = 0; k < candidates.size(); ++k) {
        const Digest &da = sideA.digest(requested[k].first);
        const Digest &db = sideB.digest(requested[k].second);
        if (da.isEmpty() || db.isEmpty())
            continue;
        result.entries.push_back(candidates[k]);
        result.different.push_back(da != db);
    }
    return result;
}

} // namespace strata

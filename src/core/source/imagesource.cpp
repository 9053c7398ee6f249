#include "source/imagesource.h"

#include "archive/bytesource.h"
#include "common/limits.h"
#include "common/paths.h"
#include "common/workerpool.h"
#include "tree/layerindexer.h"
#include "tree/layerreader.h"
#include "tree/symlinkparents.h"

#include <QMutex>
#include <QtConcurrent/QtConcurrentMap>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <set>

namespace strata {

// Layers already indexed, by blob: shared by every position and image that uses the blob.
struct ImageSource::TreeCache
{
    QMutex mutex;
    std::map<std::string, std::shared_ptr<const LayerTree>> layers;
};

ImageSource::ImageSource(QString location)
    : m_location(std::move(location)), m_trees(std::make_unique<TreeCache>())
{
}

ImageSource::~ImageSource() = default;

std::unique_ptr<ByteSource> ImageSource::openBlob(const LayerInfo &layer, Error *error) const
{
    *error =
        Error::make(Error::Kind::Io, m_location,
                    QStringLiteral("the layer blob cannot be opened on its own"), layer.member);
    return nullptr;
}

bool ImageSource::streamBlobs(const std::vector<const LayerInfo *> &layers,
                              const BlobStreamer &read, Error *error) const
{
    for (const LayerInfo *layer : layers) {
        std::unique_ptr<ByteSource> blob = openBlob(*layer, error);
        if (!blob)
            return false;
        if (!read(*layer, *blob))
            return true;
    }
    return true;
}

bool ImageSource::fetchesBlobs() const
{
    return false;
}

bool ImageSource::fetchBlob(const LayerInfo &, const std::function<void(qint64)> &,
                            const std::atomic_bool *, Error *) const
{
    return true;
}

bool ImageSource::isFetched(const LayerInfo &) const
{
    return true;
}

QString ImageSource::openedDigest(const LayerInfo &layer) const
{
    return layer.blobDigest;
}

qint64 ImageSource::bytesToFetch(int image, int top) const
{
    if (!fetchesBlobs() || image < 0 || size_t(image) >= m_images.size())
        return 0;
    const ImageInfo &info = m_images[size_t(image)];
    const qsizetype end =
        top < 0 ? info.layers.size() : qMin<qsizetype>(top + 1, info.layers.size());
    std::set<std::string> counted;
    qint64 bytes = 0;
    for (qsizetype i = 0; i < end; ++i) {
        const LayerInfo &layer = info.layers[i];
        if (!isFetched(layer) && counted.insert(blobKey(layer)).second)
            bytes += qMax<qint64>(0, layer.declaredSize);
    }
    return bytes;
}

std::shared_ptr<const LayerTree> ImageSource::builtLayer(const LayerInfo &) const
{
    return nullptr;
}

QByteArray ImageSource::readBuiltFile(const LayerInfo &layer, const std::string &, qint64,
                                      Error *error) const
{
    *error = Error::make(Error::Kind::NotFound, m_location,
                         QStringLiteral("the layer has no files to read"), layer.member);
    return {};
}

namespace {
// "nginx" means "docker.io/library/nginx:latest" to docker; accept every spelling of a name.
QString canonicalName(QString name)
{
    for (const char *prefix :
         {"docker.io/library/", "index.docker.io/library/", "docker.io/", "index.docker.io/"}) {
        if (name.startsWith(QLatin1String(prefix))) {
            name = name.mid(qsizetype(strlen(prefix)));
            break;
        }
    }
    const qsizetype slash = name.lastIndexOf(QLatin1Char('/'));
    if (name.indexOf(QLatin1Char(':'), slash + 1) < 0 && !name.contains(QLatin1Char('@')))
        name += QStringLiteral(":latest");
    return name;
}
} // namespace

int ImageSource::findImage(const QString &ref, Error *error) const
{
    *error = {};
    const int count = int(m_images.size());
    if (ref.isEmpty()) {
        std::vector<int> primary;
        for (int i = 0; i < count; ++i) {
            if (!m_images[size_t(i)].otherPlatform)
                primary.push_back(i);
        }
        if (primary.size() == 1)
            return primary.front();
        QStringList names;
        for (int i : primary)
            names << m_images[size_t(i)].displayName();
        *error =
            Error::make(Error::Kind::AmbiguousImage, m_location,
                        QStringLiteral("holds %1 images (%2); choose one with --image NAME or @N")
                            .arg(primary.size())
                            .arg(names.join(QStringLiteral(", "))));
        return -1;
    }
    if (ref.startsWith(QLatin1Char('@'))) {
        bool ok = false;
        const int n = ref.mid(1).toInt(&ok);
        if (ok && n >= 0 && n < count)
            return n;
    }
    const QString wanted = canonicalName(ref);
    for (int i = 0; i < count; ++i) {
        for (const QString &name : m_images[size_t(i)].names) {
            // ":TAG" names an image by its tag alone (OCI layouts).
            const bool tagOnly = name.startsWith(QLatin1Char(':'));
            if (name == ref || (tagOnly && name.mid(1) == ref) ||
                (!tagOnly && canonicalName(name) == wanted))
                return i;
        }
    }
    // An ID or its prefix, with or without "sha256:", or a platform "linux/arm64".
    QString hex = ref;
    if (hex.startsWith(QStringLiteral("sha256:")))
        hex = hex.mid(7);
    int match = -1;
    for (int i = 0; i < count; ++i) {
        const ImageInfo &image = m_images[size_t(i)];
        const bool idMatch = hex.size() >= 4 && shortDigest(image.id, 64).startsWith(hex);
        if (idMatch || image.platform.toString() == ref) {
            if (match >= 0 && match != i) {
                *error = Error::make(Error::Kind::AmbiguousImage, m_location,
                                     QStringLiteral("\"%1\" matches more than one image").arg(ref));
                return -1;
            }
            match = i;
        }
    }
    if (match < 0)
        *error = Error::make(Error::Kind::NoSuchImage, m_location,
                             QStringLiteral("has no image \"%1\"").arg(ref));
    return match;
}

// One loadLayers() call: which blobs to read, their progress, and the trees as they come.
class ImageSource::LayerLoad
{
public:
    LayerLoad(ImageSource &source, const ImageInfo &info, const LoadObserver &observer)
        : m_source(source), m_info(info), m_observer(observer),
          m_result(size_t(info.layers.size())),
          m_fetched(source.fetchesBlobs() ? size_t(info.layers.size()) : 0)
    {
    }

    // Takes the trees already indexed from the cache and lists each blob still to read once.
    void plan(const std::vector<int> &wanted)
    {
        m_wanted = int(wanted.size());
        QMutexLocker lock(&m_source.m_trees->mutex);
        std::map<std::string, size_t> blobOf;
        for (int i : wanted) {
            const LayerInfo &layer = m_info.layers.at(i);
            if (auto built = m_source.builtLayer(layer)) {
                m_result[size_t(i)] = std::move(built);
                ++m_layersDone;
                continue;
            }
            Error missing;
            if (!m_source.hasBlob(layer, &missing)) {
                auto tree = std::make_shared<LayerTree>();
                tree->error = missing;
                m_result[size_t(i)] = tree;
                ++m_layersDone;
                continue;
            }
            std::string key = m_source.blobKey(layer);
            if (const auto cached = m_source.m_trees->layers.find(key);
                cached != m_source.m_trees->layers.end()) {
                m_result[size_t(i)] = cached->second;
                ++m_layersDone;
                continue;
            }
            if (const auto known = blobOf.find(key); known != blobOf.end()) {
                m_todo[known->second].positions.push_back(i);
                continue;
            }
            const qint64 size =
                qMax<qint64>(0, layer.blobSize >= 0 ? layer.blobSize : layer.declaredSize);
            blobOf.emplace(key, m_todo.size());
            m_todo.push_back({&layer, std::move(key), size, {i}});
            // A blob fetched first is counted twice: the bytes received, then those indexed.
            m_bytesTotal += m_source.fetchesBlobs() ? 2 * size : size;
        }
    }

    void run()
    {
        m_inflationLimit = limits::inflationLimit(m_bytesTotal, limits::kMinImageInflation);
        report(QString());
        if (m_source.opensBlobs())
            readInParallel();
        else
            readInOnePass();
    }

    std::vector<std::shared_ptr<const LayerTree>> takeResult() { return std::move(m_result); }

private:
    struct Blob
    {
        const LayerInfo *layer;
        std::string key;
        qint64 size;
        std::vector<int> positions; // every position that uses the blob; the first is read
    };

    void readInParallel()
    {
        // Largest first, so one big layer does not start last and run alone.
        std::sort(m_todo.begin(), m_todo.end(),
                  [](const Blob &a, const Blob &b) { return a.size > b.size; });
        const bool fetches = m_source.fetchesBlobs();
        QtConcurrent::blockingMap(
            fetches ? fetchPool() : workerPool(), m_todo, [this, fetches](const Blob &blob) {
                Error openError;
                if (fetches && !fetch(blob, &openError)) {
                    // Not kept: a download that failed may work when asked again.
                    LayerTree unfetched;
                    unfetched.error = openError;
                    finish(blob, std::move(unfetched), false);
                    return;
                }
                std::unique_ptr<ByteSource> stream = m_source.openBlob(*blob.layer, &openError);
                if (!stream) {
                    LayerTree damaged;
                    damaged.error = openError;
                    finish(blob, std::move(damaged));
                    return;
                }
                index(blob, *stream);
            });
    }

    // Fetches happen mostly waiting on the network: more at once than there are cores.
    static QThreadPool *fetchPool()
    {
        static QThreadPool *pool = [] {
            auto *p = new QThreadPool;
            p->setMaxThreadCount(qMax(6, QThread::idealThreadCount()));
            return p;
        }();
        return pool;
    }

    bool fetch(const Blob &blob, Error *error)
    {
        qint64 counted = 0;
        const bool fetched = m_source.fetchBlob(
            *blob.layer,
            [&](qint64 received) {
                m_bytesDone += received - counted;
                counted = received;
                for (int i : blob.positions)
                    m_fetched[size_t(i)].store(received);
                report(blob.layer->member, OpenStage::Receiving);
            },
            m_observer.cancel, error);
        m_bytesDone += blob.size - counted;
        for (int i : blob.positions)
            m_fetched[size_t(i)].store(blob.size);
        return fetched;
    }

    // A compressed archive is read from its start once, its blobs in the order they are in.
    void readInOnePass()
    {
        std::vector<const LayerInfo *> layers;
        std::map<const LayerInfo *, const Blob *> byLayer;
        layers.reserve(m_todo.size());
        for (const Blob &blob : m_todo) {
            layers.push_back(blob.layer);
            byLayer.emplace(blob.layer, &blob);
        }
        Error streamError;
        m_source.streamBlobs(
            layers,
            [&](const LayerInfo &layer, ByteSource &stream) {
                index(*byLayer.at(&layer), stream);
                return !cancelled();
            },
            &streamError);
        for (const Blob &blob : m_todo) {
            if (m_result[size_t(blob.positions.front())])
                continue;
            LayerTree unread;
            unread.error = streamError.isError()
                               ? streamError
                               : Error::make(Error::Kind::Cancelled, m_source.location(),
                                             QStringLiteral("cancelled"));
            unread.error.member = blob.layer->member;
            for (int i : blob.positions)
                m_result[size_t(i)] = std::make_shared<const LayerTree>(unread);
        }
    }

    void index(const Blob &blob, ByteSource &stream)
    {
        LayerIndexOptions options;
        options.layer = uint16_t(blob.positions.front());
        options.cancel = m_observer.cancel;
        options.imageInflated = &m_inflated;
        options.imageInflationLimit = m_inflationLimit;
        qint64 counted = 0;
        options.progress = [&](qint64 bytes) {
            m_bytesDone += bytes - counted;
            counted = bytes;
            report(blob.layer->member);
        };
        LayerTree tree = indexLayer(stream, options, m_source.location(), blob.layer->member);
        m_bytesDone += blob.size - counted;
        finish(blob, std::move(tree));
    }

    void finish(const Blob &blob, LayerTree &&tree, bool keep = true)
    {
        auto shared = std::make_shared<const LayerTree>(std::move(tree));
        if (keep && shared->error.kind != Error::Kind::Cancelled) {
            QMutexLocker lock(&m_source.m_trees->mutex);
            m_source.m_trees->layers[blob.key] = shared;
        }
        for (int i : blob.positions) {
            m_result[size_t(i)] = shared;
            ++m_layersDone;
            if (m_observer.layerReady)
                m_observer.layerReady(i, shared);
        }
        report(blob.layer->member);
    }

    void report(const QString &current, OpenStage stage = OpenStage::Reading)
    {
        if (!m_observer.progress)
            return;
        QMutexLocker lock(&m_progressMutex);
        LoadProgress progress{
            stage, m_layersDone.load(), m_wanted, m_bytesDone.load(), m_bytesTotal, current, {}};
        for (const std::atomic<qint64> &bytes : m_fetched)
            progress.fetched.append(bytes.load());
        m_observer.progress(progress);
    }

    bool cancelled() const { return m_observer.cancel && m_observer.cancel->load(); }

    ImageSource &m_source;
    const ImageInfo &m_info;
    const LoadObserver &m_observer;
    std::vector<std::shared_ptr<const LayerTree>> m_result;
    std::vector<Blob> m_todo;
    int m_wanted = 0;
    qint64 m_bytesTotal = 0;
    std::atomic<qint64> m_bytesDone{0};
    std::atomic<int> m_layersDone{0};
    std::atomic<qint64> m_inflated{0}; // what the compressed layers read so far inflated to
    qint64 m_inflationLimit = 0;
    QMutex m_progressMutex;
    std::vector<std::atomic<qint64>> m_fetched; // bytes received per layer position
};

std::vector<std::shared_ptr<const LayerTree>> ImageSource::loadLayers(int image,
                                                                      const LoadObserver &observer,
                                                                      Error *error,
                                                                      const std::vector<int> &which)
{
    *error = {};
    const ImageInfo &info = m_images.at(size_t(image));
    std::vector<int> wanted = which;
    if (wanted.empty()) {
        wanted.resize(size_t(info.layers.size()));
        std::iota(wanted.begin(), wanted.end(), 0);
    }
    LayerLoad load(*this, info, observer);
    load.plan(wanted);
    load.run();
    if (observer.cancel && observer.cancel->load())
        *error = Error::make(Error::Kind::Cancelled, m_location,
                             QStringLiteral("loading was cancelled"));
    // Blobs are indexed alone; placed on the layers below them, a few entries move.
    return resolveSymlinkParents(load.takeResult());
}

bool ImageSource::isBuiltLayer(int image, int layer) const
{
    return builtLayer(m_images.at(size_t(image)).layers.at(layer)) != nullptr;
}

bool ImageSource::readLayerBlobs(int image, const std::vector<int> &layers, const BlobReader &read,
                                 Error *error) const
{
    *error = {};
    const ImageInfo &info = m_images.at(size_t(image));
    std::vector<const LayerInfo *> blobs;
    std::map<const LayerInfo *, int> positionOf;
    std::set<std::string> seen;
    for (int i : layers) {
        const LayerInfo &layer = info.layers.at(i);
        if (!hasBlob(layer, error))
            return false;
        if (seen.insert(blobKey(layer)).second) {
            blobs.push_back(&layer);
            positionOf.emplace(&layer, i);
        }
    }
    return streamBlobs(
        blobs,
        [&](const LayerInfo &layer, ByteSource &blob) { return read(positionOf.at(&layer), blob); },
        error);
}

QByteArray ImageSource::readFile(int image, int layer, const QString &path, qint64 maxBytes,
                                 Error *error) const
{
    QByteArray data;
    streamFile(
        image, layer, path,
        [&](const char *bytes, qint64 size) {
            data.append(bytes, qsizetype(std::min(size, maxBytes - qint64(data.size()))));
            return data.size() < maxBytes;
        },
        error);
    if (error->isError())
        data.clear();
    return data;
}

bool ImageSource::streamFile(int image, int layer, const QString &path, const ChunkReader &chunk,
                             Error *error) const
{
    *error = {};
    const LayerInfo &info = m_images.at(size_t(image)).layers.at(layer);
    const QString &member = info.member;
    std::string wanted;
    cleanPath(path.toStdString(), &wanted);
    if (builtLayer(info)) {
        // A built layer's files come whole from elsewhere (the engine); bounded, not endless.
        constexpr qint64 kBuiltFileLimit = qint64(1) << 40;
        const QByteArray data = readBuiltFile(info, wanted, kBuiltFileLimit, error);
        if (!error->isError() && !data.isEmpty())
            chunk(data.constData(), data.size());
        return !error->isError();
    }
    // A hardlink's data sits with its target, earlier in the same tar: then read it again for
    // the target. The last entry of a path wins, as in the merge: a match's bytes are kept
    // until the tar's end shows no later one, and a match too large to keep is read again.
    constexpr qint64 kKept = qint64(16) * 1024 * 1024;
    bool found = false;
    for (int hop = 0; hop < 8 && !found && !error->isError(); ++hop) {
        std::string target;
        qint64 lastOffset = -1;
        QByteArray kept;
        bool isKept = false;
        readLayerBlobs(
            image, {layer},
            [&](int, ByteSource &blob) {
                LayerReader reader(blob, m_location, member);
                LayerEntry entry;
                while (reader.next(&entry)) {
                    if (entry.path != wanted)
                        continue;
                    found = entry.type == FileType::Regular;
                    target = entry.type == FileType::Hardlink ? entry.hardlink : std::string();
                    lastOffset = found ? entry.headerOffset : -1;
                    isKept = found && entry.size <= kKept && reader.readAll(&kept, kKept);
                }
                if (reader.error())
                    *error = reader.error();
                return false;
            },
            error);
        // A source that streams its blobs says false when the reader stops it: errors count.
        if (error->isError())
            break;
        if (found && isKept) {
            if (!kept.isEmpty())
                chunk(kept.constData(), kept.size());
        } else if (found) {
            readLayerBlobs(
                image, {layer},
                [&](int, ByteSource &blob) {
                    LayerReader reader(blob, m_location, member);
                    LayerEntry entry;
                    while (reader.next(&entry)) {
                        if (entry.headerOffset != lastOffset)
                            continue;
                        char buffer[64 * 1024];
                        for (qint64 got; (got = reader.read(buffer, sizeof buffer)) > 0;) {
                            if (!chunk(buffer, got))
                                break;
                        }
                        break;
                    }
                    if (reader.error())
                        *error = reader.error();
                    return false;
                },
                error);
        }
        if (error->isError() || target.empty())
            break;
        found = false;
        wanted = target;
    }
    if (!error->isError() && !found) {
        *error = Error::make(Error::Kind::NotFound, m_location,
                             QStringLiteral("\"%1\" is not a regular file of this layer").arg(path),
                             member);
    }
    return !error->isError();
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

qint64 imageDisplaySize(const ImageInfo &image,
                        const std::vector<std::shared_ptr<const LayerTree>> &trees)
{
    qint64 bytes = 0;
    for (qsizetype i = 0; i < image.layers.size(); ++i) {
        const LayerTree *tree = size_t(i) < trees.size() ? trees[size_t(i)].get() : nullptr;
        bytes += std::max<qint64>(0, layerDisplaySize(image.layers[i], tree));
    }
    return bytes;
}

} // namespace strata

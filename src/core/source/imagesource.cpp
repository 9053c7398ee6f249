#include "source/imagesource.h"

#include "archive/bytesource.h"
#include "common/paths.h"
#include "common/workerpool.h"
#include "tree/layerindexer.h"
#include "tree/layerreader.h"

#include <QMutex>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <map>
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
            if (name == ref || canonicalName(name) == wanted)
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

std::vector<std::shared_ptr<const LayerTree>> ImageSource::loadLayers(int image,
                                                                      const LoadObserver &observer,
                                                                      Error *error,
                                                                      const std::vector<int> &which)
{
    *error = {};
    const ImageInfo &info = m_images.at(size_t(image));
    const int count = int(info.layers.size());
    std::vector<int> wanted = which;
    if (wanted.empty()) {
        wanted.resize(size_t(count));
        std::iota(wanted.begin(), wanted.end(), 0);
    }
    std::vector<std::shared_ptr<const LayerTree>> result(static_cast<size_t>(count));

    // Each blob is read once, however many positions or images use it: a layer tree does not
    // depend on its position (the merge numbers layers itself).
    struct Blob
    {
        const LayerInfo *layer;
        std::string key;
        qint64 size;
        std::vector<int> positions;
    };
    std::vector<Blob> todo;
    std::map<std::string, size_t> blobOf;
    qint64 bytesTotal = 0;
    {
        QMutexLocker lock(&m_trees->mutex);
        for (int i : wanted) {
            const LayerInfo &layer = info.layers.at(i);
            Error missing;
            if (!hasBlob(layer, &missing)) {
                auto tree = std::make_shared<LayerTree>();
                tree->error = missing;
                result[size_t(i)] = tree;
                continue;
            }
            std::string key = blobKey(layer);
            const auto cached = m_trees->layers.find(key);
            if (cached != m_trees->layers.end()) {
                result[size_t(i)] = cached->second;
                continue;
            }
            const auto known = blobOf.find(key);
            if (known != blobOf.end()) {
                todo[known->second].positions.push_back(i);
                continue;
            }
            const qint64 size =
                qMax<qint64>(0, layer.blobSize >= 0 ? layer.blobSize : layer.declaredSize);
            blobOf.emplace(key, todo.size());
            todo.push_back({&layer, std::move(key), size, {i}});
            bytesTotal += size;
        }
    }

    std::atomic<qint64> bytesDone{0};
    std::atomic<int> layersDone{int(wanted.size())};
    for (const Blob &blob : todo)
        layersDone -= int(blob.positions.size());
    QMutex progressMutex;
    auto report = [&](const QString &current) {
        if (!observer.progress)
            return;
        QMutexLocker lock(&progressMutex);
        observer.progress(LoadProgress{layersDone.load(), int(wanted.size()), bytesDone.load(),
                                       bytesTotal, current});
    };
    auto finish = [&](const Blob &blob, LayerTree &&tree) {
        auto shared = std::make_shared<const LayerTree>(std::move(tree));
        if (shared->error.kind != Error::Kind::Cancelled) {
            QMutexLocker lock(&m_trees->mutex);
            m_trees->layers[blob.key] = shared;
        }
        for (int i : blob.positions) {
            result[size_t(i)] = shared;
            ++layersDone;
            if (observer.layerReady)
                observer.layerReady(i, shared);
        }
        report(blob.layer->member);
    };
    auto indexOne = [&](const Blob &blob, ByteSource &stream) {
        LayerIndexOptions options;
        options.layer = uint16_t(blob.positions.front());
        options.cancel = observer.cancel;
        qint64 counted = 0;
        options.progress = [&](qint64 bytes) {
            bytesDone += bytes - counted;
            counted = bytes;
            report(blob.layer->member);
        };
        LayerTree tree = indexLayer(stream, options, m_location, blob.layer->member);
        bytesDone += blob.size - counted;
        finish(blob, std::move(tree));
    };

    report(QString());
    if (opensBlobs()) {
        // Largest first, so one big layer does not start last and run alone.
        std::sort(todo.begin(), todo.end(),
                  [](const Blob &a, const Blob &b) { return a.size > b.size; });
        QtConcurrent::blockingMap(workerPool(), todo, [&](const Blob &blob) {
            Error openError;
            std::unique_ptr<ByteSource> stream = openBlob(*blob.layer, &openError);
            if (!stream) {
                LayerTree damaged;
                damaged.error = openError;
                finish(blob, std::move(damaged));
                return;
            }
            indexOne(blob, *stream);
        });
    } else {
        std::vector<const LayerInfo *> layers;
        std::map<const LayerInfo *, const Blob *> byLayer;
        layers.reserve(todo.size());
        for (const Blob &blob : todo) {
            layers.push_back(blob.layer);
            byLayer.emplace(blob.layer, &blob);
        }
        Error streamError;
        streamBlobs(
            layers,
            [&](const LayerInfo &layer, ByteSource &stream) {
                indexOne(*byLayer.at(&layer), stream);
                return !(observer.cancel && observer.cancel->load());
            },
            &streamError);
        for (const Blob &blob : todo) {
            if (result[size_t(blob.positions.front())])
                continue;
            LayerTree unread;
            unread.error = streamError.isError() ? streamError
                                                 : Error::make(Error::Kind::Cancelled, m_location,
                                                               QStringLiteral("cancelled"));
            unread.error.member = blob.layer->member;
            for (int i : blob.positions)
                result[size_t(i)] = std::make_shared<const LayerTree>(unread);
        }
    }
    if (observer.cancel && observer.cancel->load())
        *error = Error::make(Error::Kind::Cancelled, m_location,
                             QStringLiteral("loading was cancelled"));
    return result;
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
    *error = {};
    const QString member = m_images.at(size_t(image)).layers.at(layer).member;
    std::string wanted;
    cleanPath(path.toStdString(), &wanted);
    QByteArray data;
    bool found = false;
    // A hardlink's data sits with its target, earlier in the same tar: then read it again for
    // the target. The last entry of a path wins, as in the merge.
    for (int hop = 0; hop < 8 && !found && !error->isError(); ++hop) {
        std::string target;
        const bool read = readLayerBlobs(
            image, {layer},
            [&](int, ByteSource &blob) {
                LayerReader reader(blob, m_location, member);
                LayerEntry entry;
                while (reader.next(&entry)) {
                    if (entry.path != wanted)
                        continue;
                    found = entry.type == FileType::Regular;
                    target = entry.type == FileType::Hardlink ? entry.hardlink : std::string();
                    if (found && !reader.readAll(&data, maxBytes))
                        break;
                }
                if (reader.error())
                    *error = reader.error();
                return false;
            },
            error);
        if (!read || target.empty())
            break;
        found = false;
        wanted = target;
    }
    if (error->isError()) {
        data.clear();
    } else if (!found) {
        *error = Error::make(Error::Kind::NotFound, m_location,
                             QStringLiteral("\"%1\" is not a regular file of this layer").arg(path),
                             member);
    }
    return data;
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

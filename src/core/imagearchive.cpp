#include "imagearchive.h"

#include "archivesource.h"
#include "imageparsers.h"
#include "layerindexer.h"

#include <archive.h>
#include <archive_entry.h>

#include <QMutex>
#include <QtConcurrent/QtConcurrentMap>

#include <map>
#include <numeric>

namespace strata {

QString archiveFormatName(ArchiveFormat format)
{
    switch (format) {
    case ArchiveFormat::DockerLegacy: return QStringLiteral("docker save (before Docker 25)");
    case ArchiveFormat::DockerLegacyV1: return QStringLiteral("docker save (before Docker 1.10, no manifest.json)");
    case ArchiveFormat::DockerArchive: return QStringLiteral("docker-archive (podman save, skopeo, kaniko)");
    case ArchiveFormat::Docker25: return QStringLiteral("docker save (Docker 25 and later, OCI layout)");
    case ArchiveFormat::OciArchive: return QStringLiteral("OCI image archive");
    case ArchiveFormat::OciDirectory: return QStringLiteral("OCI image layout directory");
    }
    return {};
}

// Layers already indexed, by blob and position (the position is stored in every node).
struct ImageArchive::Cache
{
    QMutex mutex;
    std::map<std::pair<std::string, int>, std::shared_ptr<const LayerTree>> layers;
};

ImageArchive::~ImageArchive() = default;

std::shared_ptr<ImageArchive> ImageArchive::open(const QString &path, Error *error)
{
    *error = {};
    auto source = ArchiveSource::open(path, error);
    if (!source)
        return nullptr;
    ParsedArchive parsed;
    if (!parseArchive(*source, &parsed, error))
        return nullptr;
    std::shared_ptr<ImageArchive> archive(new ImageArchive);
    archive->m_path = path;
    archive->m_format = parsed.format;
    archive->m_source = std::move(source);
    archive->m_images = std::move(parsed.images);
    archive->m_indexJson = parsed.indexJson;
    archive->m_manifestListJson = parsed.manifestListJson;
    archive->m_cache = std::make_unique<Cache>();
    return archive;
}

QString ImageArchive::outerCompression() const
{
    return m_source->outerCompression();
}

namespace {
// "nginx" means "docker.io/library/nginx:latest" to docker; accept every spelling of a name.
QString canonicalName(QString name)
{
    if (name.startsWith(QStringLiteral("docker.io/library/")))
        name = name.mid(18);
    else if (name.startsWith(QStringLiteral("index.docker.io/library/")))
        name = name.mid(24);
    else if (name.startsWith(QStringLiteral("docker.io/")))
        name = name.mid(10);
    else if (name.startsWith(QStringLiteral("index.docker.io/")))
        name = name.mid(16);
    const qsizetype slash = name.lastIndexOf(QLatin1Char('/'));
    if (name.indexOf(QLatin1Char(':'), slash + 1) < 0 && !name.contains(QLatin1Char('@')))
        name += QStringLiteral(":latest");
    return name;
}
} // namespace

int ImageArchive::findImage(const QString &ref, Error *error) const
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
        *error = Error::make(Error::Kind::AmbiguousImage, m_path,
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
                *error = Error::make(Error::Kind::AmbiguousImage, m_path,
                                     QStringLiteral("\"%1\" matches more than one image").arg(ref));
                return -1;
            }
            match = i;
        }
    }
    if (match < 0)
        *error = Error::make(Error::Kind::NoSuchImage, m_path,
                             QStringLiteral("has no image \"%1\"").arg(ref));
    return match;
}

std::vector<std::shared_ptr<const LayerTree>>
ImageArchive::loadLayers(int image, const LoadObserver &observer, Error *error)
{
    *error = {};
    const ImageInfo &info = m_images.at(size_t(image));
    const int count = int(info.layers.size());
    std::vector<std::shared_ptr<const LayerTree>> result(static_cast<size_t>(count));
    std::vector<const ArchiveMember *> members(static_cast<size_t>(count), nullptr);

    std::atomic<qint64> bytesDone{0};
    std::atomic<int> layersDone{0};
    qint64 bytesTotal = 0;
    std::vector<int> todo;
    {
        QMutexLocker lock(&m_cache->mutex);
        for (int i = 0; i < count; ++i) {
            const LayerInfo &layer = info.layers[i];
            const auto cached = m_cache->layers.find({layer.member.toStdString(), i});
            if (cached != m_cache->layers.end()) {
                result[size_t(i)] = cached->second;
                continue;
            }
            members[size_t(i)] = m_source->resolve(layer.member.toStdString());
            if (!members[size_t(i)]) {
                auto missing = std::make_shared<LayerTree>();
                missing->tree = FileTree();
                missing->error = Error::make(Error::Kind::MissingMember, m_path,
                                             QStringLiteral("the layer blob is not in the archive"),
                                             layer.member);
                result[size_t(i)] = missing;
                continue;
            }
            bytesTotal += members[size_t(i)]->size;
            todo.push_back(i);
        }
    }
    layersDone = count - int(todo.size());

    QMutex progressMutex;
    auto report = [&](const QString &current) {
        if (!observer.progress)
            return;
        QMutexLocker lock(&progressMutex);
        observer.progress(LoadProgress{layersDone.load(), count, bytesDone.load(), bytesTotal, current});
    };
    auto finish = [&](int i, LayerTree &&tree) {
        auto shared = std::make_shared<const LayerTree>(std::move(tree));
        if (!shared->error || shared->error.kind != Error::Kind::Cancelled) {
            QMutexLocker lock(&m_cache->mutex);
            m_cache->layers[{info.layers[i].member.toStdString(), i}] = shared;
        }
        result[size_t(i)] = shared;
        ++layersDone;
        if (observer.layerReady)
            observer.layerReady(i, shared);
        report(info.layers[i].member);
    };
    auto indexOne = [&](int i, ByteSource &stream) {
        LayerIndexOptions options;
        options.layer = uint16_t(i);
        options.cancel = observer.cancel;
        qint64 counted = 0;
        options.progress = [&](qint64 bytes) {
            bytesDone += bytes - counted;
            counted = bytes;
            report(info.layers[i].member);
        };
        LayerTree tree = indexLayer(stream, options, m_path, info.layers[i].member);
        bytesDone += members[size_t(i)]->size - counted;
        finish(i, std::move(tree));
    };

    report(QString());
    if (m_source->canSeek()) {
        // Largest first, so one big layer does not start last and run alone.
        std::sort(todo.begin(), todo.end(),
                  [&](int a, int b) { return members[size_t(a)]->size > members[size_t(b)]->size; });
        QtConcurrent::blockingMap(todo, [&](int i) {
            Error openError;
            auto stream = m_source->openMember(*members[size_t(i)], &openError);
            if (!stream) {
                LayerTree damaged;
                damaged.error = openError;
                damaged.error.kind = Error::Kind::DamagedLayer;
                finish(i, std::move(damaged));
                return;
            }
            indexOne(i, *stream);
        });
    } else {
        std::vector<const ArchiveMember *> wanted;
        std::multimap<const ArchiveMember *, int> layerOf;
        for (int i : todo) {
            if (layerOf.find(members[size_t(i)]) == layerOf.end())
                wanted.push_back(members[size_t(i)]);
            layerOf.emplace(members[size_t(i)], i);
        }
        Error streamError;
        m_source->streamMembers(wanted, [&](const ArchiveMember &m, ByteSource &stream) {
            auto range = layerOf.equal_range(&m);
            const int first = range.first->second;
            indexOne(first, stream);
            // The same blob at another position (a repeated layer): index a copy renumbered.
            for (auto it = std::next(range.first); it != range.second; ++it) {
                LayerTree copy = *result[size_t(first)];
                copy.tree = result[size_t(first)]->tree; // shared pool; layer ids differ only
                finish(it->second, std::move(copy));
            }
            return !(observer.cancel && observer.cancel->load());
        }, &streamError);
        for (int i : todo) {
            if (!result[size_t(i)]) {
                LayerTree unread;
                unread.error = streamError.isError()
                                   ? streamError
                                   : Error::make(Error::Kind::Cancelled, m_path, QStringLiteral("cancelled"));
                unread.error.member = info.layers[i].member;
                result[size_t(i)] = std::make_shared<const LayerTree>(std::move(unread));
            }
        }
    }
    if (observer.cancel && observer.cancel->load()) {
        *error = Error::make(Error::Kind::Cancelled, m_path, QStringLiteral("loading was cancelled"));
        QMutexLocker lock(&m_cache->mutex);
        for (auto it = m_cache->layers.begin(); it != m_cache->layers.end();) {
            if (it->second->error.kind == Error::Kind::Cancelled)
                it = m_cache->layers.erase(it);
            else
                ++it;
        }
    }
    return result;
}

QByteArray ImageArchive::readFile(int image, int layer, const QString &path, qint64 maxBytes,
                                  Error *error) const
{
    *error = {};
    const ImageInfo &info = m_images.at(size_t(image));
    const LayerInfo &layerInfo = info.layers.at(layer);
    const ArchiveMember *member = m_source->resolve(layerInfo.member.toStdString());
    if (!member) {
        *error = Error::make(Error::Kind::MissingMember, m_path,
                             QStringLiteral("the layer blob is not in the archive"), layerInfo.member);
        return {};
    }
    std::string wanted;
    cleanLayerPath(path.toStdString(), &wanted);
    QByteArray data;
    bool found = false;
    auto readFrom = [&](const ArchiveMember &, ByteSource &stream) {
        QString openError;
        struct archive *a = openArchiveReader(&stream, &openError);
        if (!a) {
            *error = Error::make(Error::Kind::DamagedLayer, m_path, openError, layerInfo.member);
            return false;
        }
        struct archive_entry *entry = nullptr;
        std::string name;
        for (int depth = 0; depth < 8 && !found;) {
            if (archive_read_next_header(a, &entry) != ARCHIVE_OK)
                break;
            if (!cleanLayerPath(archive_entry_pathname(entry) ? archive_entry_pathname(entry) : "", &name)
                || name != wanted)
                continue;
            if (const char *hard = archive_entry_hardlink(entry)) {
                // The data sits with the target, earlier in the same tar: read it again.
                cleanLayerPath(hard, &wanted);
                archive_read_free(a);
                ++depth;
                return true; // handled by the caller's retry
            }
            if (archive_entry_filetype(entry) != AE_IFREG)
                break;
            const qint64 size = qMin<qint64>(archive_entry_size(entry), maxBytes);
            data.resize(size);
            const la_ssize_t got = size ? archive_read_data(a, data.data(), size_t(size)) : 0;
            if (got < 0) {
                *error = Error::make(Error::Kind::DamagedLayer, m_path,
                                     QString::fromUtf8(archive_error_string(a)), layerInfo.member);
                data.clear();
            } else {
                data.resize(got);
            }
            found = true;
        }
        archive_read_free(a);
        return true;
    };
    for (int attempt = 0; attempt < 8 && !found && !error->isError(); ++attempt) {
        const std::string before = wanted;
        m_source->streamMembers({member}, readFrom, error);
        if (wanted == before)
            break; // not a hardlink: no retry
    }
    if (!found && !error->isError())
        *error = Error::make(Error::Kind::NotFound, m_path,
                             QStringLiteral("\"%1\" is not a regular file of this layer").arg(path),
                             layerInfo.member);
    return data;
}

} // namespace strata

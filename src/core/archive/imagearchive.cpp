#include "archive/imagearchive.h"

#include "archive/archivesource.h"
#include "archive/imageparsers.h"
#include "common/paths.h"
#include "common/workerpool.h"
#include "tree/layerindexer.h"

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
    case ArchiveFormat::DockerLegacy:
        return QStringLiteral("docker save (before Docker 25)");
    case ArchiveFormat::DockerLegacyV1:
        return QStringLiteral("docker save (before Docker 1.10, no manifest.json)");
    case ArchiveFormat::DockerArchive:
        return QStringLiteral("docker-archive (podman save, skopeo, kaniko)");
    case ArchiveFormat::Docker25:
        return QStringLiteral("docker save (Docker 25 and later, OCI layout)");
    case ArchiveFormat::OciArchive:
        return QStringLiteral("OCI image archive");
    case ArchiveFormat::OciDirectory:
        return QStringLiteral("OCI image layout directory");
    }
    return {};
}

// Layers already indexed, by blob: shared by every position and image that uses the blob.
struct ImageArchive::Cache
{
    QMutex mutex;
    std::map<std::string, std::shared_ptr<const LayerTree>> layers; // by member name
};

ImageArchive::~ImageArchive() = default;

std::shared_ptr<ImageArchive> ImageArchive::open(const QString &path, Error *error,
                                                 const std::atomic_bool *cancel)
{
    *error = {};
    auto source = ArchiveSource::open(path, error, cancel);
    if (!source)
        return nullptr;
    ParsedArchive parsed;
    if (!parseArchive(*source, &parsed, error)) {
        if (source->damage())
            *error = source->damage(); // the cause, rather than what it left missing
        return nullptr;
    }
    if (source->damage()) {
        for (ImageInfo &image : parsed.images)
            image.problems.prepend(source->damage());
    }
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
        *error =
            Error::make(Error::Kind::AmbiguousImage, m_path,
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

    // Each blob is read once, however many positions or images use it: a layer tree does not
    // depend on its position (the merge numbers layers itself).
    struct Blob
    {
        const ArchiveMember *member;
        std::vector<int> positions;
    };
    std::vector<Blob> todo;
    std::map<const ArchiveMember *, size_t> blobOf;
    qint64 bytesTotal = 0;
    {
        QMutexLocker lock(&m_cache->mutex);
        for (int i = 0; i < count; ++i) {
            const LayerInfo &layer = info.layers[i];
            const ArchiveMember *member = m_source->resolve(layer.member.toStdString());
            if (!member) {
                auto missing = std::make_shared<LayerTree>();
                missing->error = Error::make(Error::Kind::MissingMember, m_path,
                                             QStringLiteral("the layer blob is not in the archive"),
                                             layer.member);
                result[size_t(i)] = missing;
                continue;
            }
            const auto cached = m_cache->layers.find(member->name);
            if (cached != m_cache->layers.end()) {
                result[size_t(i)] = cached->second;
                continue;
            }
            const auto known = blobOf.find(member);
            if (known != blobOf.end()) {
                todo[known->second].positions.push_back(i);
                continue;
            }
            blobOf.emplace(member, todo.size());
            todo.push_back({member, {i}});
            bytesTotal += member->size;
        }
    }

    std::atomic<qint64> bytesDone{0};
    std::atomic<int> layersDone{count};
    for (const Blob &blob : todo)
        layersDone -= int(blob.positions.size());
    QMutex progressMutex;
    auto report = [&](const QString &current) {
        if (!observer.progress)
            return;
        QMutexLocker lock(&progressMutex);
        observer.progress(
            LoadProgress{layersDone.load(), count, bytesDone.load(), bytesTotal, current});
    };
    auto finish = [&](const Blob &blob, LayerTree &&tree) {
        auto shared = std::make_shared<const LayerTree>(std::move(tree));
        if (shared->error.kind != Error::Kind::Cancelled) {
            QMutexLocker lock(&m_cache->mutex);
            m_cache->layers[blob.member->name] = shared;
        }
        for (int i : blob.positions) {
            result[size_t(i)] = shared;
            ++layersDone;
            if (observer.layerReady)
                observer.layerReady(i, shared);
        }
        report(QString::fromStdString(blob.member->name));
    };
    auto indexOne = [&](const Blob &blob, ByteSource &stream) {
        const QString member = info.layers[blob.positions.front()].member;
        LayerIndexOptions options;
        options.layer = uint16_t(blob.positions.front());
        options.cancel = observer.cancel;
        qint64 counted = 0;
        options.progress = [&](qint64 bytes) {
            bytesDone += bytes - counted;
            counted = bytes;
            report(member);
        };
        LayerTree tree = indexLayer(stream, options, m_path, member);
        bytesDone += blob.member->size - counted;
        finish(blob, std::move(tree));
    };

    report(QString());
    if (m_source->canSeek()) {
        // Largest first, so one big layer does not start last and run alone.
        std::sort(todo.begin(), todo.end(),
                  [](const Blob &a, const Blob &b) { return a.member->size > b.member->size; });
        QtConcurrent::blockingMap(workerPool(), todo, [&](const Blob &blob) {
            Error openError;
            auto stream = m_source->openMember(*blob.member, &openError);
            if (!stream) {
                LayerTree damaged;
                damaged.error = openError;
                damaged.error.kind = Error::Kind::DamagedLayer;
                finish(blob, std::move(damaged));
                return;
            }
            indexOne(blob, *stream);
        });
    } else {
        std::vector<const ArchiveMember *> wanted;
        wanted.reserve(todo.size());
        for (const Blob &blob : todo)
            wanted.push_back(blob.member);
        Error streamError;
        m_source->streamMembers(
            wanted,
            [&](const ArchiveMember &m, ByteSource &stream) {
                indexOne(todo[blobOf.at(&m)], stream);
                return !(observer.cancel && observer.cancel->load());
            },
            &streamError);
        for (const Blob &blob : todo) {
            if (result[size_t(blob.positions.front())])
                continue;
            LayerTree unread;
            unread.error = streamError.isError() ? streamError
                                                 : Error::make(Error::Kind::Cancelled, m_path,
                                                               QStringLiteral("cancelled"));
            unread.error.member = QString::fromStdString(blob.member->name);
            for (int i : blob.positions)
                result[size_t(i)] = std::make_shared<const LayerTree>(unread);
        }
    }
    if (observer.cancel && observer.cancel->load())
        *error =
            Error::make(Error::Kind::Cancelled, m_path, QStringLiteral("loading was cancelled"));
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
        *error =
            Error::make(Error::Kind::MissingMember, m_path,
                        QStringLiteral("the layer blob is not in the archive"), layerInfo.member);
        return {};
    }
    std::string wanted;
    cleanPath(path.toStdString(), &wanted);
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
            if (!cleanPath(archive_entry_pathname(entry) ? archive_entry_pathname(entry) : "",
                           &name) ||
                name != wanted)
                continue;
            if (const char *hard = archive_entry_hardlink(entry)) {
                // The data sits with the target, earlier in the same tar: read it again.
                cleanPath(hard, &wanted);
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
        // A copy: readFrom moves `wanted` on to a hardlink's target.
        const std::string target = wanted; // NOLINT(performance-unnecessary-copy-initialization)
        m_source->streamMembers({member}, readFrom, error);
        if (wanted == target)
            break; // not a hardlink: no retry
    }
    if (!found && !error->isError())
        *error = Error::make(Error::Kind::NotFound, m_path,
                             QStringLiteral("\"%1\" is not a regular file of this layer").arg(path),
                             layerInfo.member);
    return data;
}

} // namespace strata

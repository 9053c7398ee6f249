#pragma once

#include "common/error.h"
#include "image/digestcheck.h"
#include "image/imageinfo.h"
#include "tree/layertree.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace strata {

class ArchiveSource;

enum class ArchiveFormat
{
    DockerLegacy,   // docker save before 25: manifest.json + <id>/layer.tar
    DockerLegacyV1, // docker save before 1.10: repositories + <id>/json only
    DockerArchive,  // c/image docker-archive (podman save, skopeo) and ggcr tarballs (kaniko):
                    // layer blobs at the top, <id>/layer.tar symlinks to them
    Docker25,       // docker save from 25: OCI layout + manifest.json
    OciArchive,     // OCI image layout in a tar
    OciDirectory,   // OCI image layout directory
};
QString archiveFormatName(ArchiveFormat format);

struct LoadProgress
{
    int layersDone = 0;
    int layerCount = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    QString current; // the layer being read, for the status line
};

// What a caller of loadLayers() wants to hear while layers are read. Callbacks run on worker
// threads; `cancel` is polled between entries.
struct LoadObserver
{
    std::function<void(const LoadProgress &)> progress;
    std::function<void(int layer, const std::shared_ptr<const LayerTree> &)> layerReady;
    const std::atomic_bool *cancel = nullptr;
};

// An opened archive or directory: its format and the metadata of every image in it. Opening
// reads only the small JSON members; layers are read by loadLayers(). Thread-safe for reading.
class ImageArchive
{
public:
    ~ImageArchive();
    static std::shared_ptr<ImageArchive> open(const QString &path, Error *error,
                                              const std::atomic_bool *cancel = nullptr);

    QString path() const { return m_path; }
    ArchiveFormat format() const { return m_format; }
    // "gzip" when the whole archive was compressed, "" otherwise.
    QString outerCompression() const;
    const std::vector<ImageInfo> &images() const { return m_images; }
    QByteArray rawIndexJson() const { return m_indexJson; }
    QByteArray rawManifestListJson() const { return m_manifestListJson; }

    // The image `ref` names: a name ("nginx:latest", "docker.io/library/nginx"), an id or its
    // prefix, or "@N" (N-th image, from 0). An empty ref is the only image, or an error when
    // there are several.
    int findImage(const QString &ref, Error *error) const;

    // Indexes every layer of `image` (each blob once, shared with other positions and images
    // of the archive, so a LayerTree's node.layer is the position it was first read at) on
    // all cores. A layer that cannot be read gets its error in LayerTree::error; the
    // returned error is set only when nothing could be read or the load was cancelled.
    std::vector<std::shared_ptr<const LayerTree>>
    loadLayers(int image, const LoadObserver &observer, Error *error);

    // Reads every layer blob through SHA-256 and compares with its blob digest and diff_id.
    // Slow (every byte): run it in the background after the trees are shown.
    std::vector<LayerDigestCheck> verifyLayers(int image,
                                               const std::atomic_bool *cancel = nullptr) const;

    // Reads the content of a regular file of a layer (at most maxBytes), for previews and
    // "Save as...". Empty with *error set when the path is not a regular file of that layer.
    QByteArray readFile(int image, int layer, const QString &path, qint64 maxBytes,
                        Error *error) const;

private:
    ImageArchive() = default;
    friend class ImageArchiveLoader;

    QString m_path;
    ArchiveFormat m_format = ArchiveFormat::DockerLegacy;
    std::unique_ptr<ArchiveSource> m_source;
    std::vector<ImageInfo> m_images;
    QByteArray m_indexJson;
    QByteArray m_manifestListJson;
    struct Cache;
    std::unique_ptr<Cache> m_cache;
};

} // namespace strata

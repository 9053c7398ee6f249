#pragma once

#include "common/error.h"
#include "source/imagesource.h"

#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace strata {

class ArchiveSource;
struct ArchiveMember;

enum class ArchiveFormat
{
    DockerLegacy,    // docker save before 25: manifest.json + <id>/layer.tar
    DockerLegacyV1,  // docker save before 1.10: repositories + <id>/json only
    DockerArchive,   // c/image docker-archive (podman save, skopeo) and ggcr tarballs (kaniko):
                     // layer blobs at the top, <id>/layer.tar symlinks to them
    Docker25,        // docker save from 25: OCI layout + manifest.json
    OciArchive,      // OCI image layout in a tar
    OciDirectory,    // OCI image layout directory
    SkopeoDirectory, // skopeo copy to dir: (one manifest, blobs named by hex digest)
};
QString archiveFormatName(ArchiveFormat format);

// An archive file (plain or compressed tar) or a directory holding an image layout: its format
// and the metadata of every image in it. Opening reads only the small JSON members; layers are
// read through ImageSource.
class ImageArchive final : public ImageSource
{
public:
    ~ImageArchive() override;
    static std::shared_ptr<ImageArchive> open(const QString &path, Error *error,
                                              const std::atomic_bool *cancel = nullptr);

    QString path() const { return location(); }
    ArchiveFormat format() const { return m_format; }
    // "gzip" when the whole archive was compressed, "" otherwise.
    QString outerCompression() const;
    // "OCI image archive (gzip compressed)"
    QString description() const override;
    // The members of the archive or the files of the directory, as read.
    const ArchiveSource &members() const { return *m_source; }

    // Public, unlike ImageSource's, so that a source built on an archive (an engine's image,
    // saved to the cache) reads its blobs through them.
    std::string blobKey(const LayerInfo &layer) const override;
    bool hasBlob(const LayerInfo &layer, Error *error) const override;
    bool opensBlobs() const override;
    std::unique_ptr<ByteSource> openBlob(const LayerInfo &layer, Error *error) const override;
    bool streamBlobs(const std::vector<const LayerInfo *> &layers, const BlobStreamer &read,
                     Error *error) const override;

private:
    explicit ImageArchive(const QString &path);
    const ArchiveMember *memberOf(const LayerInfo &layer) const;

    ArchiveFormat m_format = ArchiveFormat::DockerLegacy;
    std::unique_ptr<ArchiveSource> m_source;
};

} // namespace strata

#include "archive/imagearchive.h"

#include "archive/archivesource.h"
#include "archive/parsearchive.h"

#include <map>

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
    case ArchiveFormat::SkopeoDirectory:
        return QStringLiteral("skopeo dir: directory");
    }
    return {};
}

ImageArchive::ImageArchive(const QString &path) : ImageSource(path) {}

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
    std::shared_ptr<ImageArchive> archive(new ImageArchive(path));
    archive->m_format = parsed.format;
    archive->m_source = std::move(source);
    archive->m_images = std::move(parsed.images);
    return archive;
}

QString ImageArchive::outerCompression() const
{
    return m_source->outerCompression();
}

QString ImageArchive::description() const
{
    const QString compression = outerCompression();
    return archiveFormatName(m_format) +
           (compression.isEmpty() ? QString()
                                  : QStringLiteral(" (%1 compressed)").arg(compression));
}

const ArchiveMember *ImageArchive::memberOf(const LayerInfo &layer) const
{
    return m_source->resolve(layer.member.toStdString());
}

std::string ImageArchive::blobKey(const LayerInfo &layer) const
{
    // Podman's <id>/layer.tar links to the blob: the member the links end at is the blob.
    const ArchiveMember *member = memberOf(layer);
    return member ? member->name : layer.member.toStdString();
}

bool ImageArchive::hasBlob(const LayerInfo &layer, Error *error) const
{
    if (memberOf(layer))
        return true;
    const bool named = !layer.member.isEmpty() && layer.member != layer.blobDigest;
    const QString what = layer.blobDigest.isEmpty()
                             ? QStringLiteral("the layer blob")
                             : QStringLiteral("the layer blob %1").arg(layer.blobDigest);
    *error = Error::make(Error::Kind::MissingMember, location(),
                         named ? what + QStringLiteral(" is not in the archive")
                               : QStringLiteral("the manifest names a layer by \"%1\", which is "
                                                "not a digest a file can have")
                                     .arg(layer.member),
                         named ? layer.member : QString());
    return false;
}

bool ImageArchive::opensBlobs() const
{
    return m_source->canSeek();
}

std::unique_ptr<ByteSource> ImageArchive::openBlob(const LayerInfo &layer, Error *error) const
{
    const ArchiveMember *member = memberOf(layer);
    if (!member) {
        hasBlob(layer, error);
        return nullptr;
    }
    std::unique_ptr<ByteSource> blob = m_source->openMember(*member, error);
    if (!blob)
        error->kind = Error::Kind::DamagedLayer;
    return blob;
}

bool ImageArchive::streamBlobs(const std::vector<const LayerInfo *> &layers,
                               const BlobStreamer &read, Error *error) const
{
    if (opensBlobs())
        return ImageSource::streamBlobs(layers, read, error);
    std::vector<const ArchiveMember *> members;
    std::map<const ArchiveMember *, const LayerInfo *> layerOf;
    for (const LayerInfo *layer : layers) {
        const ArchiveMember *member = memberOf(*layer);
        if (!member)
            return hasBlob(*layer, error);
        if (layerOf.emplace(member, layer).second)
            members.push_back(member);
    }
    return m_source->streamMembers(
        members,
        [&](const ArchiveMember &member, ByteSource &blob) {
            return read(*layerOf.at(&member), blob);
        },
        error);
}

} // namespace strata

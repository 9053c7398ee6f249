#include "registry/registryimagesource.h"

#include "archive/bytesource.h"
#include "cache/blobstore.h"
#include "image/manifest.h"
#include "registry/blobcache.h"
#include "registry/registryclient.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace strata {

namespace {
constexpr int kMaxIndexDepth = 4;
constexpr int kMaxIndexEntries = 256;

QString indexKindName(const QString &mediaType)
{
    if (mediaType == QLatin1String("application/vnd.oci.image.index.v1+json"))
        return QStringLiteral("OCI image index");
    if (mediaType == QLatin1String("application/vnd.docker.distribution.manifest.list.v2+json"))
        return QStringLiteral("Docker manifest list");
    if (mediaType == QLatin1String("application/vnd.oci.image.manifest.v1+json"))
        return QStringLiteral("OCI image manifest");
    if (mediaType == QLatin1String("application/vnd.docker.distribution.manifest.v2+json"))
        return QStringLiteral("Docker image manifest");
    return mediaType;
}
} // namespace

// Walks what the reference names: an index's manifests (nested indexes followed, loops and
// absurd depths refused), each image's config, and the attestations beside them.
class RegistryImageSource::IndexReader
{
public:
    IndexReader(RegistryImageSource &source, RegistryClient &client)
        : m_source(source), m_client(client), m_name(source.location())
    {
    }

    bool read(const RegistryManifest &top, Error *error)
    {
        Descriptor d;
        d.digest = top.digest;
        d.mediaType = top.mediaType;
        d.size = top.body.size();
        if (!visit(d, top, 0, error))
            return false;
        std::vector<ImageInfo *> group;
        for (ImageInfo &image : m_source.m_images)
            group.push_back(&image);
        choosePlatform(group);
        attachAttestations();
        if (m_source.m_images.empty()) {
            *error = Error::make(Error::Kind::NotAnImage, m_name,
                                 QStringLiteral("names no container image (an artifact, or an "
                                                "index of attestations only)"));
            return false;
        }
        return true;
    }

private:
    bool visit(const Descriptor &d, const RegistryManifest &m, int depth, Error *error)
    {
        if (depth > kMaxIndexDepth) {
            *error = Error::make(
                Error::Kind::LimitExceeded, m_name,
                QStringLiteral("the index nests more than %1 deep").arg(kMaxIndexDepth));
            return false;
        }
        if (m_visited.contains(m.digest)) {
            *error =
                Error::make(Error::Kind::MalformedJson, m_name,
                            QStringLiteral("the index %1 names itself (a loop)").arg(m.digest));
            return false;
        }
        m_visited.insert(m.digest);
        const QJsonDocument doc = QJsonDocument::fromJson(m.body);
        if (!doc.isObject()) {
            *error =
                Error::make(Error::Kind::MalformedJson, m_name,
                            QStringLiteral("the manifest %1 is not a JSON object").arg(m.digest));
            return false;
        }
        const QJsonObject o = doc.object();
        if (!isIndex(m.mediaType, o))
            return readImage(d, m, o, error);
        const QJsonArray entries = o.value(QStringLiteral("manifests")).toArray();
        if (entries.size() > kMaxIndexEntries) {
            *error = Error::make(Error::Kind::LimitExceeded, m_name,
                                 QStringLiteral("the index lists %1 manifests, more than %2")
                                     .arg(entries.size())
                                     .arg(kMaxIndexEntries));
            return false;
        }
        for (const QJsonValue entry : entries) {
            const Descriptor child = Descriptor::fromJson(entry.toObject());
            std::optional<RegistryManifest> childManifest =
                m_client.manifest(m_source.m_reference.repository, child.digest, error);
            if (!childManifest)
                return false;
            if (child.isAttestation()) {
                readAttestation(child, *childManifest);
                continue;
            }
            if (!visit(child, *childManifest, depth + 1, error))
                return false;
        }
        return true;
    }

    bool readImage(const Descriptor &d, const RegistryManifest &m, const QJsonObject &manifest,
                   Error *error)
    {
        const Descriptor config =
            Descriptor::fromJson(manifest.value(QStringLiteral("config")).toObject());
        if (!isImageConfigType(config.mediaType))
            return true; // an artifact (a signature, an SBOM), not an image
        std::optional<QByteArray> configJson =
            m_client.smallBlob(m_source.m_reference.repository, config.digest, config.size, error);
        if (!configJson)
            return false;
        ImageInfo image;
        image.names << m_source.m_reference.toString();
        if (!imageFromManifest(d, m.body, *configJson, m_name, config.digest, &image, error))
            return false;
        for (LayerInfo &layer : image.layers) {
            layer.member = layer.blobDigest;
            layer.blobSize = layer.declaredSize;
        }
        m_source.m_images.push_back(std::move(image));
        return true;
    }

    void readAttestation(const Descriptor &d, const RegistryManifest &m)
    {
        AttachedArtifact a;
        a.kind = d.annotations.value(QStringLiteral("vnd.docker.reference.type")).toString();
        a.manifestDigest = m.digest;
        a.size = 0;
        const QJsonObject o = QJsonDocument::fromJson(m.body).object();
        for (const QJsonValue layer : o.value(QStringLiteral("layers")).toArray()) {
            const Descriptor statement = Descriptor::fromJson(layer.toObject());
            a.size += qMax<qint64>(0, statement.size);
            const QString predicate =
                statement.annotations.value(QStringLiteral("in-toto.io/predicate-type")).toString();
            if (!predicate.isEmpty())
                a.predicateTypes << predicate;
        }
        m_attestations.append(
            {d.annotations.value(QStringLiteral("vnd.docker.reference.digest")).toString(), a});
    }

    void attachAttestations()
    {
        for (const auto &[subject, artifact] : m_attestations) {
            for (ImageInfo &image : m_source.m_images) {
                if (image.manifestDigest == subject)
                    image.attachments << artifact;
            }
        }
    }

    RegistryImageSource &m_source;
    RegistryClient &m_client;
    QString m_name;
    QSet<QString> m_visited;
    QList<std::pair<QString, AttachedArtifact>> m_attestations;
};

RegistryImageSource::RegistryImageSource(const RegistryReference &reference)
    : ImageSource(reference.toLocation()), m_reference(reference)
{
}

RegistryImageSource::~RegistryImageSource() = default;

std::shared_ptr<RegistryImageSource> RegistryImageSource::open(const RegistryReference &reference,
                                                               Error *error,
                                                               const OpenObserver &observer)
{
    *error = {};
    std::shared_ptr<RegistryImageSource> source(new RegistryImageSource(reference));
    if (observer.progress)
        observer.progress(
            LoadProgress{OpenStage::Receiving, 0, 0, 0, -1, reference.toString(), {}});
    RegistryClient client(reference.registry, source->location());
    std::optional<RegistryManifest> top =
        client.manifest(reference.repository, reference.manifestReference(), error);
    if (!top)
        return nullptr;
    source->m_digest = top->digest;
    source->m_mediaType = top->mediaType;
    if (!IndexReader(*source, client).read(*top, error))
        return nullptr;
    return source;
}

QString RegistryImageSource::description() const
{
    return QStringLiteral("Registry %1 (%2)").arg(m_reference.registry, indexKindName(m_mediaType));
}

// The layer's bytes on this machine: the registry's blob, or the same layer uncompressed,
// named by its diff_id, as an engine's image stored it.
QString RegistryImageSource::localBlob(const LayerInfo &layer) const
{
    return storedBlob(openedDigest(layer));
}

bool RegistryImageSource::isFetched(const LayerInfo &layer) const
{
    return !localBlob(layer).isEmpty();
}

QString RegistryImageSource::openedDigest(const LayerInfo &layer) const
{
    return storedBlob(layer.blobDigest).isEmpty() && !storedBlob(layer.diffId).isEmpty()
               ? layer.diffId
               : layer.blobDigest;
}

std::string RegistryImageSource::blobKey(const LayerInfo &layer) const
{
    return layer.blobDigest.toStdString();
}

bool RegistryImageSource::hasBlob(const LayerInfo &, Error *) const
{
    return true;
}

bool RegistryImageSource::fetchBlob(const LayerInfo &layer,
                                    const std::function<void(qint64)> &progress,
                                    const std::atomic_bool *cancel, Error *error) const
{
    if (isFetched(layer))
        return true;
    RegistryClient client(m_reference.registry, location());
    const QString path = strata::fetchBlob(client, m_reference.repository, layer.blobDigest,
                                           layer.declaredSize, progress, cancel, error);
    if (path.isEmpty()) {
        error->file = location();
        error->member = layer.blobDigest;
        return false;
    }
    return true;
}

QString RegistryImageSource::blobPath(const LayerInfo &layer, Error *error) const
{
    if (!fetchBlob(layer, {}, nullptr, error))
        return {};
    return localBlob(layer);
}

std::unique_ptr<ByteSource> RegistryImageSource::openBlob(const LayerInfo &layer,
                                                          Error *error) const
{
    const QString path = blobPath(layer, error);
    if (path.isEmpty())
        return nullptr;
    auto blob = std::make_unique<FileRangeSource>(path, 0, -1);
    if (!blob->isOpen()) {
        *error = Error::make(Error::Kind::Io, location(),
                             QStringLiteral("the cached blob cannot be read"), path);
        return nullptr;
    }
    return blob;
}

} // namespace strata

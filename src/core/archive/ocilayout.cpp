#include "archive/archivejson.h"
#include "archive/parsearchive.h"
#include "image/manifest.h"

#include <QJsonArray>
#include <QSet>

namespace strata {

namespace {
constexpr int kMaxIndexDepth = 8;

class OciLayoutReader
{
public:
    OciLayoutReader(const ArchiveSource &source, ParsedArchive *out,
                    QHash<QString, OciBlobInfo> *blobs)
        : m_source(source), m_out(out), m_blobs(blobs)
    {
    }

    bool read(Error *error)
    {
        QJsonDocument index;
        if (!readJsonMember(m_source, QStringLiteral("index.json"), &index, nullptr, error))
            return false;
        if (!index.isObject()) {
            *error =
                Error::make(Error::Kind::MalformedJson, m_source.path(),
                            QStringLiteral("is not an image index"), QStringLiteral("index.json"));
            return false;
        }
        const QJsonArray manifests = index.object().value(QStringLiteral("manifests")).toArray();
        for (const QJsonValue value : manifests) {
            const Descriptor d = Descriptor::fromJson(value.toObject());
            m_refName = referenceName(d.annotations);
            m_group.clear();
            if (!visit(d, 0, error))
                return false;
            // Of the images one index entry offers, the one for this machine is the default;
            // the others stay listed as other platforms.
            std::vector<ImageInfo *> group;
            for (size_t i : m_group)
                group.push_back(&m_out->images[i]);
            choosePlatform(group);
        }
        return true;
    }

private:
    bool visit(const Descriptor &d, int depth, Error *error)
    {
        if (depth > kMaxIndexDepth || m_visited.contains(d.digest))
            return true; // a loop or an absurd nesting: what was found so far stands
        m_visited.insert(d.digest);
        const QString path = blobPath(d.digest);
        if (path.isEmpty() || !m_source.resolve(path.toStdString())) {
            // An index may name manifests it does not carry (other platforms): listed as
            // images not in this archive, attestations left out.
            if (!d.isAttestation() && !isIndex(d.mediaType, {}))
                addAbsent(d);
            return true;
        }
        QJsonDocument doc;
        QByteArray raw;
        if (!readJsonMember(m_source, path, &doc, &raw, error))
            return false;
        const QJsonObject o = doc.object();
        if (isIndex(o.value(QStringLiteral("mediaType")).toString(d.mediaType), o)) {
            for (const QJsonValue child : o.value(QStringLiteral("manifests")).toArray()) {
                if (!visit(Descriptor::fromJson(child.toObject()), depth + 1, error))
                    return false;
            }
            return true;
        }
        return readImage(d, raw, o, error);
    }

    void addAbsent(const Descriptor &d)
    {
        ImageInfo image;
        if (!m_refName.isEmpty())
            image.names << nameOf(m_refName);
        image.manifestDigest = d.digest;
        image.id = d.digest;
        image.platform.os = d.platform.value(QStringLiteral("os")).toString();
        image.platform.architecture = d.platform.value(QStringLiteral("architecture")).toString();
        image.platform.variant = d.platform.value(QStringLiteral("variant")).toString();
        image.absent = true;
        image.otherPlatform = true;
        m_out->images.push_back(std::move(image));
    }

    // An OCI layout may name an image by its tag alone ("0.0.1", as skopeo's oci:DIR:TAG
    // writes it): that is no repository.
    static QString nameOf(const QString &refName)
    {
        if (refName.contains(QLatin1Char('/')) || refName.contains(QLatin1Char(':')) ||
            refName.contains(QLatin1Char('@')))
            return refName;
        return QLatin1Char(':') + refName;
    }

    bool readImage(const Descriptor &d, const QByteArray &raw, const QJsonObject &manifest,
                   Error *error)
    {
        const Descriptor config =
            Descriptor::fromJson(manifest.value(QStringLiteral("config")).toObject());
        if (!isImageConfigType(config.mediaType) || d.isAttestation())
            return true; // an artifact (signature, SBOM, attestation), not an image
        const QString configPath = blobPath(config.digest);
        QJsonDocument configDoc;
        QByteArray configJson;
        if (!readJsonMember(m_source, configPath, &configDoc, &configJson, error))
            return false;
        ImageInfo image;
        if (!m_refName.isEmpty())
            image.names << nameOf(m_refName);
        if (!imageFromManifest(d, raw, configJson, m_source.path(), configPath, &image, error))
            return false;
        for (LayerInfo &layer : image.layers) {
            const QString path = blobPath(layer.blobDigest);
            // A malformed digest names no file: the member is the digest, which messages name.
            setLayerMember(m_source, path.isEmpty() ? layer.blobDigest : path, &layer);
            m_blobs->insert(layer.blobDigest, OciBlobInfo{layer.mediaType, layer.declaredSize});
        }
        m_group.push_back(m_out->images.size());
        m_out->images.push_back(std::move(image));
        return true;
    }

    const ArchiveSource &m_source;
    ParsedArchive *m_out;
    QHash<QString, OciBlobInfo> *m_blobs;
    QString m_refName;
    std::vector<size_t> m_group;
    QSet<QString> m_visited;
};
} // namespace

bool parseOciLayout(const ArchiveSource &source, ParsedArchive *out,
                    QHash<QString, OciBlobInfo> *blobs, Error *error)
{
    return OciLayoutReader(source, out, blobs).read(error);
}

} // namespace strata

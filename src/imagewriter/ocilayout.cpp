// An OCI image layout as containers/image writes it (skopeo copy oci:/oci-archive:, podman
// save --format oci-archive): blobs/sha256/<hex> for layers, configs and manifests, index.json
// with one entry per tag named by org.opencontainers.image.ref.name, and oci-layout; an
// archive is that directory tarred.

#include "imagewriter/digest.h"
#include "imagewriter/layouts.h"
#include "imagewriter/ocijson.h"
#include "imagewriter/orderedjson.h"

#include <QSet>

namespace strata::imagewriter::detail {

Members ociLayoutMembers(const std::vector<PreparedImage> &images)
{
    const int64_t t = images.empty() ? kFixedMtime : images.front().createdSecs;
    Members out;
    QSet<QString> blobs;
    auto addBlob = [&](const QString &digest, const QByteArray &bytes) {
        const QString path = QStringLiteral("blobs/sha256/") + digestHex(digest);
        if (!blobs.contains(path)) {
            blobs.insert(path);
            out.push_back(Member::file(path, bytes, 0644, t));
        }
    };

    QList<QByteArray> index;
    for (const PreparedImage &p : images) {
        for (const PreparedLayer &layer : p.layers)
            addBlob(layer.blobDigest, layer.blob);
        addBlob(p.configDigest, p.config);
        const QByteArray manifest = ociManifestJson(p);
        const QString manifestDigest = sha256Digest(manifest);
        addBlob(manifestDigest, manifest);

        const QByteArray platform = platformJson(*p.image);
        if (p.image->tags.isEmpty()) {
            index.append(
                descriptorJson(kManifestMediaType, manifestDigest, manifest.size(), {}, platform));
        }
        for (const QString &tag : p.image->tags) {
            const QJsonObject refName{{QStringLiteral("org.opencontainers.image.ref.name"), tag}};
            index.append(descriptorJson(kManifestMediaType, manifestDigest, manifest.size(),
                                        refName, platform));
        }
    }

    OrderedJsonObject indexJson;
    indexJson.add(u"schemaVersion", 2);
    indexJson.add(u"mediaType", QString::fromUtf16(kIndexMediaType));
    indexJson.addRaw(u"manifests", rawJsonArray(index));

    out.push_back(Member::dir(QStringLiteral("blobs"), 0755, t));
    out.push_back(Member::dir(QStringLiteral("blobs/sha256"), 0755, t));
    out.push_back(Member::file(QStringLiteral("index.json"), indexJson.toJson(), 0644, t));
    out.push_back(Member::file(QStringLiteral("oci-layout"),
                               QByteArrayLiteral("{\"imageLayoutVersion\": \"1.0.0\"}"), 0644, t));
    sortInWalkOrder(out);
    return out;
}

} // namespace strata::imagewriter::detail

// docker save from Docker 25 (moby image/tarexport/save.go): an OCI layout that docker load
// and OCI tools both read, plus the legacy manifest.json whose paths point into blobs/.
// The classic image store (uncompressed layers) also writes "repositories", LayerSources and
// each layer's legacy v1 json as an unreferenced blob. The containerd image store keeps the
// compressed layers it pulled, writes read-only blobs with zero mtimes and no repositories.

#include "imagewriter/digest.h"
#include "imagewriter/layouts.h"
#include "imagewriter/legacyimage.h"
#include "imagewriter/ocijson.h"
#include "imagewriter/orderedjson.h"
#include "imagewriter/reference.h"

#include <QJsonArray>
#include <QSet>

namespace strata::imagewriter::detail {

namespace {

// {"sha256:..": {"mediaType", "size", "digest"}}: distribution.Descriptor's field order.
QByteArray layerSourcesJson(const PreparedImage &p)
{
    OrderedJsonObject sources;
    QSet<QString> seen;
    for (const PreparedLayer &layer : p.layers) {
        if (seen.contains(layer.blobDigest))
            continue;
        seen.insert(layer.blobDigest);
        OrderedJsonObject d;
        d.add(u"mediaType", layer.mediaType);
        d.add(u"size", layer.blob.size());
        d.add(u"digest", layer.blobDigest);
        sources.addRaw(layer.blobDigest, d.toJson());
    }
    return sources.toJson();
}

} // namespace

Members docker25Members(const std::vector<PreparedImage> &images, bool containerd)
{
    const uint32_t blobMode = containerd ? 0444 : 0644;
    const int64_t saveTime = containerd || images.empty() ? 0 : images.front().createdSecs;
    Members out;
    QSet<QString> blobs;
    auto addBlob = [&](const QByteArray &bytes, int64_t mtime) {
        const QString path = QStringLiteral("blobs/sha256/") + sha256Hex(bytes);
        if (!blobs.contains(path)) {
            blobs.insert(path);
            out.push_back(Member::file(path, bytes, blobMode, containerd ? 0 : mtime));
        }
        return path;
    };

    QList<QByteArray> manifest;
    QList<QByteArray> index;
    RepositoriesFile repositories;
    for (const PreparedImage &p : images) {
        const Image &image = *p.image;
        QStringList layerPaths;
        QString parentDigest;
        for (size_t i = 0; i < p.layers.size(); ++i) {
            const PreparedLayer &layer = p.layers[i];
            if (!containerd) {
                V1Image v1;
                v1.created = QStringLiteral("1970-01-01T00:00:00Z");
                v1.os = image.os;
                if (i + 1 == p.layers.size()) {
                    v1.created = image.created;
                    v1.config = runtimeConfigJson(image.config);
                    v1.architecture = image.architecture;
                }
                const QString id = createV1Id(
                    v1, chainId(p.diffIds.mid(0, static_cast<qsizetype>(i) + 1)), parentDigest);
                v1.id = id;
                v1.parent = digestHex(parentDigest);
                parentDigest = QStringLiteral("sha256:") + id;
                addBlob(v1.toJson(), p.createdSecs);
            }
            layerPaths.append(addBlob(layer.blob, p.createdSecs));
        }
        const QString configPath = addBlob(p.config, p.createdSecs);
        const QByteArray manifestBlob = ociManifestJson(p);
        addBlob(manifestBlob, 0);
        const QString manifestDigest = sha256Digest(manifestBlob);

        for (const QString &tag : image.tags) {
            const Reference ref = Reference::parse(tag);
            QJsonObject annotations{{QStringLiteral("io.containerd.image.name"), ref.normalized()},
                                    {QStringLiteral("org.opencontainers.image.ref.name"), ref.tag}};
            if (containerd)
                annotations.insert(QStringLiteral("org.opencontainers.image.created"),
                                   image.created);
            index.append(descriptorJson(kManifestMediaType, manifestDigest, manifestBlob.size(),
                                        annotations));
        }

        const QStringList tags = repoTags(image);
        OrderedJsonObject entry;
        entry.add(u"Config", configPath);
        entry.add(u"RepoTags",
                  tags.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonArray::fromStringList(tags));
        entry.add(u"Layers", QJsonArray::fromStringList(layerPaths));
        if (!containerd)
            entry.addRaw(u"LayerSources", layerSourcesJson(p));
        manifest.append(entry.toJson());
        if (!layerPaths.isEmpty())
            repositories.add(image.tags, digestHex(p.layers.back().blobDigest));
    }

    OrderedJsonObject indexJson;
    indexJson.add(u"schemaVersion", 2);
    indexJson.add(u"mediaType", QString::fromUtf16(kIndexMediaType));
    // Go writes a nil slice, which is what an archive of untagged images gets.
    indexJson.addRaw(u"manifests", index.isEmpty() ? QByteArray("null") : rawJsonArray(index));

    out.push_back(Member::dir(QStringLiteral("blobs"), 0755, saveTime));
    out.push_back(Member::dir(QStringLiteral("blobs/sha256"), 0755, saveTime));
    out.push_back(Member::file(QStringLiteral("index.json"), indexJson.toJson(), 0644, saveTime));
    out.push_back(Member::file(QStringLiteral("manifest.json"), rawJsonArray(manifest), 0644, 0));
    out.push_back(Member::file(QStringLiteral("oci-layout"),
                               containerd
                                   ? QByteArrayLiteral("{\"imageLayoutVersion\":\"1.0.0\"}")
                                   : QByteArrayLiteral("{\"imageLayoutVersion\": \"1.0.0\"}"),
                               blobMode, 0));
    if (!containerd && !repositories.isEmpty())
        out.push_back(Member::file(QStringLiteral("repositories"), repositories.toJson(), 0644, 0));
    sortInWalkOrder(out);
    return out;
}

} // namespace strata::imagewriter::detail

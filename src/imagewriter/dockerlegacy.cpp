// docker save as Docker 1.10 to 24 writes it (moby image/tarexport/save.go): one directory per
// layer named by a v1 id, the config as <image-id>.json, manifest.json and repositories, all
// tarred in directory-walk order.

#include "imagewriter/digest.h"
#include "imagewriter/layouts.h"
#include "imagewriter/legacyimage.h"
#include "imagewriter/orderedjson.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

namespace strata::imagewriter::detail {

Members dockerLegacyMembers(const std::vector<PreparedImage> &images)
{
    Members out;
    QSet<QString> savedIds;
    QSet<QString> savedConfigs;
    QHash<QString, QString> layerPathByDiffId; // where a layer's bytes were first saved
    QList<QByteArray> manifest;
    RepositoriesFile repositories;

    for (const PreparedImage &p : images) {
        const Image &image = *p.image;
        QString parentDigest;
        QStringList layerPaths;
        QString topId;
        for (size_t i = 0; i < p.layers.size(); ++i) {
            const PreparedLayer &layer = p.layers[i];
            const bool top = i + 1 == p.layers.size();
            // Lower layers only carry the creation time: Docker keeps them for pre-1.9 clients.
            V1Image v1;
            v1.created = image.created;
            v1.os = image.os;
            if (top) {
                v1.config = runtimeConfigJson(image.config);
                v1.architecture = image.architecture;
            }
            const QString id = createV1Id(
                v1, chainId(p.diffIds.mid(0, static_cast<qsizetype>(i) + 1)), parentDigest);
            v1.id = id;
            v1.parent = digestHex(parentDigest);
            layerPaths.append(id + QStringLiteral("/layer.tar"));
            parentDigest = QStringLiteral("sha256:") + id;
            topId = id;
            if (savedIds.contains(id))
                continue;
            savedIds.insert(id);

            const int64_t t = p.createdSecs;
            out.push_back(Member::dir(id, 0755, t));
            out.push_back(Member::file(id + QStringLiteral("/VERSION"), "1.0", 0644, t));
            out.push_back(Member::file(id + QStringLiteral("/json"), v1.toJson(), 0644, t));
            const QString layerPath = id + QStringLiteral("/layer.tar");
            if (const auto it = layerPathByDiffId.constFind(layer.diffId);
                it != layerPathByDiffId.constEnd()) {
                // The same bytes under another id: Docker links to the first copy.
                out.push_back(Member::symlink(layerPath, QStringLiteral("../") + *it, t));
            } else {
                out.push_back(Member::file(layerPath, layer.blob, 0644, t));
                layerPathByDiffId.insert(layer.diffId, layerPath);
            }
        }

        const QString configName = digestHex(p.configDigest) + QStringLiteral(".json");
        if (!savedConfigs.contains(configName)) {
            savedConfigs.insert(configName);
            out.push_back(Member::file(configName, p.config, 0644, p.createdSecs));
        }

        const QStringList tags = repoTags(image);
        OrderedJsonObject entry;
        entry.add(u"Config", configName);
        entry.add(u"RepoTags",
                  tags.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonArray::fromStringList(tags));
        entry.add(u"Layers", layerPaths.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                  : QJsonArray::fromStringList(layerPaths));
        manifest.append(entry.toJson());
        if (!topId.isEmpty())
            repositories.add(image.tags, topId);
    }

    out.push_back(Member::file(QStringLiteral("manifest.json"), rawJsonArray(manifest), 0644, 0));
    if (!repositories.isEmpty())
        out.push_back(Member::file(QStringLiteral("repositories"), repositories.toJson(), 0644, 0));
    sortInWalkOrder(out);
    return out;
}

} // namespace strata::imagewriter::detail

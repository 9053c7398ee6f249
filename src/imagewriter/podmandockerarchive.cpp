// The docker-archive writer of containers/image (podman save, skopeo copy docker-archive:):
// layers at the root as <diffid-hex>.tar, the config as <hex>.json, then per layer a
// <chain-id>/ directory whose layer.tar is a symlink to the root file; repositories and
// manifest.json come last. Members are read-only with a zero mtime, and no directory entries.

#include "imagewriter/digest.h"
#include "imagewriter/layouts.h"
#include "imagewriter/orderedjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <array>

namespace strata::imagewriter::detail {

namespace {

// The per-layer "json": parent and id, plus, on the top layer, these config fields (null when
// the config lacks them, as containers/image copies them blindly).
QByteArray legacyLayerJson(const QString &id, const QString &parent, const QByteArray *config)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    if (!parent.isEmpty())
        o.insert(QStringLiteral("parent"), parent);
    if (config) {
        const QJsonObject c = QJsonDocument::fromJson(*config).object();
        static constexpr std::array<const char16_t *, 7> copied = {
            u"architecture", u"config",         u"container", u"container_config",
            u"created",      u"docker_version", u"os"};
        for (const char16_t *key : copied) {
            const QString k = QString::fromUtf16(key);
            o.insert(k, c.value(k).isUndefined() ? QJsonValue(QJsonValue::Null) : c.value(k));
        }
    }
    return compactJson(o); // Go marshals the map with sorted keys
}

} // namespace

Members podmanDockerArchiveMembers(const std::vector<PreparedImage> &images)
{
    constexpr uint32_t readOnly = 0444;
    Members out;
    QSet<QString> written;
    QList<QByteArray> manifest;
    RepositoriesFile repositories;

    auto sendOnce = [&](Member m) {
        if (!written.contains(m.path)) {
            written.insert(m.path);
            out.push_back(std::move(m));
        }
    };

    for (const PreparedImage &p : images) {
        QStringList layerFiles;
        for (const PreparedLayer &layer : p.layers) {
            const QString name = digestHex(layer.diffId) + QStringLiteral(".tar");
            layerFiles.append(name);
            sendOnce(Member::file(name, layer.blob, readOnly, 0));
        }
        const QString configName = digestHex(p.configDigest) + QStringLiteral(".json");
        sendOnce(Member::file(configName, p.config, readOnly, 0));

        QString lastLayerId;
        for (size_t i = 0; i < p.layers.size(); ++i) {
            const bool top = i + 1 == p.layers.size();
            const QString id = digestHex(chainId(p.diffIds.mid(0, static_cast<qsizetype>(i) + 1)));
            const QString dir = id + u'/';
            sendOnce(Member::symlink(dir + QStringLiteral("layer.tar"),
                                     QStringLiteral("../") + layerFiles[static_cast<qsizetype>(i)],
                                     0));
            sendOnce(Member::file(dir + QStringLiteral("VERSION"), "1.0", readOnly, 0));
            sendOnce(Member::file(dir + QStringLiteral("json"),
                                  legacyLayerJson(id, lastLayerId, top ? &p.config : nullptr),
                                  readOnly, 0));
            lastLayerId = id;
        }

        OrderedJsonObject entry;
        entry.add(u"Config", configName);
        entry.add(u"RepoTags", QJsonArray::fromStringList(repoTags(*p.image)));
        entry.add(u"Layers", QJsonArray::fromStringList(layerFiles));
        manifest.append(entry.toJson());
        if (!lastLayerId.isEmpty())
            repositories.add(p.image->tags, lastLayerId);
    }
    out.push_back(Member::file(QStringLiteral("repositories"), repositories.toJson(), readOnly, 0));
    out.push_back(
        Member::file(QStringLiteral("manifest.json"), rawJsonArray(manifest), readOnly, 0));
    return out;
}

} // namespace strata::imagewriter::detail

#include "registry/registrylisting.h"

#include "image/manifest.h"
#include "registry/registryclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentMap>
#include <QThreadPool>

namespace strata {

namespace {
bool isUncompressedLayer(const QString &mediaType)
{
    return mediaType == QLatin1String("application/vnd.oci.image.layer.v1.tar") ||
           mediaType == QLatin1String("application/vnd.docker.image.rootfs.diff.tar");
}

QString platformOf(const QJsonObject &platform)
{
    Platform p;
    p.os = platform.value(QStringLiteral("os")).toString();
    p.architecture = platform.value(QStringLiteral("architecture")).toString();
    p.variant = platform.value(QStringLiteral("variant")).toString();
    return p.toString();
}

void addSizes(const QJsonObject &manifest, RegistryTag *tag)
{
    qint64 compressed = 0;
    bool allPlain = true;
    for (const QJsonValue layer : manifest.value(QStringLiteral("layers")).toArray()) {
        const Descriptor d = Descriptor::fromJson(layer.toObject());
        compressed += qMax<qint64>(0, d.size);
        allPlain = allPlain && isUncompressedLayer(d.mediaType);
    }
    tag->compressedSize = compressed;
    tag->uncompressedSize = allPlain ? compressed : -1;
}

// Reads what one tag names: an image manifest, or an index and its default platform's.
void describeTag(const RegistryReference &repository, RegistryTag *tag)
{
    RegistryClient client(repository.registry, repository.withReference(tag->tag).toLocation());
    const auto top = client.manifest(repository.repository, tag->tag, &tag->error);
    if (!top)
        return;
    tag->digest = top->digest;
    tag->mediaType = top->mediaType;
    const QJsonObject o = QJsonDocument::fromJson(top->body).object();
    if (!isIndex(top->mediaType, o)) {
        addSizes(o, tag);
        const Descriptor config =
            Descriptor::fromJson(o.value(QStringLiteral("config")).toObject());
        if (config.platform.isEmpty()) {
            // A single manifest does not say its platform; its config does.
            if (const auto json = client.smallBlob(repository.repository, config.digest,
                                                   config.size, &tag->error)) {
                const QJsonObject c = QJsonDocument::fromJson(*json).object();
                tag->platforms << platformOf(c);
            }
        }
        return;
    }
    Descriptor chosen;
    const QString arch = hostArchitecture();
    for (const QJsonValue entry : o.value(QStringLiteral("manifests")).toArray()) {
        const Descriptor d = Descriptor::fromJson(entry.toObject());
        if (d.isAttestation())
            continue;
        tag->platforms << platformOf(d.platform);
        if (chosen.digest.isEmpty() ||
            (d.platform.value(QStringLiteral("architecture")).toString() == arch &&
             chosen.platform.value(QStringLiteral("architecture")).toString() != arch))
            chosen = d;
    }
    if (chosen.digest.isEmpty())
        return;
    if (const auto m = client.manifest(repository.repository, chosen.digest, &tag->error))
        addSizes(QJsonDocument::fromJson(m->body).object(), tag);
}
} // namespace

std::optional<QList<RegistryTag>> listRegistryTags(const RegistryReference &repository,
                                                   Error *error)
{
    RegistryClient client(repository.registry, repository.toLocation());
    const auto names = client.tags(repository.repository, error);
    if (!names) {
        if (error->kind == Error::Kind::NoSuchImage)
            error->message = QStringLiteral("the registry %1 has no repository %2")
                                 .arg(repository.registry, repository.repository);
        error->file = repository.registry + QLatin1Char('/') + repository.repository;
        return std::nullopt;
    }
    QList<RegistryTag> tags;
    for (const QString &name : *names)
        tags.append(RegistryTag{name, {}, {}, {}, -1, -1, {}});
    // Waiting on the network: more requests at once than there are cores.
    QThreadPool pool;
    pool.setMaxThreadCount(8);
    QtConcurrent::blockingMap(&pool, tags,
                              [&](RegistryTag &tag) { describeTag(repository, &tag); });
    return tags;
}

bool namesRepositoryOnly(const QString &text)
{
    QString rest = text;
    if (rest.startsWith(QLatin1String("registry://")))
        rest = rest.mid(11);
    const QString last = rest.section(QLatin1Char('/'), -1);
    return rest.contains(QLatin1Char('/')) && !last.contains(QLatin1Char(':')) &&
           !rest.contains(QLatin1Char('@'));
}

} // namespace strata

#include "image/manifest.h"

#include "image/imageconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSysInfo>

namespace strata {

namespace {
// Docker refuses more than 127 layers (overlay2's limit); an image claiming thousands is
// hostile or broken, and merging it would cost layers x entries.
constexpr qsizetype kMaxLayers = 1000;
} // namespace

Descriptor Descriptor::fromJson(const QJsonObject &o)
{
    Descriptor d;
    d.mediaType = o.value(QStringLiteral("mediaType")).toString();
    d.digest = o.value(QStringLiteral("digest")).toString();
    d.size = o.value(QStringLiteral("size")).toInteger(-1);
    d.platform = o.value(QStringLiteral("platform")).toObject();
    d.annotations = o.value(QStringLiteral("annotations")).toObject();
    return d;
}

bool Descriptor::isAttestation() const
{
    return annotations.value(QStringLiteral("vnd.docker.reference.type")).toString() ==
           QLatin1String("attestation-manifest");
}

bool isIndex(const QString &mediaType, const QJsonObject &document)
{
    return mediaType == QLatin1String("application/vnd.oci.image.index.v1+json") ||
           mediaType ==
               QLatin1String("application/vnd.docker.distribution.manifest.list.v2+json") ||
           document.value(QStringLiteral("manifests")).isArray();
}

bool isImageConfigType(const QString &mediaType)
{
    return mediaType.isEmpty() ||
           mediaType == QLatin1String("application/vnd.oci.image.config.v1+json") ||
           mediaType == QLatin1String("application/vnd.docker.container.image.v1+json");
}

QString referenceName(const QJsonObject &annotations)
{
    QString name = annotations.value(QStringLiteral("io.containerd.image.name")).toString();
    if (name.isEmpty())
        name = annotations.value(QStringLiteral("org.opencontainers.image.ref.name")).toString();
    return name;
}

QString hostArchitecture()
{
    QString cpu = QSysInfo::currentCpuArchitecture();
    if (cpu == QLatin1String("x86_64"))
        return QStringLiteral("amd64");
    if (cpu == QLatin1String("i386"))
        return QStringLiteral("386");
    return cpu; // arm64, arm, riscv64, ppc64le and s390x are spelled alike
}

bool checkLayerCount(const QString &source, const QString &configName, qsizetype layers,
                     qsizetype diffIds, ImageInfo *image, Error *error)
{
    if (layers > kMaxLayers) {
        *error = Error::make(
            Error::Kind::LimitExceeded, source,
            QStringLiteral("the image lists %1 layers; more than %2 cannot be a real image")
                .arg(layers)
                .arg(kMaxLayers));
        return false;
    }
    if (diffIds != layers)
        image->problems << Error::make(
            Error::Kind::MalformedJson, source,
            QStringLiteral("the manifest lists %1 layers but the config has %2 diff_ids")
                .arg(layers)
                .arg(diffIds),
            configName);
    return true;
}

bool matchesDescriptor(const QByteArray &bytes, const QString &digest, qint64 size,
                       const QString &source, const QString &what, Error *problem)
{
    const bool checkable = digest.startsWith(QStringLiteral("sha256:"));
    const QString found = sha256Digest(bytes);
    if ((size < 0 || size == bytes.size()) && (!checkable || found == digest))
        return true;
    *problem = Error::make(Error::Kind::DigestMismatch, source,
                           QStringLiteral("is not what its descriptor names: %1 bytes with digest "
                                          "%2, the descriptor says %3 bytes with digest %4")
                               .arg(bytes.size())
                               .arg(found)
                               .arg(size < 0 ? QStringLiteral("?") : QString::number(size), digest),
                           what);
    return false;
}

bool imageFromManifest(const Descriptor &manifest, const QByteArray &manifestJson,
                       const QByteArray &configJson, const QString &source,
                       const QString &configName, ImageInfo *image, Error *error)
{
    const QJsonObject o = QJsonDocument::fromJson(manifestJson).object();
    const Descriptor config = Descriptor::fromJson(o.value(QStringLiteral("config")).toObject());
    image->manifestDigest = manifest.digest;
    image->manifestJson = manifestJson;
    image->configJson = configJson;
    image->configMember = configName;
    if (!parseImageConfig(configJson, image)) {
        *error = Error::make(Error::Kind::MalformedJson, source,
                             QStringLiteral("is not an image configuration"), configName);
        return false;
    }
    // What the bytes are, whatever the descriptors claim: an ID is what identifies the bytes.
    Error problem;
    if (!manifest.digest.isEmpty() &&
        !matchesDescriptor(manifestJson, manifest.digest, manifest.size, source,
                           QStringLiteral("the manifest ") + manifest.digest, &problem)) {
        image->problems << problem;
        image->manifestDigest = sha256Digest(manifestJson);
    }
    image->id = config.digest.isEmpty() ? sha256Digest(configJson) : config.digest;
    if (!config.digest.isEmpty() &&
        !matchesDescriptor(configJson, config.digest, config.size, source,
                           QStringLiteral("the config ") + config.digest, &problem)) {
        image->problems << problem;
        image->id = sha256Digest(configJson);
    }
    if (!manifest.platform.isEmpty()) {
        const QJsonObject &p = manifest.platform;
        image->platform.os = p.value(QStringLiteral("os")).toString(image->platform.os);
        image->platform.architecture =
            p.value(QStringLiteral("architecture")).toString(image->platform.architecture);
        image->platform.variant =
            p.value(QStringLiteral("variant")).toString(image->platform.variant);
    }
    const QStringList diffIds = configDiffIds(configJson);
    const QJsonArray layers = o.value(QStringLiteral("layers")).toArray();
    if (!checkLayerCount(source, configName, layers.size(), diffIds.size(), image, error))
        return false;
    for (qsizetype i = 0; i < layers.size(); ++i) {
        const Descriptor l = Descriptor::fromJson(layers.at(i).toObject());
        LayerInfo layer;
        layer.mediaType = l.mediaType;
        layer.blobDigest = l.digest;
        layer.declaredSize = l.size;
        layer.diffId = i < diffIds.size() ? diffIds.at(i) : QString();
        image->layers.append(layer);
    }
    computeChainIds(&image->layers);
    attachHistory(image);
    return true;
}

void choosePlatform(std::vector<ImageInfo *> images)
{
    if (images.size() < 2)
        return;
    const QString arch = hostArchitecture();
    ImageInfo *chosen = images.front();
    for (ImageInfo *image : images) {
        const Platform &p = image->platform;
        if (p.architecture == arch && (p.os == QLatin1String("linux") || p.os.isEmpty())) {
            chosen = image;
            break;
        }
    }
    for (ImageInfo *image : images)
        image->otherPlatform = image != chosen;
}

} // namespace strata

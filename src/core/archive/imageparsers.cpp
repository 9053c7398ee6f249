#include "archive/imageparsers.h"

#include "image/historytext.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSysInfo>

#include <algorithm>

namespace strata {

namespace {
constexpr qint64 kMaxJsonBytes = qint64(16) << 20;
constexpr int kMaxIndexDepth = 8;

QString sha256Of(const QByteArray &data)
{
    return QStringLiteral("sha256:") +
           QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

std::string memberName(const QString &name)
{
    return name.toUtf8().toStdString();
}

// Reads and parses a JSON member; on failure sets *error naming the member.
bool readJson(const ArchiveSource &source, const QString &name, QJsonDocument *doc, QByteArray *raw,
              Error *error)
{
    const ArchiveMember *member = source.resolve(memberName(name));
    if (!member) {
        *error = Error::make(Error::Kind::MissingMember, source.path(),
                             QStringLiteral("is named by the image but not in the archive"), name);
        return false;
    }
    QByteArray data = source.read(*member, kMaxJsonBytes, error);
    if (error->isError())
        return false;
    QJsonParseError parseError;
    *doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = Error::make(Error::Kind::MalformedJson, source.path(),
                             QStringLiteral("is not valid JSON: %1 at byte %2")
                                 .arg(parseError.errorString())
                                 .arg(parseError.offset),
                             name);
        return false;
    }
    if (raw)
        *raw = data;
    return true;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    if (value.isString())
        list << value.toString();
    for (const QJsonValue v : value.toArray())
        list << v.toString();
    return list;
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

// "blobs/sha256/<hex>" for an OCI digest; empty for a digest that is not a plain file name.
QString blobPath(const QString &digest)
{
    const qsizetype colon = digest.indexOf(QLatin1Char(':'));
    if (colon <= 0 || digest.contains(QLatin1Char('/')) || digest.contains(QStringLiteral("..")))
        return {};
    return QStringLiteral("blobs/") + digest.left(colon) + QLatin1Char('/') + digest.mid(colon + 1);
}

// Docker's and podman's layer names carry the digest: "blobs/sha256/<hex>" or "<hex>.tar".
QString digestFromLayerPath(const QString &path)
{
    static const QString blobs = QStringLiteral("blobs/sha256/");
    if (path.startsWith(blobs))
        return QStringLiteral("sha256:") + path.mid(blobs.size());
    QString base = path.section(QLatin1Char('/'), -1);
    if (base.endsWith(QStringLiteral(".tar")))
        base.chop(4);
    else if (base.endsWith(QStringLiteral(".tar.gz")))
        base.chop(7);
    if (base.size() == 64 && base != QStringLiteral("layer"))
        return QStringLiteral("sha256:") + base;
    return {};
}

// Docker refuses more than 127 layers (overlay2's limit); an image claiming thousands is
// hostile or broken, and merging it would cost layers x entries.
constexpr qsizetype kMaxLayers = 1000;

bool checkLayerCount(const ArchiveSource &source, const QString &configMember, qsizetype layers,
                     qsizetype diffIds, ImageInfo *image, Error *error)
{
    if (layers > kMaxLayers) {
        *error = Error::make(
            Error::Kind::LimitExceeded, source.path(),
            QStringLiteral("the image lists %1 layers; more than %2 cannot be a real image")
                .arg(layers)
                .arg(kMaxLayers));
        return false;
    }
    if (diffIds != layers)
        image->problems << Error::make(
            Error::Kind::MalformedJson, source.path(),
            QStringLiteral("the manifest lists %1 layers but the config has %2 diff_ids")
                .arg(layers)
                .arg(diffIds),
            configMember);
    return true;
}

struct Descriptor
{
    QString mediaType;
    QString digest;
    qint64 size = -1;
    QJsonObject platform;
    QJsonObject annotations;
};

Descriptor descriptorFrom(const QJsonObject &o)
{
    Descriptor d;
    d.mediaType = o.value(QStringLiteral("mediaType")).toString();
    d.digest = o.value(QStringLiteral("digest")).toString();
    d.size = o.value(QStringLiteral("size")).toInteger(-1);
    d.platform = o.value(QStringLiteral("platform")).toObject();
    d.annotations = o.value(QStringLiteral("annotations")).toObject();
    return d;
}

bool isIndexMediaType(const QString &type)
{
    return type == QLatin1String("application/vnd.oci.image.index.v1+json") ||
           type == QLatin1String("application/vnd.docker.distribution.manifest.list.v2+json");
}

bool isImageConfigType(const QString &type)
{
    return type.isEmpty() || type == QLatin1String("application/vnd.oci.image.config.v1+json") ||
           type == QLatin1String("application/vnd.docker.container.image.v1+json");
}

void addLayerMember(const ArchiveSource &source, LayerInfo *layer, const QString &path)
{
    const ArchiveMember *member = source.resolve(memberName(path));
    if (member) {
        layer->member = QString::fromStdString(member->name);
        layer->blobSize = member->size;
    } else {
        layer->member = path;
    }
}

// ---- docker manifest.json (docker save, podman save, skopeo docker-archive, Docker 25) ----

struct OciBlobInfo
{
    QString mediaType;
    qint64 size = -1;
};

bool parseDockerManifest(const ArchiveSource &source, const QHash<QString, OciBlobInfo> &ociBlobs,
                         ParsedArchive *out, Error *error)
{
    QJsonDocument doc;
    if (!readJson(source, QStringLiteral("manifest.json"), &doc, &out->manifestListJson, error))
        return false;
    if (!doc.isArray()) {
        *error =
            Error::make(Error::Kind::MalformedJson, source.path(),
                        QStringLiteral("is not a list of images"), QStringLiteral("manifest.json"));
        return false;
    }
    QJsonDocument repositories;
    Error ignored;
    if (source.find("repositories"))
        readJson(source, QStringLiteral("repositories"), &repositories, nullptr, &ignored);

    bool sawRootBlob = false;
    for (const QJsonValue value : doc.array()) {
        const QJsonObject entry = value.toObject();
        if (!entry.value(QStringLiteral("Config")).isString() ||
            !entry.value(QStringLiteral("Layers")).isArray()) {
            *error = Error::make(Error::Kind::MalformedJson, source.path(),
                                 QStringLiteral("an entry lacks \"Config\" or \"Layers\""),
                                 QStringLiteral("manifest.json"));
            return false;
        }
        ImageInfo image;
        image.manifestJson = QJsonDocument(entry).toJson(QJsonDocument::Indented);
        image.names = stringList(entry.value(QStringLiteral("RepoTags")));
        image.configMember = entry.value(QStringLiteral("Config")).toString();
        QJsonDocument config;
        if (!readJson(source, image.configMember, &config, &image.configJson, error))
            return false;
        if (!parseImageConfig(image.configJson, &image)) {
            *error =
                Error::make(Error::Kind::MalformedJson, source.path(),
                            QStringLiteral("is not an image configuration"), image.configMember);
            return false;
        }
        image.id = sha256Of(image.configJson);

        const QJsonArray diffIds = config.object()
                                       .value(QStringLiteral("rootfs"))
                                       .toObject()
                                       .value(QStringLiteral("diff_ids"))
                                       .toArray();
        const QJsonObject layerSources = entry.value(QStringLiteral("LayerSources")).toObject();
        const QJsonArray layers = entry.value(QStringLiteral("Layers")).toArray();
        if (!checkLayerCount(source, image.configMember, layers.size(), diffIds.size(), &image,
                             error))
            return false;
        for (qsizetype i = 0; i < layers.size(); ++i) {
            LayerInfo layer;
            const QString path = layers.at(i).toString();
            if (!path.contains(QLatin1Char('/')))
                sawRootBlob = true;
            addLayerMember(source, &layer, path);
            layer.diffId = i < diffIds.size() ? diffIds.at(i).toString() : QString();
            layer.blobDigest = digestFromLayerPath(layer.member);
            if (layer.blobDigest.isEmpty())
                layer.blobDigest = digestFromLayerPath(path);
            const QJsonObject src = layerSources.value(layer.diffId).toObject();
            layer.mediaType = src.value(QStringLiteral("mediaType")).toString();
            layer.declaredSize = src.value(QStringLiteral("size")).toInteger(-1);
            if (const auto blob = ociBlobs.constFind(layer.blobDigest);
                blob != ociBlobs.constEnd()) {
                layer.mediaType = blob->mediaType;
                layer.declaredSize = blob->size;
            }
            if (path.endsWith(QStringLiteral("/layer.tar"))) {
                // docker save writes layers uncompressed: the blob is the diff.
                if (layer.blobDigest.isEmpty())
                    layer.blobDigest = layer.diffId;
                layer.v1Id = path.section(QLatin1Char('/'), 0, 0);
                const QString jsonPath = layer.v1Id + QStringLiteral("/json");
                if (const ArchiveMember *json = source.find(memberName(jsonPath))) {
                    Error jsonError;
                    layer.v1Json = source.read(*json, kMaxJsonBytes, &jsonError);
                }
            }
            image.layers.append(layer);
        }
        // Old docker saves name images only in `repositories` (tag -> top layer's v1 id).
        if (image.names.isEmpty() && !image.layers.isEmpty() && repositories.isObject()) {
            const QJsonObject repos = repositories.object();
            for (auto repo = repos.begin(); repo != repos.end(); ++repo) {
                const QJsonObject tags = repo.value().toObject();
                for (auto tag = tags.begin(); tag != tags.end(); ++tag) {
                    if (tag.value().toString() == image.layers.last().v1Id)
                        image.names << repo.key() + QLatin1Char(':') + tag.key();
                }
            }
        }
        computeChainIds(&image.layers);
        attachHistory(&image);
        out->images.push_back(std::move(image));
    }
    if (out->images.empty()) {
        *error = Error::make(Error::Kind::NotAnImage, source.path(),
                             QStringLiteral("lists no images"), QStringLiteral("manifest.json"));
        return false;
    }
    if (source.find("oci-layout") && source.find("index.json"))
        out->format = ArchiveFormat::Docker25;
    else if (sawRootBlob) // c/image and ggcr keep blobs at the top; docker in <id>/layer.tar
        out->format = ArchiveFormat::DockerArchive;
    else
        out->format = ArchiveFormat::DockerLegacy;
    return true;
}

// ---- OCI image layout (oci-archive, OCI directory, and the inside of Docker 25 saves) ----

class OciReader
{
public:
    OciReader(const ArchiveSource &source, ParsedArchive *out) : m_source(source), m_out(out) {}

    bool read(Error *error)
    {
        QJsonDocument index;
        if (!readJson(m_source, QStringLiteral("index.json"), &index, &m_out->indexJson, error))
            return false;
        if (!index.isObject()) {
            *error =
                Error::make(Error::Kind::MalformedJson, m_source.path(),
                            QStringLiteral("is not an image index"), QStringLiteral("index.json"));
            return false;
        }
        const QJsonArray manifests = index.object().value(QStringLiteral("manifests")).toArray();
        for (const QJsonValue value : manifests) {
            const Descriptor d = descriptorFrom(value.toObject());
            m_refName = refName(d.annotations);
            m_group.clear();
            if (!visit(d, 0, error))
                return false;
            pickPlatform();
        }
        return true;
    }

    QHash<QString, OciBlobInfo> blobs() const { return m_blobs; }

private:
    static QString refName(const QJsonObject &annotations)
    {
        QString name = annotations.value(QStringLiteral("io.containerd.image.name")).toString();
        if (name.isEmpty())
            name =
                annotations.value(QStringLiteral("org.opencontainers.image.ref.name")).toString();
        return name;
    }

    bool visit(const Descriptor &d, int depth, Error *error)
    {
        if (depth > kMaxIndexDepth || m_visited.contains(d.digest))
            return true; // a loop or an absurd nesting: what was found so far stands
        m_visited.insert(d.digest);
        const QString path = blobPath(d.digest);
        if (path.isEmpty() || !m_source.resolve(memberName(path)))
            return true; // an index may name manifests it does not carry (other platforms)
        QJsonDocument doc;
        QByteArray raw;
        if (!readJson(m_source, path, &doc, &raw, error))
            return false;
        const QJsonObject o = doc.object();
        const QString type = o.value(QStringLiteral("mediaType")).toString(d.mediaType);
        if (isIndexMediaType(type) || o.value(QStringLiteral("manifests")).isArray()) {
            for (const QJsonValue child : o.value(QStringLiteral("manifests")).toArray()) {
                const Descriptor c = descriptorFrom(child.toObject());
                if (!visit(c, depth + 1, error))
                    return false;
            }
            return true;
        }
        return readImageManifest(d, raw, o, error);
    }

    bool readImageManifest(const Descriptor &d, const QByteArray &raw, const QJsonObject &manifest,
                           Error *error)
    {
        const Descriptor config =
            descriptorFrom(manifest.value(QStringLiteral("config")).toObject());
        if (!isImageConfigType(config.mediaType))
            return true; // an artifact (signature, SBOM, attestation), not an image
        if (d.annotations.value(QStringLiteral("vnd.docker.reference.type")).toString() ==
            QLatin1String("attestation-manifest"))
            return true;
        ImageInfo image;
        image.manifestDigest = d.digest;
        image.manifestJson = raw;
        image.configMember = blobPath(config.digest);
        if (!m_refName.isEmpty())
            image.names << m_refName;
        QJsonDocument configDoc;
        if (!readJson(m_source, image.configMember, &configDoc, &image.configJson, error))
            return false;
        if (!parseImageConfig(image.configJson, &image)) {
            *error =
                Error::make(Error::Kind::MalformedJson, m_source.path(),
                            QStringLiteral("is not an image configuration"), image.configMember);
            return false;
        }
        image.id = config.digest.isEmpty() ? sha256Of(image.configJson) : config.digest;
        if (!d.platform.isEmpty()) {
            image.platform.os = d.platform.value(QStringLiteral("os")).toString(image.platform.os);
            image.platform.architecture = d.platform.value(QStringLiteral("architecture"))
                                              .toString(image.platform.architecture);
            image.platform.variant =
                d.platform.value(QStringLiteral("variant")).toString(image.platform.variant);
        }
        const QJsonArray diffIds = configDoc.object()
                                       .value(QStringLiteral("rootfs"))
                                       .toObject()
                                       .value(QStringLiteral("diff_ids"))
                                       .toArray();
        const QJsonArray layers = manifest.value(QStringLiteral("layers")).toArray();
        if (!checkLayerCount(m_source, image.configMember, layers.size(), diffIds.size(), &image,
                             error))
            return false;
        for (qsizetype i = 0; i < layers.size(); ++i) {
            const Descriptor l = descriptorFrom(layers.at(i).toObject());
            LayerInfo layer;
            layer.mediaType = l.mediaType;
            layer.blobDigest = l.digest;
            layer.declaredSize = l.size;
            layer.diffId = i < diffIds.size() ? diffIds.at(i).toString() : QString();
            addLayerMember(m_source, &layer, blobPath(l.digest));
            m_blobs.insert(l.digest, OciBlobInfo{l.mediaType, l.size});
            image.layers.append(layer);
        }
        computeChainIds(&image.layers);
        attachHistory(&image);
        m_group.push_back(m_out->images.size());
        m_out->images.push_back(std::move(image));
        return true;
    }

    // Of the images one index entry offers, the one for this machine is the default; the
    // others stay listed as other platforms.
    void pickPlatform()
    {
        if (m_group.size() < 2)
            return;
        const QString arch = hostArchitecture();
        size_t chosen = m_group.front();
        for (size_t i : m_group) {
            const Platform &p = m_out->images[i].platform;
            if (p.architecture == arch && (p.os == QLatin1String("linux") || p.os.isEmpty())) {
                chosen = i;
                break;
            }
        }
        for (size_t i : m_group)
            m_out->images[i].otherPlatform = i != chosen;
    }

    const ArchiveSource &m_source;
    ParsedArchive *m_out;
    QString m_refName;
    std::vector<size_t> m_group;
    QSet<QString> m_visited;
    QHash<QString, OciBlobInfo> m_blobs;
};

// ---- docker save before 1.10: `repositories` and a chain of `<id>/json` with `parent` ----

bool parseLegacyV1(const ArchiveSource &source, ParsedArchive *out, Error *error)
{
    QJsonDocument repositories;
    if (!readJson(source, QStringLiteral("repositories"), &repositories, nullptr, error))
        return false;
    // top layer id -> names
    QMap<QString, QStringList> tops;
    const QJsonObject repos = repositories.object();
    for (auto repo = repos.begin(); repo != repos.end(); ++repo) {
        const QJsonObject tags = repo.value().toObject();
        for (auto tag = tags.begin(); tag != tags.end(); ++tag)
            tops[tag.value().toString()] << repo.key() + QLatin1Char(':') + tag.key();
    }
    if (tops.isEmpty()) {
        *error = Error::make(Error::Kind::NotAnImage, source.path(),
                             QStringLiteral("names no image and there is no manifest.json"),
                             QStringLiteral("repositories"));
        return false;
    }
    for (auto top = tops.begin(); top != tops.end(); ++top) {
        ImageInfo image;
        image.names = top.value();
        QList<LayerInfo> chain; // top first
        QSet<QString> seen;
        for (QString id = top.key(); !id.isEmpty();) {
            if (seen.contains(id) || chain.size() > 1000) {
                *error = Error::make(Error::Kind::MalformedJson, source.path(),
                                     QStringLiteral("the chain of parent layers loops"),
                                     id + QStringLiteral("/json"));
                return false;
            }
            seen.insert(id);
            LayerInfo layer;
            layer.v1Id = id;
            QJsonDocument json;
            if (!readJson(source, id + QStringLiteral("/json"), &json, &layer.v1Json, error))
                return false;
            addLayerMember(source, &layer, id + QStringLiteral("/layer.tar"));
            chain.append(layer);
            if (chain.size() == 1) {
                image.configJson = layer.v1Json;
                image.configMember = id + QStringLiteral("/json");
                parseImageConfig(layer.v1Json, &image);
            }
            id = json.object().value(QStringLiteral("parent")).toString();
        }
        std::reverse(chain.begin(), chain.end());
        for (const LayerInfo &layer : chain) {
            const QJsonObject json = QJsonDocument::fromJson(layer.v1Json).object();
            HistoryEntry step;
            step.created = json.value(QStringLiteral("created")).toString();
            step.author = json.value(QStringLiteral("author")).toString();
            step.comment = json.value(QStringLiteral("comment")).toString();
            step.createdByRaw = stringList(json.value(QStringLiteral("container_config"))
                                               .toObject()
                                               .value(QStringLiteral("Cmd")))
                                    .join(QLatin1Char(' '));
            const CleanedCommand cleaned = cleanCreatedBy(step.createdByRaw);
            step.createdBy = cleaned.text;
            step.instruction = cleaned.instruction;
            image.history.append(step);
        }
        image.layers = chain;
        image.id = QStringLiteral("sha256:") + top.key();
        attachHistory(&image);
        out->images.push_back(std::move(image));
    }
    out->format = ArchiveFormat::DockerLegacyV1;
    return true;
}
} // namespace

bool parseImageConfig(const QByteArray &json, ImageInfo *image)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject())
        return false;
    const QJsonObject o = doc.object();
    image->created = o.value(QStringLiteral("created")).toString();
    image->author = o.value(QStringLiteral("author")).toString();
    image->platform.os = o.value(QStringLiteral("os")).toString();
    image->platform.architecture = o.value(QStringLiteral("architecture")).toString();
    image->platform.variant = o.value(QStringLiteral("variant")).toString();
    image->platform.osVersion = o.value(QStringLiteral("os.version")).toString();

    QJsonObject c = o.value(QStringLiteral("config")).toObject();
    if (c.isEmpty())
        c = o.value(QStringLiteral("container_config")).toObject();
    ImageConfig &config = image->config;
    config.env = stringList(c.value(QStringLiteral("Env")));
    config.cmd = stringList(c.value(QStringLiteral("Cmd")));
    config.entrypoint = stringList(c.value(QStringLiteral("Entrypoint")));
    config.workingDir = c.value(QStringLiteral("WorkingDir")).toString();
    config.user = c.value(QStringLiteral("User")).toString();
    config.stopSignal = c.value(QStringLiteral("StopSignal")).toString();
    config.exposedPorts = c.value(QStringLiteral("ExposedPorts")).toObject().keys();
    const QJsonObject labels = c.value(QStringLiteral("Labels")).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        config.labels.append({it.key(), it.value().toString()});

    for (const QJsonValue value : o.value(QStringLiteral("history")).toArray()) {
        const QJsonObject h = value.toObject();
        HistoryEntry step;
        step.created = h.value(QStringLiteral("created")).toString();
        step.createdByRaw = h.value(QStringLiteral("created_by")).toString();
        step.comment = h.value(QStringLiteral("comment")).toString();
        step.author = h.value(QStringLiteral("author")).toString();
        step.emptyLayer = h.value(QStringLiteral("empty_layer")).toBool();
        const CleanedCommand cleaned = cleanCreatedBy(step.createdByRaw);
        step.createdBy = cleaned.text;
        step.instruction = cleaned.instruction;
        step.buildkit = cleaned.buildkit;
        image->history.append(step);
    }
    return true;
}

void computeChainIds(QList<LayerInfo> *layers)
{
    QString previous;
    for (qsizetype i = 0; i < layers->size(); ++i) {
        LayerInfo &layer = (*layers)[i];
        if (layer.diffId.isEmpty() || (i > 0 && previous.isEmpty())) {
            previous.clear();
            continue;
        }
        previous =
            i == 0 ? layer.diffId : sha256Of((previous + QLatin1Char(' ') + layer.diffId).toUtf8());
        layer.chainId = previous;
    }
}

void attachHistory(ImageInfo *image)
{
    int layer = -1;
    int nonEmpty = 0;
    for (qsizetype i = 0; i < image->history.size(); ++i) {
        HistoryEntry &step = image->history[i];
        if (!step.emptyLayer) {
            ++nonEmpty;
            if (layer + 1 < image->layers.size()) {
                ++layer;
                image->layers[layer].historyIndex = int(i);
            }
        }
        step.layer = layer;
    }
    if (!image->history.isEmpty() && nonEmpty != image->layers.size())
        image->warnings << QStringLiteral("the history describes %1 layers, the image has %2")
                               .arg(nonEmpty)
                               .arg(image->layers.size());
}

bool parseArchive(const ArchiveSource &source, ParsedArchive *out, Error *error)
{
    const bool hasManifest = source.find("manifest.json");
    const bool hasOci = source.find("index.json") && source.find("oci-layout");
    if (!hasOci && !hasManifest) {
        if (source.find("repositories"))
            return parseLegacyV1(source, out, error);
        *error = Error::make(Error::Kind::NotAnImage, source.path(),
                             QStringLiteral("not a container image: it has no manifest.json, "
                                            "index.json or repositories"));
        return false;
    }
    ParsedArchive oci;
    Error ociError;
    bool ociOk = false;
    QHash<QString, OciBlobInfo> ociBlobs;
    if (hasOci) {
        OciReader reader(source, &oci);
        ociOk = reader.read(&ociError);
        ociBlobs = reader.blobs();
        if (ociOk && oci.images.empty())
            ociError = Error::make(Error::Kind::NotAnImage, source.path(),
                                   QStringLiteral("names no image manifest"),
                                   QStringLiteral("index.json"));
        ociOk = ociOk && !oci.images.empty();
    }
    // Docker 25 writes both: its manifest.json has the tags, the OCI side the media types.
    Error dockerError;
    if (hasManifest && parseDockerManifest(source, ociBlobs, out, &dockerError)) {
        out->indexJson = oci.indexJson;
        return true;
    }
    // A broken manifest.json beside a good OCI layout: the layout is the image.
    if (ociOk) {
        *out = std::move(oci);
        out->format = source.kind() == ArchiveSource::Kind::Directory ? ArchiveFormat::OciDirectory
                                                                      : ArchiveFormat::OciArchive;
        return true;
    }
    *error = hasManifest ? dockerError : ociError;
    return false;
}

} // namespace strata

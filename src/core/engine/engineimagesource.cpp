#include "engine/engineimagesource.h"

#include "archive/bytesource.h"
#include "cache/blobstore.h"
#include "engine/containerlayer.h"
#include "engine/enginehistory.h"
#include "engine/savedimage.h"
#include "image/manifest.h"
#include "source/sourcesettings.h"
#include "tree/layerreader.h"

namespace strata {

namespace {
// Which failure says most about why no engine answered.
int telling(Error::Kind kind)
{
    switch (kind) {
    case Error::Kind::Denied:
        return 3;
    case Error::Kind::Unsupported:
        return 2;
    case Error::Kind::Unreachable:
        return 1;
    default:
        return 0;
    }
}
} // namespace

std::optional<EngineClient> connectEngine(const EngineLocation &location, Error *error)
{
    std::vector<EngineEndpoint> endpoints;
    if (!location.host.isEmpty())
        endpoints.push_back(endpointForHost(location.kind, location.host, QStringLiteral("host=")));
    else
        endpoints = engineEndpoints(location.kind, SourceSettings::load().engineHost);
    Error best;
    for (const EngineEndpoint &endpoint : endpoints) {
        EngineClient client(endpoint);
        Error failed;
        if (client.connect(&failed))
            return client;
        if (!best || telling(failed.kind) > telling(best.kind))
            best = failed;
    }
    *error = best;
    return std::nullopt;
}

EngineImageSource::EngineImageSource(const QString &location) : ImageSource(location) {}

EngineImageSource::~EngineImageSource() = default;

QString EngineImageSource::description() const
{
    return QStringLiteral("%1 at %2").arg(m_version.toString(), m_endpoint.host);
}

QString EngineImageSource::entryPath() const
{
    return m_entryPath;
}

OverlayFolders EngineImageSource::overlayFolders() const
{
    EngineClient client(m_endpoint);
    Error error;
    GraphDriver driver = m_container ? m_container->graphDriver : m_image.graphDriver;
    if (m_container) {
        if (auto now = client.inspectContainer(m_container->id, &error))
            driver = now->graphDriver;
    } else if (auto now = client.inspectImage(m_image.id, &error)) {
        driver = now->graphDriver;
    }
    if (error) {
        OverlayFolders gone;
        gone.driver = driver.name;
        gone.why = error.toString();
        return gone;
    }
    return readOverlayFolders(m_endpoint, driver, m_container.has_value());
}

std::shared_ptr<EngineImageSource>
EngineImageSource::open(const EngineLocation &location, Error *error, const OpenObserver &observer)
{
    *error = {};
    const QString name = location.toString();
    if (location.ref.isEmpty()) {
        *error = Error::make(Error::Kind::NoSuchImage, name,
                             QStringLiteral("names no image or container"));
        return nullptr;
    }
    std::optional<EngineClient> client = connectEngine(location, error);
    if (!client)
        return nullptr;
    // What the engine says is said of the location the user opened; the cache's own
    // problems name the cache.
    auto fail = [&](Error e) {
        if (e.file == client->endpoint().host)
            e.file = name;
        *error = e;
        return nullptr;
    };

    std::shared_ptr<EngineImageSource> source(new EngineImageSource(name));
    source->m_endpoint = client->endpoint();
    source->m_version = client->version();
    Error lookup;
    if (!location.container) {
        if (auto image = client->inspectImage(location.ref, &lookup))
            source->m_image = *image;
        else if (lookup.kind != Error::Kind::NoSuchImage)
            return fail(lookup);
    }
    if (source->m_image.id.isEmpty()) {
        auto container = client->inspectContainer(location.ref, &lookup);
        if (!container) {
            if (lookup.kind != Error::Kind::NotFound)
                return fail(lookup);
            return fail(Error::make(
                location.container ? Error::Kind::NotFound : Error::Kind::NoSuchImage, name,
                location.container ? QStringLiteral("%1 has no container \"%2\"")
                                         .arg(source->m_version.toString(), location.ref)
                                   : QStringLiteral("%1 has no image or container \"%2\"")
                                         .arg(source->m_version.toString(), location.ref)));
        }
        source->m_container = *container;
        auto image = client->inspectImage(container->imageId, &lookup);
        if (!image)
            return fail(lookup);
        source->m_image = *image;
    }

    const std::optional<SavedImage> saved =
        savedImage(*client, source->m_image.id, source->m_image.size, observer, error);
    if (!saved)
        return fail(*error);
    source->m_entryPath = saved->entryPath;
    ImageInfo info;
    Descriptor manifest;
    manifest.mediaType = QStringLiteral("application/vnd.oci.image.manifest.v1+json");
    if (!imageFromManifest(manifest, saved->manifest, saved->config, saved->entryPath,
                           source->m_image.id, &info, error))
        return fail(*error);
    // The manifest is Strata's own listing of the blobs, not one the engine or a registry has.
    info.manifestDigest.clear();
    for (LayerInfo &layer : info.layers) {
        layer.member = layer.blobDigest;
        layer.blobSize = layer.declaredSize;
    }
    // The engine's names now, not those of the day it was saved.
    info.names = source->m_image.repoTags;

    if (auto history = client->history(source->m_image.id, &lookup)) {
        source->m_history = *history;
        for (const QString &difference :
             compareEngineHistory(source->m_history, source->m_version.kind, info))
            info.warnings << QStringLiteral("docker history differs: ") + difference;
    } else {
        return fail(lookup);
    }

    if (source->m_container) {
        const EngineContainerDetails &c = *source->m_container;
        Error changesError;
        auto layer = readContainerLayer(
            source->m_endpoint, c.id, uint16_t(info.layers.size()), observer.cancel,
            [&](int done, int total) {
                if (observer.progress)
                    observer.progress(
                        LoadProgress{OpenStage::Changes, 0, 0, done, total, c.name, {}});
            },
            &changesError);
        if (!layer)
            return fail(changesError);
        if (layer->vanished > 0)
            info.warnings << QStringLiteral("%1 changed paths vanished while Strata read them "
                                            "(the container is running)")
                                 .arg(layer->vanished);
        source->m_containerLayer = std::make_shared<const LayerTree>(std::move(layer->tree));
        LayerInfo rw;
        rw.readWrite = true;
        rw.member = QStringLiteral("container ") + c.name;
        rw.tarSize = -1;
        info.layers.append(rw);
        info.container = ContainerInfo{c.id, c.name, c.state, c.sizeRw, c.sizeRootFs};
        info.names = QStringList{c.name};
    }
    source->m_images.push_back(std::move(info));
    return source;
}

std::string EngineImageSource::blobKey(const LayerInfo &layer) const
{
    return layer.readWrite ? std::string("container") : layer.blobDigest.toStdString();
}

bool EngineImageSource::hasBlob(const LayerInfo &layer, Error *error) const
{
    if (layer.readWrite) {
        *error =
            Error::make(Error::Kind::MissingMember, location(),
                        QStringLiteral("a container's read-write layer has no blob"), layer.member);
        return false;
    }
    if (storedBlob(layer.blobDigest).isEmpty()) {
        *error = Error::make(Error::Kind::MissingMember, location(),
                             QStringLiteral("the layer left the cache; open the image again"),
                             layer.member);
        return false;
    }
    return true;
}

bool EngineImageSource::opensBlobs() const
{
    return true;
}

std::unique_ptr<ByteSource> EngineImageSource::openBlob(const LayerInfo &layer, Error *error) const
{
    if (!hasBlob(layer, error))
        return nullptr;
    const QString path = storedBlob(layer.blobDigest);
    auto blob = std::make_unique<FileRangeSource>(path, 0, -1);
    if (!blob->isOpen()) {
        *error = Error::make(Error::Kind::Io, location(),
                             QStringLiteral("the cached layer cannot be read"), path);
        return nullptr;
    }
    return blob;
}

std::shared_ptr<const LayerTree> EngineImageSource::builtLayer(const LayerInfo &layer) const
{
    return layer.readWrite ? m_containerLayer : nullptr;
}

QByteArray EngineImageSource::readBuiltFile(const LayerInfo &layer, const std::string &path,
                                            qint64 maxBytes, Error *error) const
{
    *error = {};
    const QString shown = QString::fromStdString(path);
    auto notAFile = [&] {
        *error = Error::make(
            Error::Kind::NotFound, location(),
            QStringLiteral("\"%1\" is not a regular file of this layer").arg(shown), layer.member);
        return QByteArray();
    };
    const uint32_t node = m_containerLayer->tree.find(path);
    if (node == kNoNode || m_containerLayer->tree.type(node) != FileType::Regular)
        return notAFile();
    EngineClient client(m_endpoint);
    // The tar of one file: its header, then its data.
    const std::optional<QByteArray> tar = client.archivePath(
        m_container->id, QLatin1Char('/') + shown, maxBytes + qint64(64) * 1024, error);
    if (!tar) {
        error->file = location();
        return {};
    }
    BufferSource bytes(*tar);
    LayerReader reader(bytes, location(), layer.member);
    LayerEntry entry;
    QByteArray data;
    if (!reader.next(&entry) || entry.type != FileType::Regular)
        return notAFile();
    if (!reader.readAll(&data, maxBytes) && data.size() < qMin<qint64>(maxBytes, entry.size)) {
        *error = reader.error();
        return {};
    }
    return data;
}

} // namespace strata

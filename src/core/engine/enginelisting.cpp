#include "engine/enginelisting.h"

#include <QHash>
#include <QtConcurrent/QtConcurrentMap>

#include <QThreadPool>

#include <thread>

namespace strata {

std::optional<EngineListing> listEngine(EngineClient &client, Error *error)
{
    if (!client.connect(error))
        return std::nullopt;
    EngineListing listing;
    listing.endpoint = client.endpoint();
    listing.version = client.version();
    const bool docker = listing.version.kind == EngineKind::Docker;
    // The containers' sizes are what the engine takes longest over (it measures every
    // container): asked for on a second connection while the first asks for the rest.
    // Docker gives them, with the images' shared sizes, in /system/df; Podman in
    // /containers/json.
    Error measureError;
    std::optional<EngineDiskUsage> usage;
    std::optional<QList<EngineContainer>> containers;
    std::thread measuring([&, second = client.another()]() mutable {
        if (docker)
            usage = second.diskUsage(&measureError);
        else
            containers = second.containers(&measureError);
    });
    auto info = client.info(error);
    auto images = info ? client.images(error) : std::nullopt;
    measuring.join();
    if (!info || !images)
        return std::nullopt;
    if (!usage && !containers) {
        *error = measureError;
        return std::nullopt;
    }
    listing.info = *info;
    listing.images = *images;
    if (docker) {
        QHash<QString, const EngineImage *> byId;
        for (const EngineImage &image : usage->images)
            byId.insert(image.id, &image);
        for (EngineImage &image : listing.images) {
            if (const EngineImage *measured = byId.value(image.id)) {
                image.sharedSize = measured->sharedSize;
                image.containers = measured->containers;
                image.size = measured->size;
            }
        }
        listing.containers = usage->containers;
        listing.layersSize = usage->layersSize;
    } else {
        listing.containers = *containers;
    }
    return listing;
}

std::vector<ContainerSpec> containersOfImage(const EngineListing &listing, const QString &imageId,
                                             int input)
{
    std::vector<ContainerSpec> specs;
    for (const EngineContainer &c : listing.containers) {
        if (c.imageId != imageId)
            continue;
        ContainerSpec spec;
        spec.input = input;
        spec.size = qMax<qint64>(0, c.sizeRw);
        spec.name = c.name;
        spec.measured = true;
        spec.state = c.state;
        specs.push_back(spec);
    }
    return specs;
}

std::vector<EngineListing> discoverEngines(const QString &chosenHost, std::vector<Error> *failures)
{
    std::vector<EngineEndpoint> endpoints;
    QStringList seen;
    for (EngineKind kind : {EngineKind::Docker, EngineKind::Podman}) {
        for (EngineEndpoint &endpoint : engineEndpoints(kind, chosenHost)) {
            const QString key = endpoint.http.toString();
            if (seen.contains(key))
                continue; // DOCKER_HOST may well be Podman's socket
            seen << key;
            endpoints.push_back(std::move(endpoint));
        }
    }
    struct Result
    {
        std::optional<EngineListing> listing;
        Error error;
    };
    std::vector<Result> results(endpoints.size());
    QThreadPool pool; // waiting on sockets, not computing: not the shared worker pool
    pool.setMaxThreadCount(int(endpoints.size()));
    std::vector<size_t> indexes(endpoints.size());
    for (size_t i = 0; i < indexes.size(); ++i)
        indexes[i] = i;
    QtConcurrent::blockingMap(&pool, indexes, [&](size_t i) {
        EngineClient client(endpoints[i]);
        results[i].listing = listEngine(client, &results[i].error);
    });
    std::vector<EngineListing> listings;
    for (Result &result : results) {
        if (result.listing)
            listings.push_back(std::move(*result.listing));
        else if (failures)
            failures->push_back(result.error);
    }
    return listings;
}

} // namespace strata

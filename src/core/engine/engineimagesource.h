#pragma once

#include "engine/engineclient.h"
#include "engine/enginelocation.h"
#include "engine/enginetypes.h"
#include "engine/overlayfolders.h"
#include "source/imagesource.h"
#include "source/opensource.h"

#include <QList>

#include <memory>
#include <optional>

namespace strata {

// An image of a running engine, or a container with its image. Opening asks the engine what
// the reference names, then reads the image from Strata's cache, where GET /images/{id}/get
// (docker save) put it the first time (savedImage: its layers in the blob store registry
// images share, each checked against its digests). A container adds its read-write layer on
// top, built from the engine's list of changes (readContainerLayer).
class EngineImageSource final : public ImageSource
{
public:
    ~EngineImageSource() override;
    // Null with *error set when the engine is unreachable, does not know the reference, or
    // the image cannot be saved and checked.
    static std::shared_ptr<EngineImageSource> open(const EngineLocation &location, Error *error,
                                                   const OpenObserver &observer = {});

    // "Docker Engine 20.10.24 at unix:///var/run/docker.sock"
    QString description() const override;
    const EngineEndpoint &endpoint() const { return m_endpoint; }
    const EngineVersion &version() const { return m_version; }
    const EngineImageDetails &imageDetails() const { return m_image; }
    // Set for a container.
    const std::optional<EngineContainerDetails> &containerDetails() const { return m_container; }
    // GET /images/{id}/history, newest first.
    const QList<EngineHistoryEntry> &engineHistory() const { return m_history; }
    // The image's entry in the cache (its config and the list of its layer blobs).
    QString entryPath() const;
    // The image's or container's folders in the engine's overlay2 store as they are now (the
    // engine is asked again: a container may have started since). Reads every folder: slow
    // for big images, run it in the background.
    OverlayFolders overlayFolders() const;

protected:
    std::string blobKey(const LayerInfo &layer) const override;
    bool hasBlob(const LayerInfo &layer, Error *error) const override;
    bool opensBlobs() const override;
    std::unique_ptr<ByteSource> openBlob(const LayerInfo &layer, Error *error) const override;
    std::shared_ptr<const LayerTree> builtLayer(const LayerInfo &layer) const override;
    QByteArray readBuiltFile(const LayerInfo &layer, const std::string &path, qint64 maxBytes,
                             Error *error) const override;

private:
    explicit EngineImageSource(const QString &location);

    EngineEndpoint m_endpoint;
    EngineVersion m_version;
    EngineImageDetails m_image;
    std::optional<EngineContainerDetails> m_container;
    QList<EngineHistoryEntry> m_history;
    QString m_entryPath;
    std::shared_ptr<const LayerTree> m_containerLayer;
};

// Connects to the engine a location names: its host, or the first of engineEndpoints() that
// answers. The error of the most telling failure (denied before unreachable) when none does.
std::optional<EngineClient> connectEngine(const EngineLocation &location, Error *error);

} // namespace strata

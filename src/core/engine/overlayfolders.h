#pragma once

#include "engine/engineendpoint.h"
#include "engine/enginetypes.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

// What `du` says of a folder: every entry counted (the folder too), hard links once.
struct FolderUsage
{
    qint64 apparentBytes = 0; // `du -sb`
    qint64 diskBytes = 0;     // `du -s -B1`: the blocks they take
    qint64 entries = 0;
    bool readable = true;
};
FolderUsage folderUsage(const QString &path);

// One layer's folder in the engine's overlay2 (Podman: overlay) store.
struct OverlayLayerFolder
{
    enum class Role
    {
        ImageLayer,     // a layer of the image, shared by every image and container using it
        InitLayer,      // Docker's <id>-init: /etc/hosts, /etc/resolv.conf... mount points
        ContainerLayer, // the container's read-write layer: the overlay's upperdir
    };
    Role role = Role::ImageLayer;
    int imageLayer = -1;    // ImageLayer: its position, bottom first
    QString path;           // <root>/overlay2/<id>
    QString link;           // the `link` file: this layer's short name under l/
    QString lower;          // the `lower` file: the layers below as l/ names, top first
    FolderUsage diff;       // diff/: what the layer holds
    bool hasWork = false;   // work/: overlayfs's scratch folder (upper layers only)
    bool hasMerged = false; // merged/: where the container's filesystem is mounted
};

// An image's or a container's layers as the engine keeps them on disk, from its GraphDriver
// data (`docker inspect`). Available only for a local engine whose storage Strata may read;
// otherwise `why` says what stands in the way (a remote engine, another driver, permissions).
struct OverlayFolders
{
    bool available = false;
    QString why;
    QString driver;                   // "overlay2", "overlay"
    QString root;                     // the store: /var/lib/docker/overlay2
    QList<OverlayLayerFolder> layers; // bottom first; then the -init and container layers
    QStringList lowerDirs;            // LowerDir, top first, as the engine gives it
    QString upperDir;
    QString workDir;
    QString mergedDir;
    // What mounts the container's filesystem: as mounted now (/proc/self/mountinfo) for a
    // running container, else as the engine will mount it from the `lower` file.
    QString mountCommand;
    bool mounted = false;
    FolderUsage total; // every folder above's diff/
};

OverlayFolders readOverlayFolders(const EngineEndpoint &endpoint, const GraphDriver &driver,
                                  bool container);

} // namespace strata

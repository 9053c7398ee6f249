#pragma once

#include "engine/engineendpoint.h"
#include "tree/filetree.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace strata {

// What answered at an endpoint (GET /version).
struct EngineVersion
{
    EngineKind kind = EngineKind::Docker;
    QString product;    // "Docker Engine", "Podman Engine"
    QString version;    // "20.10.24+dfsg1", "4.3.1"
    QString apiVersion; // the Docker API version it speaks at most: "1.41"
    QString minApiVersion;
    QString os;
    QString arch;

    QString toString() const; // "Docker Engine 20.10.24+dfsg1"
};

// GET /info: where and how the engine stores layers.
struct EngineInfo
{
    QString name;    // the host's name
    QString rootDir; // DockerRootDir / Podman's graph root
    QString driver;  // "overlay2", "overlay", "vfs", "btrfs"...
    int images = 0;
    int containers = 0;
    int running = 0;
};

// An image as `docker images` and `docker system df -v` list it.
struct EngineImage
{
    QString id;              // "sha256:..."
    QStringList repoTags;    // "nginx:latest"; empty for a dangling image
    QStringList repoDigests; // "nginx@sha256:..."
    qint64 created = 0;      // seconds since the epoch
    qint64 size = -1;        // the layers' bytes
    qint64 sharedSize = -1;  // in layers another image uses too; -1 when the engine says not
    int containers = -1;     // containers using it; -1 when the engine says not

    bool dangling() const { return repoTags.isEmpty(); }
    QString displayName() const; // first tag, else "<none>:<none>"
};

// A container as `docker ps -a -s` lists it.
struct EngineContainer
{
    QString id;      // 64 hex digits
    QString name;    // without docker's leading "/"
    QString image;   // what it was started from, as the user wrote it
    QString imageId; // "sha256:..."
    QString command;
    qint64 created = 0;
    QString state;          // "running", "exited", "created", "paused"...
    QString status;         // "Up 3 minutes", "Exited (0) 2 hours ago"
    qint64 sizeRw = -1;     // bytes of its read-write layer (`docker ps -s` SIZE)
    qint64 sizeRootFs = -1; // with its image's layers ("virtual")
};

// GET /system/df.
struct EngineDiskUsage
{
    qint64 layersSize = -1; // every image layer, each once
    QList<EngineImage> images;
    QList<EngineContainer> containers;
};

// One row of GET /images/{id}/history, newest first as the engine sends it.
struct EngineHistoryEntry
{
    QString id; // an image ID, or "<missing>"
    qint64 created = 0;
    QString createdBy;
    QStringList tags;
    qint64 size = 0;
    QString comment;
};

// The storage driver's data of an image or a container (`docker inspect` GraphDriver).
struct GraphDriver
{
    QString name;                // "overlay2"
    QMap<QString, QString> data; // LowerDir, UpperDir, WorkDir, MergedDir...
};

struct EngineImageDetails
{
    QString id;
    QStringList repoTags;
    QStringList diffIds; // RootFS.Layers, bottom first
    qint64 size = -1;
    GraphDriver graphDriver;
};

struct EngineContainerDetails
{
    QString id;
    QString name;
    QString imageId;  // "sha256:..."
    QString imageRef; // Config.Image: what it was started from
    QString state;    // State.Status
    bool running = false;
    qint64 sizeRw = -1;
    qint64 sizeRootFs = -1;
    QString created; // RFC 3339
    GraphDriver graphDriver;
};

// One entry of GET /containers/{id}/changes (`docker diff`).
struct EngineChange
{
    enum class Kind
    {
        Modified = 0, // C
        Added = 1,    // A
        Deleted = 2,  // D
    };
    QString path; // absolute, as the engine writes it
    Kind kind = Kind::Modified;
};
QChar changeLetter(EngineChange::Kind kind); // 'C', 'A', 'D'

// HEAD /containers/{id}/archive?path=: what the engine says of one path in a container.
struct EnginePathStat
{
    QString name;
    qint64 size = 0;
    quint32 goMode = 0; // Go's os.FileMode: type bits high, permissions low
    qint64 mtime = 0;   // seconds since the epoch
    QString linkTarget; // a symlink's target

    FileType type() const;
    quint32 permissions() const; // 07777, set-id and sticky bits included
};

// One event of GET /events.
struct EngineEvent
{
    QString type;   // "container", "image"
    QString action; // "create", "start", "die", "destroy", "load", "pull", "tag", "delete"...
    QString id;
    QString name;
};

} // namespace strata

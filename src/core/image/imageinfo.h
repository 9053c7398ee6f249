#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include "common/error.h"

#include <optional>
#include <utility>

namespace strata {

// The run-time configuration of an image (the config's "config" object).
struct ImageConfig
{
    QStringList env;
    QStringList cmd;
    QStringList entrypoint;
    QString workingDir;
    QString user;
    QStringList exposedPorts;                  // "80/tcp", sorted
    QList<std::pair<QString, QString>> labels; // sorted by key
    QString stopSignal;
};

// One step of the image's history (config "history"), bottom first.
struct HistoryEntry
{
    QString created;      // RFC 3339 as written
    QString createdByRaw; // exactly as in the config
    QString createdBy;    // cleaned for display: "RUN apt-get ...", "ENV A=b", "COPY ..."
    QString instruction;  // the Dockerfile keyword of createdBy ("RUN", "ENV"...), or empty
    QString comment;
    QString author;
    bool emptyLayer = false;
    bool buildkit = false; // created_by carried "# buildkit"
    // The layer this step produced; for an empty step, the layer below it (-1 when it comes
    // before the first layer). An empty step is drawn between `layer` and `layer + 1`.
    int layer = -1;
};

struct LayerInfo
{
    QString diffId;           // sha256:... of the uncompressed tar (from the config)
    QString chainId;          // sha256:... identity of this layer together with all below it
    QString blobDigest;       // sha256:... of the blob as stored (OCI) or of layer.tar (docker)
    QString mediaType;        // as declared; "" for docker-archive layers
    QString member;           // path of the blob inside the archive, symlinks resolved
    QString v1Id;             // legacy per-layer directory id, when there is one
    QByteArray v1Json;        // that directory's `json`, when there is one
    qint64 blobSize = -1;     // bytes as stored in the archive
    qint64 declaredSize = -1; // size the manifest declares, -1 when it declares none
    // What indexing finds (sizes, counts, compression) is in each LayerTree, not here:
    // ImageInfo stays as parsed, so threads can share it. Unused here, kept -1:
    qint64 tarSize = -1;     // bytes of the uncompressed tar stream
    qint64 contentSize = -1; // sum of the sizes of the regular files the layer holds
    qint64 entryCount = -1;  // tar entries, whiteouts included
    QString compression;     // "none", "gzip", "zstd", ... sniffed from the bytes
    int historyIndex = -1;   // the history step that produced it, -1 when history says nothing
    // A container's read-write layer: no blob; the engine lists what the container changed.
    bool readWrite = false;
};

struct Platform
{
    QString os;
    QString architecture;
    QString variant;
    QString osVersion;
    QString toString() const; // "linux/arm64/v8"
    bool isEmpty() const { return os.isEmpty() && architecture.isEmpty(); }
};

// A container of an engine, opened as its image with its read-write layer on top.
struct ContainerInfo
{
    QString id; // 64 hex digits
    QString name;
    QString state;          // "running", "exited"...
    qint64 sizeRw = -1;     // what the engine measures its read-write layer at
    qint64 sizeRootFs = -1; // with the image's layers ("virtual")
};

// What an index attaches to an image besides it: an attestation manifest (Docker's
// "vnd.docker.reference.type: attestation-manifest") with its in-toto statements.
struct AttachedArtifact
{
    QString kind;               // "attestation-manifest"
    QString manifestDigest;     // the attestation manifest's own digest
    QStringList predicateTypes; // "https://spdx.dev/Document", "https://slsa.dev/provenance/v0.2"
    qint64 size = -1;           // bytes of its layers (the statements)
};

// Everything known about one image without reading its layers.
struct ImageInfo
{
    QStringList names;      // tags / references; may be empty
    QString id;             // the config digest "sha256:..." (what `docker images` shows)
    QString manifestDigest; // OCI: digest of the image manifest
    QString created;
    QString author;
    Platform platform;
    ImageConfig config;
    QList<LayerInfo> layers;     // bottom first
    QList<HistoryEntry> history; // bottom first
    QByteArray manifestJson;     // this image's manifest (entry of manifest.json, or OCI)
    QByteArray configJson;
    QString configMember;
    QStringList warnings; // oddities that change nothing: "history lists 3 layers, rootfs 4"
    // Inconsistencies the image was loaded despite (a config whose diff_ids do not match the
    // manifest's layers...): shown, and they make `strata-cli` exit 2.
    QList<Error> problems;
    // OCI indexes: an image for a platform other than the one picked for its reference;
    // listed, loadable by name or "@N", but never chosen by default.
    bool otherPlatform = false;
    // An index names this image (its platform, its manifest digest) but its manifest is not
    // in the archive: Docker's containerd store saves only this machine's platform, and
    // copies of part of an index leave the rest out. Listed, never loadable.
    bool absent = false;
    // Attestations an index attaches to this image (a registry's; archives leave them out).
    QList<AttachedArtifact> attachments;
    // Set when this is a container: the last of `layers` is its read-write layer.
    std::optional<ContainerInfo> container;

    QString displayName() const; // first name, or the short id
    QString shortId() const;     // 12 hex digits
    // The bytes the layers take as stored (compressed or not), what the archive holds.
    qint64 storedSize() const;
};

QString shortDigest(const QString &digest, int length = 12);

} // namespace strata

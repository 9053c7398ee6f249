#pragma once

#include "archive/archivesource.h"
#include "archive/imagearchive.h"
#include "common/error.h"
#include "image/imageinfo.h"

#include <QHash>

#include <vector>

namespace strata {

// The metadata of every image in an archive, read from its small JSON members.
struct ParsedArchive
{
    ArchiveFormat format = ArchiveFormat::DockerLegacy;
    std::vector<ImageInfo> images;
};

// Tells the format by content (which members exist and what they hold), never by the file
// name, and reads it with the reader of that format.
bool parseArchive(const ArchiveSource &source, ParsedArchive *out, Error *error);

// ---- The readers of each format, one file each ----

// What an OCI layout says of a blob, for the docker manifest.json beside it (Docker 25).
struct OciBlobInfo
{
    QString mediaType;
    qint64 size = -1;
};

// dockermanifest.cpp: manifest.json (docker save, podman save, skopeo docker-archive, kaniko,
// and the tags of a Docker 25 save).
bool parseDockerManifest(const ArchiveSource &source, const QHash<QString, OciBlobInfo> &ociBlobs,
                         ParsedArchive *out, Error *error);

// ocilayout.cpp: index.json and the blobs it names (OCI archives and directories, the inside
// of Docker 25 saves). `blobs` receives the layers' descriptors.
bool parseOciLayout(const ArchiveSource &source, ParsedArchive *out,
                    QHash<QString, OciBlobInfo> *blobs, Error *error);

// skopeodir.cpp: skopeo's `dir:` transport: manifest.json holding one image manifest, blobs
// named by their hex digest, and a `version` file.
bool isSkopeoDirectory(const ArchiveSource &source);
bool parseSkopeoDirectory(const ArchiveSource &source, ParsedArchive *out, Error *error);

// legacyv1.cpp: docker save before 1.10: `repositories` and a chain of `<id>/json`.
bool parseLegacyV1(const ArchiveSource &source, ParsedArchive *out, Error *error);

} // namespace strata

#pragma once

#include "archive/archivesource.h"
#include "archive/imagearchive.h"
#include "common/error.h"
#include "image/imageinfo.h"

#include <vector>

namespace strata {

// The metadata of every image in an archive, read from its small JSON members. The format is
// told by content (which members exist and what they hold), never by the file name.
struct ParsedArchive
{
    ArchiveFormat format = ArchiveFormat::DockerLegacy;
    std::vector<ImageInfo> images;
    QByteArray indexJson;        // OCI index.json, when there is one
    QByteArray manifestListJson; // docker manifest.json, when there is one
};

bool parseArchive(const ArchiveSource &source, ParsedArchive *out, Error *error);

// Fills ImageConfig, created, platform and history from a config (OCI image config or
// docker's container config, which is the same shape). Returns false when it is not JSON.
bool parseImageConfig(const QByteArray &json, ImageInfo *image);

// chain[0] = diff[0]; chain[n] = sha256(chain[n-1] + " " + diff[n]). Empty from the first
// unknown diff_id on.
void computeChainIds(QList<LayerInfo> *layers);

// Attaches history steps to layers: the n-th non-empty step made the n-th layer; an empty
// step belongs between the layer before it and the next.
void attachHistory(ImageInfo *image);

} // namespace strata

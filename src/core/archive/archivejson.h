#pragma once

#include "archive/archivesource.h"
#include "common/error.h"
#include "image/imageinfo.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QString>

namespace strata {

// What the readers of the archive formats share: small JSON members and blob paths.

// Manifests and configs are kilobytes; a member claiming more is not one.
inline constexpr qint64 kMaxJsonBytes = qint64(16) << 20;

// Reads and parses a JSON member (and keeps its bytes in *raw when given); on failure sets
// *error naming the member.
bool readJsonMember(const ArchiveSource &source, const QString &name, QJsonDocument *doc,
                    QByteArray *raw, Error *error);

// "blobs/sha256/<hex>" for an OCI digest; empty for a digest that is not a plain file name.
QString blobPath(const QString &digest);

// Sets layer->member (links resolved) and blobSize from the member at `path`; the member
// stays `path` when the archive does not hold it.
void setLayerMember(const ArchiveSource &source, const QString &path, LayerInfo *layer);

} // namespace strata

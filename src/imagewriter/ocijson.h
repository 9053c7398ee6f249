#pragma once

// OCI image-spec JSON shared by the OCI layout and Docker 25's docker save.

#include "imagewriter/preparedimage.h"

#include <QJsonObject>

namespace strata::imagewriter::detail {

inline constexpr char16_t kManifestMediaType[] = u"application/vnd.oci.image.manifest.v1+json";
inline constexpr char16_t kIndexMediaType[] = u"application/vnd.oci.image.index.v1+json";
inline constexpr char16_t kConfigMediaType[] = u"application/vnd.oci.image.config.v1+json";

// A descriptor in Go struct order: mediaType, digest, size, annotations, platform.
QByteArray descriptorJson(QStringView mediaType, const QString &digest, qint64 size,
                          const QJsonObject &annotations = {}, const QByteArray &platform = {});

// The image manifest: schemaVersion, mediaType, config, layers.
QByteArray ociManifestJson(const PreparedImage &image);

// {"architecture": ..., "os": ...}
QByteArray platformJson(const Image &image);

} // namespace strata::imagewriter::detail

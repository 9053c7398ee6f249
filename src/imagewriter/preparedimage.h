#pragma once

// Everything the layouts need about an image, computed once: layer bytes and digests, the
// config blob and its digest.

#include "imagewriter/imagewriter.h"

#include <QStringList>

#include <vector>

namespace strata::imagewriter::detail {

struct PreparedLayer
{
    QByteArray tar; // uncompressed
    QString diffId;
    QByteArray blob; // as stored: `tar`, or `tar` compressed
    QString blobDigest;
    QString mediaType; // OCI layer media type matching the blob
};

struct PreparedImage
{
    const Image *image = nullptr;
    std::vector<PreparedLayer> layers;
    QStringList diffIds;
    QByteArray config;
    QString configDigest;
    int64_t createdSecs = kFixedMtime; // image.created as seconds, for member mtimes
};

bool prepareImages(const std::vector<Image> &images, Compression layerCompression,
                   std::vector<PreparedImage> *prepared, QString *error);

// The image config (Docker/OCI): architecture, config, created, history, os, rootfs.
QByteArray buildConfigJson(const Image &image, const QStringList &diffIds);

// The runtime config object with keys in Docker's container.Config order.
QByteArray runtimeConfigJson(const QJsonObject &config);

// RFC 3339 to seconds since the epoch; kFixedMtime if it does not parse.
int64_t parseCreated(const QString &created);

} // namespace strata::imagewriter::detail

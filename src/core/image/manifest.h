#pragma once

#include "common/error.h"
#include "image/imageinfo.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <vector>

namespace strata {

// An OCI descriptor (also docker's distribution manifests): what a manifest or index says of
// a blob it names.
struct Descriptor
{
    QString mediaType;
    QString digest;
    qint64 size = -1;
    QJsonObject platform;
    QJsonObject annotations;

    static Descriptor fromJson(const QJsonObject &o);
    // An index entry that describes an attestation (SBOM, provenance) of another manifest.
    bool isAttestation() const;
};

// An image index or manifest list: its media type says so, or its "manifests" array.
bool isIndex(const QString &mediaType, const QJsonObject &document);
// The config media types of an image (or none given); other configs are artifacts.
bool isImageConfigType(const QString &mediaType);
// The image name an index entry carries (containerd's or the OCI ref.name annotation).
QString referenceName(const QJsonObject &annotations);
// This machine's architecture as images spell it: "amd64", "arm64"...
QString hostArchitecture();

// Whether `bytes` are what `digest` names, and `size` when it is not -1. A sha256 digest is
// checked; one of another algorithm passes unchecked. Otherwise *problem is a DigestMismatch
// naming `what` (in `source`), the digest claimed and the one found.
bool matchesDescriptor(const QByteArray &bytes, const QString &digest, qint64 size,
                       const QString &source, const QString &what, Error *problem);

// An image from its manifest and config: platform, history and config from the config, the
// layers (digest, media type, declared size, diff_id, chain ID) from the manifest. `source`
// and `configName` name things in errors. False with *error when the config is not one or
// the manifest lists an absurd number of layers. Recorded in image->problems: a manifest or
// config whose bytes are not what its descriptor names (the image's ID and manifest digest
// are then those of the bytes), and a mismatch between the manifest's layers and the config's
// diff_ids.
bool imageFromManifest(const Descriptor &manifest, const QByteArray &manifestJson,
                       const QByteArray &configJson, const QString &source,
                       const QString &configName, ImageInfo *image, Error *error);

// Checks the number of layers a manifest lists against the config's diff_ids.
bool checkLayerCount(const QString &source, const QString &configName, qsizetype layers,
                     qsizetype diffIds, ImageInfo *image, Error *error);

// Of several images one index entry offers, the one for this machine (linux, this
// architecture), else the first. Marks the others `otherPlatform`.
void choosePlatform(std::vector<ImageInfo *> images);

} // namespace strata

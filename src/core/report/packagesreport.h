#pragma once

#include "image/imageinfo.h"
#include "packages/imagepackages.h"

#include <QByteArray>
#include <QJsonArray>

namespace strata {

// `strata-cli packages`: per layer what it added, removed and upgraded with the bytes those
// packages put into it, then the packages of the image; with `layer` >= 0 the packages as of
// that layer only.
QByteArray packagesText(const ImageInfo &image, const ImagePackages &packages, int layer = -1);
QByteArray packagesJson(const ImageInfo &image, const ImagePackages &packages, int layer = -1);
// The packages as of `layer` (-1: the top) as a CycloneDX 1.5 SBOM, each component with its
// purl and the layer that installed it. The same image gives the same bytes.
QByteArray packagesCycloneDx(const ImageInfo &image, const ImagePackages &packages, int layer = -1);
// The layer whose change put each package of `layer` there (its last Added or Upgraded).
int layerOfPackage(const ImagePackages &packages, int layer, const Package *package);

// `strata-cli diff --packages`: what changes between two images' packages.
QByteArray packageChangesText(const std::vector<PackageChange> &changes);
QJsonArray packageChangesJson(const std::vector<PackageChange> &changes);

} // namespace strata

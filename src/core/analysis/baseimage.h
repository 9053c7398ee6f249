#pragma once

#include "image/imageinfo.h"

#include <QString>

namespace strata {

// The image this one was built FROM, as far as the image itself tells.
struct BaseImage
{
    enum class Evidence
    {
        None,
        Annotation,     // org.opencontainers.image.base.name / .digest in the manifest
        HistoryComment, // buildah and podman build write "FROM <base>" as a step's comment
        Heuristic,      // the history's shape only (baseImageBoundaries)
    };
    QString name;      // "localhost/debian-min:bookworm", or "" when not told
    QString digest;    // the base's manifest digest, when an annotation gives it
    int lastStep = -1; // the history index of the base's last step, -1 when not told
    Evidence evidence = Evidence::None;

    bool isKnown() const { return lastStep >= 0 || !name.isEmpty(); }
};

// Reads the OCI annotations of the image's manifest, then the history's comments, then falls
// back on the history's shape for where the base ends. The name comes from the first of the
// annotation and the comment that gives one; the boundary from the comment, else the shape.
BaseImage findBaseImage(const ImageInfo &image);

} // namespace strata

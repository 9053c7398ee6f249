#include "archive/parsearchive.h"

namespace strata {

bool parseArchive(const ArchiveSource &source, ParsedArchive *out, Error *error)
{
    const bool hasManifest = source.find("manifest.json");
    const bool hasOci = source.find("index.json") && source.find("oci-layout");
    if (!hasOci && !hasManifest) {
        if (source.find("repositories"))
            return parseLegacyV1(source, out, error);
        *error = Error::make(Error::Kind::NotAnImage, source.path(),
                             QStringLiteral("not a container image: it has no manifest.json, "
                                            "index.json or repositories"));
        return false;
    }
    ParsedArchive oci;
    Error ociError;
    bool ociOk = false;
    QHash<QString, OciBlobInfo> ociBlobs;
    if (hasOci) {
        ociOk = parseOciLayout(source, &oci, &ociBlobs, &ociError);
        if (ociOk && oci.images.empty())
            ociError = Error::make(Error::Kind::NotAnImage, source.path(),
                                   QStringLiteral("names no image manifest"),
                                   QStringLiteral("index.json"));
        ociOk = ociOk && !oci.images.empty();
    }
    // Docker 25 writes both: its manifest.json has the tags, the OCI side the media types.
    Error dockerError;
    if (hasManifest && parseDockerManifest(source, ociBlobs, out, &dockerError))
        return true;
    // A broken manifest.json beside a good OCI layout: the layout is the image.
    if (ociOk) {
        *out = std::move(oci);
        out->format = source.kind() == ArchiveSource::Kind::Directory ? ArchiveFormat::OciDirectory
                                                                      : ArchiveFormat::OciArchive;
        return true;
    }
    *error = hasManifest ? dockerError : ociError;
    return false;
}

} // namespace strata

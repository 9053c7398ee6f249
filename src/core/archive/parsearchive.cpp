#include "archive/parsearchive.h"

#include <algorithm>

namespace strata {

bool parseArchive(const ArchiveSource &source, ParsedArchive *out, Error *error)
{
    const bool hasManifest = source.find("manifest.json");
    const bool hasIndex = source.find("index.json");
    const bool hasOci = hasIndex;
    if (hasManifest && !hasIndex && isSkopeoDirectory(source))
        return parseSkopeoDirectory(source, out, error);
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
        const auto present = std::count_if(oci.images.begin(), oci.images.end(),
                                           [](const ImageInfo &image) { return !image.absent; });
        if (ociOk && oci.images.empty())
            ociError = Error::make(Error::Kind::NotAnImage, source.path(),
                                   QStringLiteral("names no image manifest"),
                                   QStringLiteral("index.json"));
        else if (ociOk && present == 0)
            ociError = Error::make(Error::Kind::MissingMember, source.path(),
                                   QStringLiteral("names %1 images, none of them in the archive")
                                       .arg(oci.images.size()),
                                   QStringLiteral("index.json"));
        ociOk = ociOk && present > 0;
    }
    // Docker 25 writes both: its manifest.json has the tags, the OCI side the media types.
    Error dockerError;
    if (hasManifest && parseDockerManifest(source, ociBlobs, out, &dockerError))
        return true;
    // A broken manifest.json beside a good OCI layout: the layout is the image.
    if (ociOk) {
        *out = std::move(oci);
        if (!source.find("oci-layout")) {
            for (ImageInfo &image : out->images)
                image.warnings << QStringLiteral("the archive has no oci-layout file, which "
                                                 "every OCI image layout has");
        }
        out->format = source.kind() == ArchiveSource::Kind::Directory ? ArchiveFormat::OciDirectory
                                                                      : ArchiveFormat::OciArchive;
        return true;
    }
    *error = hasManifest ? dockerError : ociError;
    return false;
}

} // namespace strata

#include "imagewriter/imagewriter.h"
#include "imagewriter/layouts.h"

namespace strata::imagewriter {

using namespace detail;

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

Members membersFor(const std::vector<PreparedImage> &images, const WriteOptions &options)
{
    switch (options.layout) {
    case Layout::DockerLegacy:
        return dockerLegacyMembers(images);
    case Layout::DockerLegacyV1:
        return dockerLegacyV1Members(images);
    case Layout::PodmanDockerArchive:
        return podmanDockerArchiveMembers(images);
    case Layout::Docker25:
        return docker25Members(images, options.layerCompression != Compression::None);
    case Layout::OciArchive:
        break;
    }
    return ociLayoutMembers(images);
}

} // namespace

bool writeArchive(const QString &path, const std::vector<Image> &images,
                  const WriteOptions &options, QString *error)
{
    if (images.empty())
        return fail(error, QStringLiteral("no image to write"));
    if (options.asDirectory && options.outer != Compression::None)
        return fail(error, QStringLiteral("a directory cannot be compressed"));
    if ((options.layout == Layout::DockerLegacy || options.layout == Layout::DockerLegacyV1) &&
        options.layerCompression != Compression::None)
        return fail(error, QStringLiteral("docker save never compresses layer.tar"));

    std::vector<PreparedImage> prepared;
    if (!prepareImages(images, options.layerCompression, &prepared, error))
        return false;
    const Members members = membersFor(prepared, options);
    return options.asDirectory ? writeMembersToDirectory(path, members, error)
                               : writeMembersToTar(path, members, options.outer, error);
}

} // namespace strata::imagewriter

#include "archive/archivemap.h"

#include "archive/imagearchive.h"

#include <QHash>

namespace strata {

namespace {
constexpr qint64 kMaxReadableBytes = qint64(4) * 1024 * 1024;

QString blobMember(const QString &digest)
{
    return QStringLiteral("blobs/sha256/") + digest.section(QLatin1Char(':'), 1);
}

struct Assignment
{
    MemberRole role = MemberRole::Other;
    int image = -1;
    int layer = -1;
};

// Which image and layer each named member belongs to. The first assignment of a name wins,
// so images are visited with the preferred one first.
QHash<QString, Assignment> assignRoles(const ImageArchive &archive, int preferredImage)
{
    QHash<QString, Assignment> roles;
    const auto assign = [&roles](const QString &name, MemberRole role, int image, int layer) {
        if (!name.isEmpty() && !roles.contains(name))
            roles.insert(name, {role, image, layer});
    };
    const bool skopeo = archive.format() == ArchiveFormat::SkopeoDirectory;
    assign(QStringLiteral("manifest.json"),
           skopeo ? MemberRole::ImageManifest : MemberRole::ManifestList, skopeo ? 0 : -1, -1);
    assign(QStringLiteral("repositories"), MemberRole::Repositories, -1, -1);
    assign(QStringLiteral("oci-layout"), MemberRole::OciLayout, -1, -1);
    assign(QStringLiteral("index.json"), MemberRole::Index, -1, -1);
    assign(QStringLiteral("blobs"), MemberRole::Folder, -1, -1);
    assign(QStringLiteral("blobs/sha256"), MemberRole::Folder, -1, -1);

    const auto &images = archive.images();
    std::vector<int> order;
    if (preferredImage >= 0 && preferredImage < int(images.size()))
        order.push_back(preferredImage);
    for (int i = 0; i < int(images.size()); ++i) {
        if (i != preferredImage)
            order.push_back(i);
    }
    for (const int i : order) {
        const ImageInfo &image = images[size_t(i)];
        if (!image.manifestDigest.isEmpty() && !skopeo)
            assign(blobMember(image.manifestDigest), MemberRole::ImageManifest, i, -1);
        assign(image.configMember, MemberRole::Config, i, -1);
        for (int l = 0; l < image.layers.size(); ++l) {
            const LayerInfo &layer = image.layers.at(l);
            assign(layer.member, MemberRole::Layer, i, l);
            if (layer.v1Id.isEmpty())
                continue;
            const QString dir = layer.v1Id + QLatin1Char('/');
            assign(layer.v1Id, MemberRole::LegacyFolder, i, l);
            assign(dir + QStringLiteral("json"), MemberRole::LayerJson, i, l);
            assign(dir + QStringLiteral("VERSION"), MemberRole::LayerVersion, i, l);
            assign(dir + QStringLiteral("layer.tar"), MemberRole::LayerLink, i, l);
        }
    }
    return roles;
}
} // namespace

ArchiveMap::ArchiveMap(const ImageArchive &archive, int preferredImage) : m_archive(archive)
{
    const QHash<QString, Assignment> roles = assignRoles(archive, preferredImage);
    const auto &source = archive.members();
    m_members.reserve(source.members().size());
    for (const ArchiveMember &member : source.members()) {
        MappedMember mapped;
        mapped.name = QString::fromStdString(member.name);
        mapped.size = member.size;
        mapped.type = member.type;
        mapped.linkTarget = QString::fromStdString(member.linkTarget);
        if (const auto it = roles.constFind(mapped.name); it != roles.constEnd()) {
            mapped.role = it->role;
            mapped.image = it->image;
            mapped.layer = it->layer;
        } else if (mapped.name.startsWith(QStringLiteral("blobs/sha256/"))) {
            mapped.role = MemberRole::OtherBlob;
        }
        // docker save writes the layer's own tar in <id>/layer.tar: it is the layer, not a
        // link to it, unless it is a symlink (docker's dedup, podman's layout).
        if (mapped.role == MemberRole::LayerLink && member.type == ArchiveMember::File)
            mapped.role = MemberRole::Layer;
        m_members.push_back(std::move(mapped));
    }
}

int ArchiveMap::find(const QString &name) const
{
    for (size_t i = 0; i < m_members.size(); ++i) {
        if (m_members[i].name == name)
            return int(i);
    }
    return -1;
}

QString ArchiveMap::manifestMember(int image) const
{
    const auto &images = m_archive.images();
    if (image < 0 || image >= int(images.size()))
        return {};
    const QString &digest = images[size_t(image)].manifestDigest;
    if (!digest.isEmpty() && m_archive.format() != ArchiveFormat::SkopeoDirectory) {
        QString blob = blobMember(digest);
        if (find(blob) >= 0)
            return blob;
    }
    // Docker's list of images; before Docker 1.10 `repositories`, which leads to the top
    // layer; else the OCI index (a damaged layout whose manifest is not under its digest).
    for (const QString &entry : {QStringLiteral("manifest.json"), QStringLiteral("repositories"),
                                 QStringLiteral("index.json")}) {
        if (find(entry) >= 0)
            return entry;
    }
    return {};
}

int ArchiveMap::findLayerMember(int image, int layer, MemberRole role) const
{
    for (size_t i = 0; i < m_members.size(); ++i) {
        const MappedMember &m = m_members[i];
        if (m.image == image && m.layer == layer && m.role == role)
            return int(i);
    }
    return -1;
}

bool ArchiveMap::isReadable(int index) const
{
    if (index < 0 || index >= int(m_members.size()))
        return false;
    const MappedMember &m = m_members[size_t(index)];
    if (m.type != ArchiveMember::File || m.size > kMaxReadableBytes)
        return false;
    switch (m.role) {
    case MemberRole::Layer:
    case MemberRole::LayerLink:
    case MemberRole::LegacyFolder:
    case MemberRole::Folder:
        return false;
    default:
        return true;
    }
}

QByteArray ArchiveMap::read(int index, qint64 maxBytes, Error *error) const
{
    if (!isReadable(index)) {
        *error = Error::make(
            Error::Kind::Unsupported, m_archive.path(), QStringLiteral("is not a metadata file"),
            index >= 0 && index < int(m_members.size()) ? m_members[size_t(index)].name
                                                        : QString());
        return {};
    }
    const ArchiveMember *member =
        m_archive.members().find(m_members[size_t(index)].name.toStdString());
    if (!member) {
        *error =
            Error::make(Error::Kind::MissingMember, m_archive.path(),
                        QStringLiteral("is not in the archive"), m_members[size_t(index)].name);
        return {};
    }
    return m_archive.members().read(*member, std::min(maxBytes, kMaxReadableBytes), error);
}

} // namespace strata

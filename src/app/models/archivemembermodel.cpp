#include "models/archivemembermodel.h"

#include "common/datasize.h"
#include "models/formatting.h"

namespace strata {

ArchiveMemberModel::ArchiveMemberModel(QObject *parent) : QAbstractTableModel(parent) {}

void ArchiveMemberModel::setMap(std::shared_ptr<const ArchiveMap> map, QStringList imageNames)
{
    beginResetModel();
    m_map = std::move(map);
    m_imageNames = std::move(imageNames);
    endResetModel();
}

QString ArchiveMemberModel::roleText(MemberRole role, int layer, const QString &image)
{
    switch (role) {
    case MemberRole::ManifestList:
        return tr("Docker's list of images");
    case MemberRole::Repositories:
        return tr("Tags of the legacy layout");
    case MemberRole::OciLayout:
        return tr("OCI layout marker");
    case MemberRole::Index:
        return tr("OCI index");
    case MemberRole::ImageManifest:
        return tr("Manifest of %1").arg(image);
    case MemberRole::Config:
        return tr("Config of %1").arg(image);
    case MemberRole::Layer:
        return tr("Layer %1").arg(layer);
    case MemberRole::LayerLink:
        return tr("Link to layer %1").arg(layer);
    case MemberRole::LayerJson:
        return tr("Layer %1: legacy json").arg(layer);
    case MemberRole::LayerVersion:
        return tr("Layer %1: VERSION").arg(layer);
    case MemberRole::LegacyFolder:
        return tr("Folder of layer %1").arg(layer);
    case MemberRole::Folder:
        return tr("Blobs by digest");
    case MemberRole::OtherBlob:
        return tr("Blob no image names directly");
    case MemberRole::Other:
        break;
    }
    return {};
}

QString ArchiveMemberModel::roleExplanation(MemberRole role)
{
    switch (role) {
    case MemberRole::ManifestList:
        return tr("manifest.json lists every image of the archive: its tags, its config file "
                  "and its layers, bottom first.");
    case MemberRole::Repositories:
        return tr("The legacy layout's tags: each repository's tags name the id of the top "
                  "layer's folder.");
    case MemberRole::OciLayout:
        return tr("Says that the folder is an OCI image layout, and which version.");
    case MemberRole::Index:
        return tr("The OCI layout's entry point: the manifests of the images it holds.");
    case MemberRole::ImageManifest:
        return tr("The image manifest: the config and each layer blob, by SHA-256 digest and "
                  "size.");
    case MemberRole::Config:
        return tr("The image config: the history (docker history), rootfs.diff_ids (the "
                  "SHA-256 of each uncompressed layer) and how to run it. Its digest is the "
                  "image ID.");
    case MemberRole::Layer:
        return tr("A layer: a tar of the files one build step added, changed or deleted. "
                  "Double-click it to see its files.");
    case MemberRole::LayerLink:
        return tr("A link to a layer's tar stored elsewhere in the archive, so that the same "
                  "bytes are kept once.");
    case MemberRole::LayerJson:
        return tr("The layer's metadata in the legacy format: its id, its parent's id and, "
                  "for the top layer, the image config.");
    case MemberRole::LayerVersion:
        return tr("The version of the legacy layer format: 1.0.");
    case MemberRole::LegacyFolder:
        return tr("One folder per layer in the legacy layout: json, VERSION and layer.tar.");
    case MemberRole::Folder:
        return tr("Blobs are named by the SHA-256 of their bytes (content addressing).");
    case MemberRole::OtherBlob:
        return tr("A blob that the images here do not name themselves: a nested index, an "
                  "attestation or a legacy json.");
    case MemberRole::Other:
        break;
    }
    return {};
}

QString ArchiveMemberModel::imageName(int image) const
{
    return image >= 0 && image < m_imageNames.size() ? m_imageNames.at(image) : QString();
}

int ArchiveMemberModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_map ? 0 : int(m_map->members().size());
}

int ArchiveMemberModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ArchiveMemberModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const MappedMember &m = m_map->members()[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TypeColumn:
            switch (m.type) {
            case ArchiveMember::Directory:
                return QStringLiteral("d");
            case ArchiveMember::Symlink:
                return QStringLiteral("l");
            case ArchiveMember::Hardlink:
                return QStringLiteral("h");
            case ArchiveMember::File:
                return QStringLiteral("-");
            case ArchiveMember::Other:
                return QStringLiteral("?");
            }
            return {};
        case SizeColumn:
            return m.type == ArchiveMember::File ? formatDataSize(m.size) : QString();
        case NameColumn:
            return format::linkedName(m.name, m.linkTarget, m.type == ArchiveMember::Hardlink);
        case RoleColumn:
            return roleText(m.role, m.layer, imageName(m.image));
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == SizeColumn && m.type == ArchiveMember::File)
            return format::exactSize(m.size);
        return roleExplanation(m.role);
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case MemberRoleRole:
        return int(m.role);
    case LayerRole:
        return m.layer;
    case ImageRole:
        return m.image;
    default:
        return {};
    }
}

QVariant ArchiveMemberModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TypeColumn:
        return tr("Type");
    case SizeColumn:
        return tr("Size");
    case NameColumn:
        return tr("Member");
    case RoleColumn:
        return tr("What it is");
    default:
        return {};
    }
}

} // namespace strata

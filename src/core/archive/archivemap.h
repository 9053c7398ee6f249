#pragma once

#include "archive/archivesource.h"
#include "common/error.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace strata {

class ImageArchive;

// What a member of an image archive is for: what `tar tvf nginx.tar` lists, explained.
enum class MemberRole
{
    ManifestList,  // manifest.json of docker save, podman, skopeo: images → config, layers
    Repositories,  // repositories: the tags of docker save's legacy layout
    OciLayout,     // oci-layout: "this is an OCI image layout" and its version
    Index,         // index.json: the OCI layout's entry point
    ImageManifest, // an image manifest: config and layer blobs by digest
    Config,        // an image config: history, rootfs.diff_ids, run-time settings
    Layer,         // a layer's tar (compressed or not), as the manifest names it
    LayerLink,     // a symlink or hardlink to a layer's tar (podman's <id>/layer.tar)
    LayerJson,     // <id>/json: the layer's legacy (v1) metadata
    LayerVersion,  // <id>/VERSION: the legacy layout's version, "1.0"
    LegacyFolder,  // <id>/: one legacy layer directory
    Folder,        // blobs/, blobs/sha256/
    OtherBlob,     // a blob none of the images names directly (nested index, attestation...)
    Other,
};

struct MappedMember
{
    QString name;
    qint64 size = 0;
    ArchiveMember::Type type = ArchiveMember::File;
    QString linkTarget;
    MemberRole role = MemberRole::Other;
    int image = -1; // the image it belongs to, the preferred one first; -1 for none
    int layer = -1; // the layer position, for the layer roles
};

// The members of an image archive (or the files of an unpacked folder) in archive order, each
// with what it is for, and the content of the small ones. Teaching aid and inspection view:
// how manifest, config, layers, diff_ids and chain IDs hang together.
class ArchiveMap
{
public:
    // Members that belong to several images name `preferredImage` when it is one of them.
    ArchiveMap(const ImageArchive &archive, int preferredImage);

    const std::vector<MappedMember> &members() const { return m_members; }
    // The index of the member called `name`, or -1.
    int find(const QString &name) const;
    // The member holding `image`'s manifest: its blob in an OCI layout, else manifest.json,
    // else (before Docker 1.10) repositories, else index.json; "" when there is none.
    QString manifestMember(int image) const;
    // The first member of `role` for `layer` of `image`, or -1.
    int findLayerMember(int image, int layer, MemberRole role) const;

    // Whether read() can give the member's content (a metadata file: JSON, VERSION, text).
    bool isReadable(int index) const;
    // The content of a metadata member, at most maxBytes; empty with *error otherwise.
    QByteArray read(int index, qint64 maxBytes, Error *error) const;

private:
    const ImageArchive &m_archive;
    std::vector<MappedMember> m_members;
};

} // namespace strata

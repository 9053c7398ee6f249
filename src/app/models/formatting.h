#pragma once

#include "tree/filetree.h"
#include "tree/overlaymerge.h"
#include "tree/treediff.h"

#include <QString>

namespace strata {

// How the app writes sizes, modes, owners, times and kinds of entries. One place, so the tree,
// the detail pane and the image list agree.
namespace format {

// "12,345 bytes"
QString exactSize(qint64 bytes);
// "-rwxr-xr-x": the type letter of `ls -l` and the permission bits with setuid/setgid/sticky.
QString modeString(FileType type, uint32_t mode);
// "0:0"
QString owner(uint32_t uid, uint32_t gid);
// "2024-01-15 10:00:00 UTC"
QString time(int64_t secondsSinceEpoch);
// "Regular file", "Directory", ...
QString fileTypeName(FileType type);
QString changeKindName(ChangeKind kind);
// A tar member as `tar tv` names it: "name → target" for a symlink, "name link to target" for
// a hard link, the name alone otherwise.
QString linkedName(const QString &name, const QString &target, bool hardlink);
// "Changes inside": an unchanged directory with a change somewhere below it.
QString changesInsideName();
// changeKindName, or "Changes inside" for an unchanged entry with changes below it.
QString changeName(ChangeKind kind, bool changesBelow);
// A count with the locale's group separators.
QString count(qint64 value);
// "+1.8 MB", "−62.7 MB", "0": a change of size between two images.
QString signedSize(int64_t delta);
// How an entry of a comparison is drawn: added, deleted, modified or unchanged.
ChangeKind changeKindOf(DiffStatus status);
// "Added", "Removed", "Changed", "Changes inside" (a directory whose contents changed),
// "Unchanged".
QString diffStatus(const DiffEntry &entry);

} // namespace format

inline QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace strata

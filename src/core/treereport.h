#pragma once

#include "overlaymerge.h"

#include <QByteArray>

namespace strata {

// `strata-cli tree` output. TSV: one line per path, sorted bytewise, columns
// `path type size mode link layer`; path without a leading "./" or "/"; type one of
// f d l h c b p; a hardlink's size is its target's, a symlink's the length of its target
// (what `umoci unpack` leaves on disk); mode in octal; directories have size 0
// (their size on disk depends on the file system, not the image).
QByteArray mergedTreeTsv(const FileTree &merged);
QByteArray mergedTreeJson(const FileTree &merged, LayerList layers, int top);

// One layer's own changes: the columns above plus `change` (added, modified, deleted).
// Deleted rows describe what the whiteout removes, as it was in `lower`.
// `index` is the layer's position (a shared blob's tree does not know it).
QByteArray layerChangesTsv(const FileTree &layer, int index, const FileTree *lower);
QByteArray layerChangesJson(const FileTree &layer, int index, const FileTree *lower);

QString changeKindName(ChangeKind kind);

} // namespace strata

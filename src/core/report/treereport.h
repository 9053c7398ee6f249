#pragma once

#include "tree/overlaymerge.h"
#include "tree/treediff.h"

#include <QByteArray>

namespace strata {

// `strata-cli tree` output. TSV: one line per path, sorted bytewise, columns
// `path type size mode link layer`; path without a leading "./" or "/"; type one of
// f d l h c b p; a hardlink's size is its target's as of the layer that made the link, a
// symlink's the length of its target (what `umoci unpack` leaves on disk); mode in octal;
// directories have size 0 (their size on disk depends on the file system, not the image).
// Paths and link targets are escaped (common/textescape.h): no name can forge a row.
// JSON: the same fields, and `pathHex`/`linkHex` beside a name whose bytes are not UTF-8.
QByteArray mergedTreeTsv(const FileTree &merged, LayerList layers);
// The same bytes for mergeLayers(layers, top), produced from the layer trees without building
// the merged tree and handed to `write` in chunks of about 64 KiB.
void writeMergedTreeTsv(LayerList layers, int top,
                        const std::function<void(std::string_view)> &write);
QByteArray mergedTreeJson(const FileTree &merged, LayerList layers, int top);

// One layer's own changes: the columns above plus `change` (added, modified, deleted).
// Deleted rows describe what the whiteout removes, as it was in `lower`.
// `index` is the layer's position (a shared blob's tree does not know it).
QByteArray layerChangesTsv(const FileTree &layer, int index, const FileTree *lower);
QByteArray layerChangesJson(const FileTree &layer, int index, const FileTree *lower);

// What layers since+1 .. top change together (`diff` compares the merged trees as of `since`
// and as of `top`): each path once, with its net change, the columns and change names above.
// Deleted rows describe the path as it was; a path added and deleted again in the range is
// not listed.
QByteArray rangeChangesTsv(const TreeDiff &diff, LayerList layers);
QByteArray rangeChangesJson(const TreeDiff &diff, LayerList layers, int since, int top);

QString changeKindName(ChangeKind kind);

} // namespace strata

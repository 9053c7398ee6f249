#pragma once

#include "tree/filetree.h"
#include "tree/treediff.h"

namespace strata {

// The change from tree A to tree B of `diff` (the merges as of layers N and M of one image) as
// one layer's own tree would hold it: every path added or changed with its entry from B, a
// whiteout for each removed path (the topmost only), and the directories above them implied.
// What layers N+1 to M do together, each path once with its net change (a file added in one
// and deleted in another is not there at all); classifyLayerChanges(result, &treeA) says
// what each entry does. Whiteouts carry `whiteoutLayer`.
FileTree squashChanges(const TreeDiff &diff, uint16_t whiteoutLayer);

} // namespace strata

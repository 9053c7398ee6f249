#pragma once

#include "filetree.h"
#include "layertree.h"

#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace strata {

using LayerList = std::span<const std::shared_ptr<const LayerTree>>;

// The merged filesystem as of layer `top` (0 = bottom), following the OCI image spec's
// "Representing Changes": `.wh.NAME` deletes NAME from the layers below, `.wh..wh..opq` hides
// every lower entry of its directory, whiteouts never hide entries of their own layer, the
// last entry for a path in a layer wins, and a change of type replaces the whole subtree.
// Each node's `layer` is the layer its entry comes from; NodeFlag::Replaced marks entries
// that replaced a lower copy. Layers whose LayerTree is null are skipped.
FileTree mergeLayers(LayerList layers, int top);

enum class ChangeKind : uint8_t { Unchanged, Added, Modified, Deleted };

// What each node of one layer's own tree does to the merged tree below it (`lower` is the
// merge up to the previous layer, null for the bottom layer). Indexed by node of `layer`.
std::vector<ChangeKind> classifyLayerChanges(const FileTree &layer, const FileTree *lower);

// The overlay view of one path: every layer that has an entry for it or deletes it.
struct PathOccurrence
{
    int layer = 0;
    uint32_t node = kNoNode;   // node in that layer's tree
    bool whiteout = false;     // this layer deletes the path
    bool opaqueParent = false; // this layer hides lower copies through an opaque directory
    bool visible = false;      // this is the copy the merged tree (as of `top`) shows
    // For a copy that is not visible: the layer above that hid it first, and how.
    enum class HiddenBy : uint8_t { Nothing, NewerCopy, Whiteout, ParentWhiteout, OpaqueParent, ParentReplaced };
    HiddenBy hiddenBy = HiddenBy::Nothing;
    int hiddenByLayer = -1;
};
std::vector<PathOccurrence> pathOccurrences(LayerList layers, int top, std::string_view path);

} // namespace strata

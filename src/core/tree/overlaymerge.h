#pragma once

#include "tree/filetree.h"
#include "tree/layertree.h"

#include <functional>
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
// Every name in a list of layers in one bytewise order, so that merging compares names as
// integers. mergeLayers builds one when it is not given one that fits its layers; callers
// that merge the same layers again and again (the app, switching layers) build it once.
class NameRanks
{
public:
    explicit NameRanks(LayerList layers);

    // The rank of the name of node `node` of layer `layer`.
    uint32_t rank(uint32_t layer, uint32_t node) const { return m_ranks[layer][node]; }
    void prefetch(uint32_t layer, uint32_t node) const
    {
        __builtin_prefetch(&m_ranks[layer][node]);
    }
    // Made for these layers (as far as a cheap check can tell).
    bool fits(LayerList layers) const;

private:
    // Per layer, per node: a merge reads a directory's children's ranks one after the other,
    // where ranks by name id would be fetched from all over memory.
    std::vector<std::vector<uint32_t>> m_ranks;
};

FileTree mergeLayers(LayerList layers, int top, const NameRanks *ranks = nullptr);

// One path of the merged tree as of some layer, seen without building the tree: the layer
// node its attributes come from (type, size, mode, uid, gid, mtime, link) and the `layer` and
// `flags` mergeLayers gives the merged node. Name and link are that layer's pool ids.
struct MergedEntry
{
    const FileTree *tree = nullptr; // null: no such path
    uint32_t node = kNoNode;
    uint16_t layer = 0;
    uint8_t flags = 0;
    uint32_t treeLayer = 0; // the index of `tree` in the LayerList

    explicit operator bool() const { return tree != nullptr; }
    FileNode attrs() const { return tree->node(node); }
};

// Walks the merged tree as of `top` in bytewise order of full paths ("a", "a-b", "a/c"), the
// order of `strata-cli tree`, holding only the layer trees and the current directory chain in
// memory; it visits exactly the nodes mergeLayers(layers, top) would build, root excepted.
// `path` has no leading slash and is valid during the call only.
void visitMergedTree(
    LayerList layers, int top,
    const std::function<void(std::string_view path, const MergedEntry &entry)> &visit);

// The merged entry of `path` ("a/b/c") as of `top` without merging; empty when there is none
// (and for the root, which has no entry of its own).
MergedEntry findMerged(LayerList layers, int top, std::string_view path);

// The bytes a hardlink made in layer `layer` holds: its target's as of that layer (through a
// chain of hardlinks), which a later layer replacing or deleting the target does not change,
// as with a real link's inode. 0 when the target is no regular file.
uint64_t hardlinkSize(LayerList layers, int layer, std::string_view target);

enum class ChangeKind : uint8_t
{
    Unchanged,
    Added,
    Modified,
    Deleted
};

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
    enum class HiddenBy : uint8_t
    {
        Nothing,
        NewerCopy,
        Whiteout,
        ParentWhiteout,
        OpaqueParent,
        ParentReplaced
    };
    HiddenBy hiddenBy = HiddenBy::Nothing;
    int hiddenByLayer = -1;
};
std::vector<PathOccurrence> pathOccurrences(LayerList layers, int top, std::string_view path);

} // namespace strata

#pragma once

#include "common/error.h"
#include "tree/layerreader.h"

#include <atomic>
#include <string>
#include <vector>

namespace strata {

class ImageSource;

// One entry of a layer's tar exactly as stored, and what it does in the merged filesystem.
struct StoredEntry
{
    enum class Meaning
    {
        Entry,    // adds or replaces `entry.path`
        Whiteout, // `.wh.NAME`: deletes `target` from the layers below
        Opaque,   // `.wh..wh..opq`: hides what the layers below have inside `target`
    };
    LayerEntry entry;
    Meaning meaning = Meaning::Entry;
    std::string target; // the deleted path, or the opaque directory ("" for the root)
};

struct LayerListing
{
    std::vector<StoredEntry> entries; // in the tar's order
    qint64 entryCount = 0;            // entries in the tar, beyond `entries` when truncated
    bool truncated = false;           // more than the maximum asked for
    Error error;                      // the tar could not be read to its end, or has no tar
};

// The entries of layer `layer` of `image` as its tar stores them (`tar tvf layer.tar`), the
// whiteout files of the AUFS convention included, each with its meaning. Keeps the first
// `maxEntries` and counts the rest. A container's read-write layer has no tar: the error says
// so. Reads the whole layer: call it off the GUI thread.
LayerListing listStoredEntries(const ImageSource &source, int image, int layer, size_t maxEntries,
                               const std::atomic_bool *cancel = nullptr);

} // namespace strata

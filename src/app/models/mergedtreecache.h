#pragma once

#include "models/treesnapshot.h"
#include "tree/filetree.h"
#include "tree/overlaymerge.h"

#include <QMutex>

#include <list>
#include <memory>
#include <utility>

namespace strata {

// The merges of one image's layers made so far, by layer, and the names' order they are made
// with, so that going back and forth between layers (and "changes in this layer only", which
// needs the merge below) does not merge again. Trees of a million paths take ~100 MB each:
// only a handful are kept. Shared by a view and its background work, which adds what it
// merges even when the view has moved on; a new set of layers gets a new cache.
class MergedTreeCache
{
public:
    explicit MergedTreeCache(LayerTrees layers, size_t capacity = 3)
        : m_layers(std::move(layers)), m_capacity(capacity)
    {
    }

    const LayerTrees &layers() const { return m_layers; }
    std::shared_ptr<const FileTree> find(int layer);
    // The merged tree as of `top`, from the cache or merged now (on the calling thread).
    std::shared_ptr<const FileTree> merge(int top);

private:
    void insert(int layer, std::shared_ptr<const FileTree> tree);
    std::shared_ptr<const NameRanks> ranks();

    const LayerTrees m_layers;
    const size_t m_capacity;
    QMutex m_mutex;
    std::list<std::pair<int, std::shared_ptr<const FileTree>>> m_entries; // most recent first
    std::shared_ptr<const NameRanks> m_ranks; // built by the first merge
};

} // namespace strata

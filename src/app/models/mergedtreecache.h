#pragma once

#include "tree/filetree.h"

#include <list>
#include <memory>
#include <utility>

namespace strata {

// The last few merged trees of one image, by layer, so going back and forth between layers
// (and "changes in this layer only", which needs the merge below) does not merge again.
// Trees of a million paths take ~100 MB each: only a handful are kept. GUI thread only.
class MergedTreeCache
{
public:
    explicit MergedTreeCache(size_t capacity = 3) : m_capacity(capacity) {}

    std::shared_ptr<const FileTree> find(int layer);
    void insert(int layer, std::shared_ptr<const FileTree> tree);
    void clear() { m_entries.clear(); }

private:
    size_t m_capacity;
    std::list<std::pair<int, std::shared_ptr<const FileTree>>> m_entries; // most recent first
};

} // namespace strata

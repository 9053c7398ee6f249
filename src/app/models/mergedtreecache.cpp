#include "models/mergedtreecache.h"

namespace strata {

std::shared_ptr<const FileTree> MergedTreeCache::find(int layer)
{
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->first == layer) {
            m_entries.splice(m_entries.begin(), m_entries, it);
            return m_entries.front().second;
        }
    }
    return nullptr;
}

void MergedTreeCache::insert(int layer, std::shared_ptr<const FileTree> tree)
{
    if (!tree)
        return;
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->first == layer) {
            m_entries.erase(it);
            break;
        }
    }
    m_entries.emplace_front(layer, std::move(tree));
    while (m_entries.size() > m_capacity)
        m_entries.pop_back();
}

} // namespace strata

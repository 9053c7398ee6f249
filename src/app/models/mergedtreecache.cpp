#include "models/mergedtreecache.h"

namespace strata {

std::shared_ptr<const FileTree> MergedTreeCache::find(int layer)
{
    QMutexLocker lock(&m_mutex);
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->first == layer) {
            m_entries.splice(m_entries.begin(), m_entries, it);
            return m_entries.front().second;
        }
    }
    return nullptr;
}

std::shared_ptr<const FileTree> MergedTreeCache::merge(int top)
{
    if (auto tree = find(top))
        return tree;
    auto tree =
        std::make_shared<const FileTree>(mergeLayers(LayerList(m_layers), top, ranks().get()));
    insert(top, tree);
    return tree;
}

std::shared_ptr<const NameRanks> MergedTreeCache::ranks()
{
    QMutexLocker lock(&m_mutex);
    // Built under the lock: a second merge waits for it rather than ranking every name again.
    if (!m_ranks)
        m_ranks = std::make_shared<const NameRanks>(LayerList(m_layers));
    return m_ranks;
}

void MergedTreeCache::insert(int layer, std::shared_ptr<const FileTree> tree)
{
    QMutexLocker lock(&m_mutex);
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

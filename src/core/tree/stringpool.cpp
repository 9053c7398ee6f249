#include "tree/stringpool.h"

#include <algorithm>
#include <cstring>

namespace strata {

namespace {
uint64_t hashBytes(std::string_view text)
{
    // FNV-1a: names are short, and this is all the mixing open addressing needs.
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h ^ (h >> 29);
}
} // namespace

StringPool::StringPool() : m_offsets{0, 0}, m_slots(1024, 0)
{
    m_slots[hashBytes({}) & (m_slots.size() - 1)] = 1; // id 0: ""
}

uint32_t StringPool::find(std::string_view text) const
{
    if (m_slots.empty()) {
        for (uint32_t id = 0; id < count(); ++id) {
            if (view(id) == text)
                return id;
        }
        return UINT32_MAX;
    }
    const size_t mask = m_slots.size() - 1;
    for (size_t i = hashBytes(text) & mask;; i = (i + 1) & mask) {
        const uint32_t slot = m_slots[i];
        if (slot == 0)
            return UINT32_MAX;
        if (view(slot - 1) == text)
            return slot - 1;
    }
}

uint32_t StringPool::intern(std::string_view text)
{
    if (m_slots.empty())
        rebuild(1024);
    size_t mask = m_slots.size() - 1;
    size_t i = hashBytes(text) & mask;
    for (;; i = (i + 1) & mask) {
        const uint32_t slot = m_slots[i];
        if (slot == 0)
            break;
        if (view(slot - 1) == text)
            return slot - 1;
    }
    const uint32_t id = count();
    m_arena.insert(m_arena.end(), text.begin(), text.end());
    m_offsets.push_back(uint32_t(m_arena.size()));
    m_slots[i] = id + 1;
    if (size_t(count()) * 2 > m_slots.size())
        grow();
    return id;
}

void StringPool::grow()
{
    rebuild(m_slots.size() * 2);
}

void StringPool::rebuild(size_t size)
{
    while (size < size_t(count()) * 2 + 2)
        size *= 2;
    std::vector<uint32_t> slots(size, 0);
    const size_t mask = slots.size() - 1;
    for (uint32_t id = 0; id < count(); ++id) {
        size_t i = hashBytes(view(id)) & mask;
        while (slots[i] != 0)
            i = (i + 1) & mask;
        slots[i] = id + 1;
    }
    m_slots.swap(slots);
}

void StringPool::releaseIndex()
{
    m_slots = {};
    m_arena.shrink_to_fit();
    m_offsets.shrink_to_fit();
}

std::vector<uint32_t> StringPool::sortBytewise()
{
    std::vector<uint32_t> order(count());
    for (uint32_t id = 0; id < count(); ++id)
        order[id] = id;
    std::sort(order.begin(), order.end(),
              [this](uint32_t a, uint32_t b) { return view(a) < view(b); });
    std::vector<uint32_t> renumbered(count());
    std::vector<char> arena;
    arena.reserve(m_arena.size());
    std::vector<uint32_t> offsets;
    offsets.reserve(m_offsets.size());
    offsets.push_back(0);
    for (uint32_t at = 0; at < count(); ++at) {
        const std::string_view text = view(order[at]);
        arena.insert(arena.end(), text.begin(), text.end());
        offsets.push_back(uint32_t(arena.size()));
        renumbered[order[at]] = at;
    }
    m_arena.swap(arena);
    m_offsets.swap(offsets);
    if (!m_slots.empty())
        rebuild(m_slots.size());
    return renumbered;
}

size_t StringPool::memoryBytes() const
{
    return m_arena.capacity() + m_offsets.capacity() * sizeof(uint32_t) +
           m_slots.capacity() * sizeof(uint32_t);
}

} // namespace strata

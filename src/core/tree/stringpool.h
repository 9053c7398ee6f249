#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace strata {

// Interns byte strings (file names, link targets) as 32-bit ids into one arena, so a tree of a
// million paths stores each distinct name once and a node holds only an integer.
// Id 0 is always the empty string. Not thread-safe: one pool per layer index or merge.
class StringPool
{
public:
    StringPool();

    uint32_t intern(std::string_view text);
    std::string_view view(uint32_t id) const
    {
        return {m_arena.data() + m_offsets[id], m_offsets[id + 1] - m_offsets[id]};
    }
    // The id of `text` if it was interned, or UINT32_MAX.
    uint32_t find(std::string_view text) const;
    uint32_t count() const { return uint32_t(m_offsets.size() - 1); }
    size_t memoryBytes() const;
    // Drops the lookup table and spare capacity once no more strings are expected (a frozen
    // tree's pool); intern() builds the table again if needed, find() scans without it.
    void releaseIndex();
    // Renumbers the strings in bytewise order, so that comparing two ids compares their
    // strings (a frozen tree's pool); returns the new id of each old one. Id 0 stays "".
    std::vector<uint32_t> sortBytewise();

private:
    void grow();
    void rebuild(size_t slots);

    std::vector<char> m_arena;
    std::vector<uint32_t> m_offsets; // m_offsets[id]..m_offsets[id+1] is string `id`
    std::vector<uint32_t> m_slots;   // open addressing: id + 1, 0 = empty
};

} // namespace strata

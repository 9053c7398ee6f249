#pragma once

#include <iterator>
#include <string>
#include <string_view>
#include <utility>

namespace strata {

// The non-empty components of a slash-separated path, in order: "a//b/" gives "a" and "b",
// "" and "/" give none. For `for (std::string_view part : PathComponents(path))`.
class PathComponents
{
public:
    explicit PathComponents(std::string_view path) : m_path(path) {}

    class iterator
    {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = std::string_view;
        using difference_type = std::ptrdiff_t;
        using pointer = const std::string_view *;
        using reference = std::string_view;

        iterator() = default;
        iterator(std::string_view path, size_t pos) : m_path(path), m_pos(pos) { settle(); }
        std::string_view operator*() const { return m_path.substr(m_pos, m_end - m_pos); }
        iterator &operator++()
        {
            m_pos = m_end;
            settle();
            return *this;
        }
        iterator operator++(int)
        {
            iterator before = *this;
            ++*this;
            return before;
        }
        bool operator==(const iterator &other) const { return m_pos == other.m_pos; }
        // This is the last component: nothing but slashes follows it.
        bool isLast() const
        {
            return m_path.find_first_not_of('/', m_end) == std::string_view::npos;
        }

    private:
        void settle()
        {
            m_pos = std::min(m_path.find_first_not_of('/', m_pos), m_path.size());
            m_end = std::min(m_path.find('/', m_pos), m_path.size());
        }
        std::string_view m_path;
        size_t m_pos = 0;
        size_t m_end = 0;
    };

    iterator begin() const { return iterator(m_path, 0); }
    iterator end() const { return iterator(m_path, m_path.size()); }

private:
    std::string_view m_path;
};

// `path` relative to its top, cleaned lexically: no empty or "." components, each ".."
// removing the one before it ("./a//b/../c/" is "a/c"). False, with `*out` holding what is
// left, when a ".." would climb above the top.
bool cleanPath(std::string_view path, std::string *out);

// "a/b/c" is {"a/b", "c"}; "c" is {"", "c"}.
inline std::pair<std::string_view, std::string_view> splitParent(std::string_view path)
{
    const size_t slash = path.rfind('/');
    if (slash == std::string_view::npos)
        return {std::string_view(), path};
    return {path.substr(0, slash), path.substr(slash + 1)};
}

} // namespace strata

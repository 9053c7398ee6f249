#include "common/globmatch.h"

#include <algorithm>

namespace strata {

static char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

NameMatcher::NameMatcher(std::string_view pattern) : m_pattern(pattern)
{
    std::transform(m_pattern.begin(), m_pattern.end(), m_pattern.begin(), lower);
    m_glob = m_pattern.find_first_of("*?[") != std::string::npos;
}

bool NameMatcher::matches(std::string_view name) const
{
    if (m_pattern.empty())
        return true;
    if (m_glob)
        return globMatch(m_pattern, name);
    const auto it = std::search(name.begin(), name.end(), m_pattern.begin(), m_pattern.end(),
                                [](char a, char b) { return lower(a) == b; });
    return it != name.end();
}

// A bracket expression starting at pattern[p] == '['. Returns the index after it, or npos when
// it is not closed (then '[' is an ordinary character); *matched tells whether c is in it.
static size_t bracket(std::string_view pattern, size_t p, char c, bool *matched)
{
    size_t i = p + 1;
    bool negate = false;
    if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
        negate = true;
        ++i;
    }
    bool found = false;
    bool first = true;
    while (i < pattern.size() && (pattern[i] != ']' || first)) {
        first = false;
        char lo = lower(pattern[i]);
        char hi = lo;
        if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
            hi = lower(pattern[i + 2]);
            i += 2;
        }
        if (lo <= c && c <= hi)
            found = true;
        ++i;
    }
    if (i >= pattern.size())
        return std::string_view::npos;
    *matched = found != negate;
    return i + 1;
}

bool globMatch(std::string_view pattern, std::string_view name)
{
    // Iterative matching with one backtrack point for the last '*': linear for the patterns
    // people type.
    size_t p = 0, n = 0;
    size_t starP = std::string_view::npos, starN = 0;
    while (n < name.size()) {
        const char c = lower(name[n]);
        if (p < pattern.size()) {
            const char pc = pattern[p];
            if (pc == '*') {
                starP = p++;
                starN = n;
                continue;
            }
            if (pc == '?') {
                ++p;
                ++n;
                continue;
            }
            if (pc == '[') {
                bool matched = false;
                const size_t next = bracket(pattern, p, c, &matched);
                if (next != std::string_view::npos) {
                    if (matched) {
                        p = next;
                        ++n;
                        continue;
                    }
                } else if (c == '[') {
                    ++p;
                    ++n;
                    continue;
                }
            } else if (lower(pc) == c) {
                ++p;
                ++n;
                continue;
            }
        }
        if (starP == std::string_view::npos)
            return false;
        p = starP + 1;
        n = ++starN;
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

} // namespace strata

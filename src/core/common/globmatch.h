#pragma once

#include <string>
#include <string_view>

namespace strata {

// Matches file names against what a user types in the filter box: a glob ("*.conf",
// "lib?.so*", "[Mm]akefile") when the text holds *, ? or [, a substring otherwise. Works on the
// UTF-8 bytes of names, ASCII letters compared case-insensitively, so it needs no QString per
// name and can run over a million names in a few milliseconds.
class NameMatcher
{
public:
    explicit NameMatcher(std::string_view pattern);

    bool isEmpty() const { return m_pattern.empty(); }
    bool isGlob() const { return m_glob; }
    bool matches(std::string_view name) const;

private:
    std::string m_pattern; // lower-cased
    bool m_glob = false;
};

// The glob alone: * (any run), ? (one byte), [abc], [a-z], [!abc]; the whole name must match.
bool globMatch(std::string_view pattern, std::string_view name);

} // namespace strata

#pragma once

#include <string>
#include <string_view>

namespace strata::test {

// prefix + n, e.g. "d17". Spelt out because GCC 12 at -O3 warns (-Wrestrict, GCC bug 105329)
// about `"d" + std::to_string(n)`, which inserts the literal in front of the temporary.
inline std::string numbered(std::string_view prefix, long long n)
{
    std::string text(prefix);
    text += std::to_string(n);
    return text;
}

} // namespace strata::test

#pragma once

#include <cstdint>
#include <limits>
#include <type_traits>

namespace strata {

// a + b for sizes, stopping at the largest value instead of overflowing: a layer may claim
// two sparse files of 2^63-1 bytes each, and signed overflow is undefined behaviour.
template <typename T> constexpr T saturatingAdd(T a, T b)
{
    static_assert(std::is_integral_v<T>);
    T sum;
    if (__builtin_add_overflow(a, b, &sum))
        return b > 0 ? std::numeric_limits<T>::max() : std::numeric_limits<T>::min();
    return sum;
}

// total += value, saturating.
template <typename T, typename U> constexpr void addSaturating(T &total, U value)
{
    total = saturatingAdd(total, static_cast<T>(value));
}

} // namespace strata

#include "common/allocator.h"

#include <cstdlib> // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace strata {

void tuneAllocator()
{
#if defined(__GLIBC__)
    // Fixed values stop glibc from adjusting them: blocks from 128 KiB up are mapped on
    // their own, and a heap gives back free memory above 1 MiB at its top.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024);
#endif
}

} // namespace strata

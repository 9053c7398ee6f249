#pragma once

namespace strata {

// Called first thing in main() by the app and the CLI. glibc raises the size from which it
// maps a block on its own to the largest such block freed so far; after a few trees have
// been built and freed, their big arrays come from the heap instead and their memory is kept
// after they are gone (a million-path image held 50 MB more than its trees). A fixed
// threshold gives it back.
void tuneAllocator();

} // namespace strata

#pragma once

#include "common/error.h"
#include "tree/treediff.h"

#include <atomic>
#include <functional>
#include <vector>

namespace strata {

class ImageSource;

struct ContentObserver
{
    // Layer tars read so far and in all (both sides); called on the calling thread.
    std::function<void(int layersDone, int layerCount)> progress;
    const std::atomic_bool *cancel = nullptr; // polled between tar entries
};

// What reading the candidates' bytes found: `different[i]` for `entries[i]`, ready for
// TreeDiff::applyContent(). Candidates whose bytes could not be found stay out.
struct ContentComparison
{
    std::vector<uint32_t> entries;
    std::vector<bool> different;
    Error error; // set when a layer could not be read or the comparison was cancelled
};

// Compares the bytes of every TreeDiff::contentCandidates() entry: the SHA-256 of each file
// on both sides, read by streaming each layer tar that supplies one exactly once (the layer
// is the one FileNode::layer names). Slow (it decompresses layers): run it on a worker
// thread; it only reads `diff` and the sources.
ContentComparison compareContent(const TreeDiff &diff, const ImageSource &sourceA, int imageA,
                                 const ImageSource &sourceB, int imageB,
                                 const ContentObserver &observer = {});

} // namespace strata

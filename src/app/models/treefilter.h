#pragma once

#include "models/treesnapshot.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace strata {

// What the user asked the file pane to show.
struct TreeFilterSpec
{
    QString namePattern; // substring or glob (globmatch.h); empty: every name
    bool changedOnly = false;

    bool isActive() const { return !namePattern.isEmpty() || changedOnly; }
    bool operator==(const TreeFilterSpec &other) const = default;
};

// Which nodes of a snapshot stay visible under a filter, computed in two linear passes over
// the flat node array (no model, no recursion), so it can run off the GUI thread over a
// million paths. A node is a hit when its name or an ancestor's name matches and, with
// changedOnly, it is itself a change; it is visible when it is a hit or has a hit below it.
struct TreeFilterMask
{
    enum : uint8_t
    {
        Visible = 1,
        Hit = 2
    };
    std::vector<uint8_t> bits; // per node
    uint32_t visibleCount = 0;
    uint32_t hitCount = 0;

    bool visible(uint32_t node) const { return bits[node] & Visible; }
    bool hit(uint32_t node) const { return bits[node] & Hit; }
};

std::shared_ptr<const TreeFilterMask> computeFilterMask(const TreeSnapshot &snapshot,
                                                        const TreeFilterSpec &spec);

} // namespace strata

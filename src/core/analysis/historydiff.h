#pragma once

#include "image/imageinfo.h"

#include <vector>

namespace strata {

// One row of two histories aligned side by side, bottom first.
struct HistoryDiffRow
{
    enum class Kind : uint8_t
    {
        Same,     // the same step (created_by) on both sides
        Changed,  // the same instruction at the same place, with different text
        Removed,  // only in A
        Inserted, // only in B
    };
    Kind kind = Kind::Same;
    int a = -1; // index into A's history, -1 for Inserted
    int b = -1; // index into B's history, -1 for Removed
};

struct HistoryDiff
{
    std::vector<HistoryDiffRow> rows;
    int same = 0;
    int changed = 0;
    int removed = 0;
    int inserted = 0;
};

// Aligns two histories by the longest common subsequence of their steps (cleaned created_by).
// Between two common steps, what is left of each side is aligned again by instruction keyword:
// a pair with the same keyword is one Changed step, the rest are Removed and Inserted.
HistoryDiff diffHistories(const QList<HistoryEntry> &a, const QList<HistoryEntry> &b);

QString historyRowKindName(HistoryDiffRow::Kind kind); // "same", "changed", "removed", "inserted"

} // namespace strata

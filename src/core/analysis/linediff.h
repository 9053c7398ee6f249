#pragma once

#include <QByteArray>
#include <QList>

#include <vector>

namespace strata {

// One row of a line diff: a line both sides have, or one only A or only B has.
struct DiffLine
{
    enum class Kind : uint8_t
    {
        Same,
        Removed, // only in A
        Added,   // only in B
    };
    Kind kind = Kind::Same;
    int lineA = -1; // 0-based; -1 where the side has no such line
    int lineB = -1;
};

struct LineDiff
{
    // Every line of both sides, in order; within each change the removed lines come first.
    std::vector<DiffLine> lines;
    int added = 0;
    int removed = 0;
    // True when the sides differ in more lines than a shortest edit is looked for in: the
    // differing middle is then shown as removed, then added.
    bool approximate = false;
};

// The lines of `text` (a final line without a newline counts; "" has none).
QList<QByteArray> splitLines(const QByteArray &text);

// The shortest edit from `a` to `b` (Myers' O(ND) algorithm, after the common start and end
// are taken off), up to `maxEdits` differing lines; past that the rest is approximate.
LineDiff diffLines(const QList<QByteArray> &a, const QList<QByteArray> &b, int maxEdits = 4000);

// One row of the two sides laid out beside each other: a change's removed lines face its
// added lines, the shorter side padded with empty rows (-1).
struct DiffRow
{
    int lineA = -1;
    int lineB = -1;
    bool changed = false;
};
std::vector<DiffRow> sideBySideRows(const LineDiff &diff);

// `diff -u` of the two: "--- labelA", "+++ labelB", hunks with `context` lines around each
// change. Empty when the sides are equal.
QByteArray unifiedDiff(const QList<QByteArray> &a, const QList<QByteArray> &b, const LineDiff &diff,
                       const QByteArray &labelA, const QByteArray &labelB, int context = 3);

} // namespace strata

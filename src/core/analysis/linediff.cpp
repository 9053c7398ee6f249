#include "analysis/linediff.h"

#include <QHash>

#include <algorithm>

namespace strata {

QList<QByteArray> splitLines(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

namespace {

// Myers' greedy forward search over [0, n) x [0, m) of the interned lines, keeping each
// step's frontier to walk the path back. Returns false when more than `maxEdits` are needed.
bool myers(const std::vector<int> &a, const std::vector<int> &b, int maxEdits,
           std::vector<DiffLine> *out, int offsetA, int offsetB)
{
    const int n = int(a.size()), m = int(b.size());
    const int max = std::min(n + m, maxEdits);
    std::vector<std::vector<int>> trace;
    std::vector<int> v(size_t(2) * size_t(max) + 3, 0);
    const int offset = max + 1;
    // Diagonal k lives at v[offset + k]; offset keeps every index of the search positive.
    const auto at = [offset](std::vector<int> &row, int k) -> int & {
        const int index = offset + k;
        return row[size_t(index)];
    };
    int found = -1;
    for (int d = 0; d <= max && found < 0; ++d) {
        trace.push_back(v);
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && at(v, k - 1) < at(v, k + 1))) ? at(v, k + 1)
                                                                         : at(v, k - 1) + 1;
            int y = x - k;
            while (x < n && y < m && a[size_t(x)] == b[size_t(y)]) {
                ++x;
                ++y;
            }
            at(v, k) = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    if (found < 0)
        return false;
    // Back from (n, m): each step d came from a snake of step d - 1.
    std::vector<DiffLine> reversed;
    int x = n, y = m;
    for (int d = found; d > 0; --d) {
        std::vector<int> &prev = trace[size_t(d)];
        const int k = x - y;
        const bool down = k == -d || (k != d && at(prev, k - 1) < at(prev, k + 1));
        const int prevK = down ? k + 1 : k - 1;
        const int prevX = at(prev, prevK);
        const int prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            --x;
            --y;
            reversed.push_back({DiffLine::Kind::Same, offsetA + x, offsetB + y});
        }
        if (down)
            reversed.push_back({DiffLine::Kind::Added, -1, offsetB + --y});
        else
            reversed.push_back({DiffLine::Kind::Removed, offsetA + --x, -1});
    }
    while (x > 0 && y > 0) {
        --x;
        --y;
        reversed.push_back({DiffLine::Kind::Same, offsetA + x, offsetB + y});
    }
    out->insert(out->end(), reversed.rbegin(), reversed.rend());
    return true;
}

} // namespace

LineDiff diffLines(const QList<QByteArray> &a, const QList<QByteArray> &b, int maxEdits)
{
    LineDiff diff;
    const int n = int(a.size()), m = int(b.size());
    int start = 0;
    while (start < n && start < m && a[start] == b[start])
        ++start;
    int endA = n, endB = m;
    while (endA > start && endB > start && a[endA - 1] == b[endB - 1]) {
        --endA;
        --endB;
    }
    for (int i = 0; i < start; ++i)
        diff.lines.push_back({DiffLine::Kind::Same, i, i});
    // Lines as numbers: equal numbers for equal lines, compared as ints in the search.
    QHash<QByteArray, int> ids;
    const auto intern = [&](const QList<QByteArray> &lines, int from, int to) {
        std::vector<int> out;
        out.reserve(size_t(to - from));
        for (int i = from; i < to; ++i) {
            auto it = ids.constFind(lines[i]);
            if (it == ids.constEnd())
                it = ids.insert(lines[i], int(ids.size()));
            out.push_back(it.value());
        }
        return out;
    };
    const std::vector<int> middleA = intern(a, start, endA);
    const std::vector<int> middleB = intern(b, start, endB);
    if (!myers(middleA, middleB, maxEdits, &diff.lines, start, start)) {
        diff.approximate = true;
        for (int i = start; i < endA; ++i)
            diff.lines.push_back({DiffLine::Kind::Removed, i, -1});
        for (int i = start; i < endB; ++i)
            diff.lines.push_back({DiffLine::Kind::Added, -1, i});
    }
    for (int i = 0; endA + i < n; ++i)
        diff.lines.push_back({DiffLine::Kind::Same, endA + i, endB + i});
    // Within each change its removed lines first, as diff -u and every diff viewer show it.
    for (auto run = diff.lines.begin(); run != diff.lines.end();) {
        const auto isSame = [](const DiffLine &line) { return line.kind == DiffLine::Kind::Same; };
        run = std::find_if_not(run, diff.lines.end(), isSame);
        const auto runEnd = std::find_if(run, diff.lines.end(), isSame);
        std::stable_partition(
            run, runEnd, [](const DiffLine &line) { return line.kind == DiffLine::Kind::Removed; });
        run = runEnd;
    }
    for (const DiffLine &line : diff.lines) {
        diff.added += line.kind == DiffLine::Kind::Added;
        diff.removed += line.kind == DiffLine::Kind::Removed;
    }
    return diff;
}

std::vector<DiffRow> sideBySideRows(const LineDiff &diff)
{
    std::vector<DiffRow> rows;
    rows.reserve(diff.lines.size());
    const auto &lines = diff.lines;
    size_t i = 0;
    while (i < lines.size()) {
        if (lines[i].kind == DiffLine::Kind::Same) {
            rows.push_back({lines[i].lineA, lines[i].lineB, false});
            ++i;
            continue;
        }
        size_t removedEnd = i;
        while (removedEnd < lines.size() && lines[removedEnd].kind == DiffLine::Kind::Removed)
            ++removedEnd;
        size_t addedEnd = removedEnd;
        while (addedEnd < lines.size() && lines[addedEnd].kind == DiffLine::Kind::Added)
            ++addedEnd;
        const size_t removed = removedEnd - i, added = addedEnd - removedEnd;
        for (size_t k = 0; k < std::max(removed, added); ++k) {
            rows.push_back({k < removed ? lines[i + k].lineA : -1,
                            k < added ? lines[removedEnd + k].lineB : -1, true});
        }
        i = addedEnd;
    }
    return rows;
}

QByteArray unifiedDiff(const QList<QByteArray> &a, const QList<QByteArray> &b, const LineDiff &diff,
                       const QByteArray &labelA, const QByteArray &labelB, int context)
{
    if (diff.added == 0 && diff.removed == 0)
        return {};
    QByteArray out = "--- " + labelA + "\n+++ " + labelB + '\n';
    const auto &lines = diff.lines;
    const int count = int(lines.size());
    int i = 0;
    while (i < count) {
        // The next change, and the hunk around it: changes closer than 2 * context join.
        while (i < count && lines[size_t(i)].kind == DiffLine::Kind::Same)
            ++i;
        if (i >= count)
            break;
        const int first = std::max(0, i - context);
        int last = i;
        for (int j = i; j < count; ++j) {
            if (lines[size_t(j)].kind != DiffLine::Kind::Same)
                last = j;
            else if (j - last > 2 * context)
                break;
        }
        const int end = std::min(count, last + context + 1);
        int startA = -1, startB = -1, lengthA = 0, lengthB = 0;
        for (int j = first; j < end; ++j) {
            const DiffLine &l = lines[size_t(j)];
            if (l.lineA >= 0) {
                if (startA < 0)
                    startA = l.lineA;
                ++lengthA;
            }
            if (l.lineB >= 0) {
                if (startB < 0)
                    startB = l.lineB;
                ++lengthB;
            }
        }
        // diff -u numbers from 1; an empty side names the line before it.
        const auto range = [](int startLine, int length, int before) {
            const int shown = length == 0 ? before : startLine + 1;
            return length == 1 ? QByteArray::number(shown)
                               : QByteArray::number(shown) + ',' + QByteArray::number(length);
        };
        int beforeA = 0, beforeB = 0;
        for (int j = 0; j < first; ++j) {
            beforeA += lines[size_t(j)].lineA >= 0;
            beforeB += lines[size_t(j)].lineB >= 0;
        }
        out += "@@ -" + range(startA, lengthA, beforeA) + " +" + range(startB, lengthB, beforeB) +
               " @@\n";
        for (int j = first; j < end; ++j) {
            const DiffLine &l = lines[size_t(j)];
            switch (l.kind) {
            case DiffLine::Kind::Same:
                out += ' ' + a[l.lineA] + '\n';
                break;
            case DiffLine::Kind::Removed:
                out += '-' + a[l.lineA] + '\n';
                break;
            case DiffLine::Kind::Added:
                out += '+' + b[l.lineB] + '\n';
                break;
            }
        }
        i = end;
    }
    return out;
}

} // namespace strata

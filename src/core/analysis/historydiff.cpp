#include "analysis/historydiff.h"

#include <functional>

namespace strata {

namespace {
enum class Step : uint8_t
{
    Match,
    OnlyA,
    OnlyB
};

// The longest common subsequence of a[0..n) and b[0..m) under `equal`, as a walk from the
// start: Match consumes one of each, OnlyA one of a, OnlyB one of b. Where several walks are
// as long, A's leftovers come before B's, like a unified diff.
std::vector<Step> lcsWalk(int n, int m, const std::function<bool(int, int)> &equal)
{
    // suffix[i][j]: LCS length of a[i..) and b[j..).
    const size_t width = size_t(m) + 1;
    std::vector<uint32_t> suffix((size_t(n) + 1) * width, 0);
    for (int i = n; i-- > 0;) {
        for (int j = m; j-- > 0;) {
            uint32_t &cell = suffix[size_t(i) * width + size_t(j)];
            if (equal(i, j))
                cell = suffix[size_t(i + 1) * width + size_t(j + 1)] + 1;
            else
                cell = std::max(suffix[size_t(i + 1) * width + size_t(j)],
                                suffix[size_t(i) * width + size_t(j + 1)]);
        }
    }
    std::vector<Step> walk;
    int i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && equal(i, j)) {
            walk.push_back(Step::Match);
            ++i;
            ++j;
        } else if (j == m || (i < n && suffix[size_t(i + 1) * width + size_t(j)] >=
                                           suffix[size_t(i) * width + size_t(j + 1)])) {
            walk.push_back(Step::OnlyA);
            ++i;
        } else {
            walk.push_back(Step::OnlyB);
            ++j;
        }
    }
    return walk;
}

void add(HistoryDiff &diff, HistoryDiffRow::Kind kind, int a, int b)
{
    diff.rows.push_back({kind, a, b});
    switch (kind) {
    case HistoryDiffRow::Kind::Same:
        ++diff.same;
        break;
    case HistoryDiffRow::Kind::Changed:
        ++diff.changed;
        break;
    case HistoryDiffRow::Kind::Removed:
        ++diff.removed;
        break;
    case HistoryDiffRow::Kind::Inserted:
        ++diff.inserted;
        break;
    }
}

// What is left of each side between two common steps: pairs of the same instruction are
// changed steps.
void addGap(HistoryDiff &diff, const QList<HistoryEntry> &a, const QList<HistoryEntry> &b, int a0,
            int a1, int b0, int b1)
{
    const auto walk = lcsWalk(a1 - a0, b1 - b0, [&](int i, int j) {
        const QString &ka = a[a0 + i].instruction;
        return !ka.isEmpty() && ka == b[b0 + j].instruction;
    });
    int i = a0, j = b0;
    for (Step step : walk) {
        if (step == Step::Match)
            add(diff, HistoryDiffRow::Kind::Changed, i++, j++);
        else if (step == Step::OnlyA)
            add(diff, HistoryDiffRow::Kind::Removed, i++, -1);
        else
            add(diff, HistoryDiffRow::Kind::Inserted, -1, j++);
    }
}
} // namespace

HistoryDiff diffHistories(const QList<HistoryEntry> &a, const QList<HistoryEntry> &b)
{
    HistoryDiff diff;
    const int n = int(a.size()), m = int(b.size());
    // Images built on a common base share a long prefix: keep the quadratic part small.
    int prefix = 0;
    while (prefix < n && prefix < m && a[prefix].createdBy == b[prefix].createdBy)
        ++prefix;
    int suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix &&
           a[n - 1 - suffix].createdBy == b[m - 1 - suffix].createdBy)
        ++suffix;
    for (int k = 0; k < prefix; ++k)
        add(diff, HistoryDiffRow::Kind::Same, k, k);

    const int a0 = prefix, b0 = prefix;
    const auto walk = lcsWalk(n - prefix - suffix, m - prefix - suffix, [&](int i, int j) {
        return a[a0 + i].createdBy == b[b0 + j].createdBy;
    });
    int i = a0, j = b0, gapA = a0, gapB = b0;
    for (Step step : walk) {
        if (step == Step::Match) {
            addGap(diff, a, b, gapA, i, gapB, j);
            add(diff, HistoryDiffRow::Kind::Same, i++, j++);
            gapA = i;
            gapB = j;
        } else if (step == Step::OnlyA) {
            ++i;
        } else {
            ++j;
        }
    }
    addGap(diff, a, b, gapA, i, gapB, j);
    for (int k = 0; k < suffix; ++k)
        add(diff, HistoryDiffRow::Kind::Same, n - suffix + k, m - suffix + k);
    return diff;
}

QString historyRowKindName(HistoryDiffRow::Kind kind)
{
    switch (kind) {
    case HistoryDiffRow::Kind::Same:
        return QStringLiteral("same");
    case HistoryDiffRow::Kind::Changed:
        return QStringLiteral("changed");
    case HistoryDiffRow::Kind::Removed:
        return QStringLiteral("removed");
    case HistoryDiffRow::Kind::Inserted:
        return QStringLiteral("inserted");
    }
    return {};
}

} // namespace strata

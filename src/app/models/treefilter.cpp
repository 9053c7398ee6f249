#include "models/treefilter.h"

#include "common/globmatch.h"

namespace strata {

std::shared_ptr<const TreeFilterMask> computeFilterMask(const TreeSnapshot &snapshot,
                                                        const TreeFilterSpec &spec)
{
    auto mask = std::make_shared<TreeFilterMask>();
    if (!snapshot.tree)
        return mask;
    const FileTree &tree = *snapshot.tree;
    const uint32_t count = tree.nodeCount();
    mask->bits.assign(count, 0);

    const QByteArray pattern = spec.namePattern.trimmed().toUtf8();
    const NameMatcher matcher(std::string_view(pattern.constData(), size_t(pattern.size())));

    // Names are interned: decide each stored name once, in memory order.
    const std::vector<uint8_t> byName =
        matcher.isEmpty()
            ? std::vector<uint8_t>()
            : tree.nameKeysWhere([&](std::string_view name) { return matcher.matches(name); });
    std::vector<uint8_t> nameOk(count, 0);

    // Forward pass: children come after their parent in a frozen tree (filetree.cpp).
    for (uint32_t i = 1; i < count; ++i) {
        const bool ok = matcher.isEmpty() || byName[tree.nameKey(i)] || nameOk[tree.parent(i)];
        nameOk[i] = ok;
        if (ok && (!spec.changedOnly || snapshot.changeOf(i) != ChangeKind::Unchanged)) {
            mask->bits[i] = TreeFilterMask::Hit | TreeFilterMask::Visible;
            ++mask->hitCount;
        }
    }
    // Backward pass: a visible node makes its parent visible.
    for (uint32_t i = count; i-- > 1;) {
        if (mask->bits[i] & TreeFilterMask::Visible) {
            ++mask->visibleCount;
            mask->bits[tree.parent(i)] |= TreeFilterMask::Visible;
        }
    }
    mask->bits[0] |= TreeFilterMask::Visible;
    return mask;
}

} // namespace strata

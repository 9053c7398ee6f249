#include "treefilter.h"

#include "globmatch.h"

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

    // Names are interned: decide each distinct name once. 0 = unknown, 1 = no, 2 = yes.
    std::vector<uint8_t> byName(matcher.isEmpty() ? 0 : tree.nameKeyCount(), 0);
    std::vector<uint8_t> nameOk(count, 0);

    // Forward pass: children come after their parent in a frozen tree (filetree.cpp).
    for (uint32_t i = 1; i < count; ++i) {
        const FileNode &n = tree.node(i);
        bool ok = true;
        if (!matcher.isEmpty()) {
            uint8_t &known = byName[tree.nameKey(i)];
            if (!known)
                known = matcher.matches(tree.name(i)) ? 2 : 1;
            ok = known == 2 || nameOk[n.parent];
        }
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
            mask->bits[tree.node(i).parent] |= TreeFilterMask::Visible;
        }
    }
    mask->bits[0] |= TreeFilterMask::Visible;
    return mask;
}

} // namespace strata

#include "tree/symlinkparents.h"

#include "common/paths.h"
#include "tree/overlaymerge.h"

#include <deque>
#include <unordered_map>

namespace strata {

namespace {
constexpr int kMaxLinkHops = 40; // Linux's MAXSYMLINKS

std::string joined(const std::vector<std::string_view> &parts)
{
    std::string path;
    for (std::string_view part : parts) {
        if (!path.empty())
            path += '/';
        path += part;
    }
    return path;
}

std::string child(const std::string &dir, std::string_view name)
{
    return dir.empty() ? std::string(name) : dir + '/' + std::string(name);
}

// One layer, placed on the filesystem the layers below it (already resolved) make.
class LayerPlacement
{
public:
    LayerPlacement(LayerList lower, const LayerTree &own)
        : m_lower(lower), m_own(own.tree),
          m_symlinkDirs(own.symlinkDirs.begin(), own.symlinkDirs.end())
    {
    }

    // Whether anything in the layer could need it: implied directories (a symlink may stand
    // below them), directories implied over this layer's own symlinks, hardlinks.
    bool mayMove() const
    {
        for (uint32_t i = 1; i < m_own.nodeCount(); ++i) {
            const uint8_t flags = m_own.flags(i);
            if (((flags & NodeFlag::Implied) && m_own.type(i) == FileType::Directory &&
                 !m_lower.empty()) ||
                (flags & NodeFlag::ThroughSymlink) || m_own.type(i) == FileType::Hardlink)
                return true;
        }
        return false;
    }

    // Where each implied directory that a symlink stands in the way of really is, and each
    // hardlink's target; true when anything moves.
    bool place()
    {
        walk(0, std::string());
        for (uint32_t i = 1; i < m_own.nodeCount(); ++i) {
            if (m_own.type(i) != FileType::Hardlink || m_own.flags(i) & NodeFlag::Whiteout)
                continue;
            const auto [dir, name] = splitParent(m_own.linkTarget(i));
            std::string target = child(resolve(std::string(), dir), name);
            if (target != m_own.linkTarget(i))
                m_links.emplace(i, std::move(target));
        }
        return !m_moves.empty() || !m_links.empty();
    }

    // The layer's tree again, with the moves applied.
    FileTree rebuild() const
    {
        TreeBuilder builder;
        std::vector<uint32_t> placed(m_own.nodeCount(), kNoNode);
        placed[0] = TreeBuilder::root();
        for (uint32_t i = 1; i < m_own.nodeCount(); ++i) {
            FileNode n = m_own.node(i);
            const auto moved = m_moves.find(i);
            if (moved != m_moves.end()) {
                placed[i] = directory(builder, moved->second);
                builder.node(placed[i]).flags |= n.flags & NodeFlag::Opaque;
                if (n.flags & NodeFlag::ThroughSymlink) {
                    // The symlink this layer made stays where it was.
                    FileNode link = n;
                    link.type = FileType::Symlink;
                    link.mode = 0777;
                    link.flags = 0;
                    link.name = builder.pool().intern(m_own.name(i));
                    link.link = builder.pool().intern(symlinkTarget(i));
                    link.size = 0;
                    builder.setChild(placed[n.parent], link);
                }
                continue;
            }
            const uint32_t parent = placed[n.parent];
            if (parent == kNoNode)
                continue;
            n.name = builder.pool().intern(m_own.name(i));
            if (n.type == FileType::Symlink || n.type == FileType::Hardlink) {
                const auto link = m_links.find(i);
                n.link = builder.pool().intern(
                    link != m_links.end() ? std::string_view(link->second) : m_own.linkTarget(i));
            }
            n.flags &= ~NodeFlag::ThroughSymlink;
            const uint32_t existing = builder.child(parent, n.name, n.isWhiteout());
            if (existing != kNoNode && n.isDir() && builder.node(existing).isDir()) {
                // A directory a move made already: it keeps what was moved into it, and takes
                // this entry's own attributes unless this one is only implied too.
                if (!(n.flags & NodeFlag::Implied)) {
                    FileNode &e = builder.node(existing);
                    const FileNode kept = e;
                    e = n;
                    e.parent = kept.parent;
                    e.firstChild = kept.firstChild;
                    e.childCount = kept.childCount;
                    e.flags |= kept.flags & NodeFlag::Opaque;
                }
                placed[i] = existing;
                continue;
            }
            placed[i] = builder.setChild(parent, n);
        }
        return builder.freeze();
    }

private:
    // Descends this layer's directories, `real` being where node `dir` really is.
    void walk(uint32_t dir, const std::string &real)
    {
        const auto [first, end] = m_own.children(dir);
        for (uint32_t c = first; c < end; ++c) {
            if (m_own.type(c) != FileType::Directory || (m_own.flags(c) & NodeFlag::Whiteout))
                continue;
            const std::string here = child(real, m_own.name(c));
            std::string target = here;
            if (m_own.flags(c) & NodeFlag::ThroughSymlink)
                target = resolve(real, symlinkTarget(c));
            else if (m_own.flags(c) & NodeFlag::Implied)
                target = resolve(real, m_own.name(c));
            if (target != here || (m_own.flags(c) & NodeFlag::ThroughSymlink))
                m_moves.emplace(c, target);
            walk(c, target);
        }
    }

    // What a path's component is before this layer's entry for it: a symlink's target, or
    // empty for anything else. This layer's own symlinks count (they came earlier in its tar).
    bool symlinkAt(const std::string &path, std::string *target) const
    {
        const uint32_t own = m_own.find(path);
        if (own != kNoNode && (m_own.flags(own) & NodeFlag::ThroughSymlink)) {
            *target = symlinkTarget(own);
            return true;
        }
        if (own != kNoNode && !(m_own.flags(own) & NodeFlag::Implied))
            return false; // this layer's own entry for it: a directory or a file, no link
        if (m_lower.empty())
            return false;
        const MergedEntry below = findMerged(m_lower, int(m_lower.size()) - 1, path);
        if (!below || below.attrs().type != FileType::Symlink)
            return false;
        *target = std::string(below.tree->linkTarget(below.node));
        return true;
    }

    // `rest` taken from directory `start` (a real path) with every symlink followed, as
    // securejoin does: an absolute target restarts at the root, `..` never climbs above it.
    std::string resolve(const std::string &start, std::string_view rest) const
    {
        std::vector<std::string> storage; // owns the components of link targets
        std::vector<std::string_view> current;
        for (std::string_view part : PathComponents(start))
            current.push_back(part);
        std::deque<std::string_view> pending;
        for (std::string_view part : PathComponents(rest))
            pending.push_back(part);
        storage.reserve(kMaxLinkHops + 1);
        int hops = 0;
        while (!pending.empty()) {
            const std::string_view part = pending.front();
            pending.pop_front();
            if (part == ".")
                continue;
            if (part == "..") {
                if (!current.empty())
                    current.pop_back();
                continue;
            }
            current.push_back(part);
            std::string target;
            if (hops < kMaxLinkHops && symlinkAt(joined(current), &target)) {
                ++hops;
                current.pop_back();
                if (target.starts_with('/'))
                    current.clear();
                storage.push_back(std::move(target));
                std::vector<std::string_view> parts;
                for (std::string_view p : PathComponents(storage.back()))
                    parts.push_back(p);
                pending.insert(pending.begin(), parts.begin(), parts.end());
            }
        }
        return joined(current);
    }

    uint32_t directory(TreeBuilder &builder, const std::string &path) const
    {
        uint32_t node = TreeBuilder::root();
        for (std::string_view part : PathComponents(path)) {
            const uint32_t name = builder.pool().intern(part);
            uint32_t next = builder.child(node, name);
            if (next == kNoNode || !builder.node(next).isDir()) {
                FileNode implied;
                implied.name = name;
                implied.type = FileType::Directory;
                implied.mode = 0755;
                implied.layer = m_own.layer(0);
                implied.flags = NodeFlag::Implied;
                next = builder.setChild(node, implied);
            }
            node = next;
        }
        return node;
    }

    // The target of the symlink this layer made where directory `node` now stands.
    std::string symlinkTarget(uint32_t node) const
    {
        const auto it = m_symlinkDirs.find(m_own.path(node));
        return it == m_symlinkDirs.end() ? std::string() : it->second;
    }

    LayerList m_lower;
    const FileTree &m_own;
    std::unordered_map<std::string, std::string> m_symlinkDirs; // path → target
    std::unordered_map<uint32_t, std::string> m_moves; // implied directory → where it really is
    std::unordered_map<uint32_t, std::string> m_links; // hardlink → its target, resolved
};
} // namespace

std::vector<std::shared_ptr<const LayerTree>>
resolveSymlinkParents(std::vector<std::shared_ptr<const LayerTree>> layers)
{
    for (size_t l = 0; l < layers.size() && layers[l]; ++l) {
        LayerPlacement placement(LayerList(layers.data(), l), *layers[l]);
        if (!placement.mayMove() || !placement.place())
            continue;
        auto moved = std::make_shared<LayerTree>(*layers[l]);
        moved->tree = placement.rebuild();
        moved->symlinkDirs.clear(); // they are symlinks again
        layers[l] = std::move(moved);
    }
    return layers;
}

} // namespace strata

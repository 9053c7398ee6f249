#include "tree/copyup.h"

#include <algorithm>

namespace strata {

namespace {
bool isInside(const std::string &path, const std::string &dir)
{
    return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 &&
           path[dir.size()] == '/';
}
} // namespace

CopyUpSimulation::CopyUpSimulation(std::shared_ptr<const FileTree> lower)
    : m_lower(std::move(lower))
{
}

const CopyUpSimulation::UpperEntry *CopyUpSimulation::findUpper(const std::string &path) const
{
    const auto it = std::find_if(m_upper.begin(), m_upper.end(),
                                 [&](const UpperEntry &e) { return e.path == path; });
    return it == m_upper.end() ? nullptr : &*it;
}

void CopyUpSimulation::eraseUpper(const std::string &path)
{
    std::erase_if(m_upper,
                  [&](const UpperEntry &e) { return e.path == path || isInside(e.path, path); });
}

bool CopyUpSimulation::isVisible(const std::string &path) const
{
    // A whiteout of the path or of a folder above it hides it.
    for (const UpperEntry &e : m_upper) {
        if (e.kind == UpperEntry::Kind::Whiteout && (e.path == path || isInside(path, e.path)))
            return false;
    }
    if (findUpper(path))
        return true;
    return m_lower && m_lower->find(path) != kNoNode;
}

// overlayfs copies up the folders above a file first, as empty folders with their metadata.
void CopyUpSimulation::copyUpParents(const std::string &path)
{
    for (size_t slash = path.find('/'); slash != std::string::npos;
         slash = path.find('/', slash + 1)) {
        const std::string dir = path.substr(0, slash);
        const auto it = std::find_if(m_upper.begin(), m_upper.end(),
                                     [&](const UpperEntry &e) { return e.path == dir; });
        if (it == m_upper.end())
            m_upper.push_back({dir, UpperEntry::Kind::Folder, 0});
        else if (it->kind == UpperEntry::Kind::Whiteout)
            it->kind = UpperEntry::Kind::Folder; // made again: an opaque folder hides the lower
    }
}

bool CopyUpSimulation::write(const std::string &path, qint64 bytes)
{
    bytes = std::max<qint64>(0, bytes);
    if (path.empty())
        return false;
    const uint32_t node =
        m_lower && isVisible(path) && !findUpper(path) ? m_lower->find(path) : kNoNode;
    if (node != kNoNode) {
        if (m_lower->type(node) != FileType::Regular)
            return false;
        copyUpParents(path);
        m_upper.push_back(
            {path, UpperEntry::Kind::CopiedUp, qint64(m_lower->node(node).size) + bytes});
        return true;
    }
    for (UpperEntry &e : m_upper) {
        if (e.path != path)
            continue;
        // Written before: the copy up there grows; a whiteout gives way to the new file.
        if (e.kind == UpperEntry::Kind::Folder)
            return false;
        if (e.kind != UpperEntry::Kind::Whiteout) {
            e.bytes += bytes;
            return true;
        }
    }
    eraseUpper(path);
    copyUpParents(path);
    m_upper.push_back({path, UpperEntry::Kind::Created, bytes});
    return true;
}

bool CopyUpSimulation::remove(const std::string &path)
{
    if (path.empty() || !isVisible(path))
        return false;
    const bool inLower = m_lower && m_lower->find(path) != kNoNode;
    eraseUpper(path);
    if (inLower) {
        copyUpParents(path);
        m_upper.push_back({path, UpperEntry::Kind::Whiteout, 0});
    }
    return true;
}

void CopyUpSimulation::reset()
{
    m_upper.clear();
}

qint64 CopyUpSimulation::upperBytes() const
{
    qint64 bytes = 0;
    for (const UpperEntry &e : m_upper)
        bytes += e.bytes;
    return bytes;
}

} // namespace strata

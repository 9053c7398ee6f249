#include "tree/layerindexer.h"

#include "common/datasize.h"
#include "common/limits.h"
#include "common/paths.h"
#include "common/saturating.h"
#include "common/textescape.h"

#include <archive.h>
#include <archive_entry.h>

#include <vector>

namespace strata {

namespace {
constexpr std::string_view kWhiteoutPrefix = ".wh.";
constexpr std::string_view kOpaqueMarker = ".wh..wh..opq";

FileType typeOf(struct archive_entry *entry)
{
    if (archive_entry_hardlink(entry))
        return FileType::Hardlink;
    switch (archive_entry_filetype(entry)) {
    case AE_IFDIR:
        return FileType::Directory;
    case AE_IFLNK:
        return FileType::Symlink;
    case AE_IFCHR:
        return FileType::CharDevice;
    case AE_IFBLK:
        return FileType::BlockDevice;
    case AE_IFIFO:
        return FileType::Fifo;
    default:
        return FileType::Regular;
    }
}

class LayerTreeBuilder
{
public:
    explicit LayerTreeBuilder(uint16_t layer) : m_layer(layer) {}

    // The directory node for `dir` ("" = root), creating implied directories on the way and
    // turning a non-directory in the way into one (a later entry wins).
    uint32_t directory(std::string_view dir)
    {
        // Tars list a directory's entries together: remember the last one looked up.
        if (m_cachedDirNode != kNoNode && dir == m_cachedDir)
            return m_cachedDirNode;
        m_cachedDir.assign(dir);
        m_cachedDirNode = walk(dir);
        return m_cachedDirNode;
    }

    uint32_t walk(std::string_view dir)
    {
        uint32_t node = TreeBuilder::root();
        for (std::string_view part : PathComponents(dir)) {
            const uint32_t name = m_builder.pool().intern(part);
            uint32_t next = m_builder.child(node, name);
            if (next == kNoNode || !m_builder.node(next).isDir()) {
                FileNode implied;
                implied.name = name;
                implied.type = FileType::Directory;
                implied.mode = 0755;
                implied.layer = m_layer;
                implied.flags = NodeFlag::Implied;
                if (next != kNoNode && m_builder.node(next).type == FileType::Symlink) {
                    implied.flags |= NodeFlag::ThroughSymlink;
                    const size_t end = size_t(part.data() - dir.data()) + part.size();
                    m_symlinkDirs.emplace_back(
                        std::string(dir.substr(0, end)),
                        std::string(m_builder.pool().view(m_builder.node(next).link)));
                }
                next = m_builder.setChild(node, implied);
            }
            node = next;
        }
        return node;
    }

    void add(std::string_view path, FileNode attrs)
    {
        const auto [dir, base] = splitParent(path);
        const uint32_t parent = directory(dir);
        attrs.layer = m_layer;

        if (base == kOpaqueMarker) {
            m_builder.node(parent).flags |= NodeFlag::Opaque;
            return;
        }
        if (base.starts_with(kWhiteoutPrefix)) {
            const std::string_view target = base.substr(kWhiteoutPrefix.size());
            if (target.starts_with(kWhiteoutPrefix) || target.empty() || target == "." ||
                target == "..")
                return; // other AUFS metadata (.wh..wh.plnk...): not part of the image
            FileNode whiteout;
            whiteout.name = m_builder.pool().intern(target);
            whiteout.flags = NodeFlag::Whiteout;
            whiteout.layer = m_layer;
            whiteout.mode = attrs.mode;
            whiteout.mtime = attrs.mtime;
            m_builder.setChild(parent, whiteout);
            return;
        }
        attrs.name = m_builder.pool().intern(base);
        const uint32_t existing = m_builder.child(parent, attrs.name);
        // Replacing this path replaces its subtree: the cached directory may be inside it.
        if (std::string_view(m_cachedDir).starts_with(path) &&
            (m_cachedDir.size() == path.size() || m_cachedDir[path.size()] == '/'))
            m_cachedDirNode = kNoNode;
        if (existing != kNoNode && attrs.isDir() && m_builder.node(existing).isDir()) {
            // A directory listed again (or after its children): update it, keep its children.
            FileNode &n = m_builder.node(existing);
            const uint8_t opaque = n.flags & NodeFlag::Opaque;
            const uint32_t firstChild = n.firstChild, childCount = n.childCount,
                           parentNode = n.parent;
            n = attrs;
            n.flags = opaque;
            n.firstChild = firstChild;
            n.childCount = childCount;
            n.parent = parentNode;
            return;
        }
        m_builder.setChild(parent, attrs);
    }

    StringPool &pool() { return m_builder.pool(); }
    FileTree freeze() { return m_builder.freeze(); }
    std::vector<std::pair<std::string, std::string>> takeSymlinkDirs()
    {
        return std::move(m_symlinkDirs);
    }

private:
    uint16_t m_layer;
    TreeBuilder m_builder;
    std::string m_cachedDir;
    uint32_t m_cachedDirNode = kNoNode;
    std::vector<std::pair<std::string, std::string>> m_symlinkDirs;
};
} // namespace

namespace {
// What reading one layer shares between the header loop and the data it drains.
class LayerRead
{
public:
    LayerRead(struct archive *a, ByteSource &source, const LayerIndexOptions &options,
              LayerTree *result, const QString &file, const QString &member)
        : m_archive(a), m_source(source), m_options(options), m_result(result), m_file(file),
          m_member(member), m_compressed(archive_filter_count(a) > 1)
    {
        const qint64 compressed = qMax<qint64>(source.size(), source.position());
        m_inflationLimit = limits::inflationLimit(compressed, options.minInflationLimit,
                                                  options.maxInflationRatio);
    }

    bool compressed() const { return m_compressed; }

    bool fail(Error::Kind kind, const QString &message)
    {
        if (!m_result->error)
            m_result->error = Error::make(kind, m_file, message, m_member);
        return false;
    }
    bool damaged(const QString &why)
    {
        return fail(Error::Kind::DamagedLayer, QStringLiteral("the layer is damaged: ") + why);
    }
    QString libarchiveError() const { return QString::fromUtf8(archive_error_string(m_archive)); }

    // Every so often: cancel, progress, and the bounds on what the layer (and the image)
    // inflate to. False once the read must stop, the reason in result->error.
    bool checkpoint()
    {
        if (m_options.cancel && m_options.cancel->load(std::memory_order_relaxed))
            return fail(Error::Kind::Cancelled, QStringLiteral("cancelled"));
        if (m_options.progress)
            m_options.progress(m_source.position());
        if (!m_compressed)
            return true;
        const qint64 inflated = archive_filter_bytes(m_archive, 0);
        if (m_options.imageInflated) {
            const qint64 total =
                m_options.imageInflated->fetch_add(inflated - m_counted) + (inflated - m_counted);
            m_counted = inflated;
            if (total > m_options.imageInflationLimit)
                return fail(Error::Kind::LimitExceeded,
                            QStringLiteral("the image's layers inflate to more than %1 (a "
                                           "decompression bomb?)")
                                .arg(formatDataSize(m_options.imageInflationLimit)));
        }
        if (inflated > m_inflationLimit)
            return fail(Error::Kind::LimitExceeded,
                        QStringLiteral("the layer inflates to more than %1 times its compressed "
                                       "size (a decompression bomb?)")
                            .arg(m_options.maxInflationRatio));
        return true;
    }

    // Reads (and drops) the data of the current entry of a compressed layer: the same work
    // libarchive's skip would do, but cancel and the inflation bounds get a say.
    bool drainData()
    {
        static thread_local char scratch[64 * 1024];
        for (int chunk = 0;; ++chunk) {
            const la_ssize_t got = archive_read_data(m_archive, scratch, sizeof scratch);
            if (got == 0)
                return true;
            if (got < 0)
                return damaged(libarchiveError());
            if ((chunk & 63) == 63 && !checkpoint())
                return false;
        }
    }

private:
    struct archive *m_archive;
    ByteSource &m_source;
    const LayerIndexOptions &m_options;
    LayerTree *m_result;
    const QString &m_file;
    const QString &m_member;
    const bool m_compressed;
    qint64 m_inflationLimit = 0;
    qint64 m_counted = 0; // inflated bytes already added to the image's total
};

// A name as long as no Linux filesystem holds, or a path no engine can unpack.
QString overlongName(std::string_view path)
{
    if (qsizetype(path.size()) > limits::kMaxPathBytes)
        return QStringLiteral("a path of %1 bytes (Linux paths end at %2)")
            .arg(path.size())
            .arg(limits::kMaxPathBytes);
    for (std::string_view part : PathComponents(path)) {
        if (qsizetype(part.size()) > limits::kMaxNameBytes)
            return QStringLiteral("a name of %1 bytes (Linux names end at %2)")
                .arg(part.size())
                .arg(limits::kMaxNameBytes);
    }
    return {};
}

FileNode attributesOf(struct archive_entry *entry)
{
    FileNode attrs;
    attrs.type = typeOf(entry);
    attrs.mode = uint32_t(archive_entry_perm(entry)) & 07777;
    attrs.uid = uint32_t(archive_entry_uid(entry));
    attrs.gid = uint32_t(archive_entry_gid(entry));
    attrs.mtime = archive_entry_mtime(entry);
    if (attrs.type == FileType::Regular)
        attrs.size = uint64_t(qMax<la_int64_t>(0, archive_entry_size(entry)));
    return attrs;
}
} // namespace

LayerTree indexLayer(ByteSource &source, const LayerIndexOptions &options, const QString &file,
                     const QString &member)
{
    LayerTree result;
    QString openError;
    struct archive *a = openArchiveReader(&source, &openError);
    if (!a) {
        result.error =
            Error::make(Error::Kind::DamagedLayer, file,
                        QStringLiteral("the layer is not a tar archive: ") + openError, member);
        return result;
    }

    LayerTreeBuilder builder(options.layer);
    LayerRead read(a, source, options, &result, file, member);
    std::string path, linkPath;
    struct archive_entry *entry = nullptr;
    for (;;) {
        const int status = archive_read_next_header(a, &entry);
        if (status == ARCHIVE_EOF)
            break;
        // A warning is a header libarchive read only in part (a bad checksum it skipped, a
        // malformed PAX record it ignored, a name it cut at a NUL): the engine refuses such a
        // layer, and what follows could be a different file than the tar meant.
        if (status != ARCHIVE_OK && !(status == ARCHIVE_WARN && isCharsetWarning(a))) {
            read.damaged(read.libarchiveError());
            break;
        }
        ++result.entryCount;
        if ((result.entryCount & 1023) == 0 && !read.checkpoint())
            break;
        if (result.entryCount > options.maxEntries) {
            read.fail(Error::Kind::LimitExceeded,
                      QStringLiteral("the layer has more than %1 entries").arg(options.maxEntries));
            break;
        }
        const char *rawName = archive_entry_pathname(entry);
        const std::string_view raw = rawName ? std::string_view(rawName) : std::string_view();
        if (qsizetype(raw.size()) > 4 * limits::kMaxPathBytes) {
            read.fail(Error::Kind::LimitExceeded, overlongName(raw));
            break;
        }
        if (!cleanPath(raw, &path)) {
            result.rejected.append(QString::fromUtf8(rawName));
            continue;
        }
        if (const QString overlong = overlongName(path); !overlong.isEmpty()) {
            read.fail(Error::Kind::LimitExceeded, overlong);
            break;
        }
        FileNode attrs = attributesOf(entry);
        if (attrs.type == FileType::Regular && raw.ends_with('/')) {
            read.damaged(QStringLiteral("the regular file \"%1\" has a name that ends in \"/\"")
                             .arg(escapeText(raw)));
            break;
        }
        if (attrs.type == FileType::Symlink) {
            const char *target = archive_entry_symlink(entry);
            attrs.link = builder.pool().intern(target ? target : "");
        } else if (attrs.type == FileType::Hardlink) {
            if (!cleanPath(archive_entry_hardlink(entry), &linkPath)) {
                result.rejected.append(QString::fromUtf8(rawName));
                continue;
            }
            attrs.link = builder.pool().intern(linkPath);
        }
        if (read.compressed() && attrs.type == FileType::Regular && attrs.size > 0 &&
            !read.drainData())
            break;
        if (path.empty())
            continue; // the root itself ("./"): nothing to merge
        builder.add(path, attrs);
        const std::string_view base = splitParent(path).second;
        if (!attrs.isDir() && !base.starts_with(kWhiteoutPrefix)) {
            ++result.fileCount;
            result.contentSize = saturatingAdd(result.contentSize, qint64(attrs.size));
        }
    }
    if (!result.error)
        read.checkpoint(); // the end of the last entry's data counts too
    result.tarSize = archive_filter_bytes(a, 0);
    result.compression =
        read.compressed() ? QString::fromUtf8(archive_filter_name(a, 0)) : QStringLiteral("none");
    archive_read_free(a);
    result.tree = builder.freeze();
    result.symlinkDirs = builder.takeSymlinkDirs();
    return result;
}

LayerTree layerFromEntries(const std::vector<ListedEntry> &entries, uint16_t layer)
{
    LayerTree result;
    LayerTreeBuilder builder(layer);
    std::string whiteoutPath;
    for (const ListedEntry &entry : entries) {
        if (entry.path.empty())
            continue;
        ++result.entryCount;
        if (entry.whiteout) {
            const auto [dir, base] = splitParent(entry.path);
            whiteoutPath.assign(dir);
            if (!whiteoutPath.empty())
                whiteoutPath += '/';
            whiteoutPath.append(kWhiteoutPrefix).append(base);
            builder.add(whiteoutPath, entry.attrs);
            continue;
        }
        FileNode attrs = entry.attrs;
        if (attrs.type == FileType::Symlink)
            attrs.link = builder.pool().intern(entry.link);
        if (attrs.type != FileType::Regular)
            attrs.size = 0;
        builder.add(entry.path, attrs);
        if (!attrs.isDir()) {
            ++result.fileCount;
            result.contentSize = saturatingAdd(result.contentSize, qint64(attrs.size));
        }
    }
    result.compression = QStringLiteral("none");
    result.tree = builder.freeze();
    result.symlinkDirs = builder.takeSymlinkDirs();
    return result;
}

} // namespace strata

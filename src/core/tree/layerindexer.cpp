#include "tree/layerindexer.h"

#include "common/paths.h"

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

private:
    uint16_t m_layer;
    TreeBuilder m_builder;
    std::string m_cachedDir;
    uint32_t m_cachedDirNode = kNoNode;
};
} // namespace

namespace {
// Reads (and drops) the data of the current entry of a compressed layer. False when the read
// failed, was cancelled or inflated past every real layer (a gzip or zstd bomb); the reason is
// left in result->error.
bool drainCompressedData(struct archive *a, ByteSource &source, const LayerIndexOptions &options,
                         LayerTree *result, const QString &file, const QString &member)
{
    static thread_local char scratch[64 * 1024];
    const qint64 compressed = qMax<qint64>(source.size(), source.position());
    const qint64 limit = qMax(options.minInflationLimit, compressed * options.maxInflationRatio);
    for (int chunk = 0;; ++chunk) {
        const la_ssize_t got = archive_read_data(a, scratch, sizeof scratch);
        if (got == 0)
            return true;
        if (got < 0) {
            result->error = Error::make(Error::Kind::DamagedLayer, file,
                                        QStringLiteral("the layer is damaged or truncated: ") +
                                            QString::fromUtf8(archive_error_string(a)),
                                        member);
            return false;
        }
        if ((chunk & 63) == 63) {
            if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
                result->error =
                    Error::make(Error::Kind::Cancelled, file, QStringLiteral("cancelled"), member);
                return false;
            }
            if (options.progress)
                options.progress(source.position());
        }
        if (archive_filter_bytes(a, 0) > limit) {
            result->error =
                Error::make(Error::Kind::LimitExceeded, file,
                            QStringLiteral("the layer inflates to more than %1 times its "
                                           "compressed size (a decompression bomb?)")
                                .arg(options.maxInflationRatio),
                            member);
            return false;
        }
    }
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
    // A compressed layer's data is read here, chunk by chunk, rather than skipped inside
    // libarchive: that is the same work, but cancel and the inflation bound get a say.
    const bool compressed = archive_filter_count(a) > 1;
    bool stoppedEarly = false;
    std::string path, linkPath;
    struct archive_entry *entry = nullptr;
    int status = ARCHIVE_OK;
    bool cancelled = false;
    for (;;) {
        status = archive_read_next_header(a, &entry);
        if (status != ARCHIVE_OK && status != ARCHIVE_WARN)
            break;
        ++result.entryCount;
        if ((result.entryCount & 1023) == 0) {
            if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
                cancelled = true;
                break;
            }
            if (options.progress)
                options.progress(source.position());
        }
        if (result.entryCount > options.maxEntries) {
            result.error = Error::make(
                Error::Kind::LimitExceeded, file,
                QStringLiteral("the layer has more than %1 entries").arg(options.maxEntries),
                member);
            break;
        }
        const char *rawName = archive_entry_pathname(entry);
        if (!rawName)
            rawName = "";
        if (!cleanPath(rawName, &path)) {
            result.rejected.append(QString::fromUtf8(rawName));
            continue;
        }
        FileNode attrs;
        attrs.type = typeOf(entry);
        attrs.mode = uint32_t(archive_entry_perm(entry)) & 07777;
        attrs.uid = uint32_t(archive_entry_uid(entry));
        attrs.gid = uint32_t(archive_entry_gid(entry));
        attrs.mtime = archive_entry_mtime(entry);
        if (attrs.type == FileType::Regular)
            attrs.size = uint64_t(qMax<la_int64_t>(0, archive_entry_size(entry)));
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
        if (compressed && attrs.type == FileType::Regular && attrs.size > 0 &&
            !drainCompressedData(a, source, options, &result, file, member)) {
            stoppedEarly = true;
            break;
        }
        if (path.empty())
            continue; // the root itself ("./"): nothing to merge
        builder.add(path, attrs);
        const std::string_view base = splitParent(path).second;
        if (!attrs.isDir() && !base.starts_with(kWhiteoutPrefix)) {
            ++result.fileCount;
            result.contentSize += qint64(attrs.size);
        }
    }
    if (stoppedEarly && result.error.kind == Error::Kind::Cancelled) {
        cancelled = true;
        result.error = {};
    }
    if (cancelled) {
        result.error =
            Error::make(Error::Kind::Cancelled, file, QStringLiteral("cancelled"), member);
    } else if (status == ARCHIVE_FATAL && !result.error && !stoppedEarly) {
        result.error = Error::make(Error::Kind::DamagedLayer, file,
                                   QStringLiteral("the layer is damaged or truncated: ") +
                                       QString::fromUtf8(archive_error_string(a)),
                                   member);
    }
    result.tarSize = archive_filter_bytes(a, 0);
    result.compression = archive_filter_count(a) > 1 ? QString::fromUtf8(archive_filter_name(a, 0))
                                                     : QStringLiteral("none");
    if (options.progress)
        options.progress(source.position());
    archive_read_free(a);
    result.tree = builder.freeze();
    return result;
}

} // namespace strata

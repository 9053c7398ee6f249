#pragma once

#include "archive/bytesource.h"
#include "common/error.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace strata {

struct ArchiveMember
{
    std::string name; // normalized: no "./" or "/" prefix
    qint64 size = 0;
    qint64 offset = -1;  // where the data starts in the outer file (plain tar only)
    bool sparse = false; // a GNU sparse member: its data is not one range of the file
    size_t ordinal = 0;  // its place among the tar's entries, in archive order
    enum Type : uint8_t
    {
        File,
        Directory,
        Symlink,
        Hardlink,
        Other
    } type = File;
    std::string linkTarget; // for symlinks and hardlinks, as written
};

// The container of an image: a tar file (plain, or compressed as a whole) or a directory.
// Lists the members, reads the small ones (JSON) and hands out layer blobs as byte streams.
// A plain tar is indexed once and its members read as byte ranges; a compressed one is
// streamed: small members are kept in memory during the first pass, layers read in a second.
class ArchiveSource
{
public:
    enum class Kind
    {
        PlainTar,
        CompressedTar,
        Directory
    };

    // `cancel` is polled while a tar is scanned (a compressed one is read to its end).
    static std::unique_ptr<ArchiveSource> open(const QString &path, Error *error,
                                               const std::atomic_bool *cancel = nullptr);

    Kind kind() const { return m_kind; }
    QString path() const { return m_path; }
    QString outerCompression() const { return m_outerCompression; }
    const std::vector<ArchiveMember> &members() const { return m_members; }
    // Set when the archive ends early or is corrupt after some members: those stay readable.
    const Error &damage() const { return m_damage; }

    // A member by name (normalized as above), or null.
    const ArchiveMember *find(std::string_view name) const;
    // Follows symlinks and hardlinks inside the archive (podman's `<id>/layer.tar` links to
    // `../<digest>.tar`) to a regular file; null when the chain leaves the archive, loops or
    // ends nowhere.
    const ArchiveMember *resolve(std::string_view name) const;

    // The content of a small member (manifests, configs). Fails above maxBytes.
    QByteArray read(const ArchiveMember &member, qint64 maxBytes, Error *error) const;

    bool canSeek() const { return m_kind != Kind::CompressedTar; }
    // A stream over a member's data, when canSeek().
    std::unique_ptr<ByteSource> openMember(const ArchiveMember &member, Error *error) const;
    // For any kind: calls `fn` for each member named in `wanted`, in archive order (one pass
    // for a compressed archive). `fn` returns false to stop early.
    bool streamMembers(const std::vector<const ArchiveMember *> &wanted,
                       const std::function<bool(const ArchiveMember &, ByteSource &)> &fn,
                       Error *error) const;

    static std::string normalizeName(std::string_view name);

private:
    ArchiveSource() = default;
    bool scanTar(Error *error, const std::atomic_bool *cancel);
    bool scanDirectory(Error *error);
    std::unique_ptr<ByteSource> openSparseMember(const ArchiveMember &member, Error *error) const;
    Error fail(Error::Kind kind, const QString &message, const QString &member = {}) const;

    Kind m_kind = Kind::PlainTar;
    QString m_path;
    QString m_outerCompression;
    std::vector<ArchiveMember> m_members;
    Error m_damage;
    std::unordered_map<std::string, size_t> m_byName;
    QHash<QByteArray, QByteArray> m_smallContent; // compressed archives: JSON-like members
};

} // namespace strata

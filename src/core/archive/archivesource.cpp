#include "archive/archivesource.h"

#include "common/paths.h"

#include <archive.h>
#include <archive_entry.h>

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <filesystem>
#include <sys/stat.h>

namespace strata {

namespace {
// Members of a compressed archive kept in memory during the scan: anything that could be a
// manifest, index or config. Layers are never this small *and* JSON.
constexpr qint64 kSmallMemberLimit = qint64(8) << 20;
constexpr qint64 kSmallTotalLimit = qint64(256) << 20;
constexpr int kMaxLinkDepth = 16;
constexpr size_t kMaxMembers = 1'000'000;

bool looksLikeMetadata(std::string_view name, char firstByte)
{
    return firstByte == '{' || firstByte == '[' || firstByte == 'n' // "null" manifests too
           || name.ends_with("json") || name == "repositories" || name == "oci-layout" ||
           name.ends_with("/VERSION");
}

std::string joinRelative(std::string_view dir, std::string_view target)
{
    std::string joined = target.starts_with('/') ? std::string(target)
                                                 : std::string(dir) + "/" + std::string(target);
    return joined;
}
} // namespace

namespace {
// A named pipe would block the read forever, a device give endless bytes: neither is an image.
QString notAFile(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0 || S_ISREG(st.st_mode))
        return {};
    if (S_ISFIFO(st.st_mode))
        return QStringLiteral("is a named pipe (FIFO), not a file");
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        return QStringLiteral("is a device, not a file");
    if (S_ISSOCK(st.st_mode))
        return QStringLiteral("is a socket, not a file");
    return QStringLiteral("is not a regular file");
}

// A size of 0 is not always empty: /proc's files report 0 and still have content.
bool isEmptyFile(const QString &path)
{
    QFile file(path);
    char byte;
    return file.open(QIODevice::ReadOnly) && file.read(&byte, 1) == 0;
}
} // namespace

std::string ArchiveSource::normalizeName(std::string_view name)
{
    // A name escaping the top comes back starting with "../" and never matches a member.
    std::string result;
    if (!cleanPath(name, &result))
        result.insert(0, "../");
    return result;
}

Error ArchiveSource::fail(Error::Kind kind, const QString &message, const QString &member) const
{
    return Error::make(kind, m_path, message, member);
}

std::unique_ptr<ArchiveSource> ArchiveSource::open(const QString &path, Error *error,
                                                   const std::atomic_bool *cancel)
{
    std::unique_ptr<ArchiveSource> source(new ArchiveSource);
    source->m_path = path;
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = source->fail(Error::Kind::NotFound, QStringLiteral("no such file or directory"));
        return nullptr;
    }
    if (info.isDir()) {
        if (!info.isReadable() || !info.isExecutable()) {
            *error = source->fail(Error::Kind::NotFound,
                                  QStringLiteral("the folder cannot be read (permission denied)"));
            return nullptr;
        }
        source->m_kind = Kind::Directory;
        if (!source->scanDirectory(error))
            return nullptr;
        return source;
    }
    if (!info.isReadable()) {
        *error = source->fail(Error::Kind::NotFound,
                              QStringLiteral("cannot be read (permission denied)"));
        return nullptr;
    }
    if (const QString what = notAFile(path); !what.isEmpty()) {
        *error = source->fail(Error::Kind::NotAnArchive, what);
        return nullptr;
    }
    if (info.size() == 0) {
        *error = source->fail(Error::Kind::NotAnArchive,
                              isEmptyFile(path)
                                  ? QStringLiteral("the file is empty")
                                  : QStringLiteral("says it is empty but has content (a special "
                                                   "file, like those in /proc): not an archive"));
        return nullptr;
    }
    if (!source->scanTar(error, cancel))
        return nullptr;
    return source;
}

bool ArchiveSource::scanTar(Error *error, const std::atomic_bool *cancel)
{
    FileRangeSource file(m_path, 0, -1);
    if (!file.isOpen()) {
        *error = fail(Error::Kind::NotFound, file.errorString());
        return false;
    }
    QString openError;
    struct archive *a = openArchiveReader(&file, &openError);
    if (!a) {
        *error = fail(Error::Kind::NotAnArchive,
                      QStringLiteral("not a tar archive (plain or compressed): ") + openError);
        return false;
    }
    const int filters = archive_filter_count(a);
    m_kind = filters > 1 ? Kind::CompressedTar : Kind::PlainTar;
    if (filters > 1)
        m_outerCompression = QString::fromUtf8(archive_filter_name(a, 0));

    qint64 smallTotal = 0;
    struct archive_entry *entry = nullptr;
    int status;
    size_t entryIndex = 0;
    while ((status = archive_read_next_header(a, &entry)) == ARCHIVE_OK ||
           (status == ARCHIVE_WARN && isCharsetWarning(a))) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            *error = fail(Error::Kind::Cancelled, QStringLiteral("opening was cancelled"));
            archive_read_free(a);
            return false;
        }
        if (m_members.size() >= kMaxMembers) {
            *error = fail(Error::Kind::LimitExceeded,
                          QStringLiteral("more than %1 members").arg(kMaxMembers));
            archive_read_free(a);
            return false;
        }
        ArchiveMember m;
        const char *rawName = archive_entry_pathname(entry);
        m.name = normalizeName(rawName ? rawName : "");
        m.size = archive_entry_size(entry);
        if (const char *hard = archive_entry_hardlink(entry)) {
            m.type = ArchiveMember::Hardlink;
            m.linkTarget = hard;
        } else {
            switch (archive_entry_filetype(entry)) {
            case AE_IFREG:
                m.type = ArchiveMember::File;
                break;
            case AE_IFDIR:
                m.type = ArchiveMember::Directory;
                break;
            case AE_IFLNK:
                m.type = ArchiveMember::Symlink;
                m.linkTarget = archive_entry_symlink(entry) ? archive_entry_symlink(entry) : "";
                break;
            default:
                m.type = ArchiveMember::Other;
                break;
            }
        }
        m.ordinal = entryIndex++;
        // A sparse member's data is not one range of the file: it is read through libarchive.
        m.sparse = archive_entry_sparse_count(entry) > 0;
        if (m_kind == Kind::PlainTar && m.type == ArchiveMember::File && !m.sparse)
            m.offset = archive_filter_bytes(a, 0);

        if (m_kind == Kind::CompressedTar && m.type == ArchiveMember::File &&
            m.size <= kSmallMemberLimit && smallTotal + m.size <= kSmallTotalLimit) {
            QByteArray data;
            data.resize(m.size);
            const la_ssize_t got = m.size ? archive_read_data(a, data.data(), size_t(m.size)) : 0;
            if (got != m.size) {
                m_damage = fail(Error::Kind::Io,
                                QStringLiteral("the archive is damaged or truncated: ") +
                                    QString::fromUtf8(archive_error_string(a)),
                                QString::fromStdString(m.name));
                break;
            }
            if (looksLikeMetadata(m.name, data.isEmpty() ? '\0' : data.at(0))) {
                m_smallContent.insert(QByteArray::fromStdString(m.name), data);
                smallTotal += m.size;
            }
        }
        if (!m.name.empty() && !m.name.starts_with("../")) {
            m_byName[m.name] = m_members.size(); // a later member of the same name wins
            m_members.push_back(std::move(m));
        }
    }
    if (status != ARCHIVE_EOF && !m_damage) {
        const QString why = QString::fromUtf8(archive_error_string(a));
        if (m_members.empty()) {
            *error = fail(Error::Kind::NotAnArchive, QStringLiteral("not a tar archive: ") + why);
            archive_read_free(a);
            return false;
        }
        // What was read before the damage stays usable: the image may still be whole if
        // only a layer near the end is cut.
        m_damage =
            fail(Error::Kind::Io, QStringLiteral("the archive is damaged or truncated: ") + why);
    }
    archive_read_free(a);
    if (m_members.empty()) {
        *error = fail(Error::Kind::NotAnImage, QStringLiteral("the archive is empty"));
        return false;
    }
    return true;
}

bool ArchiveSource::scanDirectory(Error *error)
{
    const QString root = QFileInfo(m_path).absoluteFilePath();
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString full = it.next();
        if (m_members.size() >= kMaxMembers) {
            *error = fail(Error::Kind::LimitExceeded,
                          QStringLiteral("more than %1 files").arg(kMaxMembers));
            return false;
        }
        const QFileInfo fi = it.fileInfo();
        if (fi.isDir() && !fi.isSymLink() && (!fi.isReadable() || !fi.isExecutable()) && !m_damage)
            m_damage = fail(Error::Kind::Io,
                            QStringLiteral("the folder cannot be read (permission denied)"),
                            full.mid(root.size() + 1));
        ArchiveMember m;
        m.name = normalizeName(QFile::encodeName(full.mid(root.size() + 1)).toStdString());
        if (fi.isSymLink()) {
            m.type = ArchiveMember::Symlink;
            std::error_code ec;
            m.linkTarget =
                std::filesystem::read_symlink(QFile::encodeName(full).toStdString(), ec).string();
        } else if (fi.isDir()) {
            m.type = ArchiveMember::Directory;
        } else if (fi.isFile()) {
            m.type = ArchiveMember::File;
            m.size = fi.size();
        } else {
            m.type = ArchiveMember::Other;
        }
        m_byName[m.name] = m_members.size();
        m_members.push_back(std::move(m));
    }
    if (m_members.empty()) {
        *error = fail(Error::Kind::NotAnImage, QStringLiteral("the directory is empty"));
        return false;
    }
    return true;
}

const ArchiveMember *ArchiveSource::find(std::string_view name) const
{
    const auto it = m_byName.find(normalizeName(name));
    return it == m_byName.end() ? nullptr : &m_members[it->second];
}

const ArchiveMember *ArchiveSource::resolve(std::string_view name) const
{
    const ArchiveMember *m = find(name);
    for (int depth = 0; m && depth < kMaxLinkDepth; ++depth) {
        if (m->type == ArchiveMember::File)
            return m;
        if (m->type == ArchiveMember::Symlink) {
            const std::string_view self = m->name;
            const size_t slash = self.rfind('/');
            const std::string dir(slash == std::string_view::npos ? "" : self.substr(0, slash));
            std::string target = joinRelative(dir, m->linkTarget);
            // Absolute targets in a directory image point at the real file system; only the
            // part inside the image counts.
            if (m_kind == Kind::Directory && m->linkTarget.starts_with('/')) {
                const std::string root =
                    QFile::encodeName(QFileInfo(m_path).absoluteFilePath()).toStdString();
                if (!m->linkTarget.starts_with(root + "/"))
                    return nullptr;
                target = m->linkTarget.substr(root.size() + 1);
            }
            m = find(target);
        } else if (m->type == ArchiveMember::Hardlink) {
            m = find(m->linkTarget);
        } else {
            return nullptr;
        }
    }
    return m && m->type == ArchiveMember::File ? m : nullptr;
}

QByteArray ArchiveSource::read(const ArchiveMember &member, qint64 maxBytes, Error *error) const
{
    const QString name = QString::fromStdString(member.name);
    if (member.size > maxBytes) {
        *error = fail(Error::Kind::LimitExceeded,
                      QStringLiteral("is %1 bytes, more than the %2 allowed for metadata")
                          .arg(member.size)
                          .arg(maxBytes),
                      name);
        return {};
    }
    if (m_kind == Kind::CompressedTar) {
        const auto it = m_smallContent.constFind(QByteArray::fromStdString(member.name));
        if (it != m_smallContent.constEnd())
            return it.value();
        *error = fail(Error::Kind::MalformedJson, QStringLiteral("is not a metadata file"), name);
        return {};
    }
    auto stream = openMember(member, error);
    if (!stream)
        return {};
    QByteArray data;
    data.resize(member.size);
    qint64 done = 0;
    while (done < member.size) {
        const qint64 got = stream->read(data.data() + done, member.size - done);
        if (got <= 0) {
            *error = fail(Error::Kind::Io,
                          QStringLiteral("cannot be read: the archive is truncated"), name);
            return {};
        }
        done += got;
    }
    return data;
}

std::unique_ptr<ByteSource> ArchiveSource::openMember(const ArchiveMember &member,
                                                      Error *error) const
{
    std::unique_ptr<FileRangeSource> source;
    if (m_kind == Kind::Directory) {
        const QString file = QFileInfo(m_path).absoluteFilePath() + QLatin1Char('/') +
                             QFile::decodeName(QByteArray::fromStdString(member.name));
        source = std::make_unique<FileRangeSource>(file, 0, -1);
    } else if (m_kind == Kind::PlainTar && member.sparse) {
        return openSparseMember(member, error);
    } else if (m_kind == Kind::PlainTar && member.offset >= 0) {
        struct stat st;
        const bool truncated = ::stat(QFile::encodeName(m_path).constData(), &st) != 0 ||
                               member.offset + member.size > st.st_size;
        if (truncated) {
            *error =
                fail(Error::Kind::Io, QStringLiteral("the archive is truncated inside this member"),
                     QString::fromStdString(member.name));
            return nullptr;
        }
        source = std::make_unique<FileRangeSource>(m_path, member.offset, member.size);
    } else {
        *error = fail(Error::Kind::Io, QStringLiteral("cannot be read directly"),
                      QString::fromStdString(member.name));
        return nullptr;
    }
    if (!source->isOpen()) {
        *error = fail(Error::Kind::Io, source->errorString(), QString::fromStdString(member.name));
        return nullptr;
    }
    return source;
}

namespace {
// The data of one member of a tar, read through libarchive from the start of the file: what
// a sparse member (holes and all) really holds.
class MemberDataSource final : public ByteSource
{
public:
    MemberDataSource(const QString &path, size_t ordinal, qint64 size)
        : m_file(path, 0, -1), m_size(size)
    {
        QString openError;
        m_archive = openArchiveReader(&m_file, &openError);
        struct archive_entry *entry = nullptr;
        for (size_t i = 0; m_archive && i <= ordinal; ++i) {
            if (archive_read_next_header(m_archive, &entry) != ARCHIVE_OK) {
                archive_read_free(m_archive);
                m_archive = nullptr;
            }
        }
        if (!m_archive)
            m_error = openError.isEmpty() ? QStringLiteral("the member cannot be found again")
                                          : openError;
    }
    ~MemberDataSource() override
    {
        if (m_archive)
            archive_read_free(m_archive);
    }
    bool isOpen() const { return m_archive != nullptr; }
    qint64 read(char *buffer, qint64 max) override
    {
        const la_ssize_t got = archive_read_data(m_archive, buffer, size_t(max));
        if (got < 0) {
            m_error = QString::fromUtf8(archive_error_string(m_archive));
            return -1;
        }
        m_position += got;
        return got;
    }
    qint64 size() const override { return m_size; }

private:
    FileRangeSource m_file;
    qint64 m_size;
    struct archive *m_archive = nullptr;
};
} // namespace

std::unique_ptr<ByteSource> ArchiveSource::openSparseMember(const ArchiveMember &member,
                                                            Error *error) const
{
    auto source = std::make_unique<MemberDataSource>(m_path, member.ordinal, member.size);
    if (!source->isOpen()) {
        *error = fail(Error::Kind::Io, source->errorString(), QString::fromStdString(member.name));
        return nullptr;
    }
    return source;
}

bool ArchiveSource::streamMembers(
    const std::vector<const ArchiveMember *> &wanted,
    const std::function<bool(const ArchiveMember &, ByteSource &)> &fn, Error *error) const
{
    if (canSeek()) {
        for (const ArchiveMember *m : wanted) {
            auto stream = openMember(*m, error);
            if (!stream || !fn(*m, *stream))
                return false;
        }
        return true;
    }
    FileRangeSource file(m_path, 0, -1);
    QString openError;
    struct archive *a = openArchiveReader(&file, &openError);
    if (!a) {
        *error = fail(Error::Kind::Io, openError);
        return false;
    }
    std::unordered_map<std::string, const ArchiveMember *> pending;
    for (const ArchiveMember *m : wanted)
        pending.emplace(m->name, m);
    struct archive_entry *entry = nullptr;
    bool ok = true;
    while (!pending.empty()) {
        const int status = archive_read_next_header(a, &entry);
        if (status != ARCHIVE_OK && !(status == ARCHIVE_WARN && isCharsetWarning(a))) {
            *error = fail(Error::Kind::Io, QStringLiteral("the archive is damaged or truncated: ") +
                                               QString::fromUtf8(archive_error_string(a)));
            ok = false;
            break;
        }
        const auto it = pending.find(
            normalizeName(archive_entry_pathname(entry) ? archive_entry_pathname(entry) : ""));
        if (it == pending.end() || archive_entry_filetype(entry) != AE_IFREG)
            continue;
        ArchiveDataSource data(a, archive_entry_size(entry));
        const ArchiveMember *member = it->second;
        pending.erase(it);
        if (!fn(*member, data)) {
            ok = false;
            break;
        }
    }
    archive_read_free(a);
    return ok;
}

} // namespace strata

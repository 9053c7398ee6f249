#include "extract/exportdestination.h"

#include <QDir>
#include <QFileInfo>

#include <archive.h>
#include <archive_entry.h>

#include <unistd.h>

namespace strata {

ExportDestination::ExportDestination(Kind kind, QString location, struct archive *writer,
                                     const QString &root)
    : m_kind(kind), m_location(std::move(location)), m_writer(writer),
      m_root(QFile::encodeName(root))
{
}

ExportDestination::~ExportDestination()
{
    if (m_writer)
        archive_write_free(m_writer);
}

std::unique_ptr<ExportDestination> ExportDestination::tarFile(const QString &path, bool replace,
                                                              Error *error)
{
    *error = {};
    const bool toStdout = path == QLatin1String("-");
    if (!toStdout && !replace && QFileInfo::exists(path)) {
        *error = Error::make(Error::Kind::Io, path,
                             QStringLiteral("already exists; it is not overwritten"));
        return nullptr;
    }
    struct archive *writer = archive_write_new();
    archive_write_set_format_pax_restricted(writer);
    const int status =
        toStdout ? archive_write_open_fd(writer, STDOUT_FILENO)
                 : archive_write_open_filename(writer, QFile::encodeName(path).constData());
    if (status != ARCHIVE_OK) {
        *error =
            Error::make(Error::Kind::Io, path, QString::fromUtf8(archive_error_string(writer)));
        archive_write_free(writer);
        return nullptr;
    }
    return std::unique_ptr<ExportDestination>(
        new ExportDestination(Kind::Tar, path, writer, QString()));
}

std::unique_ptr<ExportDestination> ExportDestination::folder(const QString &path, Error *error)
{
    *error = {};
    const QFileInfo info(path);
    if (info.exists() || info.isSymLink()) {
        if (!info.isDir() || info.isSymLink() ||
            !QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden |
                                QDir::System)) {
            *error = Error::make(Error::Kind::Io, path,
                                 QStringLiteral("already exists and is not an empty folder; "
                                                "nothing is written into it"));
            return nullptr;
        }
    } else if (!QDir().mkpath(path)) {
        *error = Error::make(Error::Kind::Io, path, QStringLiteral("cannot be created"));
        return nullptr;
    }
    // The folder's own path may pass through symlinks (a home on another disk): canonical,
    // so that the check against symlinks below only ever meets the ones the export writes.
    const QString root = QFileInfo(path).canonicalFilePath();
    struct archive *writer = archive_write_disk_new();
    archive_write_disk_set_options(writer, ARCHIVE_EXTRACT_PERM | ARCHIVE_EXTRACT_TIME |
                                               ARCHIVE_EXTRACT_SECURE_SYMLINKS |
                                               ARCHIVE_EXTRACT_SECURE_NODOTDOT);
    return std::unique_ptr<ExportDestination>(
        new ExportDestination(Kind::Folder, path, writer, root + QLatin1Char('/')));
}

bool ExportDestination::fail()
{
    if (!m_error)
        m_error = Error::make(Error::Kind::Io, m_location,
                              QString::fromUtf8(archive_error_string(m_writer)));
    return false;
}

bool ExportDestination::writeHeader(archive_entry *entry)
{
    if (m_error)
        return false;
    if (m_kind == Kind::Folder) {
        const std::string name = archive_entry_pathname(entry);
        // Names come from a merged tree (clean, relative); anything else is refused here too.
        if (name.empty() || name.front() == '/') {
            m_error = Error::make(Error::Kind::Io, m_location,
                                  QStringLiteral("refused to write \"%1\" outside the folder")
                                      .arg(QString::fromStdString(name)));
            return false;
        }
        archive_entry_set_pathname(entry, QByteArray(m_root + name.c_str()).constData());
        if (const char *target = archive_entry_hardlink(entry))
            archive_entry_set_hardlink(entry, QByteArray(m_root + target).constData());
    }
    // A folder refuses an entry it would have to write through a symlink: libarchive's
    // message names it, and the export stops there.
    const int status = archive_write_header(m_writer, entry);
    return status == ARCHIVE_OK || status == ARCHIVE_WARN || fail();
}

bool ExportDestination::writeData(const char *data, size_t size)
{
    while (size > 0) {
        const la_ssize_t written = archive_write_data(m_writer, data, size);
        if (written <= 0)
            return fail();
        data += written;
        size -= size_t(written);
    }
    return true;
}

bool ExportDestination::finish(Error *error)
{
    if (archive_write_close(m_writer) != ARCHIVE_OK)
        fail();
    *error = m_error;
    return !m_error;
}

} // namespace strata

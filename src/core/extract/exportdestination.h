#pragma once

#include "common/error.h"

#include <QString>

#include <memory>

struct archive;
struct archive_entry;

namespace strata {

// Where an export goes, written by libarchive either way: a tar file (pax, so long names,
// owners, xattrs and modes are kept exactly) or a folder on disk. A folder is written the
// way a careful `tar -x` does it: every entry lands inside the folder whatever its name or
// link target says, no symlink on disk is followed, owners stay the user's, and device nodes
// are left out (the caller counts them: only a tar can hold them).
class ExportDestination
{
public:
    enum class Kind
    {
        Tar,
        Folder
    };

    ~ExportDestination();
    ExportDestination(const ExportDestination &) = delete;
    ExportDestination &operator=(const ExportDestination &) = delete;

    // A tar at `path`, or standard output for "-". An existing file is kept and refused
    // unless `replace` (the user was asked).
    static std::unique_ptr<ExportDestination> tarFile(const QString &path, bool replace,
                                                      Error *error);
    // A folder that does not exist yet (it is made) or is empty.
    static std::unique_ptr<ExportDestination> folder(const QString &path, Error *error);

    Kind kind() const { return m_kind; }
    const QString &location() const { return m_location; }

    // `entry`'s pathname (and a hardlink's target) relative to the export's root; a folder
    // places both inside itself. False with error() set when it cannot be written.
    bool writeHeader(archive_entry *entry);
    bool writeData(const char *data, size_t size);
    // Completes the tar or the folder's modes and times; false with *error on failure.
    bool finish(Error *error);
    const Error &error() const { return m_error; }

private:
    ExportDestination(Kind kind, QString location, struct archive *writer, const QString &root);
    bool fail();

    Kind m_kind;
    QString m_location;
    struct archive *m_writer = nullptr;
    QByteArray m_root; // a folder's canonical path with a trailing slash
    Error m_error;
};

} // namespace strata

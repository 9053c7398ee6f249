#include "imagewriter/libarchivewriter.h"
#include "imagewriter/member.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <archive_entry.h>

#include <algorithm>
#include <sys/stat.h>
#include <unistd.h>

namespace strata::imagewriter::detail {

void sortInWalkOrder(Members &members)
{
    // Comparing component by component puts "a" and "a/x" before "a.json", as a walk does.
    std::stable_sort(members.begin(), members.end(), [](const Member &l, const Member &r) {
        const QStringList a = l.path.split(u'/');
        const QStringList b = r.path.split(u'/');
        return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
    });
}

bool writeMembersToTar(const QString &path, const Members &members, Compression outer,
                       QString *error)
{
    const Utf8LocaleScope utf8;
    ArchiveWriter a = newArchiveWriter();
    if (archive_write_set_format_pax_restricted(a.get()) != ARCHIVE_OK ||
        !addFilter(a.get(), outer, error)) {
        if (error && error->isEmpty())
            *error = archiveError(a.get(), "cannot set up the archive writer");
        return false;
    }
    if (archive_write_open_filename(a.get(), QFile::encodeName(path).constData()) != ARCHIVE_OK) {
        if (error)
            *error = archiveError(a.get(), "cannot create the archive");
        return false;
    }
    ArchiveEntry ae(archive_entry_new2(a.get()));
    for (const Member &m : members) {
        archive_entry_clear(ae.get());
        archive_entry_set_pathname_utf8(ae.get(), m.path.toUtf8().constData());
        archive_entry_set_perm(ae.get(), static_cast<mode_t>(m.mode));
        archive_entry_set_mtime(ae.get(), static_cast<time_t>(m.mtime), 0);
        switch (m.kind) {
        case Member::Kind::File:
            archive_entry_set_filetype(ae.get(), AE_IFREG);
            archive_entry_set_size(ae.get(), m.content.size());
            break;
        case Member::Kind::Dir:
            archive_entry_set_filetype(ae.get(), AE_IFDIR);
            break;
        case Member::Kind::Symlink:
            archive_entry_set_filetype(ae.get(), AE_IFLNK);
            archive_entry_set_symlink_utf8(ae.get(), m.linkTarget.toUtf8().constData());
            break;
        }
        if (archive_write_header(a.get(), ae.get()) != ARCHIVE_OK ||
            (!m.content.isEmpty() &&
             archive_write_data(a.get(), m.content.constData(),
                                static_cast<size_t>(m.content.size())) != m.content.size())) {
            if (error)
                *error = archiveError(a.get(), "cannot write ") + m.path;
            return false;
        }
    }
    if (archive_write_close(a.get()) != ARCHIVE_OK) {
        if (error)
            *error = archiveError(a.get(), "cannot finish the archive");
        return false;
    }
    return true;
}

bool writeMembersToDirectory(const QString &path, const Members &members, QString *error)
{
    const QDir root(path);
    if (!root.mkpath(QStringLiteral("."))) {
        if (error)
            *error = QStringLiteral("cannot create the directory ") + path;
        return false;
    }
    for (const Member &m : members) {
        const QString target = root.filePath(m.path);
        const QByteArray native = QFile::encodeName(target);
        bool ok = root.mkpath(QFileInfo(target).path());
        switch (m.kind) {
        case Member::Kind::Dir:
            ok = ok && root.mkpath(m.path);
            break;
        case Member::Kind::Symlink:
            QFile::remove(target);
            ok = ok && ::symlink(m.linkTarget.toUtf8().constData(), native.constData()) == 0;
            break;
        case Member::Kind::File: {
            QFile::remove(target); // an earlier read-only copy would refuse to open
            QFile f(target);
            ok = ok && f.open(QIODevice::WriteOnly) && f.write(m.content) == m.content.size();
            break;
        }
        }
        if (ok && m.kind != Member::Kind::Symlink)
            ok = ::chmod(native.constData(), static_cast<mode_t>(m.mode)) == 0;
        if (!ok) {
            if (error)
                *error = QStringLiteral("cannot write ") + target;
            return false;
        }
    }
    return true;
}

} // namespace strata::imagewriter::detail

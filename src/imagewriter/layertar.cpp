#include "imagewriter/digest.h"
#include "imagewriter/imagewriter.h"
#include "imagewriter/libarchivewriter.h"

#include <archive_entry.h>

namespace strata::imagewriter {

using namespace detail;

namespace {

mode_t fileTypeOf(Entry::Type type)
{
    switch (type) {
    case Entry::Type::Dir:
        return AE_IFDIR;
    case Entry::Type::Symlink:
        return AE_IFLNK;
    case Entry::Type::Fifo:
        return AE_IFIFO;
    case Entry::Type::CharDevice:
        return AE_IFCHR;
    case Entry::Type::File:
    case Entry::Type::Hardlink:
        break;
    }
    return AE_IFREG;
}

void describe(archive_entry *ae, const Entry &e)
{
    archive_entry_set_pathname_utf8(ae, e.path.c_str());
    archive_entry_set_filetype(ae, fileTypeOf(e.type));
    archive_entry_set_perm(ae, static_cast<mode_t>(e.mode & 07777));
    archive_entry_set_uid(ae, e.uid);
    archive_entry_set_gid(ae, e.gid);
    archive_entry_set_mtime(ae, static_cast<time_t>(e.mtime), 0);
    archive_entry_set_size(ae, e.type == Entry::Type::File ? e.content.size() : 0);
    if (e.type == Entry::Type::Symlink)
        archive_entry_set_symlink_utf8(ae, e.linkTarget.c_str());
    if (e.type == Entry::Type::Hardlink)
        archive_entry_set_hardlink_utf8(ae, e.linkTarget.c_str());
    if (e.type == Entry::Type::CharDevice) {
        archive_entry_set_rdevmajor(ae, e.devMajor);
        archive_entry_set_rdevminor(ae, e.devMinor);
    }
}

} // namespace

QByteArray layerTar(const Layer &layer, QString *error)
{
    const Utf8LocaleScope utf8;
    QByteArray out;
    ArchiveWriter a = newArchiveWriter();
    // PAX only where ustar cannot hold a member (long or non-ASCII names, big ids), which is
    // what Go's archive/tar in Docker, buildkit and containers/image does too.
    if (archive_write_set_format_pax_restricted(a.get()) != ARCHIVE_OK ||
        !openToByteArray(a.get(), &out, error)) {
        if (error && error->isEmpty())
            *error = archiveError(a.get(), "cannot set up the layer writer");
        return {};
    }
    ArchiveEntry ae(archive_entry_new2(a.get()));
    for (const Entry &e : layer.entries) {
        archive_entry_clear(ae.get());
        describe(ae.get(), e);
        if (archive_write_header(a.get(), ae.get()) < ARCHIVE_WARN) {
            if (error)
                *error = archiveError(a.get(), "cannot write a layer entry") +
                         QStringLiteral(" (") + QString::fromStdString(e.path) + u')';
            return {};
        }
        if (e.type == Entry::Type::File && !e.content.isEmpty() &&
            archive_write_data(a.get(), e.content.constData(),
                               static_cast<size_t>(e.content.size())) != e.content.size()) {
            if (error)
                *error = archiveError(a.get(), "cannot write layer data");
            return {};
        }
    }
    if (archive_write_close(a.get()) != ARCHIVE_OK) {
        if (error)
            *error = archiveError(a.get(), "cannot finish the layer");
        return {};
    }
    return out;
}

QString diffId(const Layer &layer)
{
    return sha256Digest(layerTar(layer));
}

QByteArray compress(const QByteArray &data, Compression compression, QString *error)
{
    if (compression == Compression::None)
        return data;
    QByteArray out;
    ArchiveWriter a = newArchiveWriter();
    // The "raw" format writes one member's bytes with no framing: only the filter remains.
    if (archive_write_set_format_raw(a.get()) != ARCHIVE_OK ||
        !addFilter(a.get(), compression, error) || !openToByteArray(a.get(), &out, error)) {
        if (error && error->isEmpty())
            *error = archiveError(a.get(), "cannot set up compression");
        return {};
    }
    ArchiveEntry ae(archive_entry_new2(a.get()));
    archive_entry_set_pathname(ae.get(), "blob");
    archive_entry_set_filetype(ae.get(), AE_IFREG);
    archive_entry_set_size(ae.get(), data.size());
    if (archive_write_header(a.get(), ae.get()) != ARCHIVE_OK ||
        (!data.isEmpty() && archive_write_data(a.get(), data.constData(),
                                               static_cast<size_t>(data.size())) != data.size()) ||
        archive_write_close(a.get()) != ARCHIVE_OK) {
        if (error)
            *error = archiveError(a.get(), "cannot compress");
        return {};
    }
    return out;
}

} // namespace strata::imagewriter

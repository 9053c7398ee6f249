#include "imagewriter/libarchivewriter.h"

#include <archive_entry.h>

namespace strata::imagewriter::detail {

void ArchiveEntryFree::operator()(archive_entry *e) const
{
    archive_entry_free(e);
}

Utf8LocaleScope::Utf8LocaleScope() : m_utf8(newlocale(LC_ALL_MASK, "C.UTF-8", nullptr))
{
    if (m_utf8)
        m_previous = uselocale(m_utf8);
}

Utf8LocaleScope::~Utf8LocaleScope()
{
    if (m_utf8) {
        uselocale(m_previous);
        freelocale(m_utf8);
    }
}

ArchiveWriter newArchiveWriter()
{
    ArchiveWriter a(archive_write_new());
    // One byte per "last block" means no padding after the end-of-archive marker.
    archive_write_set_bytes_in_last_block(a.get(), 1);
    return a;
}

QString archiveError(archive *a, const char *what)
{
    const char *message = archive_error_string(a);
    return QString::fromUtf8(what) + QStringLiteral(": ") +
           (message ? QString::fromUtf8(message) : QStringLiteral("libarchive error"));
}

bool addFilter(archive *a, Compression compression, QString *error)
{
    int rc = ARCHIVE_OK;
    switch (compression) {
    case Compression::None:
        return true;
    case Compression::Gzip:
        rc = archive_write_add_filter_gzip(a);
        // The gzip header would otherwise hold the current time.
        if (rc == ARCHIVE_OK)
            rc = archive_write_set_filter_option(a, "gzip", "timestamp", nullptr);
        break;
    case Compression::Zstd:
        rc = archive_write_add_filter_zstd(a);
        break;
    case Compression::Xz:
        rc = archive_write_add_filter_xz(a);
        break;
    }
    if (rc != ARCHIVE_OK) {
        if (error)
            *error = archiveError(a, "cannot set up compression");
        return false;
    }
    return true;
}

namespace {

la_ssize_t appendToByteArray(archive *, void *clientData, const void *buffer, size_t length)
{
    static_cast<QByteArray *>(clientData)
        ->append(static_cast<const char *>(buffer), static_cast<qsizetype>(length));
    return static_cast<la_ssize_t>(length);
}

} // namespace

bool openToByteArray(archive *a, QByteArray *out, QString *error)
{
    if (archive_write_open2(a, out, nullptr, appendToByteArray, nullptr, nullptr) != ARCHIVE_OK) {
        if (error)
            *error = archiveError(a, "cannot open the archive writer");
        return false;
    }
    return true;
}

} // namespace strata::imagewriter::detail

#pragma once

// Small shared pieces for driving libarchive's writer: ownership, filters, output to memory.

#include "imagewriter/imagewriter.h"

#include <archive.h>

#include <locale.h>
#include <memory>

namespace strata::imagewriter::detail {

struct ArchiveWriteFree
{
    void operator()(archive *a) const { archive_write_free(a); }
};
using ArchiveWriter = std::unique_ptr<archive, ArchiveWriteFree>;

struct ArchiveEntryFree
{
    void operator()(archive_entry *e) const;
};
using ArchiveEntry = std::unique_ptr<archive_entry, ArchiveEntryFree>;

// A writer whose output is neither padded to 10240-byte blocks nor stamped with the time,
// like Go's archive/tar and compress/gzip that Docker and containers/image use.
ArchiveWriter newArchiveWriter();

// Adds the compression filter (nothing for None).
bool addFilter(archive *a, Compression compression, QString *error);

// Directs the writer's output to `out`, which must outlive archive_write_close().
bool openToByteArray(archive *a, QByteArray *out, QString *error);

QString archiveError(archive *a, const char *what);

// Makes this thread use the C.UTF-8 locale while it lives. libarchive converts UTF-8 names
// through the current locale: under "C" it cannot (and 3.6 crashes writing a PAX header for a
// non-ASCII name), and under other locales the bytes would differ. Create it before the
// archive object, which caches the locale's charset.
class Utf8LocaleScope
{
public:
    Utf8LocaleScope();
    ~Utf8LocaleScope();
    Utf8LocaleScope(const Utf8LocaleScope &) = delete;
    Utf8LocaleScope &operator=(const Utf8LocaleScope &) = delete;

private:
    locale_t m_utf8 = nullptr;
    locale_t m_previous = nullptr;
};

} // namespace strata::imagewriter::detail

#pragma once

// Small shared pieces for driving libarchive's writer: ownership, filters, output to memory.

#include "imagewriter.h"

#include <archive.h>

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

} // namespace strata::imagewriter::detail

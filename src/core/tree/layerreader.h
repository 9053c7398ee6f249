#pragma once

#include "common/error.h"
#include "tree/filetree.h"

#include <QString>

#include <string>

struct archive;
struct archive_entry;

namespace strata {

class ByteSource;

// One entry of a layer tar, as a reader of file contents sees it.
struct LayerEntry
{
    std::string path; // cleaned and relative to the root ("usr/bin/ls"), as the tree has it
    FileType type = FileType::Regular;
    qint64 size = 0;      // bytes of data (0 but for regular files)
    uint32_t mode = 0;    // permission bits as stored
    std::string hardlink; // a hardlink's target, cleaned like `path`
    std::string symlink;  // a symlink's target, as written
    // Where the entry's header starts in the uncompressed tar: what `dd skip=` or a hex editor
    // needs to find bytes a later layer only hid.
    qint64 headerOffset = 0;
};

// Walks the entries of one layer tar (plain or compressed, sniffed from the bytes) in order
// and reads the data of the current one: for previews, content hashes and extraction. The
// layer's tree comes from indexLayer(), which skips the data; entries whose names escape the
// root are skipped here as the indexer rejects them. `file` and `member` name the layer in
// errors.
class LayerReader
{
public:
    LayerReader(ByteSource &blob, QString file, QString member);
    ~LayerReader();
    LayerReader(const LayerReader &) = delete;
    LayerReader &operator=(const LayerReader &) = delete;

    // The next entry; false at the end (error() stays clear) or when the tar is damaged.
    bool next(LayerEntry *entry);
    // Up to `max` bytes of the current entry's data; 0 at its end, -1 when it cannot be read.
    qint64 read(char *buffer, qint64 max);
    // The current entry's data, its first `maxBytes` at most; false when it cannot be read.
    bool readAll(QByteArray *data, qint64 maxBytes);
    const Error &error() const { return m_error; }
    // The current entry as libarchive read it (xattrs, device numbers, owner names), valid
    // until the next call to next(): what an export copies.
    struct archive_entry *rawEntry() const { return m_entry; }

private:
    void fail(const QString &message);

    struct archive *m_archive = nullptr;
    struct archive_entry *m_entry = nullptr;
    QString m_file;
    QString m_member;
    Error m_error;
};

} // namespace strata

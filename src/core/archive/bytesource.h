#pragma once

#include <QByteArrayView>
#include <QString>

#include <cstring>
#include <QtGlobal>

#include <memory>

struct archive;

namespace strata {

// A stream of bytes libarchive reads a layer (or an outer archive) from: a byte range of a
// file, or the data of a member of an outer archive being streamed. Reading a nested layer as
// a range of the outer file means nothing is ever extracted to disk.
class ByteSource
{
public:
    virtual ~ByteSource() = default;
    // Up to `max` bytes; 0 at the end, -1 on error (errorString() says why).
    virtual qint64 read(char *buffer, qint64 max) = 0;
    // Skips up to `count` bytes without reading them; returns how many were skipped, 0 when
    // this source cannot skip (libarchive then reads and discards).
    virtual qint64 skip(qint64 count)
    {
        Q_UNUSED(count);
        return 0;
    }
    virtual qint64 size() const { return -1; }
    qint64 position() const { return m_position; }
    QString errorString() const { return m_error; }

protected:
    qint64 m_position = 0;
    QString m_error;
};

// [offset, offset + length) of a file, read with pread so several sources can share nothing
// but the path and run on different threads.
class FileRangeSource final : public ByteSource
{
public:
    // length < 0: to the end of the file.
    FileRangeSource(const QString &path, qint64 offset, qint64 length);
    ~FileRangeSource() override;
    bool isOpen() const { return m_fd >= 0; }
    qint64 read(char *buffer, qint64 max) override;
    qint64 skip(qint64 count) override;
    qint64 size() const override { return m_length; }

private:
    int m_fd = -1;
    qint64 m_offset = 0;
    qint64 m_length = 0;
};

// Bytes already in memory (tests, fuzzers, small blobs). Does not copy: `data` must outlive it.
class BufferSource final : public ByteSource
{
public:
    explicit BufferSource(QByteArrayView data) : m_data(data) {}
    qint64 read(char *buffer, qint64 max) override
    {
        const qint64 n = qMin(max, qint64(m_data.size()) - m_position);
        memcpy(buffer, m_data.data() + m_position, size_t(qMax<qint64>(0, n)));
        m_position += qMax<qint64>(0, n);
        return qMax<qint64>(0, n);
    }
    qint64 skip(qint64 count) override
    {
        const qint64 n = qMin(count, qint64(m_data.size()) - m_position);
        m_position += n;
        return n;
    }
    qint64 size() const override { return m_data.size(); }

private:
    QByteArrayView m_data;
};

// The data of the current member of a libarchive reader (which must outlive this source).
class ArchiveDataSource final : public ByteSource
{
public:
    ArchiveDataSource(struct archive *outer, qint64 size) : m_outer(outer), m_size(size) {}
    qint64 read(char *buffer, qint64 max) override;
    qint64 size() const override { return m_size; }

private:
    struct archive *m_outer;
    qint64 m_size;
};

// Lets libarchive decompress gzip, zstd, xz and bzip2, and nothing else: no filter that would
// run an external program. False with *error when one of them is not built in.
bool enableImageFilters(struct archive *a, QString *error);

// libarchive converts names to the charset of the C library's locale (LC_CTYPE) and warns when
// one cannot be: under the C locale, every name beyond ASCII. Called first thing by the
// programs (after Qt has set the locale from the environment): a locale that is not UTF-8 is
// replaced by C.UTF-8 for LC_CTYPE, which changes nothing else.
void useUtf8Names();

// A warning libarchive gave about a name's charset only: the name is then its bytes, as
// stored. Any other warning means a header was read in part and the layer is damaged.
bool isCharsetWarning(struct archive *a);

// Opens a libarchive reader over `source` (tar format, compressed with one of the filters
// above or not, sniffed from the bytes; an empty stream reads as an empty archive). The reader
// borrows `source`. Returns null on failure.
struct archive *openArchiveReader(ByteSource *source, QString *error);

} // namespace strata

#include "archive/bytesource.h"

#include <archive.h>

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <clocale>
#include <cstring>
#include <fcntl.h>
#include <langinfo.h>
#include <sys/stat.h>
#include <unistd.h>

namespace strata {

FileRangeSource::FileRangeSource(const QString &path, qint64 offset, qint64 length)
    : m_offset(offset), m_length(length)
{
    // O_NOFOLLOW is not used: a directory image may legitimately hold symlinked layers; the
    // caller resolves and confines them before opening.
    m_fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0) {
        m_error = QString::fromLocal8Bit(strerror(errno));
        return;
    }
    if (m_length < 0) {
        struct stat st;
        if (fstat(m_fd, &st) == 0)
            m_length = qMax<qint64>(0, st.st_size - m_offset);
    }
}

FileRangeSource::~FileRangeSource()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

qint64 FileRangeSource::read(char *buffer, qint64 max)
{
    const qint64 want = qMin(max, m_length - m_position);
    if (want <= 0)
        return 0;
    for (;;) {
        const ssize_t got = ::pread(m_fd, buffer, size_t(want), m_offset + m_position);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            m_error = QString::fromLocal8Bit(strerror(errno));
            return -1;
        }
        m_position += got;
        return got;
    }
}

qint64 FileRangeSource::skip(qint64 count)
{
    const qint64 step = qMin(count, m_length - m_position);
    m_position += qMax<qint64>(0, step);
    return qMax<qint64>(0, step);
}

qint64 ArchiveDataSource::read(char *buffer, qint64 max)
{
    const la_ssize_t got = archive_read_data(m_outer, buffer, size_t(max));
    if (got < 0) {
        m_error = QString::fromUtf8(archive_error_string(m_outer));
        return -1;
    }
    m_position += got;
    return got;
}

namespace {

struct ReaderClient
{
    ByteSource *source = nullptr;
    // After a skip the next bytes are most likely one tar header and a small file: read a
    // little, and double the size while the reads go on (a compressed stream never skips).
    // Reading 256 KiB every time copied a third of a plain image's data only to skip it.
    static constexpr qint64 kSmallRead = qint64(16) << 10;
    static constexpr qint64 kBufferSize = qint64(256) << 10;
    qint64 nextRead = kBufferSize;
    char buffer[kBufferSize];
};

la_ssize_t readCallback(struct archive *a, void *data, const void **buffer)
{
    auto *client = static_cast<ReaderClient *>(data);
    *buffer = client->buffer;
    const qint64 got = client->source->read(client->buffer, client->nextRead);
    client->nextRead = std::min(client->nextRead * 2, ReaderClient::kBufferSize);
    if (got < 0) {
        archive_set_error(a, EIO, "%s", client->source->errorString().toUtf8().constData());
        return -1;
    }
    return la_ssize_t(got);
}

la_int64_t skipCallback(struct archive *, void *data, la_int64_t request)
{
    auto *client = static_cast<ReaderClient *>(data);
    client->nextRead = ReaderClient::kSmallRead;
    return client->source->skip(request);
}

int closeCallback(struct archive *, void *data)
{
    delete static_cast<ReaderClient *>(data);
    return ARCHIVE_OK;
}

} // namespace

void useUtf8Names()
{
    if (std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        std::setlocale(LC_CTYPE, "C.UTF-8");
}

bool isCharsetWarning(struct archive *a)
{
    const char *message = archive_error_string(a);
    return message && std::strstr(message, "can't be converted") != nullptr;
}

bool enableImageFilters(struct archive *a, QString *error)
{
    // gzip, zstd, xz and bzip2 are what images and layers are compressed with, and libarchive
    // has them built in. Its other filters (lrzip, lzop, grzip, lz4 without liblz4...) would
    // hand the bytes to a program found on PATH: a stranger's archive must never make Strata
    // run a program. libarchive says ARCHIVE_WARN when it would fall back to one.
    struct Filter
    {
        const char *name;
        int (*enable)(struct archive *);
    };
    static const Filter filters[] = {{"gzip", archive_read_support_filter_gzip},
                                     {"zstd", archive_read_support_filter_zstd},
                                     {"xz", archive_read_support_filter_xz},
                                     {"bzip2", archive_read_support_filter_bzip2}};
    for (const Filter &filter : filters) {
        if (filter.enable(a) != ARCHIVE_OK) {
            if (error)
                *error = QStringLiteral("this libarchive cannot decompress %1 by itself")
                             .arg(QLatin1String(filter.name));
            return false;
        }
    }
    return true;
}

struct archive *openArchiveReader(ByteSource *source, QString *error)
{
    struct archive *a = archive_read_new();
    if (!enableImageFilters(a, error)) {
        archive_read_free(a);
        return nullptr;
    }
    archive_read_support_format_tar(a);
    archive_read_support_format_gnutar(a);
    archive_read_support_format_empty(a);
    auto *client = new ReaderClient;
    client->source = source;
    archive_read_set_callback_data(a, client);
    archive_read_set_read_callback(a, readCallback);
    archive_read_set_skip_callback(a, skipCallback);
    archive_read_set_close_callback(a, closeCallback);
    if (archive_read_open1(a) != ARCHIVE_OK) {
        if (error)
            *error = QString::fromUtf8(archive_error_string(a));
        archive_read_free(a);
        return nullptr;
    }
    return a;
}

} // namespace strata

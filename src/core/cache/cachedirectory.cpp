#include "cache/cachedirectory.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include <algorithm>
#include <vector>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace strata {

namespace {
// Partial writes carry this suffix and never count as entries.
const QString kPartialSuffix = QStringLiteral(".partial");
} // namespace

QString CacheDirectory::defaultRoot()
{
    QString configured =
        QProcessEnvironment::systemEnvironment().value(QStringLiteral("STRATA_CACHE_DIR"));
    if (!configured.isEmpty())
        return configured;
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           QStringLiteral("/strata");
}

CacheDirectory::CacheDirectory(QString dir, qint64 limitBytes)
    : m_dir(std::move(dir)), m_limit(limitBytes)
{
}

QString CacheDirectory::pathOf(const QString &key) const
{
    QString name = key;
    name.replace(QLatin1Char(':'), QLatin1Char('-')).replace(QLatin1Char('/'), QLatin1Char('_'));
    return m_dir + QLatin1Char('/') + name;
}

Error CacheDirectory::failure(const QString &message) const
{
    return Error::make(Error::Kind::Io, QDir::toNativeSeparators(m_dir), message);
}

QString CacheDirectory::find(const QString &key) const
{
    QString path = pathOf(key);
    QFile file(path);
    if (!file.exists())
        return {};
    // The modification time orders eviction: using an entry makes it the newest.
    file.open(QIODevice::ReadOnly);
    file.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
    return path;
}

void CacheDirectory::remove(const QString &key) const
{
    QFile::remove(pathOf(key));
}

namespace {
std::vector<QFileInfo> entriesOf(const QString &dir)
{
    std::vector<QFileInfo> entries;
    const QFileInfoList list = QDir(dir).entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo &info : list) {
        if (!info.fileName().endsWith(kPartialSuffix))
            entries.push_back(info);
    }
    return entries;
}
} // namespace

qint64 CacheDirectory::totalSize() const
{
    qint64 total = 0;
    for (const QFileInfo &info : entriesOf(m_dir))
        total += info.size();
    return total;
}

int CacheDirectory::entryCount() const
{
    return int(entriesOf(m_dir).size());
}

bool CacheDirectory::clear(Error *error) const
{
    *error = {};
    for (const QFileInfo &info : entriesOf(m_dir)) {
        if (!QFile::remove(info.absoluteFilePath())) {
            *error = failure(QStringLiteral("cannot remove %1").arg(info.fileName()));
            return false;
        }
    }
    return true;
}

void CacheDirectory::makeRoom(qint64 incoming) const
{
    std::vector<QFileInfo> entries = entriesOf(m_dir);
    qint64 total = 0;
    for (const QFileInfo &info : entries)
        total += info.size();
    std::sort(entries.begin(), entries.end(), [](const QFileInfo &a, const QFileInfo &b) {
        return a.lastModified() < b.lastModified();
    });
    for (const QFileInfo &info : entries) {
        if (total + incoming <= m_limit)
            break;
        if (QFile::remove(info.absoluteFilePath()))
            total -= info.size();
    }
}

std::unique_ptr<CacheDirectory::Writer> CacheDirectory::create(const QString &key,
                                                               Error *error) const
{
    *error = {};
    if (!QDir().mkpath(m_dir)) {
        *error = failure(QStringLiteral("the cache folder cannot be made"));
        return nullptr;
    }
    std::unique_ptr<Writer> writer(new Writer(*this, pathOf(key)));
    if (!writer->m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered)) {
        *error = failure(
            QStringLiteral("cannot write to the cache: %1").arg(writer->m_file.errorString()));
        return nullptr;
    }
    return writer;
}

CacheDirectory::Writer::Writer(const CacheDirectory &cache, QString finalPath)
    : m_cache(cache), m_finalPath(std::move(finalPath))
{
    // Unique per writer: two processes filling the same entry each write their own.
    m_file.setFileName(QStringLiteral("%1.%2-%3%4")
                           .arg(m_finalPath)
                           .arg(getpid())
                           .arg(quintptr(this), 0, 16)
                           .arg(kPartialSuffix));
    m_buffer.reserve(kBufferBytes + qsizetype(512) * 1024);
}

CacheDirectory::Writer::~Writer()
{
    if (!m_committed) {
        m_file.close();
        m_file.remove();
    }
}

bool CacheDirectory::Writer::write(const char *data, qint64 size, Error *error)
{
    m_buffer.append(data, size);
    m_written += size;
    return m_buffer.size() < kBufferBytes || flush(error);
}

bool CacheDirectory::Writer::flush(Error *error)
{
    const qint64 size = m_buffer.size();
    errno = 0;
    if (m_file.write(m_buffer.constData(), size) == size) {
        m_buffer.resize(0); // keeps its capacity
        // Starts writing the file out as it grows, so that commit()'s fsync has little left
        // to wait for.
        constexpr qint64 kWriteBackBytes = 16 << 20;
        if (m_written - m_writeBackFrom >= kWriteBackBytes && m_file.flush()) {
            sync_file_range(m_file.handle(), m_writeBackFrom, m_written - m_writeBackFrom,
                            SYNC_FILE_RANGE_WRITE);
            m_writeBackFrom = m_written;
        }
        return true;
    }
    const int cause = errno;
    const bool full = cause == ENOSPC || cause == EDQUOT;
    // QFile says "Unknown error" for a short write: the system's reason is the one to show.
    const QString why = cause != 0 ? QString::fromLocal8Bit(strerror(cause)) : m_file.errorString();
    *error = m_cache.failure(full ? QStringLiteral("the disk holding the cache is full (%1); "
                                                   "free space or set a smaller cache limit")
                                        .arg(why)
                                  : QStringLiteral("cannot write to the cache: %1").arg(why));
    return false;
}

bool CacheDirectory::Writer::commit(Error *error)
{
    *error = {};
    if (!flush(error))
        return false;
    if (fsync(m_file.handle()) != 0) {
        *error = m_cache.failure(QStringLiteral("cannot write to the cache: %1")
                                     .arg(QString::fromLocal8Bit(strerror(errno))));
        return false;
    }
    m_file.close();
    if (::rename(QFile::encodeName(m_file.fileName()).constData(),
                 QFile::encodeName(m_finalPath).constData()) != 0) {
        *error = m_cache.failure(QStringLiteral("cannot complete the cache entry: %1")
                                     .arg(QString::fromLocal8Bit(strerror(errno))));
        return false;
    }
    m_committed = true;
    return true;
}

} // namespace strata

#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <memory>

namespace strata {

// A folder of files Strata fetched and checked (an engine's saved images, registry blobs),
// each named by what identifies its bytes (an image ID, a digest). An entry is there complete
// and verified or not at all: it is written under a temporary name and renamed into place
// only once its writer commits. When the folder grows past its limit, the entries used least
// recently go first.
class CacheDirectory
{
public:
    // $XDG_CACHE_HOME/strata (~/.cache/strata), or STRATA_CACHE_DIR when set.
    static QString defaultRoot();
    static constexpr qint64 kDefaultLimit = qint64(20) << 30; // 20 GiB

    // `dir` is made when first written to.
    CacheDirectory(QString dir, qint64 limitBytes);

    const QString &dir() const { return m_dir; }
    qint64 limit() const { return m_limit; }

    // The path of the complete entry `key`, marked as just used; empty when there is none.
    QString find(const QString &key) const;
    // Removes one entry (when its content turned out wrong).
    void remove(const QString &key) const;

    // Bytes and entries in the folder (partial writes excluded).
    qint64 totalSize() const;
    int entryCount() const;
    // Removes every entry; false with *error when one cannot be removed.
    bool clear(Error *error) const;
    // Removes the least recently used entries until `incoming` more bytes fit the limit.
    void makeRoom(qint64 incoming) const;

    // Writes one entry. Until commit() the bytes are in a temporary file next to where the
    // entry goes, removed if the writer is destroyed first. Errors (a full disk) name the
    // folder.
    class Writer
    {
    public:
        ~Writer();
        bool write(const char *data, qint64 size, Error *error);
        // Writes out what is buffered: the temporary file then holds every byte written, ready
        // to be checked before commit().
        bool flush(Error *error);
        QString temporaryPath() const { return m_file.fileName(); }
        qint64 written() const { return m_written; }
        // Flushes to disk and renames into place.
        bool commit(Error *error);

    private:
        friend class CacheDirectory;
        Writer(const CacheDirectory &cache, QString finalPath);
        static constexpr qsizetype kBufferBytes = 1 << 20;
        const CacheDirectory &m_cache;
        QByteArray m_buffer;
        QString m_finalPath;
        QFile m_file;
        qint64 m_written = 0;
        qint64 m_writeBackFrom = 0; // bytes before it are on their way to the disk
        bool m_committed = false;
    };
    // A writer for `key`; null with *error when the folder cannot be written.
    std::unique_ptr<Writer> create(const QString &key, Error *error) const;

private:
    QString pathOf(const QString &key) const;
    Error failure(const QString &message) const;

    QString m_dir;
    qint64 m_limit;
};

} // namespace strata

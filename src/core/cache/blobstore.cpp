#include "cache/blobstore.h"

#include "archive/bytesource.h"
#include "cache/cachedirectory.h"
#include "common/sha256.h"
#include "source/sourcesettings.h"

#include <QMutex>
#include <QSet>
#include <QWaitCondition>

namespace strata {

namespace {
QMutex s_claimMutex;
QWaitCondition s_claimDone;
QSet<QString> s_claimed;
} // namespace

BlobClaim::BlobClaim(QString digest) : m_digest(std::move(digest))
{
    QMutexLocker lock(&s_claimMutex);
    while (s_claimed.contains(m_digest))
        s_claimDone.wait(&s_claimMutex);
    s_claimed.insert(m_digest);
}

BlobClaim::~BlobClaim()
{
    QMutexLocker lock(&s_claimMutex);
    s_claimed.remove(m_digest);
    s_claimDone.wakeAll();
}

QString blobCacheDir()
{
    return CacheDirectory::defaultRoot() + QStringLiteral("/blobs/sha256");
}

bool isSha256Digest(const QString &digest)
{
    if (!digest.startsWith(QLatin1String("sha256:")) || digest.size() != 7 + 64)
        return false;
    for (qsizetype i = 7; i < digest.size(); ++i) {
        const QChar c = digest[i];
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
              (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

QString storedBlob(const QString &digest)
{
    if (!isSha256Digest(digest))
        return {};
    return CacheDirectory(blobCacheDir(), 0).find(digest.mid(7));
}

QString storeBlob(const QString &digest, ByteSource &blob, const std::atomic_bool *cancel,
                  Error *error)
{
    *error = {};
    const CacheDirectory cache(blobCacheDir(), SourceSettings::load().cacheLimit);
    if (!isSha256Digest(digest)) {
        *error = Error::make(Error::Kind::Unsupported, cache.dir(),
                             QStringLiteral("\"%1\" is not a sha256 digest").arg(digest));
        return {};
    }
    const QString hex = digest.mid(7);
    BlobClaim claim(digest);
    if (QString stored = cache.find(hex); !stored.isEmpty())
        return stored;
    cache.makeRoom(qMax<qint64>(0, blob.size()));
    std::unique_ptr<CacheDirectory::Writer> writer = cache.create(hex, error);
    if (!writer)
        return {};
    Sha256 hash;
    static thread_local char buffer[256 * 1024];
    for (int chunk = 0;; ++chunk) {
        const qint64 got = blob.read(buffer, sizeof buffer);
        if (got == 0)
            break;
        if (got < 0) {
            *error = Error::make(
                Error::Kind::Io, cache.dir(),
                QStringLiteral("blob %1 cannot be read: %2").arg(digest, blob.errorString()));
            return {};
        }
        if (cancel && (chunk & 63) == 0 && cancel->load()) {
            *error = Error::make(Error::Kind::Cancelled, cache.dir(), QStringLiteral("cancelled"));
            return {};
        }
        hash.addData(QByteArrayView(buffer, got));
        if (!writer->write(buffer, got, error))
            return {};
    }
    if (const QString found = hash.digest(); found != digest) {
        *error = Error::make(Error::Kind::DigestMismatch, cache.dir(),
                             QStringLiteral("blob %1 is %2; it was not kept").arg(digest, found));
        return {};
    }
    if (!writer->commit(error))
        return {};
    return cache.find(hex);
}

} // namespace strata

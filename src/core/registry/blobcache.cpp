#include "registry/blobcache.h"

#include "cache/blobstore.h"
#include "cache/cachedirectory.h"
#include "common/datasize.h"
#include "common/sha256.h"
#include "registry/registryclient.h"
#include "source/sourcesettings.h"

namespace strata {

namespace {
// A connection that breaks mid-blob is resumed this often before the fetch fails.
constexpr int kMaxResumes = 4;
} // namespace

QString fetchBlob(RegistryClient &client, const QString &repository, const QString &digest,
                  qint64 size, const std::function<void(qint64)> &progress,
                  const std::atomic_bool *cancel, Error *error)
{
    *error = {};
    if (!isSha256Digest(digest)) {
        // Only a digest Strata can check names a cache entry.
        *error = Error::make(Error::Kind::Unsupported, client.registry(),
                             QStringLiteral("the blob digest \"%1\" is not a sha256 digest Strata "
                                            "can check")
                                 .arg(digest));
        return {};
    }
    const QString hex = digest.mid(7);
    const CacheDirectory cache(blobCacheDir(), SourceSettings::load().cacheLimit);
    BlobClaim claim(digest);
    if (QString cached = cache.find(hex); !cached.isEmpty())
        return cached;

    cache.makeRoom(qMax<qint64>(0, size));
    std::unique_ptr<CacheDirectory::Writer> writer = cache.create(hex, error);
    if (!writer)
        return {};
    Sha256 hash;
    Error writeError;
    Error tooLong;
    auto sink = [&](const char *data, size_t n) {
        if (size >= 0 && writer->written() + qint64(n) > size) {
            tooLong = Error::make(Error::Kind::DigestMismatch, client.registry(),
                                  QStringLiteral("the registry sent more than the %1 bytes blob "
                                                 "%2 has; it was discarded")
                                      .arg(size)
                                      .arg(digest));
            return false;
        }
        hash.addData(QByteArrayView(data, qsizetype(n)));
        if (!writer->write(data, qint64(n), &writeError))
            return false;
        if (progress)
            progress(writer->written());
        return true;
    };
    Error failed;
    for (int attempt = 0;; ++attempt) {
        const qint64 before = writer->written();
        failed = {};
        if (client.streamBlob(repository, digest, before, sink, cancel, &failed))
            break;
        if (writeError) {
            *error = writeError;
            return {};
        }
        if (tooLong) {
            *error = tooLong;
            return {};
        }
        // Only a transfer that broke is resumed; a refusal or a cancel is final.
        const bool broke =
            failed.kind == Error::Kind::Io || failed.kind == Error::Kind::Unreachable;
        if (!broke || attempt >= kMaxResumes || (cancel && cancel->load())) {
            *error = failed;
            if (broke)
                error->message =
                    QStringLiteral("the registry %1 stopped sending blob %2 after %3 "
                                   "of %4 (tried %5 times): %6")
                        .arg(client.registry(), digest, formatDataSize(writer->written()),
                             size >= 0 ? formatDataSize(size) : QStringLiteral("?"))
                        .arg(attempt + 1)
                        .arg(failed.message);
            return {};
        }
    }
    const QString found = hash.digest();
    if ((size >= 0 && writer->written() != size) || found != digest) {
        *error = Error::make(Error::Kind::DigestMismatch, client.registry(),
                             size >= 0 && writer->written() != size
                                 ? QStringLiteral("the registry sent %1 bytes for blob %2, which "
                                                  "has %3; it was discarded")
                                       .arg(writer->written())
                                       .arg(digest)
                                       .arg(size)
                                 : QStringLiteral("what the registry sent for blob %1 is %2; it "
                                                  "was discarded")
                                       .arg(digest, found));
        return {};
    }
    if (!writer->commit(error))
        return {};
    return cache.find(hex);
}

} // namespace strata

#pragma once

#include "common/error.h"

#include <QString>

#include <atomic>

namespace strata {

class ByteSource;

// The one content-addressed store of layer blobs, named by digest as in an OCI layout
// (~/.cache/strata/blobs/sha256/<hex>): what registries send and what engines save go there,
// so a layer several images use is kept once, under the cache's size limit. Every entry is
// whole, and its SHA-256 is its name.
QString blobCacheDir();

// Whether `digest` is "sha256:" and 64 lower-case hex digits: the only digests that name an
// entry, because the only ones Strata checks.
bool isSha256Digest(const QString &digest);

// The path of blob `digest` in the store, or empty when it is not there.
QString storedBlob(const QString &digest);

// Stores the bytes `blob` reads as blob `digest`: hashed while written, kept only when they
// are what the digest names. The path of the entry (the one there already, if any); empty
// with *error when the bytes differ, cannot be read or the disk is full.
QString storeBlob(const QString &digest, ByteSource &blob, const std::atomic_bool *cancel,
                  Error *error);

// Marks one digest as being stored by this thread while it lives, waiting first while
// another thread stores it: several threads asking for one blob fetch or copy it once.
class BlobClaim
{
public:
    explicit BlobClaim(QString digest);
    ~BlobClaim();
    BlobClaim(const BlobClaim &) = delete;
    BlobClaim &operator=(const BlobClaim &) = delete;

private:
    QString m_digest;
};

} // namespace strata

#include "source/imagesource.h"

#include "archive/bytesource.h"
#include "common/datasize.h"
#include "common/foregroundwork.h"
#include "common/limits.h"
#include "common/sha256.h"

#include <archive.h>

namespace strata {

namespace {
// Hashes every byte libarchive reads from the underlying source: the blob digest comes for
// free while the decompressed stream is hashed for the diff_id.
class HashingSource final : public ByteSource
{
public:
    explicit HashingSource(ByteSource &inner) : m_inner(inner) {}
    qint64 read(char *buffer, qint64 max) override
    {
        const qint64 got = m_inner.read(buffer, max);
        if (got > 0) {
            m_hash.addData(QByteArrayView(buffer, got));
            m_position += got;
        }
        if (got < 0)
            m_error = m_inner.errorString();
        return got;
    }
    qint64 size() const override { return m_inner.size(); }
    QString digest()
    {
        // Whatever libarchive did not need (padding after a gzip stream) is part of the blob.
        char buffer[64 * 1024];
        while (read(buffer, sizeof buffer) > 0) {
        }
        return m_hash.digest();
    }

private:
    ByteSource &m_inner;
    Sha256 m_hash;
};

bool isSha256(const QString &digest)
{
    return digest.startsWith(QStringLiteral("sha256:")) && digest.size() == 71;
}

// Reads a blob through SHA-256, and its decompressed stream too, within the same inflation
// bounds as indexing: a bomb is stopped here as it is there. `inflated` adds up the image.
LayerDigestCheck checkStream(ByteSource &stream, const LayerInfo &layer, const QString &file,
                             const std::atomic_bool *cancel, qint64 *inflated, qint64 imageLimit)
{
    LayerDigestCheck check;
    HashingSource hashing(stream);
    struct archive *a = archive_read_new();
    QString filterError;
    enableImageFilters(a, &filterError);
    archive_read_support_format_raw(a);
    archive_read_support_format_empty(a);
    Sha256 diff;
    bool plain = false; // stored uncompressed: the diff_id is the blob digest
    bool ok = false;
    ByteSource *src = &hashing;
    archive_read_set_callback_data(a, src);
    archive_read_set_read_callback(
        a, [](struct archive *, void *data, const void **buffer) -> la_ssize_t {
            static thread_local char chunk[256 * 1024];
            *buffer = chunk;
            return la_ssize_t(static_cast<ByteSource *>(data)->read(chunk, sizeof chunk));
        });
    const qint64 layerLimit = limits::inflationLimit(stream.size(), limits::kMinLayerInflation);
    const qint64 before = *inflated;
    bool bomb = false;
    if (archive_read_open1(a) == ARCHIVE_OK) {
        struct archive_entry *entry = nullptr;
        const int header = archive_read_next_header(a, &entry);
        ok = header == ARCHIVE_OK || header == ARCHIVE_EOF;
        plain = archive_filter_count(a) == 1 && archive_filter_code(a, 0) == ARCHIVE_FILTER_NONE;
        static thread_local char buffer[256 * 1024];
        for (int chunk = 0; ok && header == ARCHIVE_OK; ++chunk) {
            const la_ssize_t got = archive_read_data(a, buffer, sizeof buffer);
            if (got == 0)
                break;
            yieldToForeground(cancel);
            if (got < 0 || (cancel && (chunk & 63) == 0 && cancel->load())) {
                ok = false;
                break;
            }
            if (!plain)
                diff.addData(QByteArrayView(buffer, got));
            const qint64 total = archive_filter_bytes(a, 0);
            *inflated = before + total;
            if (total > layerLimit || *inflated > imageLimit) {
                bomb = true;
                ok = false;
                break;
            }
        }
    }
    if (bomb) {
        check.status = LayerDigestCheck::Status::Unreadable;
        check.error =
            Error::make(Error::Kind::LimitExceeded, file,
                        QStringLiteral("the layer inflates past %1 (a decompression bomb?)")
                            .arg(formatDataSize(std::min(layerLimit, imageLimit))),
                        layer.member);
        archive_read_free(a);
        return check;
    }
    if (!ok) {
        check.status = LayerDigestCheck::Status::Unreadable;
        check.error = Error::make(Error::Kind::DamagedLayer, file,
                                  QStringLiteral("the layer cannot be read to its end: ") +
                                      QString::fromUtf8(archive_error_string(a)),
                                  layer.member);
        archive_read_free(a);
        return check;
    }
    archive_read_free(a);
    check.blobDigest = hashing.digest();
    check.diffDigest = plain ? check.blobDigest : diff.digest();

    QStringList mismatches;
    bool verified = false;
    if (isSha256(layer.blobDigest)) {
        verified = true;
        if (layer.blobDigest != check.blobDigest)
            mismatches << QStringLiteral("blob digest %1 expected, %2 found")
                              .arg(layer.blobDigest, check.blobDigest);
    }
    if (isSha256(layer.diffId)) {
        verified = true;
        if (layer.diffId != check.diffDigest)
            mismatches << QStringLiteral("diff_id %1 expected, %2 found")
                              .arg(layer.diffId, check.diffDigest);
    }
    if (!mismatches.isEmpty()) {
        check.status = LayerDigestCheck::Status::Mismatch;
        check.error =
            Error::make(Error::Kind::DigestMismatch, file,
                        QStringLiteral("digest mismatch: ") + mismatches.join(QStringLiteral("; ")),
                        layer.member);
    } else {
        check.status =
            verified ? LayerDigestCheck::Status::Ok : LayerDigestCheck::Status::Unverifiable;
    }
    return check;
}
} // namespace

std::vector<LayerDigestCheck> ImageSource::verifyLayers(int image,
                                                        const std::atomic_bool *cancel) const
{
    const ImageInfo &info = m_images.at(size_t(image));
    std::vector<LayerDigestCheck> checks(size_t(info.layers.size()));
    std::vector<int> readable;
    for (int i = 0; i < int(info.layers.size()); ++i) {
        if (builtLayer(info.layers[i]))
            continue; // no blob, no digest: Unverifiable
        Error missing;
        if (hasBlob(info.layers[i], &missing)) {
            readable.push_back(i);
        } else {
            checks[size_t(i)].status = LayerDigestCheck::Status::Unreadable;
            checks[size_t(i)].error = missing;
        }
    }
    qint64 stored = 0;
    for (int i : readable)
        stored += qMax<qint64>(0, info.layers[i].blobSize);
    const qint64 imageLimit = limits::inflationLimit(stored, limits::kMinImageInflation);
    qint64 inflated = 0;
    Error streamError;
    readLayerBlobs(
        image, readable,
        [&](int layer, ByteSource &stream) {
            // What is checked is what was read: the blob, or the layer in the form at hand.
            LayerInfo opened = info.layers[layer];
            opened.blobDigest = openedDigest(opened);
            const LayerDigestCheck first =
                checkStream(stream, opened, location(), cancel, &inflated, imageLimit);
            checks[size_t(layer)] = first;
            // The same blob at other positions: same bytes, their own expected digests.
            const std::string key = blobKey(info.layers[layer]);
            for (int i : readable) {
                const LayerInfo &other = info.layers[i];
                if (i == layer || blobKey(other) != key)
                    continue;
                LayerDigestCheck again = first;
                if ((isSha256(other.blobDigest) && openedDigest(other) != first.blobDigest) ||
                    (isSha256(other.diffId) && other.diffId != first.diffDigest)) {
                    again.status = LayerDigestCheck::Status::Mismatch;
                    again.error = Error::make(Error::Kind::DigestMismatch, location(),
                                              QStringLiteral("digest mismatch"), other.member);
                }
                checks[size_t(i)] = again;
            }
            return !(cancel && cancel->load());
        },
        &streamError);
    if (streamError) {
        for (LayerDigestCheck &check : checks) {
            if (check.status == LayerDigestCheck::Status::Unverifiable &&
                check.blobDigest.isEmpty()) {
                check.status = LayerDigestCheck::Status::Unreadable;
                check.error = streamError;
            }
        }
    }
    return checks;
}

} // namespace strata

#pragma once

#include "common/error.h"

#include <QString>

namespace strata {

// The SHA-256 check of one layer: the blob as stored against its digest, and the uncompressed
// tar against the config's diff_id. Reading every byte is slow, so it runs after the trees are
// shown (ImageArchive::verifyLayers) and never blocks a load.
struct LayerDigestCheck
{
    enum class Status
    {
        Ok,
        Mismatch,
        Unverifiable,
        Unreadable
    };
    Status status = Status::Unverifiable;
    QString blobDigest; // computed "sha256:..."
    QString diffDigest; // computed over the decompressed stream
    Error error;        // Mismatch: DigestMismatch naming the expected and found digests
};

} // namespace strata

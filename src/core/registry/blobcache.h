#pragma once

#include "cache/blobstore.h"
#include "common/error.h"

#include <QString>

#include <atomic>
#include <functional>

namespace strata {

class RegistryClient;

// The path of blob `digest` of `size` bytes (-1: unknown) in the blob store, fetched from
// `repository` of the client's registry first when it is not there. The bytes are checked
// against the digest and size while they arrive; a connection that breaks is resumed from
// where it broke with a Range request; a blob that is not what it should be is discarded, and
// nothing but complete, checked blobs is ever kept. Several threads asking for one blob fetch
// it once. `progress` hears the bytes received so far. Empty with *error on failure.
QString fetchBlob(RegistryClient &client, const QString &repository, const QString &digest,
                  qint64 size, const std::function<void(qint64 received)> &progress,
                  const std::atomic_bool *cancel, Error *error);

} // namespace strata

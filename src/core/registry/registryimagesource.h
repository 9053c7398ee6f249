#pragma once

#include "registry/registryreference.h"
#include "source/imagesource.h"
#include "source/opensource.h"

#include <memory>

namespace strata {

// An image in a registry. Opening asks for the manifest (or index, with every platform's
// manifest and the attestations attached to them) and each image's config: the stack,
// history and config are there at once. A layer's blob is fetched into the blob cache
// (fetchBlob) only when its tree or a file of it is first asked for, and read from there.
class RegistryImageSource final : public ImageSource
{
public:
    ~RegistryImageSource() override;
    // Null with *error naming the reference when the registry does not answer, refuses, has
    // no such repository or tag, or sends a manifest that is not what the reference names.
    static std::shared_ptr<RegistryImageSource>
    open(const RegistryReference &reference, Error *error, const OpenObserver &observer = {});

    // "Registry 127.0.0.1:5000 (OCI image index)"
    QString description() const override;
    const RegistryReference &reference() const { return m_reference; }
    // The digest of what the reference named (an index or a manifest).
    const QString &digest() const { return m_digest; }

protected:
    std::string blobKey(const LayerInfo &layer) const override;
    bool hasBlob(const LayerInfo &layer, Error *error) const override;
    bool opensBlobs() const override { return true; }
    bool fetchesBlobs() const override { return true; }
    bool fetchBlob(const LayerInfo &layer, const std::function<void(qint64)> &progress,
                   const std::atomic_bool *cancel, Error *error) const override;
    bool isFetched(const LayerInfo &layer) const override;
    QString openedDigest(const LayerInfo &layer) const override;
    std::unique_ptr<ByteSource> openBlob(const LayerInfo &layer, Error *error) const override;

private:
    QString localBlob(const LayerInfo &layer) const;
    explicit RegistryImageSource(const RegistryReference &reference);
    class IndexReader;
    QString blobPath(const LayerInfo &layer, Error *error) const;

    RegistryReference m_reference;
    QString m_digest;
    QString m_mediaType;
};

} // namespace strata

#pragma once

#include "common/error.h"
#include "image/digestcheck.h"
#include "image/imageinfo.h"
#include "tree/layertree.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace strata {

class ByteSource;

// What opening a source that is not a file is doing (LoadProgress::stage).
enum class OpenStage
{
    Reading,   // metadata of an archive or directory
    Receiving, // an engine's or registry's bytes, done/total in bytes
    Checking,  // digests of what was received, before it is kept
    Changes,   // a container's changed paths, done/total in paths
};

struct LoadProgress
{
    OpenStage stage = OpenStage::Reading; // while opening (layerCount 0)
    int layersDone = 0;
    int layerCount = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    QString current; // the layer being read, for the status line
    // Sources that fetch blobs (fetchesBlobs): the bytes received so far for each layer
    // position, the declared size once complete; empty otherwise.
    QList<qint64> fetched;
};

// What a caller of loadLayers() wants to hear while layers are read. Callbacks run on worker
// threads; `cancel` is polled between entries.
struct LoadObserver
{
    std::function<void(const LoadProgress &)> progress;
    std::function<void(int layer, const std::shared_ptr<const LayerTree> &)> layerReady;
    const std::atomic_bool *cancel = nullptr;
};

// Where images come from, whatever it is: an archive file or directory, an engine, a
// registry. Every caller (the app's tabs, Compare, Layer Reuse, the CLI) reads images through
// this one interface: the metadata of every image at once, then layer trees, file contents
// and digest checks on request. A new kind of source implements the few protected functions
// that reach its blobs; indexing, caching and checking are the same for all.
//
// Thread-safe: metadata never changes after the source is made, and layers may be read from
// several threads at once.
class ImageSource
{
public:
    virtual ~ImageSource();
    ImageSource(const ImageSource &) = delete;
    ImageSource &operator=(const ImageSource &) = delete;

    // What the user opened, as they named it (a path, "docker://nginx:latest", a registry
    // reference): every message names it.
    const QString &location() const { return m_location; }
    // What it is, in a few words: "OCI image archive (gzip compressed)", "Docker Engine 26.1".
    virtual QString description() const = 0;
    const std::vector<ImageInfo> &images() const { return m_images; }

    // The image `ref` names: a name ("nginx:latest", "docker.io/library/nginx"), an id or its
    // prefix, a platform ("linux/arm64") or "@N" (N-th image, from 0). An empty ref is the
    // only image, or an error when there are several.
    int findImage(const QString &ref, Error *error) const;

    // Indexes the layers of `image` (all of them, or those in `which`) on every core. A blob
    // several positions or images share is read once, and a layer read before is not read
    // again. The result has a tree for every layer asked for (null for the others); a layer
    // that cannot be read gets its error in LayerTree::error. The returned error is set only
    // when the load was cancelled.
    std::vector<std::shared_ptr<const LayerTree>> loadLayers(int image,
                                                             const LoadObserver &observer,
                                                             Error *error,
                                                             const std::vector<int> &which = {});

    // Reads every layer blob through SHA-256 and compares with its blob digest and diff_id.
    // Slow (every byte): run it in the background after the trees are shown.
    std::vector<LayerDigestCheck> verifyLayers(int image,
                                               const std::atomic_bool *cancel = nullptr) const;

    // The content of a regular file of one layer (at most maxBytes, following a hardlink to
    // its target in the same layer), for previews and "Save as...". Empty with *error set
    // when the path is not a regular file of that layer.
    QByteArray readFile(int image, int layer, const QString &path, qint64 maxBytes,
                        Error *error) const;
    // The same file's bytes passed to `chunk` piece by piece, never all in memory (cat, diffs
    // of large files); `chunk` returns false to stop. False with *error set as for readFile.
    using ChunkReader = std::function<bool(const char *data, qint64 size)>;
    bool streamFile(int image, int layer, const QString &path, const ChunkReader &chunk,
                    Error *error) const;

    // Whether the layer is built rather than read from a blob (a container's read-write
    // layer): readLayerBlobs() has no tar for it, readFile() reads its files.
    bool isBuiltLayer(int image, int layer) const;

    // Calls `read` with the blob of each of `layers` of `image` as stored (compressed or not),
    // each distinct blob once (for the first position that uses it), in the order the source
    // reads fastest. Stops when `read` returns false. False with *error when a blob is missing
    // or cannot be read; the blobs read before stay read.
    using BlobReader = std::function<bool(int layer, ByteSource &blob)>;
    bool readLayerBlobs(int image, const std::vector<int> &layers, const BlobReader &read,
                        Error *error) const;

    // The bytes loadLayers() would download before it can read layers 0..top of `image` (all
    // of them when top is -1), each blob once: 0 for a source whose blobs are at hand or
    // already fetched, so that callers can wait to be asked before a long download.
    qint64 bytesToFetch(int image, int top = -1) const;

protected:
    explicit ImageSource(QString location);

    // The identity of a layer's blob: equal for every position and image that uses the same
    // bytes, so that each is indexed once.
    virtual std::string blobKey(const LayerInfo &layer) const = 0;
    // False with *error (MissingMember) when the source does not have the blob.
    virtual bool hasBlob(const LayerInfo &layer, Error *error) const = 0;
    // Sources that can read several blobs at once (byte ranges of a file, files of a
    // directory, downloaded blobs) open them one by one; the others (a compressed archive,
    // read in one pass) stream them in their own order.
    virtual bool opensBlobs() const = 0;
    virtual std::unique_ptr<ByteSource> openBlob(const LayerInfo &layer, Error *error) const;
    using BlobStreamer = std::function<bool(const LayerInfo &layer, ByteSource &blob)>;
    virtual bool streamBlobs(const std::vector<const LayerInfo *> &layers, const BlobStreamer &read,
                             Error *error) const;
    // Sources whose blobs live elsewhere (a registry's) fetch a blob before it is first opened,
    // telling `progress` the bytes received; loadLayers fetches several at once and counts
    // those bytes in its progress. openBlob still fetches what was not fetched.
    virtual bool fetchesBlobs() const;
    virtual bool fetchBlob(const LayerInfo &layer, const std::function<void(qint64)> &progress,
                           const std::atomic_bool *cancel, Error *error) const;
    // Whether a fetching source has the layer's blob at hand already.
    virtual bool isFetched(const LayerInfo &layer) const;
    // The digest of the bytes openBlob() gives for the layer: its blob digest, unless the
    // source reads the same layer in another form (uncompressed, named by its diff_id).
    virtual QString openedDigest(const LayerInfo &layer) const;
    // A layer the source builds rather than reads from a blob (a container's read-write
    // layer, from the engine's list of changes): its tree, or null for a blob's layer.
    virtual std::shared_ptr<const LayerTree> builtLayer(const LayerInfo &layer) const;
    // The content of a regular file of a built layer (readFile's contract).
    virtual QByteArray readBuiltFile(const LayerInfo &layer, const std::string &path,
                                     qint64 maxBytes, Error *error) const;

    std::vector<ImageInfo> m_images;

private:
    struct TreeCache;
    class LayerLoad;
    QString m_location;
    std::unique_ptr<TreeCache> m_trees;
};

// The bytes a layer is drawn and listed with: what its files hold (what `docker history`
// and dive show) when known, else its tar stream, else its blob as stored, else what the
// manifest declares; -1 when nothing is known. `tree` may be null.
qint64 layerDisplaySize(const LayerInfo &layer, const LayerTree *tree);
// The image's size as `docker images` shows it: its layers' display sizes together. `trees`
// may be shorter than the layers, or hold nulls.
qint64 imageDisplaySize(const ImageInfo &image,
                        const std::vector<std::shared_ptr<const LayerTree>> &trees);

} // namespace strata

#pragma once

// Layer reuse across images, and what containers add: the numbers behind the classroom "Reuse"
// view and `strata-cli reuse`.
//
// Identity. Two layers are the same stored layer when they have the same diff_id AND the same
// chain ID (the diff_ids of every layer below it as well): that is how the engine's layer store
// keys layers, so such a layer is stored once however many images use it. A layer whose
// diff_id appears on another chain is stored again: "same diff, not shared".
// Without diff_ids (docker save before 1.10) there is no chain ID; a substitute chain is
// computed over the blob digests, or the v1 layer ids (which already imply their parents),
// and ReuseLayer::matchedBy says which.
//
// Sizes. A layer's size is what the classic docker engine (overlay2) counts for `docker images`,
// `docker history` and `docker system df`: the DiffSize of the extracted layer, i.e. the sum of
// st_size of every non-directory entry, each inode once (moby pkg/directory Size). From a layer
// tar that is: regular files' sizes + each symlink's target length; hard links, whiteouts and
// devices add nothing. Directory sizes and tar padding are not counted, so this is smaller than
// the layer tar. A layer that was not read (or could not be) counts its blob size instead (the
// compressed size for a compressed blob) and says so in sizeSource.
// An image's size is the sum of its layers (`docker images` SIZE); its shared size the sum of
// its layers that another image also uses, its unique size the rest (`docker system df -v`).
// "Stored once" is the sum over distinct layers (`docker system df` Images SIZE).
//
// Containers are each one thin read-write layer above an image, sharing all of the image's
// layers: an engine's real containers with the size the engine measures (SizeRw, what
// `docker ps -s` and `docker system df -v` show), or, for images from files, an illustration
// with an assumed size, labelled as such.

#include "image/imageinfo.h"
#include "tree/layertree.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace strata {

class ImageSource;

// The assumed size of a container's read-write layer unless the user sets one: 4 kB (docker's
// SI units), a container that wrote a pid file and a few log lines. A container that wrote
// nothing shows 0 B in `docker ps -s`; any figure here is an assumption and labelled as one.
inline constexpr qint64 kDefaultContainerLayerSize = 4000;

// One image to compare, with its layers when they have been read.
struct ReuseInput
{
    QString location;    // the source it comes from (ImageSource::location())
    int imageIndex = -1; // in its source
    ImageInfo image;
    // Loaded layers by position; missing, null or failed entries fall back to blob sizes.
    std::vector<std::shared_ptr<const LayerTree>> layers;
};

// The images of `archive` a reuse view shows: every image except the other-platform
// alternatives of an OCI index (ImageInfo::otherPlatform), in archive order; a container's
// image without its read-write layer. Layers not loaded.
std::vector<ReuseInput> reuseInputs(const ImageSource &source);

// A container on the image of input `input`: one the user added (assumed size) or one an
// engine runs (measured).
struct ContainerSpec
{
    int input = 0;
    qint64 size = kDefaultContainerLayerSize; // bytes of its read-write layer
    QString name;                             // empty: "container N" (N counted per image)
    bool measured = false;                    // the engine's SizeRw, not an assumption
    QString state;                            // measured: "running", "exited"...
};

enum class LayerMatch
{
    ChainId,    // diff_id + chain ID, from the image config (the normal case)
    BlobDigest, // no diff_id: a chain over blob digests stands in
    V1Id,       // docker save before 1.10: a chain over the v1 layer ids
    Member,     // nothing else known: the blob's path in its archive
};
QString layerMatchName(LayerMatch match); // "chainId", "blobDigest", "v1Id", "member"

enum class SizeSource
{
    Files, // counted from the layer's entries, as docker does
    Blob,  // the layer was not read: blob size as stored (compressed when the blob is)
};

// One stored layer: a distinct chain, drawn once and spanning every image that uses it. All its
// images have it at the same position (a chain fixes the depth).
struct ReuseLayer
{
    QString diffId;  // empty when the image config gives none
    QString chainId; // the real chain ID, empty when diff_ids are unknown
    QString key;     // what identity compares: chainId, or the substitute chain
    LayerMatch matchedBy = LayerMatch::ChainId;
    int position = 0; // 0 = bottom
    qint64 size = 0;  // see "Sizes" above
    SizeSource sizeSource = SizeSource::Blob;
    qint64 blobSize = -1; // as stored in the (first) archive
    QString createdBy;    // the history step that made it, from the first image that says
    QList<int> images;    // ReuseAnalysis::images indices, ascending
    // Columns, in ReuseAnalysis::columns order, that it spans: always contiguous.
    int firstColumn = 0;
    int lastColumn = 0;
    int sameDiffGroup = -1; // index into ReuseAnalysis::sameDiff, -1 when its diff is stored once

    bool isShared() const { return images.size() > 1; }
};

// Why one layer is stored again although its diff_id equals the group's first layer's.
struct ReuseDivergence
{
    int layer = -1;     // this ReuseLayer...
    int reference = -1; // ...against this one (the group's first)
    int divergesAt = 0; // lowest position at which the two stacks differ
    QString reason;     // one English sentence; the app words its own from the fields
};

// A diff_id stored more than once because it sits on different chains.
struct ReuseSameDiff
{
    QString diffId;
    QList<int> layers;                        // ReuseLayer indices, first appearance first
    std::vector<ReuseDivergence> divergences; // one per layer after the first
};

struct ReuseContainer
{
    int image = -1; // ReuseAnalysis::images index
    QString name;
    qint64 size = 0;
    bool measured = false; // size measured by the engine; assumed otherwise
    QString state;
};

struct ReuseImage
{
    QString name; // display name
    QStringList names;
    QString id;
    QStringList archives;  // where it was found; an image ID given twice is one image
    QList<int> inputs;     // the ReuseInput indices merged into it
    QList<int> layers;     // ReuseLayer index per position, bottom first
    qint64 size = 0;       // `docker images` SIZE
    qint64 sharedSize = 0; // in layers another image uses too
    qint64 uniqueSize = 0; // size - sharedSize
    QList<int> containers; // ReuseAnalysis::containers indices
    int column = 0;        // where it is drawn
};

struct ReuseTotals
{
    qint64 imagesSum = 0;    // Σ image sizes, as `docker images` lists them
    qint64 storedOnce = 0;   // Σ distinct layers, as `docker system df` counts them
    qint64 saved = 0;        // imagesSum - storedOnce
    double savedPercent = 0; // of imagesSum; 0 when imagesSum is 0
    int layerReferences = 0; // Σ layers per image
    int storedLayers = 0;    // distinct layers
    int sharedLayers = 0;    // distinct layers used by more than one image
    bool estimated = false;  // some layer size is a blob size (SizeSource::Blob)

    int containers = 0;
    bool containersAssumed = false;  // some container's size is an assumption
    qint64 containersSize = 0;       // Σ thin layers: what N containers really add
    qint64 containersIfCopied = 0;   // Σ (image size + thin layer): N full copies
    qint64 storedWithContainers = 0; // storedOnce + containersSize
};

struct ReuseAnalysis
{
    std::vector<ReuseImage> images; // input order (duplicates merged)
    std::vector<ReuseLayer> layers; // first appearance order
    std::vector<ReuseSameDiff> sameDiff;
    std::vector<ReuseContainer> containers;
    // Image indices left to right, ordered so every shared layer spans adjacent columns.
    QList<int> columns;
    int maxDepth = 0; // rows to draw: the most layers of any image
    ReuseTotals totals;
    QStringList notes; // substitute identities, unread layers, ignored specs
};

ReuseAnalysis analyzeReuse(const std::vector<ReuseInput> &inputs,
                           const std::vector<ContainerSpec> &containers = {});

// Docker's DiffSize of one layer read from its tar (see "Sizes").
qint64 dockerLayerSize(const LayerTree &layer);

} // namespace strata

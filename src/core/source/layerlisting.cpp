#include "source/layerlisting.h"

#include "source/imagesource.h"

#include <string_view>

namespace strata {

namespace {
constexpr std::string_view kWhiteoutPrefix = ".wh.";
constexpr std::string_view kOpaqueMarker = ".wh..wh..opq";

void classify(StoredEntry *stored)
{
    const std::string &path = stored->entry.path;
    const size_t slash = path.rfind('/');
    const std::string_view dir =
        slash == std::string::npos ? std::string_view() : std::string_view(path).substr(0, slash);
    const std::string_view base = slash == std::string::npos
                                      ? std::string_view(path)
                                      : std::string_view(path).substr(slash + 1);
    if (base == kOpaqueMarker) {
        stored->meaning = StoredEntry::Meaning::Opaque;
        stored->target = std::string(dir);
    } else if (base.starts_with(kWhiteoutPrefix) && base.size() > kWhiteoutPrefix.size()) {
        stored->meaning = StoredEntry::Meaning::Whiteout;
        stored->target = dir.empty() ? std::string() : std::string(dir) + '/';
        stored->target += base.substr(kWhiteoutPrefix.size());
    }
}
} // namespace

LayerListing listStoredEntries(const ImageSource &source, int image, int layer, size_t maxEntries,
                               const std::atomic_bool *cancel)
{
    LayerListing listing;
    const LayerInfo &info = source.images().at(size_t(image)).layers.at(layer);
    if (info.readWrite) {
        listing.error = Error::make(Error::Kind::Unsupported, source.location(),
                                    QStringLiteral("is a container's read-write layer: the engine "
                                                   "lists its changes, there is no tar"),
                                    QStringLiteral("layer %1").arg(layer));
        return listing;
    }
    Error error;
    source.readLayerBlobs(
        image, {layer},
        [&](int, ByteSource &blob) {
            LayerReader reader(blob, source.location(), info.member);
            StoredEntry stored;
            while (reader.next(&stored.entry)) {
                if (cancel && cancel->load()) {
                    listing.error = Error::make(Error::Kind::Cancelled, source.location(),
                                                QStringLiteral("was cancelled"), info.member);
                    return false;
                }
                ++listing.entryCount;
                if (listing.entries.size() >= maxEntries) {
                    listing.truncated = true;
                    continue;
                }
                stored.meaning = StoredEntry::Meaning::Entry;
                stored.target.clear();
                classify(&stored);
                listing.entries.push_back(stored);
            }
            if (reader.error())
                listing.error = reader.error();
            return false;
        },
        &error);
    if (error && !listing.error)
        listing.error = error;
    return listing;
}

} // namespace strata

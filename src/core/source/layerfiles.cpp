#include "source/layerfiles.h"

#include "source/imagesource.h"
#include "tree/layerreader.h"

namespace strata {

bool readLayerFiles(const ImageSource &source, int image, int layer,
                    const std::unordered_set<std::string> &paths,
                    const std::function<void(const std::string &path, const QByteArray *whole,
                                             LayerReader *reader)> &read,
                    Error *error)
{
    *error = {};
    if (source.isBuiltLayer(image, layer)) {
        constexpr qint64 kBuiltFileLimit = qint64(1) << 30;
        for (const std::string &path : paths) {
            Error fileError;
            const QByteArray data = source.readFile(image, layer, QString::fromStdString(path),
                                                    kBuiltFileLimit, &fileError);
            if (!fileError)
                read(path, &data, nullptr);
        }
        return true;
    }
    const QString member = source.images().at(size_t(image)).layers.at(layer).member;
    source.readLayerBlobs(
        image, {layer},
        [&](int, ByteSource &blob) {
            LayerReader reader(blob, source.location(), member);
            LayerEntry entry;
            while (reader.next(&entry)) {
                if (entry.type == FileType::Regular && paths.count(entry.path))
                    read(entry.path, nullptr, &reader);
            }
            if (reader.error())
                *error = reader.error();
            return false;
        },
        error);
    return !error->isError();
}

} // namespace strata

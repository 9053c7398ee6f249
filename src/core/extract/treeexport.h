#pragma once

#include "common/error.h"
#include "tree/overlaymerge.h"

#include <QStringList>

#include <atomic>
#include <functional>
#include <string>

namespace strata {

class ExportDestination;
class ImageSource;

struct ExportRequest
{
    int image = 0;
    int top = 0;      // the merged filesystem as of this layer
    std::string path; // a path of that tree ("etc/nginx"); empty: the whole filesystem
};

struct ExportObserver
{
    // Bytes of file data written so far and in all; called on the calling thread.
    std::function<void(qint64 done, qint64 total)> progress;
    const std::atomic_bool *cancel = nullptr; // polled between entries
};

struct ExportSummary
{
    qint64 entries = 0;       // written
    qint64 bytes = 0;         // of file data
    qint64 leftOut = 0;       // device nodes a folder cannot hold
    QStringList leftOutPaths; // the first few of them, for the message
};

// Writes the merged filesystem as of `request.top` (or one path of it with everything below)
// to `destination`, as `crane export` writes a container's: directories, symlinks and the
// rest from the merged tree, each file's bytes from the layer its visible copy comes from,
// every layer tar read once. A hardlink stays a hardlink when its target is exported too and
// is the same file; otherwise it is written with the bytes it held in its own layer. With a
// path, the entries are named from its last component ("nginx/nginx.conf"), as `docker cp`
// names them. `layers` are the image's, as loadLayers() gives them.
// The highest layer at or below `top` whose merged filesystem has `path`: `top` itself when it
// is there, the layer below the one that deleted it otherwise, -1 when no layer had it. What
// exporting or printing a deleted file starts from.
int layerHolding(LayerList layers, int top, std::string_view path);

bool exportTree(const ImageSource &source, LayerList layers, const ExportRequest &request,
                ExportDestination &destination, const ExportObserver &observer,
                ExportSummary *summary, Error *error);

} // namespace strata

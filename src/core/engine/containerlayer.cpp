#include "engine/containerlayer.h"

#include "archive/bytesource.h"
#include "common/paths.h"
#include "engine/engineclient.h"
#include "tree/layerindexer.h"

#include <QMutex>
#include <QtConcurrent/QtConcurrentMap>
#include <QThreadPool>

#include <vector>

namespace strata {

namespace {

// Enough of a path's tar for its header (and a long name's PAX record); the data is not
// wanted.
constexpr qint64 kHeaderBytes = qint64(64) * 1024;
constexpr int kConnections = 4;

struct PathWork
{
    QString path;      // as the engine wrote it: "/etc/nginx/conf.d"
    ListedEntry entry; // filled in
    bool found = false;
    Error error;
};

// The first entry of a path's tar, which is the path itself (named by its base name): type,
// size, mode, owner, mtime and link target, without its data.
bool describe(EngineClient &client, const QString &container, PathWork *work)
{
    const std::optional<QByteArray> tar =
        client.archivePath(container, work->path, kHeaderBytes, &work->error);
    if (!tar)
        return false;
    BufferSource bytes(*tar);
    LayerIndexOptions options;
    const LayerTree partial = indexLayer(bytes, options, client.endpoint().host, work->path);
    const std::string base(splitParent(work->entry.path).second);
    uint32_t node = partial.tree.child(0, base);
    if (node == kNoNode && partial.tree.children(0).second - partial.tree.children(0).first == 1)
        node = partial.tree.children(0).first; // an engine that names the entry otherwise
    if (node == kNoNode) {
        work->error = Error::make(
            Error::Kind::MalformedJson, client.endpoint().host,
            QStringLiteral("the engine's archive of %1 does not hold it").arg(work->path));
        return false;
    }
    work->entry.attrs = partial.tree.node(node);
    work->entry.attrs.flags = 0;
    if (work->entry.attrs.type == FileType::Symlink)
        work->entry.link = std::string(partial.tree.linkTarget(node));
    // Podman's archive follows a symlink to its target; its stat does not.
    if (client.version().kind == EngineKind::Podman) {
        const std::optional<EnginePathStat> stat =
            client.statPath(container, work->path, &work->error);
        if (!stat)
            return false;
        if (stat->type() == FileType::Symlink) {
            work->entry.attrs.type = FileType::Symlink;
            work->entry.attrs.size = 0;
            work->entry.attrs.mode = stat->permissions();
            work->entry.attrs.mtime = stat->mtime;
            work->entry.link = stat->linkTarget.toStdString();
        }
    }
    work->found = true;
    return true;
}

} // namespace

std::optional<ContainerLayer> readContainerLayer(const EngineEndpoint &endpoint,
                                                 const QString &containerId, uint16_t layer,
                                                 const std::atomic_bool *cancel,
                                                 const std::function<void(int, int)> &progress,
                                                 Error *error)
{
    EngineClient client(endpoint);
    const auto changes = client.changes(containerId, error);
    if (!changes)
        return std::nullopt;
    ContainerLayer result;
    result.changes = *changes;

    std::vector<PathWork> work;
    std::vector<ListedEntry> whiteouts;
    for (const EngineChange &change : *changes) {
        ListedEntry entry;
        cleanPath(change.path.toStdString(), &entry.path);
        if (entry.path.empty())
            continue;
        if (change.kind == EngineChange::Kind::Deleted) {
            entry.whiteout = true;
            whiteouts.push_back(std::move(entry));
        } else {
            work.push_back({change.path, std::move(entry), false, {}});
        }
    }

    // Chunks of paths, one connection each: the engine answers them side by side.
    std::vector<std::pair<size_t, size_t>> chunks;
    const size_t step = std::max<size_t>(1, (work.size() + kConnections - 1) / kConnections);
    for (size_t begin = 0; begin < work.size(); begin += step)
        chunks.emplace_back(begin, std::min(work.size(), begin + step));
    std::atomic<int> done{0};
    QMutex progressMutex;
    QThreadPool pool;
    pool.setMaxThreadCount(kConnections);
    QtConcurrent::blockingMap(&pool, chunks, [&](const std::pair<size_t, size_t> &chunk) {
        EngineClient own(endpoint);
        for (size_t i = chunk.first; i < chunk.second; ++i) {
            if (cancel && cancel->load())
                return;
            describe(own, containerId, &work[i]);
            const int now = ++done;
            if (progress) {
                QMutexLocker lock(&progressMutex);
                progress(now, int(work.size()));
            }
        }
    });
    if (cancel && cancel->load()) {
        *error = Error::make(Error::Kind::Cancelled, endpoint.host, QStringLiteral("cancelled"));
        return std::nullopt;
    }

    std::vector<ListedEntry> entries = std::move(whiteouts);
    bool anyMissing = false;
    for (PathWork &w : work) {
        if (w.found) {
            entries.push_back(std::move(w.entry));
        } else if (w.error.kind == Error::Kind::NotFound) {
            anyMissing = true;
            ++result.vanished;
        } else {
            *error = w.error;
            return std::nullopt;
        }
    }
    // A path that vanished is a running container at work, unless the container went.
    if (anyMissing && !client.inspectContainer(containerId, error)) {
        if (error->kind == Error::Kind::NotFound)
            error->message = QStringLiteral("the container was removed while Strata read it");
        return std::nullopt;
    }
    result.tree = layerFromEntries(entries, layer);
    return result;
}

} // namespace strata

#include "extract/treeexport.h"

#include "archive/bytesource.h"
#include "common/paths.h"
#include "extract/exportdestination.h"
#include "source/imagesource.h"
#include "tree/layerreader.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>
#include <unordered_map>
#include <vector>

namespace strata {

namespace {

using EntryPtr = std::unique_ptr<archive_entry, decltype(&archive_entry_free)>;

constexpr int kMaxLinkHops = 8;
constexpr int kLeftOutNamed = 5;

// One entry of the export that needs its layer's tar: a file's bytes, a device's numbers.
// Its attributes come from node `attrNode` of layer `attrLayer` (the visible entry, which for
// a hardlink written as a file is the link).
struct Output
{
    std::string name;
    uint32_t attrNode = kNoNode;
    uint16_t attrLayer = 0;
};

struct LinkOutput
{
    std::string name;
    std::string target;
    uint32_t attrNode = kNoNode;
    uint16_t attrLayer = 0;
};

EntryPtr entryFor(const std::string &name, const FileNode &n)
{
    EntryPtr e(archive_entry_new(), &archive_entry_free);
    archive_entry_set_pathname(e.get(), name.c_str());
    archive_entry_set_perm(e.get(), mode_t(n.mode & 07777));
    archive_entry_set_uid(e.get(), n.uid);
    archive_entry_set_gid(e.get(), n.gid);
    archive_entry_set_mtime(e.get(), time_t(n.mtime), 0);
    return e;
}

// Where the entry a layer's tar names `path` stands in its tree: the same path, unless a
// directory on the way is a symlink (of the layers below, or one the layer made), which the
// tree was resolved through as the engine writes it (resolveSymlinkParents).
uint32_t placedNode(LayerList layers, size_t layer, const std::string &path)
{
    const FileTree &own = layers[layer]->tree;
    const uint32_t direct = own.find(path);
    if (direct != kNoNode)
        return direct;
    const auto [dir, name] = splitParent(path);
    std::string current;
    for (std::string_view part : PathComponents(dir)) {
        std::string next = current.empty() ? std::string(part) : current + '/' + std::string(part);
        std::string_view target;
        const uint32_t mine = own.find(next);
        if (mine != kNoNode && own.type(mine) == FileType::Symlink) {
            target = own.linkTarget(mine);
        } else if (mine == kNoNode && layer > 0) {
            const MergedEntry below = findMerged(layers.first(layer), int(layer) - 1, next);
            if (below && below.attrs().type == FileType::Symlink)
                target = below.tree->linkTarget(below.node);
        }
        if (!target.empty()) {
            const std::string joined =
                target.starts_with('/') ? std::string(target) : current + '/' + std::string(target);
            cleanPath(joined, &next);
        }
        current = std::move(next);
    }
    return own.find(current.empty() ? std::string(name) : current + '/' + std::string(name));
}

class Export
{
public:
    Export(const ImageSource &source, LayerList layers, const ExportRequest &request,
           ExportDestination &destination, const ExportObserver &observer, ExportSummary *summary)
        : m_source(source), m_layers(layers), m_request(request), m_out(destination),
          m_observer(observer), m_summary(summary), m_wanted(layers.size())
    {
    }

    bool run(Error *error)
    {
        const std::string &root = m_request.path;
        if (!root.empty() && !findMerged(m_layers, m_request.top, root)) {
            *error = Error::make(Error::Kind::NotFound, m_source.location(),
                                 QStringLiteral("\"/%1\" is not in the filesystem as of layer %2")
                                     .arg(QString::fromStdString(root))
                                     .arg(m_request.top));
            return false;
        }
        const size_t keep = root.empty() ? 0 : root.size() - splitParent(root).second.size();
        visitMergedTree(m_layers, m_request.top, [&](std::string_view path, const MergedEntry &e) {
            if (m_failed || (!root.empty() && !(path == root || (path.starts_with(root) &&
                                                                 path[root.size()] == '/'))))
                return;
            plan(std::string(path.substr(keep)), e);
        });
        for (size_t l = 0; l < m_layers.size() && !m_failed; ++l) {
            if (!m_wanted[l].empty())
                copyFromLayer(l);
        }
        for (const LinkOutput &link : m_links) {
            if (m_failed)
                break;
            EntryPtr e = entryFor(link.name, m_layers[link.attrLayer]->tree.node(link.attrNode));
            archive_entry_set_filetype(e.get(), AE_IFREG);
            archive_entry_set_hardlink(e.get(), link.target.c_str());
            write(e.get());
        }
        if (!m_failed && !m_missing.empty()) {
            fail(Error::make(Error::Kind::DamagedLayer, m_source.location(),
                             QStringLiteral("\"/%1\" was not found in its layer's tar")
                                 .arg(QString::fromStdString(m_missing.front()))));
        }
        Error finished;
        if (!m_out.finish(&finished) && !m_failed)
            fail(finished);
        *error = m_error;
        return !m_failed;
    }

private:
    void fail(const Error &error)
    {
        if (!m_failed)
            m_error = error;
        m_failed = true;
    }
    bool cancelled()
    {
        if (m_observer.cancel && m_observer.cancel->load()) {
            fail(Error::make(Error::Kind::Cancelled, m_source.location(),
                             QStringLiteral("the export was cancelled")));
        }
        return m_failed;
    }
    void write(archive_entry *e)
    {
        if (!m_out.writeHeader(e))
            fail(m_out.error());
        else
            ++m_summary->entries;
    }

    // What one visible entry becomes: a header now, or a place in its layer's pass.
    void plan(std::string name, const MergedEntry &e)
    {
        const FileNode n = e.attrs();
        const uint16_t layer = uint16_t(e.treeLayer);
        switch (n.type) {
        case FileType::Directory:
        case FileType::Symlink:
        case FileType::Fifo: {
            EntryPtr header = entryFor(name, n);
            archive_entry_set_filetype(header.get(), n.type == FileType::Directory ? AE_IFDIR
                                                     : n.type == FileType::Symlink ? AE_IFLNK
                                                                                   : AE_IFIFO);
            if (n.type == FileType::Symlink)
                archive_entry_set_symlink(header.get(),
                                          std::string(e.tree->linkTarget(e.node)).c_str());
            write(header.get());
            return;
        }
        case FileType::CharDevice:
        case FileType::BlockDevice:
            if (m_out.kind() == ExportDestination::Kind::Folder) {
                ++m_summary->leftOut;
                if (m_summary->leftOutPaths.size() < kLeftOutNamed)
                    m_summary->leftOutPaths << QString::fromStdString(name);
                return;
            }
            want(layer, e.node, Output{std::move(name), e.node, layer});
            return;
        case FileType::Regular:
            want(layer, e.node, Output{std::move(name), e.node, layer});
            return;
        case FileType::Hardlink:
            planHardlink(std::move(name), e);
            return;
        }
    }

    // A hardlink holds the bytes its target had in the link's own layer. When the export
    // shows that same file under the target's name, it is a link to it; otherwise the file
    // is written with those bytes under the link's name.
    void planHardlink(std::string name, const MergedEntry &e)
    {
        std::string target(e.tree->linkTarget(e.node));
        MergedEntry source = findMerged(m_layers, int(e.treeLayer), target);
        for (int hop = 0; hop < kMaxLinkHops && source && source.attrs().type == FileType::Hardlink;
             ++hop) {
            target = std::string(source.tree->linkTarget(source.node));
            source = findMerged(m_layers, int(source.treeLayer), target);
        }
        if (!source || source.attrs().type != FileType::Regular) {
            m_missing.push_back(name);
            return;
        }
        const std::string &root = m_request.path;
        const MergedEntry visible = findMerged(m_layers, m_request.top, target);
        const bool exported = root.empty() || target == root || target.starts_with(root + '/');
        if (exported && visible.tree == source.tree && visible.node == source.node) {
            const size_t keep = root.empty() ? 0 : root.size() - splitParent(root).second.size();
            m_links.push_back(
                {std::move(name), target.substr(keep), e.node, uint16_t(e.treeLayer)});
            return;
        }
        want(uint16_t(source.treeLayer), source.node,
             Output{std::move(name), e.node, uint16_t(e.treeLayer)});
    }

    void want(uint16_t layer, uint32_t node, Output output)
    {
        auto &outputs = m_wanted[layer][node];
        if (outputs.empty())
            m_total += qint64(m_layers[layer]->tree.node(node).size);
        outputs.push_back(std::move(output));
    }

    // The header of one output: the tar's own entry (its xattrs and device numbers), with
    // the name, mode, owner and time of the visible entry.
    EntryPtr entryFrom(archive_entry *raw, const Output &output) const
    {
        EntryPtr e(archive_entry_clone(raw), &archive_entry_free);
        const FileNode a = m_layers[output.attrLayer]->tree.node(output.attrNode);
        archive_entry_set_pathname(e.get(), output.name.c_str());
        archive_entry_set_hardlink(e.get(), nullptr);
        archive_entry_set_perm(e.get(), mode_t(a.mode & 07777));
        archive_entry_set_uid(e.get(), a.uid);
        archive_entry_set_gid(e.get(), a.gid);
        archive_entry_set_mtime(e.get(), time_t(a.mtime), 0);
        return e;
    }

    // Every output this layer supplies, in one pass over its tar: the first with the bytes,
    // the others as hardlinks to it.
    void copyFromLayer(size_t layer)
    {
        auto &wanted = m_wanted[layer];
        if (m_source.isBuiltLayer(m_request.image, int(layer))) {
            copyFromBuiltLayer(layer);
            return;
        }
        const QString member = m_source.images()[size_t(m_request.image)].layers[layer].member;
        Error error;
        const bool read = m_source.readLayerBlobs(
            m_request.image, {int(layer)},
            [&](int, ByteSource &blob) {
                LayerReader reader(blob, m_source.location(), member);
                LayerEntry entry;
                std::vector<char> buffer(size_t(256) * 1024);
                while (!cancelled() && reader.next(&entry)) {
                    if (entry.type == FileType::Directory || entry.type == FileType::Symlink)
                        continue;
                    const auto it = wanted.find(placedNode(m_layers, layer, entry.path));
                    if (it == wanted.end())
                        continue;
                    const FileNode n = m_layers[layer]->tree.node(it->first);
                    // An earlier entry of a path listed twice: the last one is the file.
                    if (entry.type == FileType::Hardlink || qint64(n.size) != entry.size)
                        continue;
                    const std::vector<Output> &outputs = it->second;
                    write(entryFrom(reader.rawEntry(), outputs.front()).get());
                    for (qint64 got; !m_failed && (got = reader.read(buffer.data(),
                                                                     qint64(buffer.size()))) > 0;) {
                        if (!m_out.writeData(buffer.data(), size_t(got)))
                            fail(m_out.error());
                        m_done += got;
                        m_summary->bytes += got;
                        if (m_observer.progress)
                            m_observer.progress(m_done, m_total);
                    }
                    for (size_t i = 1; i < outputs.size() && !m_failed; ++i) {
                        EntryPtr link = entryFrom(reader.rawEntry(), outputs[i]);
                        archive_entry_set_size(link.get(), 0);
                        archive_entry_set_hardlink(link.get(), outputs.front().name.c_str());
                        write(link.get());
                    }
                    m_found.push_back(it->first);
                }
                if (reader.error())
                    fail(reader.error());
                return false;
            },
            &error);
        if (!read && error)
            fail(error);
        for (uint32_t node : m_found)
            wanted.erase(node);
        m_found.clear();
        for (const auto &[node, outputs] : wanted)
            m_missing.push_back(outputs.front().name);
    }

    // A container's read-write layer has no tar: its files are read one by one.
    void copyFromBuiltLayer(size_t layer)
    {
        const FileTree &tree = m_layers[layer]->tree;
        for (const auto &[node, outputs] : m_wanted[layer]) {
            if (cancelled())
                return;
            Error error;
            const QByteArray data = m_source.readFile(m_request.image, int(layer),
                                                      QString::fromStdString(tree.path(node)),
                                                      qint64(tree.node(node).size), &error);
            if (error) {
                fail(error);
                return;
            }
            for (size_t i = 0; i < outputs.size() && !m_failed; ++i) {
                EntryPtr e =
                    entryFor(outputs[i].name,
                             m_layers[outputs[i].attrLayer]->tree.node(outputs[i].attrNode));
                archive_entry_set_filetype(e.get(), AE_IFREG);
                if (i == 0) {
                    archive_entry_set_size(e.get(), data.size());
                } else {
                    archive_entry_set_hardlink(e.get(), outputs.front().name.c_str());
                }
                write(e.get());
                if (i == 0 && !m_failed && !m_out.writeData(data.constData(), size_t(data.size())))
                    fail(m_out.error());
            }
            m_done += data.size();
            m_summary->bytes += data.size();
            if (m_observer.progress)
                m_observer.progress(m_done, m_total);
        }
    }
    const ImageSource &m_source;
    LayerList m_layers;
    const ExportRequest &m_request;
    ExportDestination &m_out;
    const ExportObserver &m_observer;
    ExportSummary *m_summary;
    // Per layer: its nodes whose bytes are wanted, and where they go.
    std::vector<std::unordered_map<uint32_t, std::vector<Output>>> m_wanted;
    std::vector<LinkOutput> m_links; // written last, when their targets are there
    std::vector<uint32_t> m_found;
    std::vector<std::string> m_missing;
    qint64 m_total = 0;
    qint64 m_done = 0;
    bool m_failed = false;
    Error m_error;
};

} // namespace

int layerHolding(LayerList layers, int top, std::string_view path)
{
    for (int layer = top; layer >= 0; --layer) {
        if (findMerged(layers, layer, path))
            return layer;
    }
    return -1;
}

bool exportTree(const ImageSource &source, LayerList layers, const ExportRequest &request,
                ExportDestination &destination, const ExportObserver &observer,
                ExportSummary *summary, Error *error)
{
    *summary = {};
    *error = {};
    return Export(source, layers, request, destination, observer, summary).run(error);
}

} // namespace strata

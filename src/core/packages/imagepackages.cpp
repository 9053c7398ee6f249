#include "packages/imagepackages.h"

#include "common/paths.h"
#include "packages/apkdatabase.h"
#include "packages/dpkgdatabase.h"
#include "packages/languagepackages.h"
#include "packages/rpmdatabase.h"
#include "source/imagesource.h"
#include "source/layerfiles.h"
#include "tree/layerreader.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

namespace strata {

namespace {

enum class Role : uint8_t
{
    DpkgStatus,
    DpkgList,
    Apk,
    Rpm,
    RpmUnread, // Berkeley DB or ndb: named, not read
    PythonMetadata,
    PythonRecord,
    Npm,
    GoCandidate,
    OsRelease, // names the distribution in purls
};

// Database files are small; a bigger one is damaged or not what its name says.
constexpr qint64 kDatabaseLimit = qint64(256) << 20;
// Go binaries are a megabyte at least; smaller executables are scripts and C programs.
constexpr uint64_t kGoMinimum = uint64_t(1) << 20;

bool endsWith(std::string_view text, std::string_view end)
{
    return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

bool inRpmFolder(std::string_view dir)
{
    return dir == "var/lib/rpm" || dir == "usr/lib/sysimage/rpm";
}

// What a file of a layer is to the package readers, from its path alone.
std::optional<Role> roleOf(const std::string &path, const FileNode &node)
{
    const auto [dir, name] = splitParent(path);
    if (path == "var/lib/dpkg/status" ||
        (dir == "var/lib/dpkg/status.d" && !endsWith(name, ".md5sums")))
        return Role::DpkgStatus;
    if (dir == "var/lib/dpkg/info" && endsWith(name, ".list"))
        return Role::DpkgList;
    if (path == "lib/apk/db/installed")
        return Role::Apk;
    if (path == "etc/os-release" || path == "usr/lib/os-release")
        return Role::OsRelease;
    if (inRpmFolder(dir) && name == "rpmdb.sqlite")
        return Role::Rpm;
    if (inRpmFolder(dir) && (name == "Packages" || name == "Packages.db"))
        return Role::RpmUnread;
    if (endsWith(dir, ".dist-info") && name == "METADATA")
        return Role::PythonMetadata;
    if (endsWith(dir, ".dist-info") && name == "RECORD")
        return Role::PythonRecord;
    if (name == "package.json") {
        const auto [up, package] = splitParent(dir);
        const auto [upper, scope] = splitParent(up);
        if (!package.empty() && (endsWith(up, "node_modules") ||
                                 (scope.starts_with('@') && endsWith(upper, "node_modules"))))
            return Role::Npm;
    }
    if ((node.mode & 0111) && node.size >= kGoMinimum)
        return Role::GoCandidate;
    return std::nullopt;
}

// Packages that are "the same one" for a comparison: kind and name, and where several
// copies can live side by side (Python, npm, Go), the folder or binary too.
std::string identity(const Package &p)
{
    std::string key = std::to_string(int(p.kind)) + '\n' + p.name.toStdString();
    if (p.kind == PackageKind::Npm || p.kind == PackageKind::Python || p.kind == PackageKind::Go) {
        std::string where(splitParent(p.source).first);
        if (p.kind == PackageKind::Python) // the dist-info folder's name holds the version
            where = std::string(splitParent(where).first);
        if (p.kind == PackageKind::Go)
            where = p.source;
        key += '\n' + where;
    }
    return key;
}

// The copy of a file the merged tree shows as of some layer: the layer it comes from.
using Copy = std::pair<std::string, int>;

class Reader
{
public:
    Reader(const ImageSource &source, int image, LayerList layers, const PackageObserver &observer)
        : m_source(source), m_image(image), m_layers(layers), m_observer(observer)
    {
    }

    ImagePackages run()
    {
        findCandidates();
        // The databases first, then the Go binaries no system package owns.
        if (!readDatabases([](Role role) { return role != Role::GoCandidate; }))
            return std::move(m_result);
        m_result.distribution = distribution();
        for (size_t l = 0; l < m_layers.size(); ++l)
            m_result.layers.push_back(packagesAt(int(l)));
        if (!readGoBinaries())
            return std::move(m_result);
        for (size_t l = 0; l < m_layers.size(); ++l) {
            LayerPackages &layer = m_result.layers[l];
            for (const PackagePtr &go : goPackagesAt(int(l)))
                layer.packages.push_back(go);
            sortPackages(&layer.packages);
            if (l > 0)
                keepUnchanged(m_result.layers[l - 1].packages, &layer.packages);
            layer.changes =
                comparePackages(l > 0 ? m_result.layers[l - 1].packages : std::vector<PackagePtr>(),
                                layer.packages);
            countLayerBytes(int(l), &layer.changes);
        }
        return std::move(m_result);
    }

private:
    void findCandidates()
    {
        for (size_t l = 0; l < m_layers.size(); ++l) {
            if (!m_layers[l])
                continue;
            const FileTree &tree = m_layers[l]->tree;
            for (uint32_t i = 1; i < tree.nodeCount(); ++i) {
                if (tree.type(i) != FileType::Regular || (tree.flags(i) & NodeFlag::Whiteout))
                    continue;
                // Names first: a path is built only for the few that can matter.
                const std::string_view name = tree.name(i);
                const FileNode node = tree.node(i);
                const bool named = name == "status" || endsWith(name, ".list") ||
                                   name == "installed" || name == "rpmdb.sqlite" ||
                                   name == "Packages" || name == "Packages.db" ||
                                   name == "METADATA" || name == "RECORD" ||
                                   name == "package.json" || name == "os-release";
                const bool executable = (node.mode & 0111) && node.size >= kGoMinimum;
                if (!named && !executable && tree.name(tree.parent(i)) != "status.d")
                    continue;
                std::string path = tree.path(i);
                if (const std::optional<Role> role = roleOf(path, node))
                    m_roles.emplace(std::move(path), *role);
            }
        }
        for (const auto &[path, role] : m_roles) {
            if (role == Role::RpmUnread)
                m_result.notRead << QStringLiteral("/%1: the %2 rpm database of rpm before 4.16, "
                                                   "which Strata does not read")
                                        .arg(QString::fromStdString(path),
                                             endsWith(path, ".db") ? QStringLiteral("ndb")
                                                                   : QStringLiteral("Berkeley DB"));
        }
    }

    // The layer whose copy of `path` the merged tree shows as of `layer`, or -1.
    int copyAt(const std::string &path, int layer) const
    {
        const MergedEntry entry = findMerged(m_layers, layer, path);
        if (!entry || entry.attrs().type != FileType::Regular)
            return -1;
        return int(entry.treeLayer);
    }

    using Copies = std::map<int, std::unordered_set<std::string>>;

    // The copies some layer shows of the paths whose role `wanted(role)` takes, by the layer
    // that holds each, leaving out those `skip(path, layer)` names.
    template <typename Wanted, typename Skip> Copies shownCopies(Wanted wanted, Skip skip) const
    {
        Copies perLayer;
        for (const auto &[path, role] : m_roles) {
            if (!wanted(role))
                continue;
            for (size_t l = 0; l < m_layers.size(); ++l) {
                const int copy = copyAt(path, int(l));
                if (copy >= 0 && !skip(path, copy))
                    perLayer[copy].insert(path);
            }
        }
        return perLayer;
    }

    // Reads the copies, each layer's once, handing `use(path, layer, bytes)` each file of at
    // most `limit` bytes. False, with the error kept, when a layer could not be read or the
    // reading was cancelled.
    template <typename Use>
    bool readCopies(const Copies &perLayer, qint64 limit, bool reportProgress, Use use)
    {
        int done = 0;
        for (const auto &group : perLayer) {
            const int layer = group.first;
            if (m_observer.cancel && m_observer.cancel->load()) {
                m_result.error = Error::make(Error::Kind::Cancelled, m_source.location(),
                                             QStringLiteral("reading the packages was cancelled"));
                return false;
            }
            Error error;
            readLayerFiles(
                m_source, m_image, layer, group.second,
                [&](const std::string &path, const QByteArray *whole, LayerReader *reader) {
                    QByteArray data;
                    if (whole)
                        data = *whole;
                    else if (!reader->readAll(&data, limit))
                        return;
                    use(path, layer, std::move(data));
                },
                &error);
            if (error) {
                m_result.error = error;
                return false;
            }
            if (reportProgress && m_observer.progress)
                m_observer.progress(++done, int(perLayer.size()));
        }
        return true;
    }

    // Reads every copy of the databases `wanted` picks that some layer shows.
    template <typename Wanted> bool readDatabases(Wanted wanted)
    {
        const Copies perLayer =
            shownCopies([&](Role role) { return wanted(role) && role != Role::RpmUnread; },
                        [this](const std::string &path, int copy) {
                            return m_contents.count({path, copy}) > 0;
                        });
        return readCopies(perLayer, kDatabaseLimit, true,
                          [this](const std::string &path, int layer, QByteArray data) {
                              m_contents[{path, layer}] = std::move(data);
                          });
    }

    const QByteArray *contentOf(const std::string &path, int layer) const
    {
        const int copy = copyAt(path, layer);
        const auto it = m_contents.find({path, copy});
        return it == m_contents.end() ? nullptr : &it->second;
    }

    // The packages of one database copy, parsed once however many layers show it.
    const std::vector<PackagePtr> &parsed(const std::string &path, int layer, Role role)
    {
        const int copy = copyAt(path, layer);
        const auto cached = m_parsed.find({path, copy});
        if (cached != m_parsed.end())
            return cached->second;
        std::vector<Package> packages;
        const QByteArray *data = contentOf(path, layer);
        if (data) {
            switch (role) {
            case Role::DpkgStatus:
                packages = parseDpkgStatus(*data, path);
                break;
            case Role::Apk:
                packages = parseApkInstalled(*data, path);
                break;
            case Role::Rpm: {
                QString why;
                if (!parseRpmSqlite(*data, path, &packages, &why))
                    m_result.notRead
                        << QStringLiteral("/%1 %2").arg(QString::fromStdString(path), why);
                break;
            }
            case Role::Npm: {
                Package p;
                if (parseNpmPackage(*data, path, &p))
                    packages.push_back(std::move(p));
                break;
            }
            default:
                break;
            }
        }
        std::vector<PackagePtr> &out = m_parsed[{path, copy}];
        for (Package &p : packages)
            out.push_back(std::make_shared<const Package>(std::move(p)));
        return out;
    }

    LayerPackages packagesAt(int layer)
    {
        LayerPackages result;
        // dpkg: the status stanzas, each with its file list as of this layer.
        std::map<std::pair<std::string, int>, PackagePtr> &dpkgCache = m_dpkg;
        for (const auto &[path, role] : m_roles) {
            if (copyAt(path, layer) < 0)
                continue;
            switch (role) {
            case Role::DpkgStatus:
                for (const PackagePtr &p : parsed(path, layer, role)) {
                    const std::string list = listOf(*p, layer);
                    const int listCopy = list.empty() ? -1 : copyAt(list, layer);
                    const auto key = std::make_pair(p->source + '\n' + p->name.toStdString() +
                                                        '\n' + std::to_string(copyAt(path, layer)),
                                                    listCopy);
                    PackagePtr &withFiles = dpkgCache[key];
                    if (!withFiles) {
                        Package copy = *p;
                        if (const QByteArray *data =
                                list.empty() ? nullptr : contentOf(list, layer))
                            copy.files = parseDpkgFileList(*data);
                        withFiles = std::make_shared<const Package>(std::move(copy));
                    }
                    result.packages.push_back(withFiles);
                }
                break;
            case Role::Apk:
            case Role::Rpm:
            case Role::Npm:
                for (const PackagePtr &p : parsed(path, layer, role))
                    result.packages.push_back(p);
                break;
            case Role::PythonMetadata: {
                const std::string distInfo(splitParent(path).first);
                const std::string record = distInfo + "/RECORD";
                const auto key = std::make_pair(path + '\n' + std::to_string(copyAt(path, layer)),
                                                copyAt(record, layer));
                PackagePtr &python = m_python[key];
                if (!python) {
                    Package p;
                    const QByteArray *metadata = contentOf(path, layer);
                    const QByteArray *files = contentOf(record, layer);
                    if (metadata && parsePythonDistribution(
                                        *metadata, files ? *files : QByteArray(), distInfo, &p))
                        python = std::make_shared<const Package>(std::move(p));
                }
                if (python)
                    result.packages.push_back(python);
                break;
            }
            default:
                break;
            }
        }
        return result;
    }

    // os-release's ID as of the top layer ("debian", "alpine"), for the purls.
    QString distribution() const
    {
        const int top = int(m_layers.size()) - 1;
        for (const char *path : {"etc/os-release", "usr/lib/os-release"}) {
            const QByteArray *data = top >= 0 ? contentOf(path, top) : nullptr;
            if (!data)
                continue;
            for (const QByteArray &line : data->split('\n')) {
                if (line.startsWith("ID="))
                    return QString::fromUtf8(line.mid(3).trimmed()).remove(QLatin1Char('"'));
            }
        }
        return {};
    }

    // dpkg's list of a package's files: NAME.list, or NAME:ARCH.list for multi-arch ones.
    std::string listOf(const Package &p, int layer) const
    {
        const std::string base = "var/lib/dpkg/info/" + p.name.toStdString();
        std::string plain = base + ".list";
        if (copyAt(plain, layer) >= 0)
            return plain;
        const std::string arch = base + ':' + p.architecture.toStdString() + ".list";
        return copyAt(arch, layer) >= 0 ? arch : std::string();
    }

    bool readGoBinaries()
    {
        // A binary a system package installed is no Go program of the image's own.
        const PackageOwners owners(m_result.layers.empty() ? std::vector<PackagePtr>()
                                                           : m_result.layers.back().packages);
        for (auto it = m_roles.begin(); it != m_roles.end();) {
            if (it->second == Role::GoCandidate && owners.ownerOf(it->first))
                it = m_roles.erase(it);
            else
                ++it;
        }
        const Copies perLayer = shownCopies([](Role role) { return role == Role::GoCandidate; },
                                            [](const std::string &, int) { return false; });
        return readCopies(perLayer, kDatabaseLimit * 4, false,
                          [this](const std::string &path, int layer, const QByteArray &data) {
                              if (!data.startsWith("\x7f"
                                                   "ELF"))
                                  return;
                              std::vector<PackagePtr> &out = m_parsed[{path, layer}];
                              out.clear();
                              for (Package &p : parseGoBuildInfo(data, path))
                                  out.push_back(std::make_shared<const Package>(std::move(p)));
                          });
    }

    std::vector<PackagePtr> goPackagesAt(int layer) const
    {
        std::vector<PackagePtr> out;
        for (const auto &[path, role] : m_roles) {
            if (role != Role::GoCandidate)
                continue;
            const auto it = m_parsed.find({path, copyAt(path, layer)});
            if (it != m_parsed.end())
                out.insert(out.end(), it->second.begin(), it->second.end());
        }
        return out;
    }

    // A database a layer rewrote lists its unchanged packages again: they stay the objects
    // the layer below has, so that every package is the one the layer that installed it made.
    static void keepUnchanged(const std::vector<PackagePtr> &below,
                              std::vector<PackagePtr> *packages)
    {
        std::map<std::string, PackagePtr> earlier;
        for (const PackagePtr &p : below)
            earlier.emplace(identity(*p), p);
        for (PackagePtr &p : *packages) {
            const auto it = earlier.find(identity(*p));
            if (it != earlier.end() && it->second->version == p->version)
                p = it->second;
        }
    }

    static void sortPackages(std::vector<PackagePtr> *packages)
    {
        std::stable_sort(packages->begin(), packages->end(),
                         [](const PackagePtr &a, const PackagePtr &b) {
                             if (a->kind != b->kind)
                                 return a->kind < b->kind;
                             if (a->name != b->name)
                                 return a->name < b->name;
                             return a->source < b->source;
                         });
    }

    // The bytes of each added or upgraded package's files that this layer's own tar holds.
    void countLayerBytes(int layer, std::vector<PackageChange> *changes) const
    {
        const FileTree &tree = m_layers[size_t(layer)]->tree;
        for (PackageChange &change : *changes) {
            if (!change.after)
                continue;
            const Package &p = *change.after;
            if (p.kind == PackageKind::Npm) {
                const uint32_t folder = tree.find(splitParent(p.source).first);
                change.layerBytes = folder == kNoNode ? 0 : qint64(tree.totalSize(folder));
                continue;
            }
            qint64 bytes = 0;
            for (const std::string &file : p.files) {
                const uint32_t node = tree.find(file);
                if (node != kNoNode && tree.type(node) == FileType::Regular)
                    bytes += qint64(tree.node(node).size);
            }
            change.layerBytes = bytes;
        }
    }

    const ImageSource &m_source;
    int m_image;
    LayerList m_layers;
    const PackageObserver &m_observer;
    ImagePackages m_result;
    std::map<std::string, Role> m_roles; // every candidate path of every layer
    std::map<Copy, QByteArray> m_contents;
    std::map<Copy, std::vector<PackagePtr>> m_parsed;
    std::map<std::pair<std::string, int>, PackagePtr> m_dpkg;
    std::map<std::pair<std::string, int>, PackagePtr> m_python;
};

} // namespace

ImagePackages readImagePackages(const ImageSource &source, int image, LayerList layers,
                                const PackageObserver &observer)
{
    return Reader(source, image, layers, observer).run();
}

std::vector<PackageChange> comparePackages(const std::vector<PackagePtr> &before,
                                           const std::vector<PackagePtr> &after)
{
    std::map<std::string, PackagePtr> old;
    for (const PackagePtr &p : before)
        old.emplace(identity(*p), p);
    std::vector<PackageChange> changes;
    std::set<std::string> seen;
    for (const PackagePtr &p : after) {
        const std::string key = identity(*p);
        seen.insert(key);
        const auto it = old.find(key);
        if (it == old.end())
            changes.push_back({PackageChange::Kind::Added, nullptr, p, 0});
        else if (it->second->version != p->version)
            changes.push_back({PackageChange::Kind::Upgraded, it->second, p, 0});
    }
    for (const PackagePtr &p : before) {
        if (!seen.count(identity(*p)))
            changes.push_back({PackageChange::Kind::Removed, p, nullptr, 0});
    }
    std::stable_sort(changes.begin(), changes.end(),
                     [](const PackageChange &a, const PackageChange &b) {
                         const Package &pa = a.package();
                         const Package &pb = b.package();
                         return pa.kind != pb.kind ? pa.kind < pb.kind : pa.name < pb.name;
                     });
    return changes;
}

PackageOwners::PackageOwners(const std::vector<PackagePtr> &packages) : m_packages(packages)
{
    for (const PackagePtr &p : m_packages) {
        if (p->kind == PackageKind::Npm)
            m_folders.emplace(splitParent(p->source).first, p.get());
        for (const std::string &file : p->files)
            m_files.emplace(file, p.get());
        if (p->kind == PackageKind::Python)
            m_files.emplace(p->source, p.get());
    }
}

const Package *PackageOwners::ownerOf(std::string_view path) const
{
    const auto file = m_files.find(path);
    if (file != m_files.end())
        return file->second;
    // The innermost npm package folder above the path.
    for (std::string_view dir = splitParent(path).first; !dir.empty();
         dir = splitParent(dir).first) {
        const auto folder = m_folders.find(dir);
        if (folder != m_folders.end())
            return folder->second;
    }
    return nullptr;
}

} // namespace strata

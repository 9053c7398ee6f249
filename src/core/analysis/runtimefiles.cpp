#include "analysis/runtimefiles.h"

#include <QtEndian>

#include <algorithm>
#include <deque>
#include <set>

namespace strata {

namespace {

constexpr uint32_t kPtLoad = 1;
constexpr uint32_t kPtDynamic = 2;
constexpr uint32_t kPtInterp = 3;
constexpr int64_t kDtNull = 0;
constexpr int64_t kDtNeeded = 1;
constexpr int64_t kDtStrtab = 5;
constexpr int64_t kDtRpath = 15;
constexpr int64_t kDtRunpath = 29;

// Bounds-checked reads of one ELF file's integers, in its byte order.
class ElfBytes
{
public:
    ElfBytes(const QByteArray &file, bool bigEndian) : m_file(file), m_big(bigEndian) {}

    bool has(uint64_t offset, uint64_t size) const
    {
        return offset <= uint64_t(m_file.size()) && size <= uint64_t(m_file.size()) - offset;
    }
    uint64_t u(uint64_t offset, int size) const
    {
        if (!has(offset, uint64_t(size)))
            return 0;
        const uchar *p = reinterpret_cast<const uchar *>(m_file.constData()) + offset;
        switch (size) {
        case 2:
            return m_big ? qFromBigEndian<quint16>(p) : qFromLittleEndian<quint16>(p);
        case 4:
            return m_big ? qFromBigEndian<quint32>(p) : qFromLittleEndian<quint32>(p);
        default:
            return m_big ? qFromBigEndian<quint64>(p) : qFromLittleEndian<quint64>(p);
        }
    }
    std::string string(uint64_t offset) const
    {
        std::string text;
        while (has(offset, 1) && m_file[qsizetype(offset)] != '\0' && text.size() < 4096)
            text += m_file[qsizetype(offset++)];
        return text;
    }

private:
    const QByteArray &m_file;
    bool m_big;
};

struct Segment
{
    uint64_t type, offset, vaddr, filesz;
};

std::vector<std::string> splitPath(std::string_view text, char separator)
{
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(separator, start);
        if (end == std::string_view::npos)
            end = text.size();
        if (end > start)
            parts.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

std::string joinPath(const std::vector<std::string> &parts)
{
    std::string path;
    for (const std::string &part : parts)
        path += (path.empty() ? "" : "/") + part;
    return path;
}

// A path of the merged tree with every symlink on the way followed, as the kernel would, from
// `dir` when the path is relative; the entry it ends at, or an empty one.
MergedEntry resolve(LayerList layers, int top, std::string_view path, std::string *resolved,
                    std::string_view dir = {})
{
    std::vector<std::string> done =
        path.starts_with('/') ? std::vector<std::string>{} : splitPath(dir, '/');
    std::deque<std::string> todo;
    for (std::string &part : splitPath(path, '/'))
        todo.push_back(std::move(part));
    MergedEntry entry;
    for (int hops = 0; !todo.empty();) {
        const std::string part = std::move(todo.front());
        todo.pop_front();
        if (part == ".")
            continue;
        if (part == "..") {
            if (!done.empty())
                done.pop_back();
            continue;
        }
        done.push_back(part);
        entry = findMerged(layers, top, joinPath(done));
        if (!entry)
            return {};
        const FileNode node = entry.attrs();
        if (node.type != FileType::Symlink)
            continue;
        if (++hops > 40)
            return {};
        const std::string_view target = entry.tree->linkTarget(entry.node);
        done.pop_back();
        if (target.starts_with('/'))
            done.clear();
        std::vector<std::string> parts = splitPath(target, '/');
        todo.insert(todo.begin(), parts.begin(), parts.end());
        entry = {};
    }
    *resolved = joinPath(done);
    return entry;
}

// Where the dynamic loader looks, after DT_RUNPATH: the multiarch directories of Debian and
// Ubuntu for the program's machine, then the classic ones.
std::vector<std::string> libraryDirectories(uint16_t machine)
{
    std::string triplet;
    switch (machine) {
    case 62:
        triplet = "x86_64-linux-gnu";
        break;
    case 183:
        triplet = "aarch64-linux-gnu";
        break;
    case 40:
        triplet = "arm-linux-gnueabihf";
        break;
    case 3:
        triplet = "i386-linux-gnu";
        break;
    default:
        break;
    }
    std::vector<std::string> dirs;
    if (!triplet.empty())
        dirs = {"lib/" + triplet, "usr/lib/" + triplet};
    for (const char *dir : {"lib64", "usr/lib64", "lib", "usr/lib", "usr/local/lib"})
        dirs.emplace_back(dir);
    return dirs;
}

qint64 fileSize(LayerList layers, const MergedEntry &entry)
{
    const FileNode node = entry.attrs();
    if (node.type == FileType::Hardlink)
        return qint64(hardlinkSize(layers, entry.layer, entry.tree->linkTarget(entry.node)));
    return node.type == FileType::Regular ? qint64(node.size) : 0;
}

// The file a command names: a path, or a name looked up in the image's PATH.
MergedEntry findCommand(const ImageConfig &config, LayerList layers, int top,
                        const std::string &name, std::string *resolved)
{
    if (name.find('/') != std::string::npos)
        return resolve(layers, top, name, resolved, config.workingDir.toStdString());
    std::string pathVariable = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    for (const QString &variable : config.env) {
        if (variable.startsWith(QLatin1String("PATH=")))
            pathVariable = variable.mid(5).toStdString();
    }
    for (const std::string &dir : splitPath(pathVariable, ':')) {
        MergedEntry entry =
            resolve(layers, top, std::string(dir).append("/").append(name), resolved);
        if (entry && entry.attrs().type != FileType::Directory)
            return entry;
    }
    return {};
}

constexpr qint64 kMaxElfBytes = qint64(512) * 1024 * 1024;

} // namespace

ElfDependencies readElfDependencies(const QByteArray &file)
{
    ElfDependencies deps;
    if (file.size() < 52 || !file.startsWith("\x7f"
                                             "ELF"))
        return deps;
    const bool wide = file[4] == 2;
    const bool big = file[5] == 2;
    const ElfBytes elf(file, big);
    const int word = wide ? 8 : 4;
    deps.machine = uint16_t(elf.u(18, 2));
    const uint64_t phoff = elf.u(wide ? 32 : 28, word);
    const uint64_t phentsize = elf.u(wide ? 54 : 42, 2);
    const uint64_t phnum = elf.u(wide ? 56 : 44, 2);
    if (phentsize == 0 || !elf.has(phoff, phentsize * phnum))
        return deps;
    std::vector<Segment> segments;
    for (uint64_t i = 0; i < phnum; ++i) {
        const uint64_t at = phoff + i * phentsize;
        if (wide)
            segments.push_back(
                {elf.u(at, 4), elf.u(at + 8, 8), elf.u(at + 16, 8), elf.u(at + 32, 8)});
        else
            segments.push_back(
                {elf.u(at, 4), elf.u(at + 4, 4), elf.u(at + 8, 4), elf.u(at + 16, 4)});
    }
    deps.valid = true;
    // Addresses in the dynamic section are virtual: the load segment holding one says where
    // its bytes are in the file.
    auto fileOffset = [&](uint64_t address) -> uint64_t {
        for (const Segment &s : segments) {
            if (s.type == kPtLoad && address >= s.vaddr && address - s.vaddr < s.filesz)
                return s.offset + (address - s.vaddr);
        }
        return UINT64_MAX;
    };
    for (const Segment &s : segments) {
        if (s.type == kPtInterp)
            deps.interpreter = elf.string(s.offset);
        if (s.type != kPtDynamic)
            continue;
        std::vector<uint64_t> neededAt;
        uint64_t strtab = 0, runpath = UINT64_MAX, rpath = UINT64_MAX;
        const uint64_t entrySize = uint64_t(2) * word;
        for (uint64_t at = s.offset; at + entrySize <= s.offset + s.filesz; at += entrySize) {
            const int64_t tag = int64_t(elf.u(at, word));
            const uint64_t value = elf.u(at + word, word);
            if (tag == kDtNull || !elf.has(at, entrySize))
                break;
            if (tag == kDtNeeded)
                neededAt.push_back(value);
            else if (tag == kDtStrtab)
                strtab = value;
            else if (tag == kDtRunpath)
                runpath = value;
            else if (tag == kDtRpath)
                rpath = value;
        }
        const uint64_t strings = fileOffset(strtab);
        if (strings == UINT64_MAX)
            continue;
        for (uint64_t offset : neededAt)
            deps.needed.push_back(elf.string(strings + offset));
        const uint64_t search = runpath != UINT64_MAX ? runpath : rpath;
        if (search != UINT64_MAX)
            deps.runPath = splitPath(elf.string(strings + search), ':');
    }
    return deps;
}

RuntimeFiles findRuntimeFiles(const ImageConfig &config, LayerList layers, int top,
                              const MergedFileReader &read)
{
    RuntimeFiles result;
    QStringList argv = config.entrypoint.isEmpty() ? config.cmd : config.entrypoint;
    if (argv.isEmpty() || top < 0)
        return result;
    std::string resolved;
    const MergedEntry program =
        findCommand(config, layers, top, argv.first().toStdString(), &resolved);
    if (!program)
        return result;
    result.command = resolved;

    std::set<std::string> seen;
    std::deque<std::pair<std::string, MergedEntry>> todo{{resolved, program}};
    uint16_t machine = 0;
    while (!todo.empty()) {
        auto [path, entry] = todo.front();
        todo.pop_front();
        if (!seen.insert(path).second)
            continue;
        result.files.push_back(path);
        result.bytes += fileSize(layers, entry);
        const ElfDependencies deps = readElfDependencies(read(entry.layer, path, kMaxElfBytes));
        if (!deps.valid) {
            if (path == resolved)
                return result; // a script: its interpreter needs more than its libraries
            continue;
        }
        if (path == resolved) {
            result.elf = true;
            machine = deps.machine;
        }
        auto add = [&](const std::string &wanted, MergedEntry found, const std::string &at) {
            if (found && found.attrs().type != FileType::Directory)
                todo.emplace_back(at, found);
            else
                result.missing.push_back(wanted);
        };
        if (!deps.interpreter.empty()) {
            std::string at;
            add(deps.interpreter, resolve(layers, top, deps.interpreter, &at), at);
        }
        const size_t slash = path.rfind('/');
        const std::string origin = slash == std::string::npos ? "" : path.substr(0, slash);
        for (const std::string &library : deps.needed) {
            std::vector<std::string> dirs;
            for (std::string dir : deps.runPath) {
                if (dir.starts_with("$ORIGIN"))
                    dir = std::string("/").append(origin).append(dir.substr(7));
                dirs.push_back(dir);
            }
            for (const std::string &dir : libraryDirectories(machine))
                dirs.push_back(dir);
            MergedEntry found;
            std::string at;
            if (library.find('/') != std::string::npos) {
                found = resolve(layers, top, library, &at);
            } else {
                for (const std::string &dir : dirs) {
                    found = resolve(layers, top, std::string(dir).append("/").append(library), &at);
                    if (found && found.attrs().type != FileType::Directory)
                        break;
                }
            }
            add(library, found, at);
        }
    }
    std::sort(result.missing.begin(), result.missing.end());
    result.missing.erase(std::unique(result.missing.begin(), result.missing.end()),
                         result.missing.end());
    return result;
}

} // namespace strata

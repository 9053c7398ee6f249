#include "imagewriter/imagewriter.h"

#include <utility>

namespace strata::imagewriter {

Entry Entry::file(std::string path, QByteArray content, uint32_t mode)
{
    Entry e;
    e.type = Type::File;
    e.path = std::move(path);
    e.content = std::move(content);
    e.mode = mode;
    return e;
}

Entry Entry::dir(std::string path, uint32_t mode)
{
    Entry e;
    e.type = Type::Dir;
    e.path = std::move(path);
    e.mode = mode;
    return e;
}

Entry Entry::symlink(std::string path, std::string target)
{
    Entry e;
    e.type = Type::Symlink;
    e.path = std::move(path);
    e.linkTarget = std::move(target);
    e.mode = 0777;
    return e;
}

Entry Entry::hardlink(std::string path, std::string target, uint32_t mode)
{
    Entry e;
    e.type = Type::Hardlink;
    e.path = std::move(path);
    e.linkTarget = std::move(target);
    e.mode = mode;
    return e;
}

Entry Entry::fifo(std::string path, uint32_t mode)
{
    Entry e;
    e.type = Type::Fifo;
    e.path = std::move(path);
    e.mode = mode;
    return e;
}

Entry Entry::charDevice(std::string path, uint32_t major, uint32_t minor, uint32_t mode)
{
    Entry e;
    e.type = Type::CharDevice;
    e.path = std::move(path);
    e.mode = mode;
    e.devMajor = major;
    e.devMinor = minor;
    return e;
}

Entry Entry::whiteout(const std::string &path)
{
    const auto slash = path.rfind('/');
    const std::string parent =
        slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    return file(parent + ".wh." + name, {}, 0644);
}

Entry Entry::opaque(const std::string &dir)
{
    std::string prefix = dir;
    if (!prefix.empty() && prefix.back() != '/')
        prefix += '/';
    return file(prefix + ".wh..wh..opq", {}, 0644);
}

} // namespace strata::imagewriter

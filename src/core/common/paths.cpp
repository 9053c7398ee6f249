#include "common/paths.h"

#include <vector>

namespace strata {

namespace {
// Most names are already clean ("usr/bin/ls", "usr/bin/"): no "", "." or ".." components.
bool isClean(std::string_view name)
{
    if (name.ends_with('/'))
        name.remove_suffix(1);
    if (name.empty())
        return false;
    size_t start = 0;
    for (size_t i = 0; i <= name.size(); ++i) {
        if (i < name.size() && name[i] != '/')
            continue;
        const std::string_view part = name.substr(start, i - start);
        if (part.empty() || part == "." || part == "..")
            return false;
        start = i + 1;
    }
    return true;
}
} // namespace

bool cleanPath(std::string_view path, std::string *out)
{
    if (isClean(path)) {
        out->assign(path.ends_with('/') ? path.substr(0, path.size() - 1) : path);
        return true;
    }
    std::vector<std::string_view> parts;
    bool inside = true;
    for (std::string_view part : PathComponents(path)) {
        if (part == "..") {
            if (parts.empty())
                inside = false;
            else
                parts.pop_back();
        } else if (part != ".") {
            parts.push_back(part);
        }
    }
    out->clear();
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i)
            *out += '/';
        *out += parts[i];
    }
    return inside;
}

} // namespace strata

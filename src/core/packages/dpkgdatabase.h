#pragma once

#include "packages/package.h"

#include <QByteArray>

#include <string>
#include <vector>

namespace strata {

// dpkg's database: `var/lib/dpkg/status` (a stanza per package, as deb822 writes it; only
// those whose Status says "installed" count), and distroless images' `status.d/NAME` files,
// one stanza each. Installed-Size is in KiB there, in bytes here.
std::vector<Package> parseDpkgStatus(const QByteArray &status, const std::string &source);
// `var/lib/dpkg/info/NAME.list`: the paths the package installed, one per line ("/usr/bin/x"),
// its folders among them.
std::vector<std::string> parseDpkgFileList(const QByteArray &list);

} // namespace strata

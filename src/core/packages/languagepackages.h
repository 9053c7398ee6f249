#pragma once

#include "packages/package.h"

#include <QByteArray>

#include <string>
#include <vector>

namespace strata {

// A Python distribution's `NAME-VERSION.dist-info/METADATA` (Name, Version, License) and its
// RECORD (the installed paths, relative to the folder holding the dist-info, "../../bin/x"
// included). `distInfo` is the dist-info folder's path in the image. False when METADATA
// names no package.
bool parsePythonDistribution(const QByteArray &metadata, const QByteArray &record,
                             const std::string &distInfo, Package *package);

// A `node_modules/NAME/package.json` (or `node_modules/@SCOPE/NAME/package.json`): name,
// version and license. False when it names no package (a package.json of tests or examples).
bool parseNpmPackage(const QByteArray &json, const std::string &path, Package *package);

// The build info the Go linker embeds in every binary since Go 1.18 (the `.go.buildinfo`
// section, found by its magic): the main module, each dependency, and the toolchain as the
// "stdlib" package, as `go version -m` lists them. Empty when the bytes hold none.
std::vector<Package> parseGoBuildInfo(const QByteArray &binary, const std::string &path);

} // namespace strata

#pragma once

#include <QString>

#include <string>
#include <vector>

namespace strata {

// Where a package was installed from, as its database tells.
enum class PackageKind : uint8_t
{
    Deb,    // dpkg: var/lib/dpkg/status
    Apk,    // apk: lib/apk/db/installed
    Rpm,    // rpm: var/lib/rpm/rpmdb.sqlite
    Python, // a *.dist-info folder (pip, and Debian's python3-* too)
    Npm,    // a package.json under node_modules
    Go,     // a Go binary's embedded build info: the binary's module and its dependencies
};

// "deb", "apk", "rpm", "python", "npm", "go": the names the CLI and the SBOM use.
QString packageKindName(PackageKind kind);

// One installed package as its database records it.
struct Package
{
    PackageKind kind = PackageKind::Deb;
    QString name;
    QString version;
    QString architecture;      // deb, apk, rpm; empty elsewhere
    qint64 installedSize = -1; // as the database declares it, in bytes; -1 when it does not
    QString license;           // where the database says (apk, rpm, Python)
    // The file the package was found in ("var/lib/dpkg/status", "usr/lib/python3/dist-packages
    // /six-1.16.0.dist-info/METADATA", "app/server" for a Go binary).
    std::string source;
    // The paths the package installed, as the database lists them (relative to the root,
    // no leading slash); directories left out where the database tells them apart.
    std::vector<std::string> files;

    // The package URL (purl) of the SBOM: "pkg:deb/debian/bash@5.2.15-2?arch=amd64".
    QString purl(const QString &distribution = {}) const;
    // Two records of the same package (kind and name; a Go dependency also by the binary).
    bool sameAs(const Package &other) const;
};

} // namespace strata

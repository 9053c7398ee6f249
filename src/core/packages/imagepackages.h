#pragma once

#include "common/error.h"
#include "packages/package.h"
#include "tree/overlaymerge.h"

#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace strata {

class ImageSource;

using PackagePtr = std::shared_ptr<const Package>;

// What a layer (or a second image) did to one package.
struct PackageChange
{
    enum class Kind : uint8_t
    {
        Added,
        Removed,
        Upgraded, // the same package at another version (a downgrade too)
    };
    Kind kind = Kind::Added;
    PackagePtr before; // Removed, Upgraded
    PackagePtr after;  // Added, Upgraded
    // Bytes of the package's files in the layer that made the change (Added, Upgraded): what
    // installing it put into this layer, which its declared size may not tell.
    qint64 layerBytes = 0;

    const Package &package() const { return after ? *after : *before; }
};

// The packages of the merged filesystem as of one layer, and what that layer changed.
struct LayerPackages
{
    std::vector<PackagePtr> packages; // sorted by kind, then name
    std::vector<PackageChange> changes;
};

struct ImagePackages
{
    std::vector<LayerPackages> layers;
    // Databases found but not read, each a sentence naming it ("var/lib/rpm/Packages: the
    // Berkeley DB rpm database of rpm before 4.16, which Strata does not read").
    QStringList notRead;
    QString distribution; // os-release's ID ("debian", "alpine"): the purls' namespace
    Error error;          // a layer could not be read, or the reading was cancelled
};

struct PackageObserver
{
    std::function<void(int layersDone, int layerCount)> progress; // on the calling thread
    const std::atomic_bool *cancel = nullptr;
};

// Reads every package database of every layer (dpkg, apk, rpm, Python, npm, Go binaries not
// owned by a system package), each database file once from the layer its copy is in, and
// tells per layer what is installed and what changed. Reads layer tars: run it off the GUI
// thread.
ImagePackages readImagePackages(const ImageSource &source, int image, LayerList layers,
                                const PackageObserver &observer = {});

// What changes from the packages `before` to `after` (two layers, or two images).
std::vector<PackageChange> comparePackages(const std::vector<PackagePtr> &before,
                                           const std::vector<PackagePtr> &after);

// Which package installed a path, for one set of packages: the files their databases list,
// and for npm the package's folder and everything below it.
class PackageOwners
{
public:
    PackageOwners() = default;
    explicit PackageOwners(const std::vector<PackagePtr> &packages);
    // Null when no package owns it.
    const Package *ownerOf(std::string_view path) const;
    bool isEmpty() const { return m_files.empty() && m_folders.empty(); }

private:
    std::vector<PackagePtr> m_packages;
    std::unordered_map<std::string_view, const Package *> m_files;
    std::unordered_map<std::string_view, const Package *> m_folders;
};

} // namespace strata

#pragma once

#include "common/error.h"
#include "tree/filetree.h"

#include <QStringList>

#include <string>
#include <utility>
#include <vector>

namespace strata {

// One layer as read from its tar: its own entries (whiteouts and opaque markers included)
// and what reading it found.
struct LayerTree
{
    FileTree tree;
    qint64 tarSize = 0;     // uncompressed bytes of the tar stream
    qint64 contentSize = 0; // sum of regular file sizes (what dive and `docker history` show)
    qint64 entryCount = 0;  // tar entries read
    qint64 fileCount = 0;   // entries that are not directories, whiteouts or markers
    QString compression;    // "none", "gzip", "zstd", "xz", "bzip2"
    QStringList rejected;   // names that escape the root: reported, never merged
    Error error;            // set when the layer could not be read to its end
    // Directories implied where an earlier entry of the same layer made a symlink (their
    // nodes carry NodeFlag::ThroughSymlink): their path and the symlink's target. The engine
    // writes through such a symlink; resolveSymlinkParents() does the same.
    std::vector<std::pair<std::string, std::string>> symlinkDirs;
};

} // namespace strata

#pragma once

#include "tree/filetree.h"

#include <QtGlobal>

#include <memory>
#include <string>
#include <vector>

namespace strata {

// What overlay2 does when a container writes or deletes files of its image, for the lesson:
// the image's layers (lowerdir) never change; the first write to a lower file copies the
// whole file up into the container's upperdir (its parent folders too, without their
// contents), and a deletion leaves a whiteout there, a character device 0/0. The upperdir's
// bytes are the container's size (`docker ps -s` SIZE); with the image's, its virtual size.
class CopyUpSimulation
{
public:
    struct UpperEntry
    {
        enum class Kind
        {
            CopiedUp, // a lower file copied up whole before the write
            Created,  // a file the container created, no lower copy
            Folder,   // a parent folder copied up (metadata only) to hold an entry
            Whiteout, // a deletion: the character device 0/0 overlay2 writes
        };
        std::string path;
        Kind kind = Kind::CopiedUp;
        qint64 bytes = 0;
    };

    // `lower` is the merged tree of the image's layers (what the container starts with).
    explicit CopyUpSimulation(std::shared_ptr<const FileTree> lower);

    // The container appends `bytes` to `path` (`echo -n ... >> path`), or creates it with them:
    // a lower file is copied up whole first, however little is written. False when the path
    // is a folder or not a regular file.
    bool write(const std::string &path, qint64 bytes);
    // The container deletes `path` (rm, rm -r): a copied-up or created entry leaves the upper
    // folder; an entry of the lower layers gets a whiteout. False when there is no such path.
    bool remove(const std::string &path);
    // A new container: the upper folder empty again.
    void reset();

    // The upper folder's entries, in the order they were made.
    const std::vector<UpperEntry> &upper() const { return m_upper; }
    // Bytes in the upper folder: the container's size.
    qint64 upperBytes() const;
    // Whether `path` is visible in the merged view now.
    bool isVisible(const std::string &path) const;

private:
    const UpperEntry *findUpper(const std::string &path) const;
    void eraseUpper(const std::string &path);
    void copyUpParents(const std::string &path);

    std::shared_ptr<const FileTree> m_lower;
    std::vector<UpperEntry> m_upper;
};

} // namespace strata

#pragma once

#include "tree/layertree.h"

#include <memory>
#include <vector>

namespace strata {

// The layers of an image as an engine applies them, one after the other: an entry whose parent
// directories reach a symlink (of the filesystem below, or one an earlier entry of the same
// layer made) is written where the symlink leads. Over `lib -> usr/lib`, `lib/new` becomes
// `usr/lib/new` and `lib/.wh.foo` deletes `usr/lib/foo`, as umoci, Docker and containerd unpack
// them; an entry for `lib` itself replaces the symlink. Symlinks are followed inside the image
// only (an absolute target starts at its root, `..` stops there), as securejoin does. A
// hardlink's target is found the same way.
//
// Docker records the resolved path in the layers it writes, but tars made by other tools on
// usr-merged bases can hold such entries. Returns the layers with those few rewritten; the
// others are the same objects. A null layer ends the resolution: nothing above it can be
// placed, and the layers above are returned as they are.
std::vector<std::shared_ptr<const LayerTree>>
resolveSymlinkParents(std::vector<std::shared_ptr<const LayerTree>> layers);

} // namespace strata

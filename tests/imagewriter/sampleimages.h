#pragma once

// Images the imagewriter tests write in every layout, with what a correct reader must see.

#include "imagewriter/imagewriter.h"

#include <string>

namespace strata::testing {

// A path longer than ustar's 100-byte name field, and one that is not ASCII.
extern const std::string kLongPath;
extern const std::string kNonAsciiPath;

// Two layers and four history steps (two empty). Layer 1: a small tree with a symlink, a hard
// link, a setuid file, a file owned by 1000:1000, the long and non-ASCII names. Layer 2:
// changes etc/hostname, deletes usr/share/doc/pkg (whiteout), makes opt/app opaque with
// opt/app/new.txt, adds the fifo run/ctl.
imagewriter::Image sampleImage();

// Two images sharing their first layer (`sharedBase`), for multi-image archives. The second
// has another creation time, so docker save gives the shared layer two v1 ids.
imagewriter::Layer sharedBase();
imagewriter::Image firstOfTwo();  // tag example.com/team/first:1
imagewriter::Image secondOfTwo(); // tag second:latest

} // namespace strata::testing

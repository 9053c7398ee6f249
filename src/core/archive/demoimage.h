#pragma once

#include <QString>

namespace strata {

// The small nginx-like image built into Strata (resources/demo/strata-demo.tar, written by
// tools/make-demo-image), so the app and the CLI have something to show with no argument.
// libarchive reads files, not Qt resources: the image is copied once into the user's cache
// folder and that path returned; empty when it cannot be written.
QString demoImagePath();

// The Reuse demo (resources/demo/strata-demo-reuse.tar): three images saved together, two of
// them built on the demo image and one FROM its base, for the classroom view of layer reuse.
QString demoReuseArchivePath();

} // namespace strata

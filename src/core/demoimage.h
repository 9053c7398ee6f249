#pragma once

#include <QString>

namespace strata {

// The small nginx-like image built into Strata (resources/demo/strata-demo.tar, written by
// tools/make-demo-image), so the app and the CLI have something to show with no argument.
// libarchive reads files, not Qt resources: the image is copied once into the user's cache
// folder and that path returned; empty when it cannot be written.
QString demoImagePath();

} // namespace strata

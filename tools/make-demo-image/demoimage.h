#pragma once

#include "imagewriter.h"

namespace strata::demo {

// The image the app opens from its "demo" button: "strata-demo/nginx:1.0", a small nginx-like
// image of four layers (base system; nginx installed; documentation deleted through whiteouts
// and an opaque directory; the entrypoint script copied in) with the history a Docker build
// leaves, empty steps included.
imagewriter::Image demoImage();

inline constexpr const char *kDemoTag = "strata-demo/nginx:1.0";

} // namespace strata::demo

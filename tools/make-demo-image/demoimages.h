#pragma once

#include "imagewriter/imagewriter.h"

namespace strata::demo {

// The image the app opens from its "demo" button: "strata-demo/nginx:1.0", a small nginx-like
// image of four layers (base system; nginx installed; documentation deleted through whiteouts
// and an opaque directory; the entrypoint script copied in) with the history a Docker build
// leaves, empty steps included.
imagewriter::Image demoImage();

inline constexpr const char *kDemoTag = "strata-demo/nginx:1.0";

// The images of the Reuse demo, saved together like `docker save a b c`: the demo image;
// "strata-demo/nginx:1.0-debug", the same with one more layer (shares all four); and
// "strata-demo/php:1.0", FROM the same base, whose entrypoint layer has the same content as
// nginx's on another chain ("same diff, not shared").
std::vector<imagewriter::Image> demoReuseImages();

inline constexpr const char *kDemoDebugTag = "strata-demo/nginx:1.0-debug";
inline constexpr const char *kDemoPhpTag = "strata-demo/php:1.0";

} // namespace strata::demo

#pragma once

#include "analysis/findings.h"
#include "common/error.h"

#include <atomic>

namespace strata {

class ImageSource;

// A credential format a file's bytes can hold, found by its well-known shape: "private key
// (PEM)", "AWS access key ID", "GitHub token"...; empty when there is none.
QString secretInText(QByteArrayView bytes);

// Reads the layers of `image` from report->firstLayer up once more: sets the tar offset of
// each secret file the findings name, and adds secret findings for small files outside the
// system's directories whose bytes hold a credential (secretInText). Their bytes are not
// added to totalBytes: the fix for a secret is to remove it, not to save space. False with
// *error when a layer cannot be read or `cancel` is set; what was found until then stays.
bool scanSecrets(const ImageSource &source, int image, LayerList layers, FindingsReport *report,
                 Error *error, const std::atomic_bool *cancel = nullptr);

} // namespace strata

#pragma once

#include "image/imageinfo.h"

#include <vector>

namespace strata {

// One setting of the two images' configs side by side. Keyed settings (Env variables,
// Labels, ExposedPorts) have one row per key; a side that lacks the key has `inX` false.
struct ConfigDiffRow
{
    QString field; // "Env", "Cmd", "Entrypoint", "WorkingDir", "User", "ExposedPorts",
                   // "Labels", "StopSignal", "os", "architecture", "variant"
    QString key;   // the variable, label or port; empty for a single-valued setting
    QString a;     // the value as shown: plain text, lists as compact JSON arrays
    QString b;
    bool inA = true;
    bool inB = true;
    bool equal() const { return inA == inB && a == b; }
};

struct ConfigDiff
{
    std::vector<ConfigDiffRow> rows; // in the order of the fields above, keys sorted
    int differences() const;
};

ConfigDiff diffConfigs(const ImageInfo &a, const ImageInfo &b);

} // namespace strata

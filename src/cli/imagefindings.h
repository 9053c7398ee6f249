#pragma once

#include "analysis/findings.h"
#include "loadedimage.h"

namespace strata::cli {

// `--exclude-base` and `--base-layers N`: which layers the findings leave out as the base
// image's.
class BaseLayersOption
{
public:
    void addTo(QCommandLineParser &parser) const;
    // False with *error when N is not a layer count.
    bool read(const QCommandLineParser &parser, QString *error);
    // The first layer to look at in `image`: 0 unless asked; --exclude-base takes the
    // history's base image, else layer 0 alone (dive's "base").
    int firstLayer(const ImageInfo &image) const;

private:
    bool m_exclude = false;
    int m_count = -1;
};

// The findings of a loaded image, with the entrypoint's runtime files and, when
// `scanContents`, the secrets' offsets and the credentials small files hold (a second read
// of the layers). False with *error when a layer cannot be read again.
bool imageFindings(const LoadedImage &command, const EfficiencyReport &efficiency, int firstLayer,
                   bool scanContents, FindingsReport *report, Error *error);

} // namespace strata::cli

#pragma once

#include "analysis/findings.h"
#include "image/imageinfo.h"

#include <QByteArray>

namespace strata {

// `strata-cli findings`: what to change, each finding with its bytes, layer, step and fix,
// grouped by layer; then the same bytes by directory.
QByteArray findingsText(const ImageInfo &image, const EfficiencyReport &efficiency,
                        const FindingsReport &report);
QByteArray findingsJson(const ImageInfo &image, const EfficiencyReport &efficiency,
                        const FindingsReport &report);
// For a pull request's comment: a table of findings and their fixes.
QByteArray findingsMarkdown(const ImageInfo &image, const EfficiencyReport &efficiency,
                            const FindingsReport &report);

} // namespace strata

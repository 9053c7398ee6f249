#pragma once

#include "analysis/imagediff.h"

#include <QByteArray>

namespace strata {

struct DiffReportOptions
{
    int fileLimit = 50; // text and markdown list at most this many changes ("... N more")
};

// `strata-cli diff` output: summary, layers, config, history and files (largest changes
// first). JSON lists every change; text and markdown stop at `fileLimit`.
QByteArray diffText(const ImageComparison &comparison, const DiffReportOptions &options = {});
QByteArray diffMarkdown(const ImageComparison &comparison, const DiffReportOptions &options = {});
QByteArray diffJson(const ImageComparison &comparison);

// "+1.20 MB", "-3 B", "0 B".
QString formatByteDelta(qint64 delta);

} // namespace strata

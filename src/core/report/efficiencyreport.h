#pragma once

#include "analysis/diveci.h"
#include "analysis/efficiency.h"
#include "image/imageinfo.h"

#include <QByteArray>
#include <QString>

namespace strata {

// `strata-cli efficiency`: dive's figures, Strata's reclaimable bytes, the inefficient paths
// with every copy and what became of it, and per layer the bytes later layers made
// unreachable.
QByteArray efficiencyText(const ImageInfo &image, const EfficiencyReport &report);
// The same as JSON, with dive's own key names (dive --json) under "dive".
QByteArray efficiencyJson(const ImageInfo &image, const EfficiencyReport &report);
// `strata-cli ci`: dive's CI output (analysis, inefficient files, each rule's result).
QByteArray ciText(const ImageInfo &image, const EfficiencyReport &report,
                  const CiEvaluation &evaluation, const QString &configFile);

} // namespace strata

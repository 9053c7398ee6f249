#pragma once

#include <QStringList>

namespace strata::cli {

// `strata-cli efficiency ARCHIVE [--image REF] [--format text|json]`: dive's efficiency
// figures, Strata's reclaimable bytes and the inefficient paths with their copies.
// arguments[0] is the program name, as for the other commands.
int runEfficiency(const QStringList &arguments);

// `strata-cli ci ARCHIVE [--image REF] [--lowest-efficiency R] [--highest-wasted-bytes N]
// [--highest-user-wasted-percent R] [--config FILE]`: dive's CI gate. Rules come from FILE
// (default: ./.dive-ci when it exists), flags override them. Exit 0 when every rule passes,
// 1 naming each failed rule, 2 for bad input.
int runCi(const QStringList &arguments);

} // namespace strata::cli

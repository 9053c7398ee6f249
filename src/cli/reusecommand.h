#pragma once

#include <QStringList>

namespace strata::cli {

// `strata-cli reuse ARCHIVE... [--format text|json] [--containers N] [--container-size SIZE]`:
// the layers every image of the given archives shares, and the totals. arguments[0] is the
// program name. Returns an ExitCode (clicommands.h).
int runReuse(const QStringList &arguments);

} // namespace strata::cli

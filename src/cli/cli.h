#pragma once

#include <QStringList>

namespace strata::cli {

// Runs `strata-cli COMMAND ...` (arguments[0] is the program name) and returns its exit code.
int run(const QStringList &arguments);

} // namespace strata::cli

#pragma once

#include <QStringList>

namespace strata::cli {

// `strata-cli diff A B [--image-a REF] [--image-b REF] [--layer-a N] [--layer-b N]
// [--content] [--limit N] [--format text|json|markdown]`. arguments[0] is the program name,
// the command word already removed. Returns an ExitCode.
int runDiff(const QStringList &arguments);

} // namespace strata::cli

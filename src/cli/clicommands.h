#pragma once

#include <QStringList>

namespace strata::cli {

// Exit codes: 0 success, 1 a failed check, 2 bad input or usage.
enum ExitCode
{
    Ok = 0,
    CheckFailed = 1,
    BadInput = 2
};

int run(const QStringList &arguments);

} // namespace strata::cli

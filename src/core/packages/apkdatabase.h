#pragma once

#include "packages/package.h"

#include <QByteArray>

#include <string>
#include <vector>

namespace strata {

// apk's database, `lib/apk/db/installed`: a block per package of one-letter fields (P name,
// V version, A architecture, I installed size in bytes, L license, F a folder and R each file
// in the folder before it).
std::vector<Package> parseApkInstalled(const QByteArray &installed, const std::string &source);

} // namespace strata

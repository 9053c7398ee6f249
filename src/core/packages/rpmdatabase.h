#pragma once

#include "common/error.h"
#include "packages/package.h"

#include <QByteArray>

#include <string>
#include <vector>

namespace strata {

// rpm's database as rpm 4.16 and later keep it, `var/lib/rpm/rpmdb.sqlite` (or under
// usr/lib/sysimage/rpm): a Packages table of rpm headers, read with SQLite from memory (the
// image's copy is never written to a disk). False with *error when it is no such database.
bool parseRpmSqlite(const QByteArray &database, const std::string &source,
                    std::vector<Package> *packages, QString *error);
// One rpm header blob (the index and data store of `rpm -q --queryformat`): its package.
bool parseRpmHeader(const QByteArray &header, Package *package);

} // namespace strata

#pragma once

// A file of the outer archive (or of the output directory): what a layout produces and a sink
// writes.

#include "imagewriter/imagewriter.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <utility>
#include <vector>

namespace strata::imagewriter::detail {

struct Member
{
    enum class Kind
    {
        File,
        Dir,
        Symlink
    };

    Kind kind = Kind::File;
    QString path; // relative, no trailing '/'
    QByteArray content;
    QString linkTarget;
    uint32_t mode = 0644;
    int64_t mtime = 0;

    static Member file(QString path, QByteArray content, uint32_t mode, int64_t mtime)
    {
        return {Kind::File, std::move(path), std::move(content), {}, mode, mtime};
    }
    static Member dir(QString path, uint32_t mode, int64_t mtime)
    {
        return {Kind::Dir, std::move(path), {}, {}, mode, mtime};
    }
    static Member symlink(QString path, QString target, int64_t mtime)
    {
        return {Kind::Symlink, std::move(path), {}, std::move(target), 0777, mtime};
    }
};

using Members = std::vector<Member>;

// The order in which Go's filepath.Walk visits a directory (names sorted within each
// directory, a directory followed by its contents): the member order of archives that tools
// make by tarring a directory they filled (docker save, OCI layouts).
void sortInWalkOrder(Members &members);

bool writeMembersToTar(const QString &path, const Members &members, Compression outer,
                       QString *error);
bool writeMembersToDirectory(const QString &path, const Members &members, QString *error);

} // namespace strata::imagewriter::detail

#pragma once

// Running the independent tools the imagewriter tests check their output with (tar, skopeo,
// umoci, gzip, xz, zstd): they are what users and other projects read archives with.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace strata::testing {

struct ToolResult
{
    bool started = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    bool ok() const { return started && exitCode == 0; }
    // For QVERIFY2: the command's stderr, or why it did not run.
    QByteArray diagnostics() const;
};

// Runs `program` (looked up on PATH) with a UTF-8 locale and literal file names.
ToolResult runTool(const QString &program, const QStringList &args, const QByteArray &input = {});

// One line of `tar -tv`.
struct TarMember
{
    QChar type;          // '-', 'd', 'l', 'h', 'p', 'c'
    QString permissions; // "rwxr-xr-x"
    QString owner;       // "uid/gid"
    QString size;        // bytes, or "major,minor" for devices
    QString name;
    QString linkTarget; // symlink target or hard link target
};

// `tar -tvf path` (compression detected by tar). Empty with *error set on failure.
std::vector<TarMember> tarListing(const QString &path, QString *error);
QStringList namesOf(const std::vector<TarMember> &members);

// Unpacks `archive` into `dir` with tar.
bool tarExtract(const QString &archive, const QString &dir, QString *error);

// `gzip -dc`, `zstd -dc` or `xz -dc` of data, chosen by `tool`.
QByteArray decompressWith(const QString &tool, const QByteArray &data, QString *error);

QByteArray readFile(const QString &path);
// A symlink's target as stored (QFileInfo::readSymLink needs Qt 6.6).
QString readLink(const QString &path);
bool writeFile(const QString &path, const QByteArray &data);

// umoci needs --rootless unless it runs as root.
QStringList umociUnpackArgs(const QString &layoutAndTag, const QString &bundle);

} // namespace strata::testing

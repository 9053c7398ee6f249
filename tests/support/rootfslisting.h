#pragma once

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QtTest>

#include <algorithm>
#include <sys/stat.h>
#include <unistd.h>

// Runs a tool of the machine (skopeo, umoci) and reports its output when it fails.
inline bool runTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(300000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        qWarning() << program << arguments << "failed:" << process.readAllStandardError();
        return false;
    }
    return true;
}

// `umoci unpack --image LAYOUT:TAG BUNDLE`; returns BUNDLE/rootfs, or "" on failure.
inline QString unpackWithUmoci(const QString &layout, const QString &tag, const QString &bundle)
{
    if (!runTool(QStringLiteral("umoci"), {QStringLiteral("unpack"), QStringLiteral("--image"),
                                           layout + QLatin1Char(':') + tag, bundle}))
        return {};
    return bundle + QStringLiteral("/rootfs");
}

// Lists an unpacked rootfs as `path type size mode link`, sorted bytewise: what
// `strata-cli tree` prints, without the layer column. Directories have size 0.
inline QStringList listRootfs(const QString &rootfs)
{
    QStringList lines;
    QDirIterator it(rootfs, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        struct stat st;
        if (lstat(QFile::encodeName(path).constData(), &st) != 0)
            continue;
        char type = '?';
        qint64 size = st.st_size;
        QByteArray link;
        switch (st.st_mode & S_IFMT) {
        case S_IFREG:
            type = 'f';
            break;
        case S_IFDIR:
            type = 'd';
            size = 0;
            break;
        case S_IFLNK: {
            type = 'l';
            link.resize(st.st_size);
            const ssize_t n =
                readlink(QFile::encodeName(path).constData(), link.data(), size_t(link.size()));
            link.resize(qMax<ssize_t>(0, n));
            break;
        }
        case S_IFCHR:
            type = 'c';
            break;
        case S_IFBLK:
            type = 'b';
            break;
        case S_IFIFO:
            type = 'p';
            break;
        }
        const QByteArray relative = QFile::encodeName(path.mid(rootfs.size() + 1));
        lines << QString::fromUtf8(relative + '\t' + type + '\t' + QByteArray::number(size) + '\t' +
                                   QByteArray::number(st.st_mode & 07777, 8) + '\t' + link);
    }
    std::sort(lines.begin(), lines.end(),
              [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    return lines;
}

// Every regular file below `root` with the SHA-256 of its bytes, "path sha256" sorted
// bytewise: with listRootfs(), all that two unpacked trees must share.
inline QStringList regularFileHashes(const QString &root)
{
    QStringList lines;
    QDirIterator it(root, QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (it.fileInfo().isSymLink() || !it.fileInfo().isFile())
            continue;
        QFile file(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
            lines << path.mid(root.size() + 1) + QStringLiteral(" unreadable");
        else
            lines << path.mid(root.size() + 1) + QLatin1Char(' ') +
                         QString::fromLatin1(hash.result().toHex());
    }
    std::sort(lines.begin(), lines.end(),
              [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    return lines;
}

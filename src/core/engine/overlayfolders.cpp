#include "engine/overlayfolders.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <set>
#include <utility>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace strata {

namespace {

void addUsage(int dirFd, const char *name, std::set<std::pair<dev_t, ino_t>> *seen,
              FolderUsage *usage, int depth)
{
    struct stat st
    {
    };
    if (fstatat(dirFd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
        usage->readable = false;
        return;
    }
    if (st.st_nlink > 1 && !S_ISDIR(st.st_mode) && !seen->insert({st.st_dev, st.st_ino}).second)
        return;
    ++usage->entries;
    usage->apparentBytes += st.st_size;
    usage->diskBytes += qint64(st.st_blocks) * 512;
    if (!S_ISDIR(st.st_mode) || depth > 4096)
        return;
    const int fd = openat(dirFd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        usage->readable = false;
        return;
    }
    DIR *dir = fdopendir(fd);
    if (!dir) {
        close(fd);
        usage->readable = false;
        return;
    }
    while (const dirent *entry = readdir(dir)) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
            continue;
        addUsage(fd, entry->d_name, seen, usage, depth + 1);
    }
    closedir(dir);
}

QString fileText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.read(65536)).trimmed()
                                          : QString();
}

// The overlay mount at `point`, as mountinfo lists it: "mount -t overlay overlay -o ... POINT".
QString mountedAt(const QString &point)
{
    QFile mountinfo(QStringLiteral("/proc/self/mountinfo"));
    if (!mountinfo.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : mountinfo.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        const qsizetype dash = fields.indexOf("-");
        if (fields.size() < 5 || dash < 0 || dash + 3 >= fields.size() ||
            QString::fromUtf8(fields[4]) != point || fields[dash + 1] != "overlay")
            continue;
        QStringList options;
        for (const QString &option : QString::fromUtf8(fields[dash + 3]).split(QLatin1Char(','))) {
            if (option.startsWith(QStringLiteral("lowerdir=")) ||
                option.startsWith(QStringLiteral("upperdir=")) ||
                option.startsWith(QStringLiteral("workdir=")))
                options << option;
        }
        return QStringLiteral("mount -t overlay overlay -o %1 %2")
            .arg(options.join(QLatin1Char(',')), point);
    }
    return {};
}

} // namespace

FolderUsage folderUsage(const QString &path)
{
    FolderUsage usage;
    std::set<std::pair<dev_t, ino_t>> seen;
    addUsage(AT_FDCWD, QFile::encodeName(path).constData(), &seen, &usage, 0);
    return usage;
}

OverlayFolders readOverlayFolders(const EngineEndpoint &endpoint, const GraphDriver &driver,
                                  bool container)
{
    OverlayFolders result;
    result.driver = driver.name;
    if (!endpoint.isLocal()) {
        result.why = QStringLiteral("The engine at %1 runs on another machine: its folders are "
                                    "there, not here.")
                         .arg(endpoint.host);
        return result;
    }
    if (driver.name != QStringLiteral("overlay2") && driver.name != QStringLiteral("overlay")) {
        result.why = QStringLiteral("The engine stores layers with the %1 driver, not overlay2: "
                                    "there are no overlay folders to show.")
                         .arg(driver.name.isEmpty() ? QStringLiteral("(unnamed)") : driver.name);
        return result;
    }
    result.upperDir = driver.data.value(QStringLiteral("UpperDir"));
    result.workDir = driver.data.value(QStringLiteral("WorkDir"));
    result.mergedDir = driver.data.value(QStringLiteral("MergedDir"));
    const QString lower = driver.data.value(QStringLiteral("LowerDir"));
    if (!lower.isEmpty())
        result.lowerDirs = lower.split(QLatin1Char(':'));
    if (result.upperDir.isEmpty()) {
        result.why = QStringLiteral("The engine gives no UpperDir for it.");
        return result;
    }
    const QString upperLayer = QFileInfo(result.upperDir).path();
    result.root = QFileInfo(upperLayer).path();
    struct stat st
    {
    };
    if (stat(QFile::encodeName(result.root).constData(), &st) != 0 && errno == ENOENT) {
        result.why = QStringLiteral("%1 is not on this machine: the engine keeps its data "
                                    "elsewhere (in a virtual machine, as Docker Desktop does).")
                         .arg(result.root);
        return result;
    }
    if (access(QFile::encodeName(result.root).constData(), R_OK | X_OK) != 0) {
        result.why = QStringLiteral("Strata may not read %1 (%2): the engine's folders are "
                                    "root's. Run Strata as root to see them.")
                         .arg(result.root, QString::fromLocal8Bit(strerror(errno)));
        return result;
    }

    QStringList layerDirs; // bottom first
    for (auto it = result.lowerDirs.crbegin(); it != result.lowerDirs.crend(); ++it)
        layerDirs << QFileInfo(*it).path();
    layerDirs << upperLayer;
    int imageLayer = 0;
    for (int i = 0; i < layerDirs.size(); ++i) {
        OverlayLayerFolder folder;
        folder.path = layerDirs[i];
        if (container && i == layerDirs.size() - 1)
            folder.role = OverlayLayerFolder::Role::ContainerLayer;
        else if (folder.path.endsWith(QStringLiteral("-init")))
            folder.role = OverlayLayerFolder::Role::InitLayer;
        else
            folder.imageLayer = imageLayer++;
        folder.link = fileText(folder.path + QStringLiteral("/link"));
        folder.lower = fileText(folder.path + QStringLiteral("/lower"));
        folder.diff = folderUsage(folder.path + QStringLiteral("/diff"));
        folder.hasWork = QFileInfo(folder.path + QStringLiteral("/work")).isDir();
        folder.hasMerged = QFileInfo(folder.path + QStringLiteral("/merged")).isDir();
        result.total.apparentBytes += folder.diff.apparentBytes;
        result.total.diskBytes += folder.diff.diskBytes;
        result.total.entries += folder.diff.entries;
        result.layers << folder;
    }

    result.mountCommand = mountedAt(result.mergedDir);
    result.mounted = !result.mountCommand.isEmpty();
    if (!result.mounted && !result.layers.isEmpty()) {
        // What the engine passes when it mounts: the top layer's `lower` file, in the store.
        QStringList lowerDirs;
        for (const QString &name :
             result.layers.last().lower.split(QLatin1Char(':'), Qt::SkipEmptyParts))
            lowerDirs << result.root + QLatin1Char('/') + name;
        result.mountCommand =
            QStringLiteral("mount -t overlay overlay -o lowerdir=%1,upperdir=%2,workdir=%3 %4")
                .arg(lowerDirs.join(QLatin1Char(':')), result.upperDir, result.workDir,
                     result.mergedDir);
    }
    result.available = true;
    return result;
}

} // namespace strata

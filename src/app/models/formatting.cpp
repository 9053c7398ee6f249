#include "models/formatting.h"

#include "common/datasize.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace strata::format {

QString exactSize(qint64 bytes)
{
    return QCoreApplication::translate("strata::format", "%1 bytes").arg(QLocale().toString(bytes));
}

QString modeString(FileType type, uint32_t mode)
{
    QString s(10, QLatin1Char('-'));
    s[0] = type == FileType::Regular || type == FileType::Hardlink
               ? QLatin1Char('-')
               : QLatin1Char(fileTypeLetter(type));
    static const char rwx[] = "rwxrwxrwx";
    for (int i = 0; i < 9; ++i) {
        if (mode & (0400u >> i))
            s[i + 1] = QLatin1Char(rwx[i]);
    }
    auto special = [&](int pos, uint32_t bit, char withExec, char withoutExec) {
        if (mode & bit)
            s[pos] = QLatin1Char(s[pos] == QLatin1Char('-') ? withoutExec : withExec);
    };
    special(3, 04000, 's', 'S');
    special(6, 02000, 's', 'S');
    special(9, 01000, 't', 'T');
    return s;
}

QString linkedName(const QString &name, const QString &target, bool hardlink)
{
    if (target.isEmpty())
        return name;
    return hardlink
               ? QCoreApplication::translate("strata::format", "%1 link to %2").arg(name, target)
               : QCoreApplication::translate("strata::format", "%1 → %2").arg(name, target);
}

QString owner(uint32_t uid, uint32_t gid)
{
    return QString::number(uid) + QLatin1Char(':') + QString::number(gid);
}

QString time(int64_t secondsSinceEpoch)
{
    const QDateTime t = QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC);
    return t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
}

QString fileTypeName(FileType type)
{
    switch (type) {
    case FileType::Regular:
        return QCoreApplication::translate("strata::format", "Regular file");
    case FileType::Directory:
        return QCoreApplication::translate("strata::format", "Directory");
    case FileType::Symlink:
        return QCoreApplication::translate("strata::format", "Symbolic link");
    case FileType::Hardlink:
        return QCoreApplication::translate("strata::format", "Hard link");
    case FileType::CharDevice:
        return QCoreApplication::translate("strata::format", "Character device");
    case FileType::BlockDevice:
        return QCoreApplication::translate("strata::format", "Block device");
    case FileType::Fifo:
        return QCoreApplication::translate("strata::format", "Named pipe (FIFO)");
    }
    return QString();
}

QString changeKindName(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::Unchanged:
        return QCoreApplication::translate("strata::format", "Unchanged");
    case ChangeKind::Added:
        return QCoreApplication::translate("strata::format", "Added");
    case ChangeKind::Modified:
        return QCoreApplication::translate("strata::format", "Modified");
    case ChangeKind::Deleted:
        return QCoreApplication::translate("strata::format", "Deleted");
    }
    return QString();
}

QString count(qint64 value)
{
    return QLocale().toString(value);
}

QString changesInsideName()
{
    return QCoreApplication::translate("strata::format", "Changes inside");
}

QString changeName(ChangeKind kind, bool changesBelow)
{
    return kind == ChangeKind::Unchanged && changesBelow ? changesInsideName()
                                                         : changeKindName(kind);
}

QString signedSize(int64_t delta)
{
    if (delta == 0)
        return QStringLiteral("0");
    return (delta > 0 ? QStringLiteral("+") : QStringLiteral("−")) +
           formatDataSize(delta > 0 ? delta : -delta);
}

ChangeKind changeKindOf(DiffStatus status)
{
    switch (status) {
    case DiffStatus::Added:
        return ChangeKind::Added;
    case DiffStatus::Removed:
        return ChangeKind::Deleted;
    case DiffStatus::Changed:
        return ChangeKind::Modified;
    case DiffStatus::Unchanged:
        break;
    }
    return ChangeKind::Unchanged;
}

QString diffStatus(const DiffEntry &entry)
{
    switch (entry.status) {
    case DiffStatus::Added:
        return QCoreApplication::translate("strata::format", "Added");
    case DiffStatus::Removed:
        return QCoreApplication::translate("strata::format", "Removed");
    case DiffStatus::Changed:
        return QCoreApplication::translate("strata::format", "Changed");
    case DiffStatus::Unchanged:
        break;
    }
    return entry.changedBelow ? changesInsideName()
                              : QCoreApplication::translate("strata::format", "Unchanged");
}

} // namespace strata::format

#include "windows/recentfiles.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace strata {

static QString settingsKey()
{
    return QStringLiteral("recentFiles");
}

RecentFiles::RecentFiles(QObject *parent) : QObject(parent) {}

QStringList RecentFiles::paths() const
{
    QStringList list = QSettings().value(settingsKey()).toStringList();
    list.removeAll(QString());
    while (list.size() > kMaximum)
        list.removeLast();
    return list;
}

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = paths();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaximum)
        list.removeLast();
    store(list);
}

void RecentFiles::clear()
{
    store({});
}

void RecentFiles::store(const QStringList &paths)
{
    QSettings().setValue(settingsKey(), paths);
    emit changed();
}

void RecentFiles::populate(QMenu *menu)
{
    menu->clear();
    const QStringList list = paths();
    int number = 1;
    for (const QString &path : list) {
        // "&1 nginx.tar": the first nine get a keyboard accelerator.
        QString label = QFileInfo(path).fileName();
        if (label.isEmpty())
            label = path;
        label.replace(QLatin1Char('&'), QStringLiteral("&&"));
        if (number <= 9)
            label = QLatin1Char('&') + QString::number(number) + QLatin1Char(' ') + label;
        QAction *action = menu->addAction(label);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { emit openRequested(path); });
        ++number;
    }
    if (list.isEmpty()) {
        QAction *none = menu->addAction(tr("No Recent Files"));
        none->setEnabled(false);
    }
    menu->addSeparator();
    QAction *clearAction = menu->addAction(tr("&Clear Menu"));
    clearAction->setEnabled(!list.isEmpty());
    connect(clearAction, &QAction::triggered, this, &RecentFiles::clear);
}

} // namespace strata

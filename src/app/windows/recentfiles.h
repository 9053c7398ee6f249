#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace strata {

// The "Open Recent" list, most recent first, at most ten, kept in QSettings.
class RecentFiles final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaximum = 10;

    explicit RecentFiles(QObject *parent = nullptr);

    QStringList paths() const;
    void add(const QString &path);
    void clear();
    // Fills `menu` with the list and a "Clear Menu" entry; call it from aboutToShow.
    void populate(QMenu *menu);

signals:
    void openRequested(const QString &path);
    void changed();

private:
    void store(const QStringList &paths);
};

} // namespace strata

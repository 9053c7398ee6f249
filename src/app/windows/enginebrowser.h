#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace strata {

class EngineContainerModel;
class EngineImageModel;
class EngineMonitor;

// File > Open from Engine: the images and containers of every engine that answers, like
// `docker images` and `docker ps -a -s`, live (the engine's events refresh them). Filter,
// sort, select several: Open shows each in a tab, Compare two side by side, Layer Reuse any
// number with their real containers.
class EngineBrowser final : public QWidget
{
    Q_OBJECT
public:
    explicit EngineBrowser(EngineMonitor *monitor, QWidget *parent = nullptr);

    QTableView *imagesView() const { return m_imagesView; }
    QTableView *containersView() const { return m_containersView; }
    QTabWidget *tabs() const { return m_tabs; }
    QLineEdit *filter() const { return m_filter; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *openButton() const { return m_open; }
    QPushButton *compareButton() const { return m_compare; }
    QPushButton *reuseButton() const { return m_reuse; }
    // The locations of the rows selected on the current tab.
    QStringList selectedLocations() const;

signals:
    void openRequested(const QStringList &locations);
    void compareRequested(const QString &a, const QString &b);
    void reuseRequested(const QStringList &locations);

private:
    // A table over `proxy`, newest first by the creation time in `newestFirstColumn`.
    QTableView *createTable(QSortFilterProxyModel *proxy, int newestFirstColumn);
    void fill();
    void updateStatus();
    void updateButtons();
    void openSelected();
    QTableView *currentView() const;

    EngineMonitor *m_monitor;
    EngineImageModel *m_images;
    EngineContainerModel *m_containers;
    QSortFilterProxyModel *m_imagesProxy;
    QSortFilterProxyModel *m_containersProxy;
    QTableView *m_imagesView;
    QTableView *m_containersView;
    QTabWidget *m_tabs;
    QLineEdit *m_filter;
    QLabel *m_status;
    QLabel *m_lastEvent;
    QPushButton *m_refresh;
    QPushButton *m_open;
    QPushButton *m_compare;
    QPushButton *m_reuse;
};

} // namespace strata

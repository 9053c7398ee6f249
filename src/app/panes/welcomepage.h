#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace strata {

class EngineMonitor;

// What the main window shows with no tab open: what Strata opens, and buttons for it; when an
// engine answers, what it holds and a way to its images and containers.
class WelcomePage final : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(EngineMonitor *monitor, QWidget *parent = nullptr);

    QLabel *enginesLabel() const { return m_engines; }
    QPushButton *engineButton() const { return m_engineButton; }

signals:
    void engineBrowserRequested();
    void openFileRequested();
    void openDirectoryRequested();
    void demoRequested();
    void reuseDemoRequested();

private:
    void showEngines();

    EngineMonitor *m_monitor;
    QLabel *m_engines;
    QPushButton *m_engineButton;
};

} // namespace strata

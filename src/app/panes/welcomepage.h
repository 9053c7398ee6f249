#pragma once

#include <QWidget>

namespace strata {

// What the main window shows with no tab open: what Strata opens, and buttons for it.
class WelcomePage final : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

signals:
    void openFileRequested();
    void openDirectoryRequested();
    void demoRequested();
    void reuseDemoRequested();
};

} // namespace strata

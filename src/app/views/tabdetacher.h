#pragma once

#include <QObject>
#include <QPointer>

#include <map>

class QTabWidget;
class QWidget;

namespace strata {

// Room to work: any page of a QTabWidget can be opened in a window of its own (the corner
// button, the tab's context menu, or Ctrl+Shift+D), which the user can maximise or put on
// another screen. The tab stays where it was with a button that brings the page back;
// closing the window brings it back too. The windows belong to the tab widget's window and
// end with it.
class TabDetacher final : public QObject
{
    Q_OBJECT
public:
    explicit TabDetacher(QTabWidget *tabs);

    void detach(int index);
    void reattach(QWidget *page);
    // The window a page is shown in while detached, or null.
    QWidget *windowOf(QWidget *page) const;

private:
    struct Detached
    {
        QPointer<QWidget> window;
        QPointer<QWidget> placeholder;
    };
    bool eventFilter(QObject *watched, QEvent *event) override;

    QTabWidget *m_tabs;
    std::map<QWidget *, Detached> m_detached; // by page
};

} // namespace strata

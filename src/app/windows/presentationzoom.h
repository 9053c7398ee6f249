#pragma once

#include <QFont>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QWidget;

namespace strata {

// Presentation zoom for classrooms, in steps from 80 % to 300 %, kept in QSettings: scales the
// application's font (every window, menu and dialog; every widget that does not set a size of
// its own follows) and its style's sizes (check boxes, tree arrows, icons, scroll bars, margins:
// ZoomStyle), and keeps the window on its screen.
class PresentationZoom final : public QObject
{
    Q_OBJECT
public:
    explicit PresentationZoom(QWidget *window);

    int percent() const;
    void zoomIn();
    void zoomOut();
    void reset();
    void setStep(int step);

    // Zoom In (Ctrl+=), Zoom Out (Ctrl+-) and Actual Size (Ctrl+0), added to `menu`.
    struct Actions
    {
        QAction *zoomIn;
        QAction *zoomOut;
        QAction *reset;
    };
    Actions addActions(QMenu *menu);

signals:
    void changed(int percent);

private:
    void apply();
    void keepOnScreen();

    QPointer<QWidget> m_window;
    QFont m_baseFont;
    QString m_baseStyle;
    int m_step;
};

} // namespace strata

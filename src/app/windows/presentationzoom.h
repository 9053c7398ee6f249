#pragma once

#include <QFont>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QWidget;

namespace strata {

// Presentation zoom for classrooms: scales the font of a whole window (every child that does
// not set a font size of its own follows), in steps from 80 % to 300 %. Kept in QSettings.
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

    QPointer<QWidget> m_window;
    QFont m_baseFont;
    int m_step;
};

} // namespace strata

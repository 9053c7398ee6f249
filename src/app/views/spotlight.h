#pragma once

#include <QPointer>
#include <QWidget>

namespace strata {

// A frame drawn over a window around the part a teacher is talking about, the rest of the
// window dimmed a little. Lets every click through; follows the target when the window is
// resized.
class Spotlight final : public QWidget
{
    Q_OBJECT
public:
    explicit Spotlight(QWidget *window);

    // The widget to frame, or null for none.
    void setTarget(QWidget *target);
    QWidget *target() const { return m_target; }
    // Where the frame is, in the window's coordinates; empty without a target.
    QRect frame() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void follow();

    QPointer<QWidget> m_target;
};

} // namespace strata

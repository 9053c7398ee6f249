#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace strata {

class Lesson;

// The lesson's strip along the bottom of the window: the steps in order, the current one's
// caption in large type, Previous and Next. Page Down and Page Up (what a presenter's clicker
// sends) move through the steps wherever the focus is.
class LessonPanel final : public QWidget
{
    Q_OBJECT
public:
    LessonPanel(Lesson *lesson, QWidget *parent = nullptr);
    ~LessonPanel() override;

    QListWidget *steps() const { return m_steps; }
    QLabel *captionLabel() const { return m_caption; }
    QPushButton *nextButton() const { return m_next; }
    QPushButton *previousButton() const { return m_previous; }

signals:
    void closeRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void showStep(int step);
    void updateCaptionFont();

    Lesson *m_lesson;
    QListWidget *m_steps;
    QLabel *m_title;
    QLabel *m_caption;
    QPushButton *m_previous;
    QPushButton *m_next;
    QPushButton *m_close;
};

} // namespace strata

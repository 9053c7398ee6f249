#include "windows/lessonpanel.h"

#include "windows/lesson.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace strata {

LessonPanel::LessonPanel(Lesson *lesson, QWidget *parent)
    : QWidget(parent), m_lesson(lesson), m_steps(new QListWidget), m_title(new QLabel),
      m_caption(new QLabel), m_previous(new QPushButton(tr("Previous"))),
      m_next(new QPushButton(tr("Next"))), m_close(new QPushButton(tr("End Lesson")))
{
    setObjectName(QStringLiteral("lessonPanel"));
    m_steps->setObjectName(QStringLiteral("lessonSteps"));
    for (int step = 0; step < Lesson::StepCount; ++step)
        m_steps->addItem(tr("%1. %2").arg(step + 1).arg(Lesson::title(step)));
    m_steps->setMaximumWidth(m_steps->sizeHintForColumn(0) + 2 * m_steps->frameWidth() +
                             m_steps->fontMetrics().averageCharWidth() * 4);
    m_title->setObjectName(QStringLiteral("lessonTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_caption->setObjectName(QStringLiteral("lessonCaption"));
    m_caption->setWordWrap(true);
    m_caption->setTextFormat(Qt::PlainText);
    m_caption->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_caption->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    updateCaptionFont();
    m_previous->setToolTip(tr("Page Up"));
    m_next->setToolTip(tr("Page Down"));

    auto *text = new QVBoxLayout;
    text->addWidget(m_title);
    text->addWidget(m_caption, 1);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_next);
    buttons->addWidget(m_previous);
    buttons->addStretch();
    buttons->addWidget(m_close);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_steps);
    layout->addLayout(text, 1);
    layout->addLayout(buttons);

    connect(m_steps, &QListWidget::currentRowChanged, m_lesson, [this](int row) {
        if (row != m_lesson->current())
            m_lesson->go(row);
    });
    connect(m_next, &QPushButton::clicked, m_lesson, &Lesson::next);
    connect(m_previous, &QPushButton::clicked, m_lesson, &Lesson::previous);
    connect(m_close, &QPushButton::clicked, this, &LessonPanel::closeRequested);
    connect(m_lesson, &Lesson::stepChanged, this, &LessonPanel::showStep);
    qApp->installEventFilter(this);
}

LessonPanel::~LessonPanel()
{
    qApp->removeEventFilter(this);
}

void LessonPanel::showStep(int step)
{
    {
        const QSignalBlocker blocker(m_steps);
        m_steps->setCurrentRow(step);
    }
    m_title->setText(step >= 0 ? tr("Step %1 of %2: %3")
                                     .arg(step + 1)
                                     .arg(int(Lesson::StepCount))
                                     .arg(Lesson::title(step))
                               : QString());
    m_caption->setText(m_lesson->caption());
    m_previous->setEnabled(step > 0);
    m_next->setEnabled(step + 1 < Lesson::StepCount);
}

// The caption is for the back row: a third larger than the window's text.
void LessonPanel::updateCaptionFont()
{
    QFont large = font();
    if (large.pointSizeF() > 0)
        large.setPointSizeF(large.pointSizeF() * 1.35);
    m_caption->setFont(large);
    QFont bold = font();
    bold.setBold(true);
    m_title->setFont(bold);
}

void LessonPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateCaptionFont();
    QWidget::changeEvent(event);
}

// A clicker's Page Down and Page Up go to the lesson, wherever the focus is in this window,
// before a list or a text view takes them for scrolling.
bool LessonPanel::eventFilter(QObject *watched, QEvent *event)
{
    if ((event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) &&
        isVisible()) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool forward = key->key() == Qt::Key_PageDown;
        const bool back = key->key() == Qt::Key_PageUp;
        auto *widget = qobject_cast<QWidget *>(watched);
        // This window, and the windows it opened (the Reuse window of a step).
        const QWidget *top = widget ? widget->window() : nullptr;
        if ((forward || back) && key->modifiers() == Qt::NoModifier && top &&
            (top == window() || top->parentWidget() == window())) {
            if (event->type() == QEvent::KeyPress) {
                if (forward)
                    m_lesson->next();
                else
                    m_lesson->previous();
            }
            event->accept();
            return event->type() == QEvent::KeyPress;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace strata

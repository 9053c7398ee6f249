#include "views/spotlight.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

namespace strata {

Spotlight::Spotlight(QWidget *window) : QWidget(window)
{
    setObjectName(QStringLiteral("spotlight"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    window->installEventFilter(this);
    hide();
}

void Spotlight::setTarget(QWidget *target)
{
    if (m_target)
        m_target->removeEventFilter(this);
    m_target = target;
    if (m_target)
        m_target->installEventFilter(this);
    follow();
}

QRect Spotlight::frame() const
{
    if (!m_target || !m_target->isVisible())
        return {};
    const QPoint topLeft = m_target->mapTo(parentWidget(), QPoint(0, 0));
    return QRect(topLeft, m_target->size()).adjusted(-3, -3, 3, 3);
}

void Spotlight::follow()
{
    if (!m_target) {
        hide();
        return;
    }
    setGeometry(parentWidget()->rect());
    raise();
    show();
    update();
}

bool Spotlight::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Resize:
    case QEvent::Move:
    case QEvent::Show:
    case QEvent::Hide:
    case QEvent::LayoutRequest:
        if (m_target)
            follow();
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void Spotlight::paintEvent(QPaintEvent *)
{
    const QRect target = frame();
    if (target.isEmpty())
        return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    QPainterPath outside;
    outside.addRect(rect());
    QPainterPath inside;
    inside.addRoundedRect(QRectF(target), 6, 6);
    p.fillPath(outside.subtracted(inside), QColor(0, 0, 0, 40));
    QColor accent = palette().color(QPalette::Highlight);
    p.setPen(QPen(accent, 4));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(QRectF(target).adjusted(1, 1, -1, -1), 6, 6);
}

} // namespace strata

#pragma once

#include <QWheelEvent>

#include <algorithm>

namespace strata {

// The zoom of a custom-painted diagram (the layer stack, the reuse diagram): a factor within
// limits, changed in steps by the zoom actions and by Ctrl+wheel.
class DiagramZoom
{
public:
    static constexpr qreal kStep = 1.25;

    DiagramZoom(qreal minimum, qreal maximum) : m_minimum(minimum), m_maximum(maximum) {}

    qreal value() const { return m_value; }
    qreal maximum() const { return m_maximum; }
    // Sets the zoom, within the limits; false when it already was that.
    bool set(qreal zoom)
    {
        zoom = std::clamp(zoom, m_minimum, m_maximum);
        if (qFuzzyCompare(zoom, m_value))
            return false;
        m_value = zoom;
        return true;
    }
    qreal stepIn() const { return m_value * kStep; }
    qreal stepOut() const { return m_value / kStep; }
    // The zoom a Ctrl+wheel event asks for, or 0 when the wheel is for scrolling.
    qreal forWheel(const QWheelEvent *event) const
    {
        const int delta = event->angleDelta().y();
        if (!(event->modifiers() & Qt::ControlModifier) || delta == 0)
            return 0;
        return delta > 0 ? stepIn() : stepOut();
    }

private:
    qreal m_minimum;
    qreal m_maximum;
    qreal m_value = 1.0;
};

} // namespace strata

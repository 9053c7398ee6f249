#include "windows/presentationzoom.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSettings>
#include <QWidget>

#include <array>

namespace strata {

static constexpr std::array<int, 11> kSteps = {80, 90, 100, 110, 125, 150, 175, 200, 225, 250, 300};
static constexpr int kDefaultStep = 2;

static QString settingsKey()
{
    return QStringLiteral("view/zoomPercent");
}

PresentationZoom::PresentationZoom(QWidget *window)
    : QObject(window), m_window(window), m_baseFont(QApplication::font()), m_step(kDefaultStep)
{
    const int stored = QSettings().value(settingsKey(), 100).toInt();
    for (int i = 0; i < int(kSteps.size()); ++i) {
        if (kSteps[size_t(i)] == stored)
            m_step = i;
    }
    if (m_step != kDefaultStep)
        apply();
}

PresentationZoom::Actions PresentationZoom::addActions(QMenu *menu)
{
    Actions actions;
    actions.zoomIn = menu->addAction(tr("Zoom &In"), this, &PresentationZoom::zoomIn);
    actions.zoomIn->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn});
    actions.zoomOut = menu->addAction(tr("Zoom &Out"), this, &PresentationZoom::zoomOut);
    actions.zoomOut->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Minus), QKeySequence::ZoomOut});
    actions.reset = menu->addAction(tr("&Actual Size"), this, &PresentationZoom::reset);
    actions.reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    for (QAction *a : {actions.zoomIn, actions.zoomOut, actions.reset})
        a->setStatusTip(tr("Presentation zoom: scales all text of the window"));
    return actions;
}

int PresentationZoom::percent() const
{
    return kSteps[size_t(m_step)];
}

void PresentationZoom::zoomIn()
{
    setStep(m_step + 1);
}

void PresentationZoom::zoomOut()
{
    setStep(m_step - 1);
}

void PresentationZoom::reset()
{
    setStep(kDefaultStep);
}

void PresentationZoom::setStep(int step)
{
    step = std::clamp(step, 0, int(kSteps.size()) - 1);
    if (step == m_step)
        return;
    m_step = step;
    QSettings().setValue(settingsKey(), percent());
    apply();
    emit changed(percent());
}

void PresentationZoom::apply()
{
    if (!m_window)
        return;
    QFont font = m_baseFont;
    if (m_baseFont.pointSizeF() > 0)
        font.setPointSizeF(m_baseFont.pointSizeF() * percent() / 100.0);
    else
        font.setPixelSize(qMax(1, m_baseFont.pixelSize() * percent() / 100));
    m_window->setFont(font);
}

} // namespace strata

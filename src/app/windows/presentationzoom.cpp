#include "windows/presentationzoom.h"

#include "windows/zoomstyle.h"

#include <QAction>
#include <QApplication>
#include <QHash>
#include <QMenu>
#include <QScreen>
#include <QSettings>
#include <QStyle>
#include <QTimer>
#include <QWidget>

#include <array>

namespace strata {

static constexpr std::array<int, 11> kSteps = {80, 90, 100, 110, 125, 150, 175, 200, 225, 250, 300};
static constexpr int kDefaultStep = 2;
// Widgets the platform theme may give a font of their own, which the application's font does
// not reach: menus, the menu bar, tooltips, message boxes, headers.
static constexpr std::array kThemedClasses = {"QMenu",       "QMenuBar",    "QTipLabel",
                                              "QMessageBox", "QHeaderView", "QDockWidgetTitle"};

// The application's font before any zoom: a later window starts from it, not from the font
// an earlier window zoomed.
static QFont unzoomedFont(const char *widgetClass = nullptr)
{
    static const QFont font = QApplication::font();
    static const QHash<QByteArray, QFont> classFonts = [] {
        QHash<QByteArray, QFont> fonts;
        for (const char *name : kThemedClasses)
            fonts.insert(name, QApplication::font(name));
        return fonts;
    }();
    return widgetClass ? classFonts.value(widgetClass, font) : font;
}

static QFont scaled(QFont font, qreal factor)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    else
        font.setPixelSize(qMax(1, int(font.pixelSize() * factor)));
    return font;
}

static QString settingsKey()
{
    return QStringLiteral("view/zoomPercent");
}

PresentationZoom::PresentationZoom(QWidget *window)
    : QObject(window), m_window(window), m_baseFont(unzoomedFont()),
      m_baseStyle(QApplication::style()->name()), m_step(kDefaultStep)
{
    const auto *zoomed = qobject_cast<const ZoomStyle *>(QApplication::style());
    if (zoomed)
        m_baseStyle = zoomed->baseStyle()->name();
    const int stored = QSettings().value(settingsKey(), 100).toInt();
    for (int i = 0; i < int(kSteps.size()); ++i) {
        if (kSteps[size_t(i)] == stored)
            m_step = i;
    }
    if (m_step != kDefaultStep || (zoomed && zoomed->factor() != 1.0))
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
        a->setStatusTip(tr("Presentation zoom: scales the whole window, text and controls"));
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
    const qreal factor = percent() / 100.0;
    const QFont font = scaled(m_baseFont, factor);
    QApplication::setStyle(new ZoomStyle(m_baseStyle, factor));
    QApplication::setFont(font);
    for (const char *name : kThemedClasses)
        QApplication::setFont(scaled(unzoomedFont(name), factor), name);
    // Windows made before (menus, open dialogs) keep the font they resolved until asked again.
    for (QWidget *widget : QApplication::allWidgets()) {
        if (widget->isWindow() && widget != m_window && !widget->testAttribute(Qt::WA_SetFont))
            widget->setFont(QFont());
    }
    m_window->setFont(font);
    // Larger controls may ask for more room than the screen has: once the layouts have
    // settled, the window is brought back within its screen.
    QTimer::singleShot(0, this, &PresentationZoom::keepOnScreen);
}

void PresentationZoom::keepOnScreen()
{
    if (!m_window || !m_window->isVisible() || !m_window->screen() || m_window->isMaximized() ||
        m_window->isFullScreen())
        return;
    const QRect screen = m_window->screen()->availableGeometry();
    const QRect frame = m_window->frameGeometry();
    if (screen.contains(frame))
        return;
    const QSize extra = frame.size() - m_window->size(); // the window manager's frame
    const QSize size(std::min(m_window->width(), screen.width() - extra.width()),
                     std::min(m_window->height(), screen.height() - extra.height()));
    m_window->resize(size);
    const QRect moved = m_window->frameGeometry();
    m_window->move(std::clamp(moved.left(), screen.left(), screen.right() - moved.width() + 1),
                   std::clamp(moved.top(), screen.top(), screen.bottom() - moved.height() + 1));
}

} // namespace strata

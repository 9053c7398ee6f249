#include "panes/messagebar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace strata {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_text(new QLabel(this)),
      m_actions(new QHBoxLayout), m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close this message"));
    connect(m_close, &QToolButton::clicked, this, &MessageBar::clear);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addLayout(m_actions);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    hide();
}

void MessageBar::showMessage(Kind kind, const QString &text)
{
    clear();
    m_kind = kind;
    m_text->setText(text);
    const QStyle::StandardPixmap icon = kind == Kind::Error     ? QStyle::SP_MessageBoxCritical
                                        : kind == Kind::Warning ? QStyle::SP_MessageBoxWarning
                                                                : QStyle::SP_MessageBoxInformation;
    const int side = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(side, side));
    applyColors();
    show();
}

QToolButton *MessageBar::addAction(const QString &text)
{
    auto *button = new QToolButton(this);
    button->setText(text);
    m_actions->addWidget(button);
    return button;
}

void MessageBar::clear()
{
    while (QLayoutItem *item = m_actions->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_text->clear();
    hide();
}

QString MessageBar::text() const
{
    return m_text->text();
}

void MessageBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyColors();
}

void MessageBar::applyColors()
{
    // Mix a signal colour into the window colour: dark themes keep a dark bar, light ones a
    // light bar, and the palette's own text colour stays readable on both.
    const QPalette base = parentWidget() ? parentWidget()->palette() : palette();
    const QColor window = base.color(QPalette::Window);
    const QColor signal = m_kind == Kind::Error     ? QColor(0xda, 0x44, 0x53)
                          : m_kind == Kind::Warning ? QColor(0xf6, 0x74, 0x00)
                                                    : QColor(0x3d, 0xae, 0xe9);
    auto mix = [](const QColor &a, const QColor &b, qreal t) {
        return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                                float(a.greenF() * (1 - t) + b.greenF() * t),
                                float(a.blueF() * (1 - t) + b.blueF() * t));
    };
    QPalette p = base;
    p.setColor(QPalette::Window, mix(window, signal, 0.2));
    p.setColor(QPalette::WindowText, base.color(QPalette::WindowText));
    // Avoid an endless PaletteChange loop: only set when it differs.
    if (p != palette())
        setPalette(p);
}

} // namespace strata

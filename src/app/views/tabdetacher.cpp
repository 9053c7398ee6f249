#include "views/tabdetacher.h"

#include <QAction>
#include <QEvent>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScreen>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace strata {

TabDetacher::TabDetacher(QTabWidget *tabs) : QObject(tabs), m_tabs(tabs)
{
    auto *button = new QToolButton(tabs);
    button->setObjectName(QStringLiteral("detachTab"));
    button->setAutoRaise(true);
    button->setIcon(tabs->style()->standardIcon(QStyle::SP_TitleBarMaxButton));
    button->setToolTip(tr("Open this tab in its own window (Ctrl+Shift+D)"));
    tabs->setCornerWidget(button, Qt::TopRightCorner);
    connect(button, &QToolButton::clicked, this, [this] { detach(m_tabs->currentIndex()); });

    auto *shortcut = new QAction(tr("Open in Its Own Window"), tabs);
    shortcut->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    shortcut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    tabs->addAction(shortcut);
    connect(shortcut, &QAction::triggered, this, [this] { detach(m_tabs->currentIndex()); });

    tabs->tabBar()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(tabs->tabBar(), &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const int index = m_tabs->tabBar()->tabAt(at);
        if (index < 0)
            return;
        QMenu menu;
        QWidget *page = m_tabs->widget(index);
        const auto placeholder =
            std::find_if(m_detached.begin(), m_detached.end(),
                         [page](const auto &entry) { return entry.second.placeholder == page; });
        if (placeholder != m_detached.end()) {
            QWidget *detached = placeholder->first;
            menu.addAction(tr("Bring Back Into the Tab"), this,
                           [this, detached] { reattach(detached); });
        } else {
            menu.addAction(tr("Open in Its Own Window"), this, [this, index] { detach(index); });
        }
        menu.exec(m_tabs->tabBar()->mapToGlobal(at));
    });
}

QWidget *TabDetacher::windowOf(QWidget *page) const
{
    const auto it = m_detached.find(page);
    return it == m_detached.end() ? nullptr : it->second.window.data();
}

void TabDetacher::detach(int index)
{
    QWidget *page = m_tabs->widget(index);
    if (!page || m_detached.count(page))
        return;
    for (const auto &[detached, entry] : m_detached) {
        if (entry.placeholder == page) { // already out: show its window
            entry.window->raise();
            entry.window->activateWindow();
            return;
        }
    }
    const QString label = m_tabs->tabText(index);

    // The tab keeps its place and says where the page went.
    auto *placeholder = new QWidget;
    placeholder->setObjectName(QStringLiteral("detachedPlaceholder"));
    auto *text = new QLabel(tr("“%1” is open in its own window.").arg(label));
    text->setAlignment(Qt::AlignCenter);
    auto *back = new QPushButton(tr("&Bring It Back"));
    back->setObjectName(QStringLiteral("bringBack"));
    auto *placeholderLayout = new QVBoxLayout(placeholder);
    placeholderLayout->addStretch(1);
    placeholderLayout->addWidget(text);
    placeholderLayout->addWidget(back, 0, Qt::AlignCenter);
    placeholderLayout->addStretch(1);
    connect(back, &QPushButton::clicked, this, [this, page] { reattach(page); });

    const bool wasCurrent = m_tabs->currentIndex() == index;
    m_tabs->removeTab(index);
    m_tabs->insertTab(index, placeholder, label);
    if (wasCurrent)
        m_tabs->setCurrentIndex(index);

    auto *window = new QWidget(m_tabs->window(), Qt::Window);
    window->setObjectName(QStringLiteral("detachedWindow"));
    window->setAttribute(Qt::WA_DeleteOnClose, false);
    window->setWindowTitle(
        tr("%1 — %2").arg(label, m_tabs->window()->windowTitle().section(QLatin1Char('['), 0, 0)));
    auto *layout = new QVBoxLayout(window);
    layout->addWidget(page);
    page->show();
    window->installEventFilter(this);
    // Most of the screen the main window is on: the point of a window of its own is room.
    const QRect screen = m_tabs->window()->screen()->availableGeometry();
    window->resize(screen.size() * 0.8);
    window->move(screen.center() - window->rect().center());
    m_detached[page] = {window, placeholder};
    window->show();
}

void TabDetacher::reattach(QWidget *page)
{
    const auto it = m_detached.find(page);
    if (it == m_detached.end())
        return;
    const Detached entry = it->second;
    m_detached.erase(it);
    const int index = m_tabs->indexOf(entry.placeholder);
    const QString label = m_tabs->tabText(index);
    m_tabs->removeTab(index);
    m_tabs->insertTab(index, page, label);
    m_tabs->setCurrentIndex(index);
    delete entry.placeholder;
    if (entry.window) {
        entry.window->removeEventFilter(this);
        entry.window->hide();
        entry.window->deleteLater();
    }
}

bool TabDetacher::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Close) {
        for (const auto &[page, entry] : m_detached) {
            if (entry.window == watched) {
                reattach(page);
                break;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace strata

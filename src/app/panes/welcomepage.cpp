#include "panes/welcomepage.h"

#include "models/enginemonitor.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace strata {

WelcomePage::WelcomePage(EngineMonitor *monitor, QWidget *parent)
    : QWidget(parent), m_monitor(monitor), m_engines(new QLabel(this)),
      m_engineButton(new QPushButton(tr("Open from Engine…"), this))
{
    setObjectName(QStringLiteral("welcome"));
    auto *title = new QLabel(tr("Strata"));
    QFont big;
    big.setPointSizeF(font().pointSizeF() * 2);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    auto *text = new QLabel(tr(
        "Open a container image — an archive written by <tt>docker save</tt>, <tt>podman save</tt> "
        "or <tt>skopeo</tt>, or an OCI image layout directory — or drop one on this window."));
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    auto button = [&](const QString &label, void (WelcomePage::*signal)()) {
        auto *b = new QPushButton(label);
        connect(b, &QPushButton::clicked, this, signal);
        buttons->addWidget(b);
    };
    button(tr("Open Archive…"), &WelcomePage::openFileRequested);
    button(tr("Open Directory…"), &WelcomePage::openDirectoryRequested);
    button(tr("Open the Demo Image"), &WelcomePage::demoRequested);
    button(tr("Layer Reuse Demo"), &WelcomePage::reuseDemoRequested);
    buttons->addStretch();

    m_engines->setObjectName(QStringLiteral("welcomeEngines"));
    m_engines->setAlignment(Qt::AlignCenter);
    m_engines->setWordWrap(true);
    m_engineButton->setObjectName(QStringLiteral("welcomeEngineButton"));
    connect(m_engineButton, &QPushButton::clicked, this, &WelcomePage::engineBrowserRequested);
    auto *engineRow = new QHBoxLayout;
    engineRow->addStretch();
    engineRow->addWidget(m_engineButton);
    engineRow->addStretch();
    connect(m_monitor, &EngineMonitor::changed, this, &WelcomePage::showEngines);
    showEngines();

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(title);
    layout->addSpacing(12);
    layout->addWidget(text);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addSpacing(24);
    layout->addWidget(m_engines);
    layout->addSpacing(6);
    layout->addLayout(engineRow);
    layout->addStretch(3);
}

// Shown only when an engine answers: a classroom without Docker sees the page it always did.
void WelcomePage::showEngines()
{
    QStringList lines;
    for (const EngineListing &engine : m_monitor->engines())
        lines << tr("%1 at %2: %n image(s)", nullptr, int(engine.images.size()))
                         .arg(engine.version.toString(), engine.endpoint.host) +
                     tr(", %n container(s)", nullptr, int(engine.containers.size()));
    m_engines->setText(lines.join(QLatin1Char('\n')));
    m_engines->setVisible(!lines.isEmpty());
    m_engineButton->setVisible(!lines.isEmpty());
}

} // namespace strata

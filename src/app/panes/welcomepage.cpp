#include "panes/welcomepage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace strata {

WelcomePage::WelcomePage(QWidget *parent) : QWidget(parent)
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

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(title);
    layout->addSpacing(12);
    layout->addWidget(text);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addStretch(3);
}

} // namespace strata

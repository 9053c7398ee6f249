#include "panes/registrylogin.h"

#include "registry/registrycredentials.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace strata {

RegistryLoginBox::RegistryLoginBox(QWidget *parent)
    : QGroupBox(tr("The registry asks who you are"), parent), m_user(new QLineEdit(this)),
      m_password(new QLineEdit(this))
{
    setObjectName(QStringLiteral("login"));
    m_user->setObjectName(QStringLiteral("user"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    auto *logInButton = new QPushButton(tr("Log &In"), this);
    logInButton->setObjectName(QStringLiteral("logIn"));
    logInButton->setAutoDefault(false);
    m_user->setMinimumWidth(m_user->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 32);
    auto *form = new QFormLayout(this);
    form->addRow(tr("User name:"), m_user);
    form->addRow(tr("Password or token:"), m_password);
    auto *kept = new QLabel(tr("Kept in memory until Strata quits, never written to disk."), this);
    kept->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->addWidget(kept, 1);
    row->addWidget(logInButton);
    form->addRow(row);
    connect(logInButton, &QPushButton::clicked, this, &RegistryLoginBox::logIn);
    connect(m_password, &QLineEdit::returnPressed, this, &RegistryLoginBox::logIn);
}

void RegistryLoginBox::setRegistry(const QString &registry)
{
    m_registry = registry;
    setTitle(tr("%1 asks who you are").arg(registry));
    if (m_user->text().isEmpty())
        m_user->setText(rememberedUser(registry));
}

void RegistryLoginBox::focusFirstField()
{
    (m_user->text().isEmpty() ? m_user : m_password)->setFocus();
}

void RegistryLoginBox::logIn()
{
    if (m_registry.isEmpty() || m_user->text().isEmpty())
        return;
    RegistryCredentials credentials;
    credentials.username = m_user->text();
    credentials.password = m_password->text();
    credentials.origin = tr("typed in");
    rememberCredentials(m_registry, credentials);
    m_password->clear();
    emit loggedIn();
}

RegistryLoginDialog::RegistryLoginDialog(const QString &registry, const QString &reason,
                                         QWidget *parent)
    : QDialog(parent), m_box(new RegistryLoginBox(this))
{
    setObjectName(QStringLiteral("registryLogin"));
    setWindowTitle(tr("Log In to %1").arg(registry));
    m_box->setRegistry(registry);
    auto *why = new QLabel(reason, this);
    why->setWordWrap(true);
    why->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(why);
    layout->addWidget(m_box);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_box, &RegistryLoginBox::loggedIn, this, &QDialog::accept);
    m_box->focusFirstField();
}

} // namespace strata

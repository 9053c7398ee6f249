#pragma once

#include <QDialog>
#include <QGroupBox>

class QLabel;
class QLineEdit;

namespace strata {

// The fields a registry's login needs: user name and password (or token). Log In keeps them
// in memory for the rest of the session (rememberCredentials), never on disk, and says so.
class RegistryLoginBox final : public QGroupBox
{
    Q_OBJECT
public:
    explicit RegistryLoginBox(QWidget *parent = nullptr);

    // The registry the credentials are for ("docker.io", "127.0.0.1:5000").
    void setRegistry(const QString &registry);
    QString registry() const { return m_registry; }
    // Puts the cursor in the first empty field.
    void focusFirstField();
    QLineEdit *userField() const { return m_user; }
    QLineEdit *passwordField() const { return m_password; }

signals:
    // The credentials typed are remembered: asking the registry again uses them.
    void loggedIn();

private:
    void logIn();

    QString m_registry;
    QLineEdit *m_user;
    QLineEdit *m_password;
};

// What a tab offers when a registry refused it: the login box on its own, for `registry`.
class RegistryLoginDialog final : public QDialog
{
    Q_OBJECT
public:
    RegistryLoginDialog(const QString &registry, const QString &reason, QWidget *parent = nullptr);

    RegistryLoginBox *loginBox() const { return m_box; }

private:
    RegistryLoginBox *m_box;
};

} // namespace strata

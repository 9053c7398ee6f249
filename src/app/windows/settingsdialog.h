#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace strata {

// File > Settings: the engine to try first (beside DOCKER_HOST, the Docker context and the
// usual sockets), and the cache of images saved from engines: its size limit, what it holds,
// Clear Cache. The CLI reads the same settings.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    QLineEdit *engineHost() const { return m_host; }
    QSpinBox *cacheLimit() const { return m_limit; }
    QLabel *cacheUsage() const { return m_usage; }
    QPushButton *clearCacheButton() const { return m_clear; }

    // Saves what the dialog shows.
    void save() const;

private:
    void showUsage();
    void clearCache();

    QLineEdit *m_host;
    QLineEdit *m_insecure;
    QSpinBox *m_limit;
    QLabel *m_usage;
    QPushButton *m_clear;
};

} // namespace strata

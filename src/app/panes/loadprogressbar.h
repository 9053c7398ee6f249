#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace strata {

struct LoadProgress;

// "Reading layer 3 of 7 — 12.5 MB of 80.1 MB", a progress bar and a Cancel button.
class LoadProgressBar final : public QWidget
{
    Q_OBJECT
public:
    explicit LoadProgressBar(QWidget *parent = nullptr);

    // Busy without a known end (opening an archive).
    void showBusy(const QString &text);
    void showProgress(const LoadProgress &progress);
    QString text() const;

signals:
    void cancelRequested();

private:
    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
};

} // namespace strata

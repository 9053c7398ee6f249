#pragma once

#include <QFrame>

class QLabel;
class QHBoxLayout;
class QToolButton;

namespace strata {

// An inline message above a page (like KMessageWidget): an icon, one or two lines of text,
// optional action buttons and a close button. Colours come from the palette, tinted by the
// kind of message, so it reads well on light and dark themes.
class MessageBar final : public QFrame
{
    Q_OBJECT
public:
    enum class Kind
    {
        Information,
        Warning,
        Error
    };

    explicit MessageBar(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    // Adds a button for the message on show now; removed by the next showMessage()/clear().
    QToolButton *addAction(const QString &text);
    void clear();

    Kind kind() const { return m_kind; }
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColors();

    Kind m_kind = Kind::Information;
    QLabel *m_icon;
    QLabel *m_text;
    QHBoxLayout *m_actions;
    QToolButton *m_close;
};

} // namespace strata

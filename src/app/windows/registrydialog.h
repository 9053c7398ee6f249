#pragma once

#include "models/backgroundwork.h"

#include <QDialog>
#include <QStringList>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace strata {

class RegistryLoginBox;
struct RegistryTag;

// File > Open from Registry: a reference field (recent references offered), the tags of the
// repository typed with their digests, platforms and sizes (GET /v2/<name>/tags/list), and a
// login when the registry asks and no credentials are stored (kept in memory only). Open
// shows the reference typed, or each tag selected, in a tab; Compare two tags side by side.
class RegistryDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit RegistryDialog(QWidget *parent = nullptr);

    QComboBox *referenceField() const { return m_reference; }
    QTreeWidget *tagsView() const { return m_tags; }
    QLabel *statusLabel() const { return m_status; }
    RegistryLoginBox *loginBox() const { return m_login; }
    QPushButton *openButton() const { return m_open; }
    QPushButton *compareButton() const { return m_compare; }
    // Lists the tags of the repository in the reference field.
    void listTags();
    // What Open would open: each selected tag, or the reference typed.
    QStringList selectedLocations() const;

signals:
    void openRequested(const QStringList &locations);
    void compareRequested(const QString &a, const QString &b);

private:
    void showTags(const QList<RegistryTag> &tags);
    void updateButtons();
    void remember(const QStringList &locations);
    QString repositoryTyped() const;

    QComboBox *m_reference;
    QPushButton *m_list;
    QTreeWidget *m_tags;
    RegistryLoginBox *m_login;
    QLabel *m_status;
    QPushButton *m_open;
    QPushButton *m_compare;
    QString m_listed; // the repository the tags are of: "127.0.0.1:5000/team/app"
    BackgroundWork m_work{this};
};

} // namespace strata

#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTreeView;

namespace strata {

class ArchiveLinksView;
class ArchiveMemberModel;
class ImageArchive;

// The Archive tab: the image file itself, as `tar tvf nginx.tar` (or `ls -R` of an unpacked
// folder) shows it. Each member says what it is for; a metadata member shows its content (JSON
// highlighted), a layer offers to open that layer; underneath, how manifest, config, layer
// blobs, diff_ids and chain IDs point at each other.
class ArchivePane final : public QWidget
{
    Q_OBJECT
public:
    explicit ArchivePane(QWidget *parent = nullptr);
    ~ArchivePane() override;

    // The archive the page shows, and the image of it on screen.
    void setArchive(std::shared_ptr<const ImageArchive> archive, int image);
    // Selects the member holding layer `layer`'s tar (the page's layer changed).
    void selectLayer(int layer);
    // Selects a member by name; false when there is none.
    bool selectMember(const QString &name);

    QTreeView *memberList() const { return m_list; }
    ArchiveMemberModel *model() const { return m_model; }
    QPlainTextEdit *contentView() const { return m_content; }
    ArchiveLinksView *linksView() const { return m_links; }
    QPushButton *openLayerButton() const { return m_openLayer; }

signals:
    // The user asked to see a layer's files.
    void layerActivated(int layer);

private:
    void showMember(int row);
    void activate(int row);

    std::shared_ptr<const ImageArchive> m_archive;
    int m_image = -1;
    int m_layerOfMember = -1; // the layer the current member holds
    QLabel *m_caption;
    ArchiveMemberModel *m_model;
    QTreeView *m_list;
    QStackedWidget *m_pages;
    QPlainTextEdit *m_content;
    QLabel *m_memberNote;
    QPushButton *m_openLayer;
    ArchiveLinksView *m_links;
    QScrollArea *m_linksScroll;
};

} // namespace strata

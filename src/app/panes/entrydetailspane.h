#pragma once

#include "models/treesnapshot.h"
#include "packages/imagepackages.h"
#include "tree/layertree.h"

#include <QWidget>

#include <memory>
#include <vector>

class QFormLayout;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace strata {

class FilePreview;
class ImageSource;
class MessageBar;
class OverlayModel;

// The right pane's "File" tab: everything about the selected entry — its path, type, size,
// mode, owner, mtime and link target, the overlay view (which layers hold it, which copy
// wins), and a preview of its content with Save As….
class EntryDetailsPane final : public QWidget
{
    Q_OBJECT
public:
    explicit EntryDetailsPane(QWidget *parent = nullptr);

    void setImage(std::shared_ptr<ImageSource> archive, int image,
                  std::vector<std::shared_ptr<const LayerTree>> layers);
    // The image's packages, once read: the File tab names the package that owns the entry.
    void setPackages(std::shared_ptr<const ImagePackages> packages);
    // `node` may be kNoNode: the path is not in the shown tree (deleted at this layer).
    void showEntry(const TreeSnapshot &snapshot, uint32_t node, const QString &path);
    void clear();

    QString path() const;
    QString fieldText(const QString &field) const; // "type", "size", "mode", ... (tests)
    OverlayModel *overlayModel() const { return m_overlayModel; }
    FilePreview *preview() const { return m_preview; }

private:
    void setField(const QString &field, const QString &value);
    void showPackage();

    std::shared_ptr<ImageSource> m_archive;
    int m_image = -1;
    std::vector<std::shared_ptr<const LayerTree>> m_layers;
    std::shared_ptr<const ImagePackages> m_packages;
    // Who owns what as of m_ownersLayer, built for the layer shown.
    PackageOwners m_owners;
    int m_ownersLayer = -1;
    TreeSnapshot m_shown;
    uint32_t m_shownNode = 0;
    QString m_shownPath;

    MessageBar *m_message;
    QStackedWidget *m_pages;
    QLabel *m_empty;
    QWidget *m_details;
    QLineEdit *m_path;
    QFormLayout *m_form;
    QLabel *m_overlayHeading;
    QTableView *m_overlay;
    OverlayModel *m_overlayModel;
    FilePreview *m_preview;
};

} // namespace strata

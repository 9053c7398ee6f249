#pragma once

#include "models/backgroundwork.h"
#include "views/reusescene.h"

#include <QMainWindow>

#include <memory>

class QComboBox;
class QLabel;
class QTableView;
class QTableWidget;
class QTableWidgetItem;
class QTabWidget;

namespace strata {

class MessageBar;
class OverlayModel;
class PresentationZoom;
class ReuseDiagram;
class ReuseWorkspace;

// The classroom view of layer reuse over several images: the diagram of shared and unshared
// layers with containers on top, the totals `docker images` and `docker system df` would give,
// the containers the user added (with editable assumed sizes), and one path seen through
// overlayfs' eyes (lowerdirs, upperdir, merged) in the selected image or container.
class ReuseWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit ReuseWindow(QWidget *parent = nullptr);

    ReuseWorkspace *workspace() const { return m_workspace; }
    ReuseDiagram *diagram() const { return m_diagram; }
    QTableWidget *imagesTable() const { return m_images; }
    QTableWidget *containersTable() const { return m_containers; }
    QLabel *totalsLabel() const { return m_totals; }
    QLabel *selectionLabel() const { return m_selection; }
    OverlayModel *overlayModel() const { return m_overlay; }
    QComboBox *overlayPath() const { return m_path; }
    QComboBox *overlayTarget() const { return m_target; }
    QLabel *mountLabel() const { return m_mount; }
    MessageBar *messageBar() const { return m_message; }
    PresentationZoom *zoom() const { return m_zoom; }

    // Opens each location and adds its images.
    void addLocations(const QStringList &locations);
    // Puts a container on the image selected in the diagram.
    int addContainerOnSelectedImage();
    void showOverlay(const QString &path);
    bool exportDiagram(const QString &path);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QWidget *createTotalsPage();
    QWidget *createContainersPage();
    QWidget *createOverlayPage();
    void connectWorkspace();
    void connectSelection();
    void onContainerEdited(QTableWidgetItem *item);
    void createActions();
    void refresh();
    void fillImages();
    void fillContainers();
    void fillTargets();
    void showCurrent(ReuseScene::Hit hit);
    void suggestPaths(int image);
    void updateOverlay();
    void showAddArchiveDialog();
    void showExportDialog();

    ReuseWorkspace *m_workspace;
    ReuseDiagram *m_diagram;
    MessageBar *m_message;
    QLabel *m_totals;
    QLabel *m_sameDiff;
    QLabel *m_selection;
    QTabWidget *m_tabs;
    QTableWidget *m_images;
    QTableWidget *m_containers;
    QComboBox *m_target;
    QComboBox *m_path;
    OverlayModel *m_overlay;
    QTableView *m_overlayView;
    QLabel *m_mount;
    PresentationZoom *m_zoom;
    BackgroundWork m_suggesting{this};
    int m_suggestedFor = -1; // the image whose paths the path box offers
    bool m_filling = false;  // tables are being refilled: their change signals mean nothing
};

} // namespace strata

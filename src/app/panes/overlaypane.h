#pragma once

#include "tree/copyup.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace strata {

class FileTree;
class OverlayDiagram;

// The "overlay2" tab: how the engine mounts this image for a container — the full mount
// command (lowerdir, upperdir, workdir, merged) and the four folders drawn — and a copy-up
// you can try: pick a file in the merged tree, write it in the container and it is copied up
// whole into the upperdir; delete it and a whiteout appears there. The container's size grows
// as `docker ps -s` would say; Reset starts a new, empty container.
class OverlayPane final : public QWidget
{
    Q_OBJECT
public:
    explicit OverlayPane(QWidget *parent = nullptr);
    ~OverlayPane() override;

    // The image's merged filesystem at its top layer, its layer count, and its size as docker
    // images gives it (its layers together: a container's virtual size starts there).
    void setImage(std::shared_ptr<const FileTree> merged, int layerCount, qint64 imageBytes);
    qint64 imageBytes() const { return m_imageBytes; }
    // The entry selected in the merged tree ("" for none).
    void setCurrentPath(const QString &path);

    // What the user does, also for the tree's context menu.
    bool writeCurrent();
    bool deleteCurrent();
    void reset();

    const CopyUpSimulation *simulation() const { return m_simulation ? &*m_simulation : nullptr; }
    QString mountCommand() const;
    QLabel *sizesLabel() const { return m_sizes; }
    OverlayDiagram *diagram() const { return m_diagram; }
    QPushButton *writeButton() const { return m_write; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *resetButton() const { return m_reset; }

private:
    void refresh();

    std::optional<CopyUpSimulation> m_simulation;
    int m_layerCount = 0;
    qint64 m_imageBytes = 0;
    QString m_path;
    QLabel *m_intro;
    OverlayDiagram *m_diagram;
    QPlainTextEdit *m_mount;
    QLabel *m_selected;
    QLabel *m_lastCommand;
    QPushButton *m_write;
    QPushButton *m_delete;
    QPushButton *m_reset;
    QLabel *m_sizes;
};

} // namespace strata

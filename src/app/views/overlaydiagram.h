#pragma once

#include "tree/copyup.h"

#include <QStringList>
#include <QWidget>

namespace strata {

// The four folders of an overlay2 mount as the lesson draws them: merged (what the container
// sees) on top of the upperdir (the container's read-write layer, with what was copied up or
// whited out) and the lowerdirs (the image's read-only layers, top first), with the workdir
// overlayfs needs beside the upperdir. Arrows say which folders make up the merged view.
class OverlayDiagram final : public QWidget
{
    Q_OBJECT
public:
    explicit OverlayDiagram(QWidget *parent = nullptr);

    // The lower folders' labels, top layer first.
    void setLowerLayers(const QStringList &labels);
    void setUpper(const std::vector<CopyUpSimulation::UpperEntry> &entries, qint64 bytes);

    enum class Folder
    {
        Merged,
        Upper,
        Work,
        Lower
    };
    QRect folderRect(Folder folder) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    int upperLines() const;

    QStringList m_lower;
    std::vector<CopyUpSimulation::UpperEntry> m_upper;
    qint64 m_upperBytes = 0;
};

} // namespace strata

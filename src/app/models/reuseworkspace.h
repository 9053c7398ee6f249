#pragma once

#include "analysis/layerreuse.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <vector>

namespace strata {

class ImageArchive;

// What the Reuse window shows: the images taken from the archives added to it, their layers
// as they are read, the containers the user put on them, and the analysis over all of it.
// Archives are opened and layers read on the background pool; the analysis itself is cheap
// (it compares layer identities, a few hundred at most) and is redone on the GUI thread
// whenever anything changes.
class ReuseWorkspace final : public QObject
{
    Q_OBJECT
public:
    explicit ReuseWorkspace(QObject *parent = nullptr);
    ~ReuseWorkspace() override;

    // Adds every image of an open archive (all of a multi-image archive). `loaded` gives the
    // layers of images already read, by image index in the archive, so they are not read
    // twice; the others are read in the background. An archive added twice is ignored.
    void addArchive(std::shared_ptr<ImageArchive> archive,
                    const std::vector<std::pair<int, std::vector<std::shared_ptr<const LayerTree>>>>
                        &loaded = {});
    // Opens an archive or directory in the background and adds it; failed() names the
    // problem when it cannot be opened.
    void openPath(const QString &path);

    // Puts a container on image `image` (a ReuseAnalysis::images index) with the default
    // assumed size; returns the container's index in containers().
    int addContainer(int image, qint64 size = kDefaultContainerLayerSize);
    void removeContainer(int index);
    void setContainerSize(int index, qint64 size);
    void setContainerName(int index, const QString &name);

    const ReuseAnalysis &analysis() const { return m_analysis; }
    const std::vector<ReuseInput> &inputs() const { return m_inputs; }
    // In the order they were added; analysis().containers follows the same order.
    const std::vector<ContainerSpec> &containers() const { return m_containers; }
    // The archive and layers behind an analysed image (its first input).
    std::shared_ptr<ImageArchive> archiveOf(int image) const;
    const ReuseInput *inputOf(int image) const;

    // Archives being opened plus images whose layers are being read.
    int pendingJobs() const { return m_pending; }

signals:
    void changed(); // analysis() was recomputed
    void pendingChanged(int jobs);
    void failed(const QString &message);

private:
    void readLayers(int input);
    void reanalyze();
    void setPending(int jobs);

    std::vector<ReuseInput> m_inputs;
    std::vector<std::shared_ptr<ImageArchive>> m_archives; // per input
    std::vector<ContainerSpec> m_containers;
    ReuseAnalysis m_analysis;
    int m_pending = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace strata

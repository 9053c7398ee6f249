#pragma once

#include "analysis/layerreuse.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <atomic>
#include <memory>
#include <vector>

namespace strata {

class EngineMonitor;
class ImageLoader;
class ImageSource;

// What the Reuse window shows: the images taken from the sources added to it, their layers
// as they are read, the containers the user put on them and, for an engine's images, the
// containers the engine runs of them as it measures them, and the analysis over all of it.
// Sources are opened and layers read by ImageLoaders; the analysis itself is cheap
// (it compares layer identities, a few hundred at most) and is redone on the GUI thread
// whenever anything changes.
class ReuseWorkspace final : public QObject
{
    Q_OBJECT
public:
    explicit ReuseWorkspace(QObject *parent = nullptr);
    ~ReuseWorkspace() override;

    // Adds every image of an open source (all of a multi-image archive). `loaded` gives the
    // layers of images already read, by image index in the source, so they are not read
    // twice; the others are read in the background. A source added twice is ignored.
    void addSource(std::shared_ptr<ImageSource> source,
                   const std::vector<std::pair<int, std::vector<std::shared_ptr<const LayerTree>>>>
                       &loaded = {});
    // Opens a location in the background and adds it; failed() names the problem when it
    // cannot be opened.
    void openLocation(const QString &location);

    // The engines' real containers come from the monitor's listings, kept current with them.
    void setEngineMonitor(EngineMonitor *monitor);

    // Puts a container on image `image` (a ReuseAnalysis::images index) with the default
    // assumed size; returns the container's index in containers(). The assumed containers
    // come first in analysis().containers, the measured ones after them; only assumed ones
    // can be changed or removed.
    int addContainer(int image, qint64 size = kDefaultContainerLayerSize);
    void removeContainer(int index);
    void setContainerSize(int index, qint64 size);
    void setContainerName(int index, const QString &name);

    const ReuseAnalysis &analysis() const { return m_analysis; }
    const std::vector<ReuseInput> &inputs() const { return m_inputs; }
    // The assumed containers, in the order they were added; analysis().containers starts
    // with them in the same order.
    const std::vector<ContainerSpec> &containers() const { return m_containers; }
    bool isMeasured(int container) const { return container >= int(m_containers.size()); }
    // The source and layers behind an analysed image (its first input).
    std::shared_ptr<ImageSource> sourceOf(int image) const;
    const ReuseInput *inputOf(int image) const;

    // Sources being opened plus images whose layers are being read.
    int pendingJobs() const { return m_pending; }

signals:
    void changed(); // analysis() was recomputed
    void pendingChanged(int jobs);
    void failed(const QString &message);

private:
    // A loader for one job, which counts as pending until it is done (and then goes).
    ImageLoader *startLoader();
    void readLayers(int input);
    void reanalyze();
    std::vector<ContainerSpec> measuredContainers() const;
    void setPending(int jobs);

    std::vector<ReuseInput> m_inputs;
    std::vector<std::shared_ptr<ImageSource>> m_sources; // per input
    std::vector<ContainerSpec> m_containers;             // assumed ones, the user's
    QPointer<EngineMonitor> m_monitor;
    ReuseAnalysis m_analysis;
    int m_pending = 0;
};

} // namespace strata

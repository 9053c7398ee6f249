#include "models/reuseworkspace.h"

#include "engine/engineimagesource.h"
#include "models/enginemonitor.h"
#include "models/imageloader.h"

#include <QSet>

#include <algorithm>

namespace strata {

ReuseWorkspace::ReuseWorkspace(QObject *parent) : QObject(parent) {}

ReuseWorkspace::~ReuseWorkspace() = default;

void ReuseWorkspace::addSource(
    std::shared_ptr<ImageSource> source,
    const std::vector<std::pair<int, std::vector<std::shared_ptr<const LayerTree>>>> &loaded)
{
    if (!source)
        return;
    for (const auto &known : m_sources) {
        if (known == source || known->location() == source->location())
            return;
    }
    const size_t first = m_inputs.size();
    for (ReuseInput &input : reuseInputs(*source)) {
        for (const auto &[image, layers] : loaded) {
            if (image == input.imageIndex)
                input.layers = layers;
        }
        m_inputs.push_back(std::move(input));
        m_sources.push_back(source);
    }
    reanalyze();
    for (size_t i = first; i < m_inputs.size(); ++i) {
        const bool complete = !m_inputs[i].layers.empty() &&
                              std::all_of(m_inputs[i].layers.begin(), m_inputs[i].layers.end(),
                                          [](const auto &layer) { return layer != nullptr; });
        if (!complete)
            readLayers(int(i));
    }
}

ImageLoader *ReuseWorkspace::startLoader()
{
    auto *loader = new ImageLoader(this);
    setPending(m_pending + 1);
    // Done either way: the loader goes, and with it one pending job.
    auto done = [this, loader] {
        loader->deleteLater();
        setPending(m_pending - 1);
    };
    connect(loader, &ImageLoader::failed, this, [this, done](const Error &error) {
        done();
        emit failed(error.toString());
    });
    connect(loader, &ImageLoader::cancelled, this, done);
    connect(loader, &ImageLoader::sourceOpened, this, [this, loader, done] {
        done();
        addSource(loader->source());
    });
    connect(loader, &ImageLoader::treesReady, this, [this, loader, done] {
        done();
        // A layer that cannot be read keeps its blob size: the analysis says so.
        for (size_t i = 0; i < m_inputs.size(); ++i) {
            if (m_sources[i] == loader->source() && m_inputs[i].imageIndex == loader->image())
                m_inputs[i].layers = loader->layers();
        }
        reanalyze();
    });
    return loader;
}

void ReuseWorkspace::openLocation(const QString &location)
{
    startLoader()->open(location);
}

void ReuseWorkspace::readLayers(int input)
{
    startLoader()->loadImage(m_sources[size_t(input)], m_inputs[size_t(input)].imageIndex);
}

int ReuseWorkspace::addContainer(int image, qint64 size)
{
    if (image < 0 || size_t(image) >= m_analysis.images.size())
        return -1;
    const ReuseImage &owner = m_analysis.images[size_t(image)];
    ContainerSpec spec;
    spec.input = owner.inputs.first();
    spec.size = qMax<qint64>(0, size);
    spec.name = tr("container %1").arg(m_containers.size() + 1);
    m_containers.push_back(spec);
    reanalyze();
    return int(m_containers.size()) - 1;
}

void ReuseWorkspace::removeContainer(int index)
{
    if (index < 0 || size_t(index) >= m_containers.size())
        return;
    m_containers.erase(m_containers.begin() + index);
    reanalyze();
}

void ReuseWorkspace::setContainerSize(int index, qint64 size)
{
    if (index < 0 || size_t(index) >= m_containers.size() || size < 0)
        return;
    m_containers[size_t(index)].size = size;
    reanalyze();
}

void ReuseWorkspace::setContainerName(int index, const QString &name)
{
    if (index < 0 || size_t(index) >= m_containers.size() || name.trimmed().isEmpty())
        return;
    m_containers[size_t(index)].name = name.trimmed();
    reanalyze();
}

const ReuseInput *ReuseWorkspace::inputOf(int image) const
{
    if (image < 0 || size_t(image) >= m_analysis.images.size())
        return nullptr;
    return &m_inputs[size_t(m_analysis.images[size_t(image)].inputs.first())];
}

std::shared_ptr<ImageSource> ReuseWorkspace::sourceOf(int image) const
{
    if (image < 0 || size_t(image) >= m_analysis.images.size())
        return nullptr;
    return m_sources[size_t(m_analysis.images[size_t(image)].inputs.first())];
}

void ReuseWorkspace::setEngineMonitor(EngineMonitor *monitor)
{
    if (m_monitor)
        disconnect(m_monitor, nullptr, this, nullptr);
    m_monitor = monitor;
    if (monitor)
        connect(monitor, &EngineMonitor::changed, this, &ReuseWorkspace::reanalyze);
    reanalyze();
}

// The containers an engine runs of each of its images here, once per image ID.
std::vector<ContainerSpec> ReuseWorkspace::measuredContainers() const
{
    std::vector<ContainerSpec> measured;
    if (!m_monitor)
        return measured;
    QSet<QString> seen;
    for (size_t i = 0; i < m_inputs.size(); ++i) {
        const auto *engine = dynamic_cast<const EngineImageSource *>(m_sources[i].get());
        const QString &id = m_inputs[i].image.id;
        if (!engine || id.isEmpty() || seen.contains(id))
            continue;
        seen.insert(id);
        if (const EngineListing *listing = m_monitor->engine(engine->endpoint().host)) {
            for (ContainerSpec &spec : containersOfImage(*listing, id, int(i)))
                measured.push_back(std::move(spec));
        }
    }
    return measured;
}

void ReuseWorkspace::reanalyze()
{
    std::vector<ContainerSpec> containers = m_containers;
    for (ContainerSpec &spec : measuredContainers())
        containers.push_back(std::move(spec));
    m_analysis = analyzeReuse(m_inputs, containers);
    emit changed();
}

void ReuseWorkspace::setPending(int jobs)
{
    m_pending = jobs;
    emit pendingChanged(jobs);
}

} // namespace strata

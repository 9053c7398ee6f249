#include "models/reuseworkspace.h"

#include "archive/imagearchive.h"
#include "models/backgroundpool.h"

#include <QFuture>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace strata {

ReuseWorkspace::ReuseWorkspace(QObject *parent)
    : QObject(parent), m_cancel(std::make_shared<std::atomic_bool>(false))
{
}

ReuseWorkspace::~ReuseWorkspace()
{
    m_cancel->store(true);
}

void ReuseWorkspace::addArchive(
    std::shared_ptr<ImageArchive> archive,
    const std::vector<std::pair<int, std::vector<std::shared_ptr<const LayerTree>>>> &loaded)
{
    if (!archive)
        return;
    for (const auto &known : m_archives) {
        if (known == archive || known->path() == archive->path())
            return;
    }
    const size_t first = m_inputs.size();
    for (ReuseInput &input : reuseInputs(*archive)) {
        for (const auto &[image, layers] : loaded) {
            if (image == input.imageIndex)
                input.layers = layers;
        }
        m_inputs.push_back(std::move(input));
        m_archives.push_back(archive);
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

void ReuseWorkspace::openPath(const QString &path)
{
    struct Opened
    {
        std::shared_ptr<ImageArchive> archive;
        Error error;
    };
    setPending(m_pending + 1);
    QPointer<ReuseWorkspace> self(this);
    const std::shared_ptr<std::atomic_bool> cancel = m_cancel;
    QtConcurrent::run(backgroundPool(), [path, cancel] {
        Opened opened;
        opened.archive = ImageArchive::open(path, &opened.error, cancel.get());
        return opened;
    }).then(this, [self](const Opened &opened) {
        if (!self)
            return;
        self->setPending(self->m_pending - 1);
        if (opened.archive)
            self->addArchive(opened.archive);
        else
            emit self->failed(opened.error.toString());
    });
}

void ReuseWorkspace::readLayers(int input)
{
    setPending(m_pending + 1);
    QPointer<ReuseWorkspace> self(this);
    const std::shared_ptr<ImageArchive> archive = m_archives[size_t(input)];
    const int image = m_inputs[size_t(input)].imageIndex;
    const std::shared_ptr<std::atomic_bool> cancel = m_cancel;
    QtConcurrent::run(backgroundPool(), [archive, image, cancel] {
        LoadObserver observer;
        observer.cancel = cancel.get();
        Error error; // a layer that cannot be read keeps its blob size: the analysis says so
        return archive->loadLayers(image, observer, &error);
    }).then(this, [self, input](std::vector<std::shared_ptr<const LayerTree>> layers) {
        if (!self)
            return;
        self->m_inputs[size_t(input)].layers = std::move(layers);
        self->setPending(self->m_pending - 1);
        self->reanalyze();
    });
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

std::shared_ptr<ImageArchive> ReuseWorkspace::archiveOf(int image) const
{
    if (image < 0 || size_t(image) >= m_analysis.images.size())
        return nullptr;
    return m_archives[size_t(m_analysis.images[size_t(image)].inputs.first())];
}

void ReuseWorkspace::reanalyze()
{
    m_analysis = analyzeReuse(m_inputs, m_containers);
    emit changed();
}

void ReuseWorkspace::setPending(int jobs)
{
    m_pending = jobs;
    emit pendingChanged(jobs);
}

} // namespace strata

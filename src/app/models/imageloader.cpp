#include "models/imageloader.h"

#include "common/datasize.h"
#include "models/backgroundpool.h"
#include "models/formatting.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QtConcurrent/QtConcurrentRun>

namespace strata {

// Carries results from worker threads to the loader while it lives. The loader's destructor
// detaches it under the mutex, so no worker posts to a dead object; events already posted
// die with the loader (Qt removes an object's posted events when it is deleted).
struct ImageLoader::Channel
{
    QMutex mutex;
    ImageLoader *loader = nullptr;

    template <typename F> void post(quint64 generation, F &&f)
    {
        QMutexLocker lock(&mutex);
        if (!loader)
            return;
        ImageLoader *target = loader;
        QMetaObject::invokeMethod(
            target,
            [target, generation, f = std::forward<F>(f)]() mutable {
                if (target->m_generation == generation)
                    f(target);
            },
            Qt::QueuedConnection);
    }
};

namespace {

// Progress callbacks come from several worker threads, for every few entries: pass on a new
// layer at once, otherwise at most ten updates a second.
class ProgressThrottle
{
public:
    bool due(const LoadProgress &p)
    {
        QMutexLocker lock(&m_mutex);
        if (p.layersDone != m_layersDone || !m_clock.isValid() || m_clock.elapsed() >= 100) {
            m_layersDone = p.layersDone;
            m_clock.start();
            return true;
        }
        return false;
    }

private:
    QMutex m_mutex;
    QElapsedTimer m_clock;
    int m_layersDone = -1;
};

} // namespace

ImageLoader::ImageLoader(QObject *parent) : QObject(parent), m_channel(std::make_shared<Channel>())
{
    m_channel->loader = this;
}

ImageLoader::~ImageLoader()
{
    if (m_cancel)
        m_cancel->store(true);
    QMutexLocker lock(&m_channel->mutex);
    m_channel->loader = nullptr;
}

void ImageLoader::stopWorker()
{
    ++m_generation;
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
}

void ImageLoader::openArchive(const QString &path)
{
    stopWorker();
    m_path = path;
    m_archive.reset();
    m_image = -1;
    m_info = ImageInfo();
    m_layers.clear();
    m_progress = LoadProgress();
    m_error = Error();
    m_state = State::Opening;

    auto channel = m_channel;
    const quint64 generation = m_generation;
    // Scanning a big compressed archive takes a while: Cancel stops it, not just its result.
    m_cancel = std::make_shared<std::atomic_bool>(false);
    auto cancel = m_cancel;
    (void)QtConcurrent::run(backgroundPool(), [channel, generation, path, cancel] {
        Error error;
        std::shared_ptr<ImageArchive> archive = ImageArchive::open(path, &error, cancel.get());
        channel->post(generation,
                      [archive, error](ImageLoader *loader) { loader->onOpened(archive, error); });
    });
}

void ImageLoader::onOpened(std::shared_ptr<ImageArchive> archive, const Error &error)
{
    if (!archive || error) {
        m_state = State::Failed;
        m_error = error;
        if (!m_error) // an archive we cannot use without a reason given: still say which file
            m_error = Error::make(Error::Kind::NotAnImage, m_path,
                                  tr("The archive could not be opened."));
        emit failed(m_error);
        return;
    }
    m_archive = std::move(archive);
    m_state = State::Opened;
    if (m_archive->images().empty()) {
        m_state = State::Failed;
        m_error = Error::make(Error::Kind::NotAnImage, m_path, tr("The archive holds no image."));
        emit failed(m_error);
        return;
    }
    emit archiveOpened();
}

void ImageLoader::loadImage(std::shared_ptr<ImageArchive> archive, int image)
{
    if (!archive || image < 0 || size_t(image) >= archive->images().size())
        return;
    stopWorker();
    m_archive = std::move(archive);
    m_path = m_archive->path();
    m_image = image;
    startLoading();
}

void ImageLoader::reload()
{
    if (m_archive && m_image >= 0)
        loadImage(m_archive, m_image);
    else if (!m_path.isEmpty())
        openArchive(m_path);
}

void ImageLoader::startLoading()
{
    // images() is filled by open() and never changed afterwards: copying it here is safe.
    m_info = m_archive->images()[size_t(m_image)];
    m_layers.assign(size_t(m_info.layers.size()), nullptr);
    m_progress = LoadProgress();
    m_progress.layerCount = int(m_info.layers.size());
    m_error = Error();
    m_state = State::Loading;
    m_cancel = std::make_shared<std::atomic_bool>(false);

    auto channel = m_channel;
    auto cancel = m_cancel;
    auto archive = m_archive;
    const int image = m_image;
    const quint64 generation = m_generation;
    // metadataReady goes through the event loop too, so that callers connect first.
    channel->post(generation, [](ImageLoader *loader) { emit loader->metadataReady(); });
    (void)QtConcurrent::run(backgroundPool(), [channel, cancel, archive, image, generation] {
        auto throttle = std::make_shared<ProgressThrottle>();
        LoadObserver observer;
        observer.progress = [channel, throttle, generation](const LoadProgress &p) {
            if (throttle->due(p))
                channel->post(generation, [p](ImageLoader *loader) { loader->onProgress(p); });
        };
        observer.layerReady = [channel, generation](int layer,
                                                    const std::shared_ptr<const LayerTree> &tree) {
            channel->post(generation, [layer, tree](ImageLoader *loader) {
                loader->onLayerReady(layer, tree);
            });
        };
        observer.cancel = cancel.get();
        Error error;
        auto layers = archive->loadLayers(image, observer, &error);
        channel->post(generation, [layers = std::move(layers), error](ImageLoader *loader) mutable {
            loader->onLoaded(std::move(layers), error);
        });
    });
}

void ImageLoader::onProgress(const LoadProgress &progress)
{
    m_progress = progress;
    emit progressChanged(progress);
}

void ImageLoader::onLayerReady(int layer, std::shared_ptr<const LayerTree> tree)
{
    if (layer < 0 || size_t(layer) >= m_layers.size())
        return;
    m_layers[size_t(layer)] = std::move(tree);
    emit layerReady(layer);
}

void ImageLoader::onLoaded(std::vector<std::shared_ptr<const LayerTree>> layers, const Error &error)
{
    m_cancel.reset();
    if (error) {
        m_error = error;
        if (error.kind == Error::Kind::Cancelled) {
            m_state = State::Cancelled;
            emit cancelled();
        } else {
            m_state = State::Failed;
            emit failed(error);
        }
        return;
    }
    m_layers = std::move(layers);
    m_progress.layersDone = m_progress.layerCount;
    m_state = State::Loaded;
    emit treesReady();
}

void ImageLoader::cancel()
{
    if (!isBusy())
        return;
    stopWorker();
    m_state = State::Cancelled;
    m_error = Error::make(Error::Kind::Cancelled, m_path, tr("Loading was cancelled."));
    emit cancelled();
}

QString ImageLoader::progressText(const LoadProgress &p)
{
    if (p.layerCount <= 0)
        return tr("Reading the archive…");
    const int current = std::min(p.layersDone + 1, p.layerCount);
    QString text = tr("Reading layer %1 of %2").arg(current).arg(p.layerCount);
    if (p.bytesTotal > 0)
        text += QStringLiteral(" — ") +
                tr("%1 of %2").arg(formatDataSize(p.bytesDone), formatDataSize(p.bytesTotal));
    return text;
}

} // namespace strata

#include "models/imageloader.h"

#include "common/datasize.h"
#include "source/opensource.h"

#include <QElapsedTimer>
#include <QMutex>

#include <numeric>

namespace strata {

namespace {

// Progress callbacks come from several worker threads, for every few entries: pass on a new
// layer at once, otherwise at most ten updates a second.
class ProgressThrottle
{
public:
    bool due(const LoadProgress &p)
    {
        QMutexLocker lock(&m_mutex);
        if (p.layersDone != m_layersDone || p.stage != m_stage || !m_clock.isValid() ||
            m_clock.elapsed() >= 100) {
            m_layersDone = p.layersDone;
            m_stage = p.stage;
            m_clock.start();
            return true;
        }
        return false;
    }

private:
    QMutex m_mutex;
    OpenStage m_stage = OpenStage::Reading;
    QElapsedTimer m_clock;
    int m_layersDone = -1;
};

} // namespace

ImageLoader::ImageLoader(QObject *parent) : QObject(parent) {}

ImageLoader::~ImageLoader() = default;

void ImageLoader::open(const QString &location)
{
    m_location = location;
    m_source.reset();
    m_image = -1;
    m_info = ImageInfo();
    m_layers.clear();
    m_progress = LoadProgress();
    m_error = Error();
    m_state = State::Opening;

    // Opening a big compressed archive (or fetching an image) takes a while: Cancel stops it,
    // not just its result. Results are posted to this loader through `run`, which drops them
    // once the loader has moved on or is gone.
    const BackgroundWork::Run run = m_work.start();
    (void)QtConcurrent::run(backgroundPool(), [this, run, location] {
        auto throttle = std::make_shared<ProgressThrottle>();
        OpenObserver observer;
        observer.cancel = &run.cancelFlag();
        observer.progress = [this, run, throttle](const LoadProgress &p) {
            if (throttle->due(p))
                run.post([this, p] { onProgress(p); });
        };
        Error error;
        std::shared_ptr<ImageSource> source = openImageSource(location, &error, observer);
        run.post([this, source, error] { onOpened(source, error); });
    });
}

void ImageLoader::onOpened(std::shared_ptr<ImageSource> source, const Error &error)
{
    if (!source || error) {
        m_error = error;
        if (!m_error) // a source we cannot use without a reason given: still say which one
            m_error =
                Error::make(Error::Kind::NotAnImage, m_location, tr("It could not be opened."));
        if (m_error.kind == Error::Kind::Cancelled) {
            m_state = State::Cancelled;
            emit cancelled();
        } else {
            m_state = State::Failed;
            emit failed(m_error);
        }
        return;
    }
    m_source = std::move(source);
    m_state = State::Opened;
    emit sourceOpened();
}

void ImageLoader::loadImage(std::shared_ptr<ImageSource> source, int image, Fetching fetching)
{
    if (!source || image < 0 || size_t(image) >= source->images().size())
        return;
    m_source = std::move(source);
    m_location = m_source->location();
    m_image = image;
    m_fetching = fetching;
    // images() is filled when the source is made and never changed: copying it here is safe.
    m_info = m_source->images()[size_t(m_image)];
    m_layers.assign(size_t(m_info.layers.size()), nullptr);
    m_progress = LoadProgress();
    m_progress.layerCount = int(m_info.layers.size());
    m_error = Error();
    const BackgroundWork::Run run = m_work.start();
    m_metadataSent = false;
    postMetadata(run);
    m_fetchesOnRequest = fetching == Fetching::OnRequest && bytesToFetch() > 0;
    if (m_fetchesOnRequest)
        m_state = State::Waiting;
    else
        startLoading(int(m_layers.size()) - 1, run);
}

void ImageLoader::loadUpTo(int top)
{
    if (!m_source || (m_state != State::Waiting && m_state != State::Loading))
        return;
    top = qBound(0, top, int(m_layers.size()) - 1);
    if (top <= readUpTo() || (m_state == State::Loading && top <= m_loadingUpTo))
        return;
    const BackgroundWork::Run run = m_work.start();
    // Asked for before metadataReady arrived: the new request would drop it, so it sends it.
    if (!m_metadataSent)
        postMetadata(run);
    startLoading(top, run);
}

// metadataReady goes through the event loop too, so that callers connect first.
void ImageLoader::postMetadata(const BackgroundWork::Run &run)
{
    run.post([this] {
        m_metadataSent = true;
        emit metadataReady();
    });
}

int ImageLoader::readUpTo() const
{
    int top = -1;
    while (size_t(top + 1) < m_layers.size() && m_layers[size_t(top + 1)])
        ++top;
    return top;
}

qint64 ImageLoader::bytesToFetch(int top) const
{
    return m_source ? m_source->bytesToFetch(m_image, top) : 0;
}

void ImageLoader::reload()
{
    if (m_source && m_image >= 0)
        loadImage(m_source, m_image, m_fetching);
    else if (!m_location.isEmpty())
        open(m_location);
}

// A later request replaces this one: what was read already stays in the source's cache.
void ImageLoader::startLoading(int top, const BackgroundWork::Run &run)
{
    m_state = State::Loading;
    m_loadingUpTo = top;
    std::vector<int> which(size_t(top + 1));
    std::iota(which.begin(), which.end(), 0);
    (void)QtConcurrent::run(backgroundPool(), [this, run, source = m_source, image = m_image,
                                               which = std::move(which)] {
        auto throttle = std::make_shared<ProgressThrottle>();
        LoadObserver observer;
        observer.progress = [this, run, throttle](const LoadProgress &p) {
            if (throttle->due(p))
                run.post([this, p] { onProgress(p); });
        };
        observer.layerReady = [this, run](int layer, const std::shared_ptr<const LayerTree> &tree) {
            run.post([this, layer, tree] { onLayerReady(layer, tree); });
        };
        observer.cancel = &run.cancelFlag();
        Error error;
        auto layers = source->loadLayers(image, observer, &error, which);
        run.post([this, layers = std::move(layers), error]() mutable {
            onLoaded(std::move(layers), error);
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
    for (size_t i = 0; i < layers.size() && i < m_layers.size(); ++i) {
        if (layers[i])
            m_layers[i] = std::move(layers[i]);
    }
    const int top = readUpTo();
    if (size_t(top + 1) < m_layers.size()) {
        m_progress.layersDone = top + 1;
        m_state = State::Waiting;
        emit lowerLayersReady(top);
        return;
    }
    m_progress.layersDone = m_progress.layerCount;
    m_state = State::Loaded;
    emit treesReady();
}

void ImageLoader::cancel()
{
    if (!isBusy())
        return;
    m_work.cancel();
    if (m_state == State::Loading && m_fetchesOnRequest) {
        // A fetch the user asked for stops; what was read stays, the rest waits again.
        m_state = State::Waiting;
        emit lowerLayersReady(readUpTo());
        return;
    }
    m_state = State::Cancelled;
    m_error = Error::make(Error::Kind::Cancelled, m_location, tr("Loading was cancelled."));
    emit cancelled();
}

QString ImageLoader::progressText(const LoadProgress &p)
{
    const QString bytes =
        p.bytesTotal > 0
            ? tr("%1 of %2").arg(formatDataSize(p.bytesDone), formatDataSize(p.bytesTotal))
            : QString();
    if (p.layerCount <= 0) {
        QString text;
        switch (p.stage) {
        case OpenStage::Reading:
            text = tr("Reading the archive…");
            break;
        case OpenStage::Receiving:
            text = tr("Receiving %1…").arg(p.current);
            break;
        case OpenStage::Checking:
            text = tr("Checking the digests of what was received…");
            break;
        case OpenStage::Changes:
            return tr("Reading the container's changes: %1 of %2 paths")
                .arg(p.bytesDone)
                .arg(p.bytesTotal);
        }
        return bytes.isEmpty() ? text : text + QStringLiteral(" — ") + bytes;
    }
    const int current = std::min(p.layersDone + 1, p.layerCount);
    // A registry's layers are fetched before they are read; the bytes count both.
    QString text = p.stage == OpenStage::Receiving
                       ? tr("Fetching and reading layer %1 of %2").arg(current).arg(p.layerCount)
                       : tr("Reading layer %1 of %2").arg(current).arg(p.layerCount);
    if (!bytes.isEmpty())
        text += QStringLiteral(" — ") + bytes;
    return text;
}

} // namespace strata

#pragma once

#include "common/error.h"
#include "image/imageinfo.h"
#include "models/backgroundwork.h"
#include "source/imagesource.h"
#include "tree/layertree.h"

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace strata {

// Reads one image without blocking the GUI, for a tab, a side of Compare or an image of Layer
// Reuse: the one route from a location to layer trees in the app. openImageSource() and then
// ImageSource::loadLayers() run on the background pool and their results come back to the
// GUI thread in stages: sourceOpened, metadataReady (the layer stack and history can paint),
// progress and layerReady while layers are indexed, then treesReady. A registry's layers can
// wait until they are asked for (Fetching::OnRequest): then loading stops after
// metadataReady in state Waiting, and loadUpTo() fetches and reads the layers up to one,
// ending in lowerLayersReady until every layer is there. A new request, cancel() or the
// loader's end drop what older requests still deliver.
class ImageLoader final : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Opening,
        Opened,
        Waiting, // some layers are still to be fetched; loadUpTo() fetches them
        Loading,
        Loaded,
        Failed,
        Cancelled
    };

    explicit ImageLoader(QObject *parent = nullptr);
    ~ImageLoader() override;

    // Stage 1: opens an archive, a directory or any other location openImageSource() takes
    // (metadata only).
    void open(const QString &location);
    enum class Fetching
    {
        Everything, // read every layer at once, downloading what has to be downloaded
        OnRequest,  // layers that must be downloaded first wait for loadUpTo()
    };
    // Stage 2: indexes the layers of one image of an opened source: this loader's, or one
    // another loader opened (tabs of one archive share it and its layer cache).
    void loadImage(std::shared_ptr<ImageSource> source, int image,
                   Fetching fetching = Fetching::Everything);
    // Reads layers 0..top (fetching them first), what the merged tree at `top` needs; every
    // layer when top is the last.
    void loadUpTo(int top);
    // This image's layers wait for loadUpTo() (loadImage with OnRequest, and some to fetch).
    bool fetchesOnRequest() const { return m_fetchesOnRequest; }
    // The highest layer with it and every layer below it read; -1 when none is.
    int readUpTo() const;
    // The bytes still to download for layers 0..top (all with -1).
    qint64 bytesToFetch(int top = -1) const;
    // Loads the same image again (after a cancel or an error).
    void reload();
    void cancel();

    State state() const { return m_state; }
    bool isBusy() const { return m_state == State::Opening || m_state == State::Loading; }
    QString location() const { return m_location; }
    std::shared_ptr<ImageSource> source() const { return m_source; }
    int image() const { return m_image; }
    // A copy of the image's metadata taken on the GUI thread's side of the hand-over.
    const ImageInfo &imageInfo() const { return m_info; }
    // Per layer, bottom first; null until that layer has been read.
    const std::vector<std::shared_ptr<const LayerTree>> &layers() const { return m_layers; }
    const LoadProgress &progress() const { return m_progress; }
    const Error &error() const { return m_error; }

    // "Reading layer 3 of 7 — 12.5 MB of 80.1 MB"
    static QString progressText(const LoadProgress &progress);

signals:
    void sourceOpened();
    void metadataReady();
    void progressChanged(const strata::LoadProgress &progress);
    void layerReady(int layer);
    // Layers 0..top are read (none when top is -1), the ones above wait to be fetched.
    void lowerLayersReady(int top);
    void treesReady();
    void failed(const strata::Error &error);
    void cancelled();

private:
    void onOpened(std::shared_ptr<ImageSource> source, const Error &error);
    void onProgress(const LoadProgress &progress);
    void onLayerReady(int layer, std::shared_ptr<const LayerTree> tree);
    void onLoaded(std::vector<std::shared_ptr<const LayerTree>> layers, const Error &error);
    void startLoading(int top, const BackgroundWork::Run &run);
    void postMetadata(const BackgroundWork::Run &run);

    BackgroundWork m_work{this};
    State m_state = State::Idle;
    QString m_location;
    std::shared_ptr<ImageSource> m_source;
    int m_image = -1;
    Fetching m_fetching = Fetching::Everything;
    bool m_fetchesOnRequest = false; // this image's layers wait for loadUpTo()
    bool m_metadataSent = false;     // metadataReady of this image was delivered
    int m_loadingUpTo = -1;
    ImageInfo m_info;
    std::vector<std::shared_ptr<const LayerTree>> m_layers;
    LoadProgress m_progress;
    Error m_error;
};

} // namespace strata

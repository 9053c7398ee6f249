#pragma once

#include "archive/imagearchive.h"
#include "common/error.h"
#include "image/imageinfo.h"
#include "tree/layertree.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace strata {

// Reads one image for one tab without blocking the GUI: ImageArchive::open() and then
// loadLayers() run on the background pool and their results come back to the GUI thread in
// stages — archiveOpened, metadataReady (the layer stack and history can paint), progress and
// layerReady while layers are indexed, then treesReady. Every request gets a generation
// number; results of a cancelled or superseded request are dropped on arrival.
class ImageLoader final : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Opening,
        Opened,
        Loading,
        Loaded,
        Failed,
        Cancelled
    };

    explicit ImageLoader(QObject *parent = nullptr);
    ~ImageLoader() override;

    // Stage 1: opens an archive or directory (metadata only).
    void openArchive(const QString &path);
    // Stage 2: indexes the layers of one image of an opened archive — this loader's, or one
    // another tab opened (tabs of one archive share it and its layer cache).
    void loadImage(std::shared_ptr<ImageArchive> archive, int image);
    // Loads the same image again (after a cancel or an error).
    void reload();
    void cancel();

    State state() const { return m_state; }
    bool isBusy() const { return m_state == State::Opening || m_state == State::Loading; }
    QString path() const { return m_path; }
    std::shared_ptr<ImageArchive> archive() const { return m_archive; }
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
    void archiveOpened();
    void metadataReady();
    void progressChanged(const strata::LoadProgress &progress);
    void layerReady(int layer);
    void treesReady();
    void failed(const strata::Error &error);
    void cancelled();

private:
    struct Channel;
    void onOpened(std::shared_ptr<ImageArchive> archive, const Error &error);
    void onProgress(const LoadProgress &progress);
    void onLayerReady(int layer, std::shared_ptr<const LayerTree> tree);
    void onLoaded(std::vector<std::shared_ptr<const LayerTree>> layers, const Error &error);
    void startLoading();
    void stopWorker();

    std::shared_ptr<Channel> m_channel;
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_generation = 0;
    State m_state = State::Idle;
    QString m_path;
    std::shared_ptr<ImageArchive> m_archive;
    int m_image = -1;
    ImageInfo m_info;
    std::vector<std::shared_ptr<const LayerTree>> m_layers;
    LoadProgress m_progress;
    Error m_error;
};

} // namespace strata

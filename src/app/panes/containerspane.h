#pragma once

#include "models/backgroundwork.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTreeView;

namespace strata {

class EngineContainerModel;
class ImageSource;
struct ImageInfo;

// What the read-write layer on top of the stack stands for: for an engine's image, the real
// containers that run it (`docker ps -a -s --filter ancestor=`), each with its thin layer's
// size and its virtual size; for an archive or a registry's image, the one container
// `docker run` would start, labelled as assumed. Double-clicking a container opens it.
class ContainersPane final : public QWidget
{
    Q_OBJECT
public:
    explicit ContainersPane(QWidget *parent = nullptr);

    // `imageBytes`: what the image's layers hold, a new container's virtual size.
    void setImage(std::shared_ptr<const ImageSource> source, const ImageInfo &image,
                  qint64 imageBytes);
    // Asks the engine again (the tab shows).
    void refresh();

    QLabel *summary() const { return m_summary; }
    QTreeView *list() const { return m_list; }
    EngineContainerModel *model() const { return m_model; }
    bool isLoaded() const { return m_loaded; }

signals:
    void loaded();
    void openRequested(const QString &location);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showAssumed();

    std::shared_ptr<const ImageSource> m_source;
    QString m_imageId;
    qint64 m_imageBytes = -1;
    bool m_asked = false;
    bool m_loaded = false;
    BackgroundWork m_work{this};
    QLabel *m_summary;
    EngineContainerModel *m_model;
    QTreeView *m_list;
};

} // namespace strata

#pragma once

#include "image/imageinfo.h"

#include <QWidget>

#include <memory>
#include <vector>

namespace Ui {
class ImageChooser;
}

namespace strata {

class ImageListModel;

// Lists the images of a multi-image archive like `docker images`; the user opens one here or
// each in its own tab.
class ImageChooser final : public QWidget
{
    Q_OBJECT
public:
    explicit ImageChooser(QWidget *parent = nullptr);
    ~ImageChooser() override;

    void setImages(const std::vector<ImageInfo> &images);
    void setSizes(const std::vector<qint64> &sizes);
    ImageListModel *model() const { return m_model; }
    int currentImage() const;

signals:
    void imageChosen(int image);
    void openEachRequested(const QList<int> &images);

private:
    std::unique_ptr<Ui::ImageChooser> m_ui;
    ImageListModel *m_model;
};

} // namespace strata

#include "panes/imagechooser.h"

#include "models/imagelistmodel.h"
#include "ui_imagechooser.h"

#include <QHeaderView>

namespace strata {

ImageChooser::ImageChooser(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ImageChooser>()), m_model(new ImageListModel(this))
{
    m_ui->setupUi(this);
    m_ui->imageTable->setModel(m_model);
    m_ui->imageTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_ui->openButton, &QPushButton::clicked, this, [this] {
        if (currentImage() >= 0)
            emit imageChosen(currentImage());
    });
    connect(m_ui->openEachButton, &QPushButton::clicked, this,
            [this] { emit openEachRequested(m_model->distinctImages()); });
    connect(m_ui->imageTable, &QTableView::activated, this,
            [this](const QModelIndex &index) { emit imageChosen(m_model->imageAt(index.row())); });
}

ImageChooser::~ImageChooser() = default;

void ImageChooser::setImages(const std::vector<ImageInfo> &images)
{
    m_model->setImages(images);
    m_ui->heading->setText(
        tr("This archive holds %n images. Choose the one to open:", nullptr, int(images.size())));
    if (m_model->rowCount() > 0)
        m_ui->imageTable->selectRow(0);
    m_ui->imageTable->setFocus();
}

void ImageChooser::setSizes(const std::vector<qint64> &sizes)
{
    m_model->setSizes(sizes);
}

int ImageChooser::currentImage() const
{
    const QModelIndex current = m_ui->imageTable->currentIndex();
    return m_model->imageAt(current.isValid() ? current.row() : 0);
}

} // namespace strata

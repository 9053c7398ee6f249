#include "panes/loadprogressbar.h"

#include "models/imageloader.h"
#include "source/imagesource.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace strata {

LoadProgressBar::LoadProgressBar(QWidget *parent)
    : QWidget(parent), m_label(new QLabel(this)), m_bar(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this))
{
    m_label->setObjectName(QStringLiteral("progressText"));
    m_bar->setTextVisible(false);
    m_bar->setMaximumHeight(m_label->sizeHint().height());
    m_cancel->setObjectName(QStringLiteral("cancelLoad"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_label, 2);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, &LoadProgressBar::cancelRequested);
}

void LoadProgressBar::showBusy(const QString &text)
{
    m_label->setText(text);
    m_bar->setRange(0, 0);
    show();
}

void LoadProgressBar::showProgress(const LoadProgress &progress)
{
    m_label->setText(ImageLoader::progressText(progress));
    if (progress.bytesTotal > 0) {
        // Bytes can exceed an int: show per mille.
        m_bar->setRange(0, 1000);
        m_bar->setValue(int(1000 * double(progress.bytesDone) / double(progress.bytesTotal)));
    } else if (progress.layerCount > 0) {
        m_bar->setRange(0, progress.layerCount);
        m_bar->setValue(progress.layersDone);
    } else {
        m_bar->setRange(0, 0);
    }
    show();
}

QString LoadProgressBar::text() const
{
    return m_label->text();
}

} // namespace strata

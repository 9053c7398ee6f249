#include "panes/overlaypane.h"

#include "common/datasize.h"
#include "views/monofont.h"
#include "views/overlaydiagram.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace strata {

OverlayPane::OverlayPane(QWidget *parent)
    : QWidget(parent), m_intro(new QLabel), m_diagram(new OverlayDiagram),
      m_mount(new QPlainTextEdit), m_selected(new QLabel), m_lastCommand(new QLabel),
      m_write(new QPushButton(tr("Write It"))), m_delete(new QPushButton(tr("Delete It"))),
      m_reset(new QPushButton(tr("Reset"))), m_sizes(new QLabel)
{
    setObjectName(QStringLiteral("overlayPane"));
    m_intro->setWordWrap(true);
    m_intro->setText(tr("A container sees one filesystem, merged/: overlay2 lays its empty "
                        "read-write folder (upperdir) over the image's read-only layers "
                        "(lowerdir), which it never changes."));
    m_mount->setObjectName(QStringLiteral("mountCommand"));
    m_mount->setReadOnly(true);
    m_mount->setFont(inheritedMonospaceFont());
    m_mount->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_mount->setMaximumHeight(fontMetrics().height() * 6);
    m_selected->setObjectName(QStringLiteral("copyUpSelection"));
    m_selected->setWordWrap(true);
    m_selected->setTextFormat(Qt::PlainText);
    m_lastCommand->setObjectName(QStringLiteral("copyUpCommand"));
    m_lastCommand->setFont(inheritedMonospaceFont());
    m_lastCommand->setTextFormat(Qt::PlainText);
    m_lastCommand->setWordWrap(true);
    m_sizes->setObjectName(QStringLiteral("copyUpSizes"));
    m_sizes->setWordWrap(true);
    m_sizes->setTextFormat(Qt::PlainText);
    m_write->setObjectName(QStringLiteral("copyUpWrite"));
    m_write->setToolTip(tr("As if the container ran echo -n x >> FILE: the whole file is "
                           "copied up first"));
    m_delete->setObjectName(QStringLiteral("copyUpDelete"));
    m_delete->setToolTip(tr("As if the container ran rm -r PATH: a whiteout hides it"));
    m_reset->setObjectName(QStringLiteral("copyUpReset"));
    m_reset->setToolTip(tr("A new container: its upperdir empty"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_write);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    buttons->addWidget(m_reset);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_intro);
    layout->addWidget(m_diagram);
    auto *mountLabel = new QLabel(tr("The mount the engine makes (folders in "
                                     "/var/lib/docker/overlay2/, named here by what they hold):"));
    mountLabel->setWordWrap(true);
    layout->addWidget(mountLabel);
    layout->addWidget(m_mount);
    layout->addWidget(m_selected);
    layout->addLayout(buttons);
    layout->addWidget(m_lastCommand);
    layout->addWidget(m_sizes);
    layout->addStretch();
    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(m_write, &QPushButton::clicked, this, &OverlayPane::writeCurrent);
    connect(m_delete, &QPushButton::clicked, this, &OverlayPane::deleteCurrent);
    connect(m_reset, &QPushButton::clicked, this, &OverlayPane::reset);
    refresh();
}

OverlayPane::~OverlayPane() = default;

void OverlayPane::setImage(std::shared_ptr<const FileTree> merged, int layerCount,
                           qint64 imageBytes)
{
    m_layerCount = layerCount;
    m_imageBytes = imageBytes;
    if (merged)
        m_simulation.emplace(std::move(merged));
    else
        m_simulation.reset();
    m_lastCommand->clear();
    QStringList lower;
    for (int layer = layerCount - 1; layer >= 0; --layer)
        lower << QStringLiteral("layer%1/diff").arg(layer);
    m_diagram->setLowerLayers(lower);
    refresh();
}

void OverlayPane::setCurrentPath(const QString &path)
{
    m_path = path;
    refresh();
}

QString OverlayPane::mountCommand() const
{
    QStringList lower;
    for (int layer = m_layerCount - 1; layer >= 0; --layer)
        lower << QStringLiteral("layer%1/diff").arg(layer);
    return QStringLiteral("mount -t overlay overlay -o lowerdir=%1,upperdir=container/diff,"
                          "workdir=container/work container/merged")
        .arg(lower.join(QLatin1Char(':')));
}

bool OverlayPane::writeCurrent()
{
    if (!m_simulation || m_path.isEmpty() || !m_simulation->write(m_path.toStdString(), 1))
        return false;
    m_lastCommand->setText(QStringLiteral("$ echo -n x >> /%1").arg(m_path));
    refresh();
    return true;
}

bool OverlayPane::deleteCurrent()
{
    if (!m_simulation || m_path.isEmpty() || !m_simulation->remove(m_path.toStdString()))
        return false;
    m_lastCommand->setText(QStringLiteral("$ rm -r /%1").arg(m_path));
    refresh();
    return true;
}

void OverlayPane::reset()
{
    if (m_simulation)
        m_simulation->reset();
    m_lastCommand->clear();
    refresh();
}

void OverlayPane::refresh()
{
    m_mount->setPlainText(mountCommand());
    const bool ready = m_simulation.has_value();
    const bool visible =
        ready && !m_path.isEmpty() && m_simulation->isVisible(m_path.toStdString());
    m_write->setEnabled(visible);
    m_delete->setEnabled(visible);
    m_reset->setEnabled(ready && !m_simulation->upper().empty());
    if (!ready) {
        m_selected->setText(tr("The image's merged filesystem is not read yet."));
        m_sizes->clear();
        m_diagram->setUpper({}, 0);
        return;
    }
    m_selected->setText(m_path.isEmpty() ? tr("Select a file in the merged tree to try it.")
                        : visible        ? tr("Selected: /%1").arg(m_path)
                                  : tr("Selected: /%1 (deleted in this container)").arg(m_path));
    const qint64 upper = m_simulation->upperBytes();
    const qint64 lower = m_imageBytes;
    m_diagram->setUpper(m_simulation->upper(), upper);
    m_sizes->setText(
        tr("docker ps -s: SIZE %1 (virtual %2). On disk (du -sh): the image's "
           "layers %3, once for every container, plus this container's %1.")
            .arg(formatDataSize(upper), formatDataSize(lower + upper), formatDataSize(lower)));
}

} // namespace strata

#include "views/archivelinksview.h"

#include "common/datasize.h"
#include "image/imageinfo.h"

#include <QEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <cmath>

namespace strata {

namespace {
const QString kDigestSample = QStringLiteral("0123456789ab");

// The first 12 hex digits, as docker shows IDs; the headings say they are SHA-256.
QString digestText(const QString &digest)
{
    return digest.isEmpty() ? QStringLiteral("—") : shortDigest(digest);
}

void drawArrow(QPainter &p, QPointF from, QPointF to)
{
    p.drawLine(from, to);
    const QPointF d = to - from;
    const qreal length = std::hypot(d.x(), d.y());
    if (length < 1)
        return;
    const QPointF unit = d / length;
    const QPointF normal(-unit.y(), unit.x());
    const qreal size = 6;
    QPainterPath head;
    head.moveTo(to);
    head.lineTo(to - unit * size + normal * size * 0.5);
    head.lineTo(to - unit * size - normal * size * 0.5);
    head.closeSubpath();
    p.fillPath(head, p.pen().color());
}
} // namespace

ArchiveLinksView::ArchiveLinksView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("archiveLinks"));
    setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Minimum);
}

void ArchiveLinksView::setImage(const ImageInfo &image, const QString &manifestMember)
{
    m_manifest = manifestMember;
    m_config = image.configMember;
    m_rows.clear();
    for (const LayerInfo &layer : image.layers) {
        if (layer.readWrite)
            continue;
        m_rows.push_back({layer.member, layer.blobSize, layer.diffId, layer.chainId});
    }
    m_selectedLayer = -1;
    m_selectedMember.clear();
    updateGeometry();
    update();
}

void ArchiveLinksView::clear()
{
    m_manifest.clear();
    m_config.clear();
    m_rows.clear();
    updateGeometry();
    update();
}

void ArchiveLinksView::selectLayer(int layer)
{
    m_selectedLayer = layer >= 0 && layer < int(m_rows.size()) ? layer : -1;
    m_selectedMember.clear();
    update();
}

void ArchiveLinksView::selectMember(const QString &member)
{
    m_selectedLayer = -1;
    m_selectedMember.clear();
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].member == member) {
            m_selectedLayer = int(i);
            break;
        }
    }
    if (m_selectedLayer < 0 && (member == m_manifest || member == m_config))
        m_selectedMember = member;
    update();
}

ArchiveLinksView::Metrics ArchiveLinksView::metrics() const
{
    const QFontMetrics fm = fontMetrics();
    Metrics m{};
    m.pad = fm.averageCharWidth();
    m.rowHeight = fm.height() + m.pad;
    m.rowGap = fm.height() / 2;
    m.columnGap = fm.height() * 3 / 2;
    m.left = fm.height();
    m.top = fm.height() / 2;
    // Room under the config's box for the "rootfs.diff_ids" label of its arrow.
    m.headingTop = m.top + m.rowHeight + fm.height() + m.rowGap;
    m.manifestWidth = fm.horizontalAdvance(QStringLiteral("manifest.json")) + 4 * m.pad;
    m.digestWidth = std::max(fm.horizontalAdvance(kDigestSample),
                             fm.horizontalAdvance(tr("Chain IDs (sha256)"))) +
                    2 * m.pad;
    m.blobWidth =
        fm.horizontalAdvance(QStringLiteral("0123456…89ab/layer.tar 999.9 MB")) + 3 * m.pad;
    return m;
}

int ArchiveLinksView::columnLeft(const Metrics &m, int column) const
{
    switch (column) {
    case ManifestColumn:
        return m.left;
    case BlobColumn:
        return m.left + m.manifestWidth + m.columnGap;
    case DiffIdColumn:
    case ConfigBox:
        return m.left + m.manifestWidth + m.blobWidth + 2 * m.columnGap;
    default:
        return m.left + m.manifestWidth + m.blobWidth + m.digestWidth + 3 * m.columnGap;
    }
}

// Rows start under the config's box and the column headings; the top layer comes first.
int ArchiveLinksView::rowTop(const Metrics &m, int layer) const
{
    const int first = m.headingTop + fontMetrics().height() + m.rowGap;
    return first + (int(m_rows.size()) - 1 - layer) * (m.rowHeight + m.rowGap);
}

QRect ArchiveLinksView::boxRect(int layer, int column) const
{
    const Metrics m = metrics();
    if (column == ConfigBox)
        return {columnLeft(m, ConfigBox), m.top, m.digestWidth, m.rowHeight};
    if (column == ManifestColumn) {
        const int rows = std::max(1, int(m_rows.size()));
        const int first = rowTop(m, int(m_rows.size()) - 1);
        const int span = rows * m.rowHeight + (rows - 1) * m.rowGap;
        return {m.left, first + (span - m.rowHeight) / 2, m.manifestWidth, m.rowHeight};
    }
    if (layer < 0 || layer >= int(m_rows.size()))
        return {};
    const int width = column == BlobColumn ? m.blobWidth : m.digestWidth;
    return {columnLeft(m, column), rowTop(m, layer), width, m.rowHeight};
}

QString ArchiveLinksView::footnote() const
{
    return tr("The manifest names the config and each layer blob by its digest. A layer's "
              "diff_id is the SHA-256 of its uncompressed tar; the config lists them in "
              "rootfs.diff_ids. The bottom layer's chain ID is its diff_id; each one above is "
              "sha256(chain ID below + \" \" + diff_id), the name Docker keeps the layer "
              "under on disk.");
}

QSize ArchiveLinksView::sizeHint() const
{
    const Metrics m = metrics();
    const int width = columnLeft(m, ChainIdColumn) + m.digestWidth + m.left;
    const int rowsBottom = rowTop(m, 0) + m.rowHeight;
    const QRect note = fontMetrics().boundingRect(QRect(0, 0, width - 2 * m.left, 10000),
                                                  Qt::TextWordWrap, footnote());
    return {width, rowsBottom + m.rowGap * 2 + note.height() + m.top};
}

QSize ArchiveLinksView::minimumSizeHint() const
{
    return sizeHint();
}

void ArchiveLinksView::drawBox(QPainter &p, const QRect &rect, const QString &text,
                               const QString &side, bool selected) const
{
    const QPalette &pal = palette();
    p.setPen(QPen(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid), 1));
    p.setBrush(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Base));
    p.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    const int pad = metrics().pad;
    QRect inner = rect.adjusted(pad, 0, -pad, 0);
    const QFontMetrics fm = fontMetrics();
    if (!side.isEmpty()) {
        p.setPen(selected ? pal.color(QPalette::HighlightedText)
                          : pal.color(QPalette::PlaceholderText));
        p.drawText(inner, Qt::AlignRight | Qt::AlignVCenter, side);
        inner.setRight(inner.right() - fm.horizontalAdvance(side) - pad);
    }
    p.setPen(selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text));
    p.drawText(inner, Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(text, Qt::ElideMiddle, inner.width()));
}

void ArchiveLinksView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const Metrics m = metrics();
    const QFontMetrics fm = fontMetrics();
    if (m_manifest.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No image"));
        return;
    }

    // Column headings.
    const int headingTop = m.headingTop;
    p.setPen(pal.color(QPalette::WindowText));
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    const std::pair<int, QString> headings[] = {{ManifestColumn, tr("Manifest")},
                                                {BlobColumn, tr("Layer blobs")},
                                                {DiffIdColumn, tr("diff_ids (sha256)")},
                                                {ChainIdColumn, tr("Chain IDs (sha256)")}};
    for (const auto &[column, text] : headings)
        p.drawText(QPoint(columnLeft(m, column), headingTop + fm.ascent()), text);
    p.setFont(font());

    const QRect manifest = boxRect(-1, ManifestColumn);
    const QRect config = boxRect(-1, ConfigBox);
    const QColor line = pal.color(QPalette::WindowText);
    p.setPen(QPen(line, 1));

    // manifest → config, over the top of the blob column.
    const QPointF corner(manifest.center().x(), config.center().y());
    p.drawLine(QPointF(manifest.center().x(), manifest.top()), corner);
    drawArrow(p, corner, QPointF(config.left(), config.center().y()));
    p.drawText(QPoint(columnLeft(m, BlobColumn), config.center().y() - fm.descent() - 2),
               QStringLiteral("config"));

    for (int layer = 0; layer < int(m_rows.size()); ++layer) {
        const QRect blob = boxRect(layer, BlobColumn);
        const QRect diff = boxRect(layer, DiffIdColumn);
        const QRect chain = boxRect(layer, ChainIdColumn);
        drawArrow(p, QPointF(manifest.right(), manifest.center().y()),
                  QPointF(blob.left(), blob.center().y()));
        drawArrow(p, QPointF(blob.right(), blob.center().y()),
                  QPointF(diff.left(), diff.center().y()));
        drawArrow(p, QPointF(diff.right(), diff.center().y()),
                  QPointF(chain.left(), chain.center().y()));
        if (layer > 0) {
            const QRect below = boxRect(layer - 1, ChainIdColumn);
            drawArrow(p, QPointF(below.center().x(), below.top()),
                      QPointF(chain.center().x(), chain.bottom() + 1));
        }
    }
    // config → the diff_id column: the config lists them all (rootfs.diff_ids).
    if (!m_rows.empty()) {
        const QRect top = boxRect(int(m_rows.size()) - 1, DiffIdColumn);
        const QRect bottom = boxRect(0, DiffIdColumn);
        const QRect group = top.united(bottom).adjusted(-3, -3, 3, 3);
        p.setPen(QPen(pal.color(QPalette::Mid), 1, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(QRectF(group), 4, 4);
        p.setPen(QPen(line, 1));
        const qreal x = config.center().x();
        drawArrow(p, QPointF(x, config.bottom() + 1), QPointF(x, group.top()));
        p.drawText(QPoint(int(x) + m.pad, config.bottom() + 2 + fm.ascent()),
                   QStringLiteral("rootfs.diff_ids"));
    }

    drawBox(p, manifest, m_manifest, {}, m_selectedMember == m_manifest);
    drawBox(p, config, m_config, {}, m_selectedMember == m_config);
    for (int layer = 0; layer < int(m_rows.size()); ++layer) {
        const Row &row = m_rows[size_t(layer)];
        const bool selected = layer == m_selectedLayer;
        drawBox(p, boxRect(layer, BlobColumn), row.member,
                row.size >= 0 ? formatDataSize(row.size) : QString(), selected);
        drawBox(p, boxRect(layer, DiffIdColumn), digestText(row.diffId), {}, selected);
        drawBox(p, boxRect(layer, ChainIdColumn), digestText(row.chainId), {}, selected);
    }

    const int noteTop = rowTop(m, 0) + m.rowHeight + 2 * m.rowGap;
    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(QRect(m.left, noteTop, sizeHint().width() - 2 * m.left, height() - noteTop),
               Qt::TextWordWrap, footnote());
}

bool ArchiveLinksView::hitTest(const QPoint &pos, int *layer, int *column) const
{
    for (const int c : {int(ManifestColumn), int(ConfigBox)}) {
        if (boxRect(-1, c).contains(pos)) {
            *layer = -1;
            *column = c;
            return true;
        }
    }
    for (int l = 0; l < int(m_rows.size()); ++l) {
        for (const int c : {int(BlobColumn), int(DiffIdColumn), int(ChainIdColumn)}) {
            if (boxRect(l, c).contains(pos)) {
                *layer = l;
                *column = c;
                return true;
            }
        }
    }
    return false;
}

QString ArchiveLinksView::boxToolTip(int layer, int column) const
{
    if (layer < 0)
        return column == ConfigBox ? m_config : m_manifest;
    const Row &row = m_rows[size_t(layer)];
    switch (column) {
    case BlobColumn:
        return tr("Layer %1 as stored: %2").arg(layer).arg(row.member);
    case DiffIdColumn:
        return tr("Layer %1's diff_id: %2").arg(layer).arg(row.diffId);
    default:
        return tr("Layer %1's chain ID: %2").arg(layer).arg(row.chainId);
    }
}

void ArchiveLinksView::mousePressEvent(QMouseEvent *event)
{
    int layer = -1;
    int column = -1;
    if (event->button() != Qt::LeftButton ||
        !hitTest(event->position().toPoint(), &layer, &column)) {
        QWidget::mousePressEvent(event);
        return;
    }
    if (layer >= 0) {
        selectLayer(layer);
        emit layerClicked(layer);
        return;
    }
    const QString member = column == ConfigBox ? m_config : m_manifest;
    selectMember(member);
    emit memberClicked(member);
}

bool ArchiveLinksView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        int layer = -1;
        int column = -1;
        if (hitTest(help->pos(), &layer, &column))
            QToolTip::showText(help->globalPos(), boxToolTip(layer, column), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void ArchiveLinksView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

} // namespace strata

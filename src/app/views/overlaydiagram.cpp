#include "views/overlaydiagram.h"

#include "common/datasize.h"
#include "models/viewcolors.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace strata {

namespace {
constexpr int kMaxUpperLines = 8;
constexpr int kMaxLowerLines = 8;

void arrowUp(QPainter &p, QPointF from, QPointF to)
{
    p.drawLine(from, to);
    QPainterPath head;
    head.moveTo(to);
    head.lineTo(to + QPointF(-4, 7));
    head.lineTo(to + QPointF(4, 7));
    head.closeSubpath();
    p.fillPath(head, p.pen().color());
}
} // namespace

OverlayDiagram::OverlayDiagram(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("overlayDiagram"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
}

void OverlayDiagram::setLowerLayers(const QStringList &labels)
{
    m_lower = labels;
    updateGeometry();
    update();
}

void OverlayDiagram::setUpper(const std::vector<CopyUpSimulation::UpperEntry> &entries,
                              qint64 bytes)
{
    m_upper = entries;
    m_upperBytes = bytes;
    updateGeometry();
    update();
}

int OverlayDiagram::upperLines() const
{
    return std::max(1, std::min(int(m_upper.size()), kMaxUpperLines + 1));
}

// From the top: merged, then upperdir beside workdir, then the lowerdirs; each box a title
// line and its content lines, with room for the arrows between them.
QRect OverlayDiagram::folderRect(Folder folder) const
{
    const int line = fontMetrics().height();
    const int pad = line / 2;
    const int gap = line * 2;
    const int w = width() - 2 * pad;
    const int mergedHeight = 2 * line + 2 * pad;
    const int upperHeight = (1 + upperLines()) * line + 2 * pad;
    const int lowerRows = std::max(1, std::min(int(m_lower.size()), kMaxLowerLines + 1));
    const int lowerHeight = (1 + lowerRows) * line + 2 * pad;
    const int workWidth = fontMetrics().horizontalAdvance(tr("workdir")) * 2 + 2 * pad;
    const int upperTop = pad + mergedHeight + gap;
    switch (folder) {
    case Folder::Merged:
        return {pad, pad, w, mergedHeight};
    case Folder::Upper:
        return {pad, upperTop, w - workWidth - pad, upperHeight};
    case Folder::Work:
        return {pad + w - workWidth, upperTop, workWidth, upperHeight};
    case Folder::Lower:
        return {pad, upperTop + upperHeight + gap, w - workWidth - pad, lowerHeight};
    }
    return {};
}

QSize OverlayDiagram::sizeHint() const
{
    const int line = fontMetrics().height();
    const int width = fontMetrics().horizontalAdvance(QLatin1Char('M')) * 26;
    const int lowerRows = std::max(1, std::min(int(m_lower.size()), kMaxLowerLines + 1));
    const int height = line / 2 + (2 * line + line) + line * 2 +
                       ((1 + upperLines()) * line + line) + line * 2 +
                       ((1 + lowerRows) * line + line) + line / 2;
    return {width, height};
}

QSize OverlayDiagram::minimumSizeHint() const
{
    return {fontMetrics().horizontalAdvance(QLatin1Char('M')) * 18, sizeHint().height()};
}

void OverlayDiagram::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

void OverlayDiagram::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const AccentColors accents = accentColors(pal);
    const QFontMetrics fm = fontMetrics();
    const int line = fm.height();
    const int pad = line / 2;
    QFont bold = font();
    bold.setBold(true);

    auto box = [&](const QRect &r, const QColor &fill, Qt::PenStyle style, const QString &title,
                   const QString &note, const QStringList &lines) {
        p.setPen(QPen(pal.color(QPalette::Mid), 1, style));
        p.setBrush(fill);
        p.drawRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        const QRect inner = r.adjusted(pad, pad, -pad, -pad);
        p.setFont(bold);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(inner.left(), inner.top(), inner.width(), line),
                   Qt::AlignLeft | Qt::AlignVCenter, title);
        p.setFont(font());
        p.setPen(accents.dimText);
        p.drawText(QRect(inner.left(), inner.top(), inner.width(), line),
                   Qt::AlignRight | Qt::AlignVCenter, note);
        p.setPen(pal.color(QPalette::Text));
        for (int i = 0; i < lines.size(); ++i)
            p.drawText(QRect(inner.left(), inner.top() + (i + 1) * line, inner.width(), line),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(lines.at(i), Qt::ElideMiddle, inner.width()));
    };

    const QRect merged = folderRect(Folder::Merged);
    const QRect upper = folderRect(Folder::Upper);
    const QRect work = folderRect(Folder::Work);
    const QRect lower = folderRect(Folder::Lower);

    // upper and lower both feed the merged view; the upper one wins.
    p.setPen(QPen(pal.color(QPalette::WindowText), 1.5));
    const qreal x1 = upper.left() + upper.width() * 0.3;
    arrowUp(p, QPointF(x1, upper.top()), QPointF(x1, merged.bottom() + 2));
    const qreal x2 = upper.left() + upper.width() * 0.7;
    p.setPen(QPen(pal.color(QPalette::WindowText), 1.5, Qt::DashLine));
    p.drawLine(QPointF(x2, lower.top()), QPointF(x2, upper.bottom() + 2));
    arrowUp(p, QPointF(x2, upper.top()), QPointF(x2, merged.bottom() + 2));
    p.setPen(accents.dimText);
    p.drawText(QRect(int(x1) + pad, merged.bottom(), upper.width(), upper.top() - merged.bottom()),
               Qt::AlignLeft | Qt::AlignVCenter, tr("upper wins"));
    p.drawText(QRect(int(x2) + pad, upper.bottom(), upper.width(), lower.top() - upper.bottom()),
               Qt::AlignLeft | Qt::AlignVCenter, tr("lower shows through"));

    box(merged, mixColors(pal.color(QPalette::Base), pal.color(QPalette::Highlight), 0.12),
        Qt::SolidLine, tr("merged/"), tr("what the container sees"),
        {tr("upperdir over the lowerdirs: one filesystem")});

    QStringList upperLinesText;
    for (size_t i = 0; i < m_upper.size() && int(i) < kMaxUpperLines; ++i) {
        const CopyUpSimulation::UpperEntry &e = m_upper[i];
        QString what;
        switch (e.kind) {
        case CopyUpSimulation::UpperEntry::Kind::CopiedUp:
            what = tr("copied up, %1").arg(formatDataSize(e.bytes));
            break;
        case CopyUpSimulation::UpperEntry::Kind::Created:
            what = tr("created, %1").arg(formatDataSize(e.bytes));
            break;
        case CopyUpSimulation::UpperEntry::Kind::Folder:
            what = tr("folder");
            break;
        case CopyUpSimulation::UpperEntry::Kind::Whiteout:
            what = tr("whiteout: char device 0/0");
            break;
        }
        upperLinesText << QStringLiteral("/%1 — %2").arg(QString::fromStdString(e.path), what);
    }
    if (m_upper.size() > size_t(kMaxUpperLines))
        upperLinesText << tr("… %n more", nullptr, int(m_upper.size()) - kMaxUpperLines);
    if (m_upper.empty())
        upperLinesText << tr("(empty: nothing written yet)");
    box(upper, pal.color(QPalette::Base), Qt::DashLine, tr("upperdir/"),
        tr("read-write · %1").arg(formatDataSize(m_upperBytes)), upperLinesText);
    box(work, pal.color(QPalette::Window), Qt::DotLine, tr("workdir"), {},
        {tr("overlayfs's"), tr("scratch space")});

    QStringList lowerLinesText;
    for (int i = 0; i < m_lower.size() && i < kMaxLowerLines; ++i)
        lowerLinesText << m_lower.at(i);
    if (m_lower.size() > kMaxLowerLines)
        lowerLinesText << tr("… %n more", nullptr, int(m_lower.size()) - kMaxLowerLines);
    box(lower, mixColors(pal.color(QPalette::Base), accents.base, 0.18), Qt::SolidLine,
        tr("lowerdir"), tr("read-only · the image's layers"), lowerLinesText);
}

} // namespace strata

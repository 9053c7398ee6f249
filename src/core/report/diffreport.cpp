#include "report/diffreport.h"

#include "report/packagesreport.h"

#include "common/textescape.h"

#include "common/datasize.h"
#include "report/imagereport.h"

#include <QTextStream>

namespace strata {

namespace {
QString sideTitle(const DiffSide &side)
{
    const ImageInfo &info = side.info();
    QString title = side.source->location() + QStringLiteral("  ") + info.displayName();
    if (!info.names.isEmpty())
        title += QStringLiteral(" (") + info.shortId() + QLatin1Char(')');
    const int count = int(info.layers.size());
    if (side.topLayer() + 1 < count)
        title += QStringLiteral(", layer %1 of %2").arg(side.topLayer()).arg(count - 1);
    return title;
}

QString countDelta(qint64 delta)
{
    return delta > 0 ? QLatin1Char('+') + QString::number(delta) : QString::number(delta);
}

QString percentText(const DiffSummary &summary)
{
    double percent = 0;
    if (!summary.sizeDeltaPercent(&percent))
        return QStringLiteral("n/a");
    return (percent > 0 ? QStringLiteral("+") : QString()) + QString::number(percent, 'f', 1) +
           QLatin1Char('%');
}

QString layerLabel(const LayerInfo &layer)
{
    return shortDigest(layer.diffId.isEmpty() ? layer.blobDigest : layer.diffId);
}

qint64 layerSize(const DiffSide &side, int layer)
{
    if (size_t(layer) < side.layers.size() && side.layers[size_t(layer)])
        return side.layers[size_t(layer)]->contentSize;
    return side.info().layers[layer].contentSize;
}

// "shared" for a shared layer; above the divergence, which layer of the other side holds
// the same bytes: "A same as B 3".
QString layerNote(const LayerAlignment &alignment, int layer)
{
    if (alignment.isShared(layer))
        return QStringLiteral("shared");
    QStringList notes;
    if (layer < alignment.countA && alignment.sameContentA[size_t(layer)] >= 0)
        notes << QStringLiteral("A same as B %1").arg(alignment.sameContentA[size_t(layer)]);
    if (layer < alignment.countB && alignment.sameContentB[size_t(layer)] >= 0)
        notes << QStringLiteral("B same as A %1").arg(alignment.sameContentB[size_t(layer)]);
    return notes.join(QStringLiteral("; "));
}

QString changesText(const TreeDiff &files, uint32_t index)
{
    const DiffEntry &e = files.entry(index);
    QStringList names = diffChangeNames(e.changes);
    if (e.changes & DiffChange::Type) {
        names[0] = QStringLiteral("type ") + QLatin1Char(fileTypeLetter(files.typeA(index))) +
                   QLatin1Char('>') + QLatin1Char(fileTypeLetter(files.typeB(index)));
    }
    return names.join(QLatin1Char(','));
}

QString pathText(const TreeDiff &files, uint32_t index)
{
    QString path = QString::fromStdString(files.path(index));
    if (files.isDirectory(index))
        path += QLatin1Char('/');
    return path;
}

QString filesHeadline(const TreeDiff &files)
{
    const DiffCounts &c = files.counts();
    QString line = QStringLiteral("%1 added, %2 removed, %3 changed, %4 unchanged (+%5, -%6)")
                       .arg(c.added)
                       .arg(c.removed)
                       .arg(c.changed)
                       .arg(c.unchanged)
                       .arg(formatDataSize(qint64(c.bytesAdded), SizePrecision::ThreeDigits),
                            formatDataSize(qint64(c.bytesRemoved), SizePrecision::ThreeDigits));
    if (c.contentUnknown)
        line +=
            QStringLiteral("; content of %1 same-size files not compared").arg(c.contentUnknown);
    return line;
}

QString configValue(const ConfigDiffRow &row, bool sideA)
{
    if (!(sideA ? row.inA : row.inB))
        return QStringLiteral("(not set)");
    const QString &value = sideA ? row.a : row.b;
    return value.isEmpty() ? QStringLiteral("(empty)") : value;
}

QString configName(const ConfigDiffRow &row)
{
    return row.key.isEmpty() ? row.field : row.field + QLatin1Char(' ') + row.key;
}

// Single-valued settings empty on both sides say nothing: left out of text and markdown.
bool worthShowing(const ConfigDiffRow &row)
{
    return !row.equal() || !row.key.isEmpty() || !row.a.isEmpty();
}

QString configHeadline(const ConfigDiff &config)
{
    const int different = config.differences();
    return QStringLiteral("%1 different, %2 same")
        .arg(different)
        .arg(int(config.rows.size()) - different);
}

const HistoryEntry *step(const DiffSide &side, int index)
{
    return index >= 0 ? &side.info().history[index] : nullptr;
}
} // namespace

QString formatByteDelta(qint64 delta)
{
    if (delta > 0)
        return QLatin1Char('+') + formatDataSize(delta, SizePrecision::ThreeDigits);
    if (delta < 0)
        return QLatin1Char('-') + formatDataSize(-delta, SizePrecision::ThreeDigits);
    return formatDataSize(0, SizePrecision::ThreeDigits);
}

QByteArray diffText(const ImageComparison &c, const DiffReportOptions &options)
{
    QString text;
    QTextStream out(&text);
    out << "A: " << escapeText(sideTitle(c.a)) << '\n';
    out << "B: " << escapeText(sideTitle(c.b)) << '\n';

    const DiffSummary &s = c.summary;
    auto row = [&](const QString &name, const QString &a, const QString &b, const QString &delta) {
        out << "  " << name.leftJustified(8) << a.leftJustified(14) << b.leftJustified(14) << delta
            << '\n';
    };
    out << "\nSummary\n";
    row(QString(), QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("DELTA"));
    row(QStringLiteral("Size"), formatDataSize(s.a.totalSize, SizePrecision::ThreeDigits),
        formatDataSize(s.b.totalSize, SizePrecision::ThreeDigits),
        formatByteDelta(s.sizeDelta()) + QStringLiteral(" (") + percentText(s) + QLatin1Char(')'));
    row(QStringLiteral("Layers"), QString::number(s.a.layerCount), QString::number(s.b.layerCount),
        countDelta(s.b.layerCount - s.a.layerCount));
    row(QStringLiteral("Files"), QString::number(s.a.fileCount), QString::number(s.b.fileCount),
        countDelta(s.b.fileCount - s.a.fileCount));

    const LayerAlignment &l = c.layers;
    out << "\nLayers: " << l.shared << " shared, " << l.countA - l.shared << " only in A, "
        << l.countB - l.shared << " only in B\n";
    out << "  #   " << QStringLiteral("A").leftJustified(14)
        << QStringLiteral("SIZE").leftJustified(11) << QStringLiteral("B").leftJustified(14)
        << QStringLiteral("SIZE").leftJustified(11) << "NOTE\n";
    for (int i = 0; i < qMax(l.countA, l.countB); ++i) {
        QString a = QStringLiteral("-"), aSize, b = QStringLiteral("-"), bSize;
        if (i < l.countA) {
            a = layerLabel(c.a.info().layers[i]);
            aSize = formatDataSize(layerSize(c.a, i), SizePrecision::ThreeDigits);
        }
        if (i < l.countB) {
            b = layerLabel(c.b.info().layers[i]);
            bSize = formatDataSize(layerSize(c.b, i), SizePrecision::ThreeDigits);
        }
        const QString line = QStringLiteral("  ") + QString::number(i).leftJustified(4) +
                             a.leftJustified(14) + aSize.leftJustified(11) + b.leftJustified(14) +
                             bSize.leftJustified(11) + layerNote(l, i);
        out << line.trimmed().prepend(QStringLiteral("  ")) << '\n';
    }

    out << "\nConfig: " << configHeadline(c.config) << '\n';
    for (const ConfigDiffRow &r : c.config.rows) {
        if (!worthShowing(r))
            continue;
        if (r.equal()) {
            out << "    " << escapeText(configName(r)) << ": " << escapeText(configValue(r, true))
                << '\n';
        } else {
            out << "  * " << escapeText(configName(r)) << '\n';
            out << "      A: " << escapeText(configValue(r, true)) << '\n';
            out << "      B: " << escapeText(configValue(r, false)) << '\n';
        }
    }

    const HistoryDiff &h = c.history;
    out << "\nHistory: " << h.same << " same, " << h.changed << " changed, " << h.removed
        << " removed, " << h.inserted << " inserted\n";
    for (const HistoryDiffRow &r : h.rows) {
        const HistoryEntry *a = step(c.a, r.a), *b = step(c.b, r.b);
        switch (r.kind) {
        case HistoryDiffRow::Kind::Same:
            out << "    " << escapeText(a->createdBy) << '\n';
            break;
        case HistoryDiffRow::Kind::Removed:
            out << "  - " << escapeText(a->createdBy) << '\n';
            break;
        case HistoryDiffRow::Kind::Inserted:
            out << "  + " << escapeText(b->createdBy) << '\n';
            break;
        case HistoryDiffRow::Kind::Changed:
            out << "  ~ A: " << escapeText(a->createdBy) << '\n'
                << "    B: " << escapeText(b->createdBy) << '\n';
            break;
        }
    }

    const TreeDiff &f = c.files;
    out << "\nFiles: " << filesHeadline(f) << '\n';
    const std::vector<uint32_t> all = f.changeList();
    const std::vector<uint32_t> shown =
        f.largestChanges(DeltaOrder::Magnitude, size_t(qMax(0, options.fileLimit)));
    if (!shown.empty()) {
        out << "  " << QStringLiteral("DELTA").leftJustified(12)
            << QStringLiteral("STATUS").leftJustified(10)
            << QStringLiteral("CHANGES").leftJustified(16) << "PATH\n";
    }
    for (uint32_t i : shown) {
        out << "  " << formatByteDelta(f.ownDelta(i)).leftJustified(12)
            << diffStatusName(f.entry(i).status).leftJustified(10)
            << changesText(f, i).leftJustified(16) << escapeText(pathText(f, i)) << '\n';
    }
    if (all.size() > shown.size())
        out << "  ... " << all.size() - shown.size() << " more\n";
    if (c.packages) {
        out << "\nPackages: " << c.packages->size() << " changed\n";
        out.flush();
        text += QString::fromUtf8(packageChangesText(*c.packages));
    }
    out.flush();
    return text.toUtf8();
}

QByteArray diffMarkdown(const ImageComparison &c, const DiffReportOptions &options)
{
    QString text;
    QTextStream out(&text);
    const DiffSummary &s = c.summary;
    out << "# Image comparison\n\n";
    out << "| | A | B | Delta |\n|---|---|---|---|\n";
    out << "| Image | " << markdownCell(sideTitle(c.a)) << " | " << markdownCell(sideTitle(c.b))
        << " | |\n";
    out << "| Size | " << formatDataSize(s.a.totalSize, SizePrecision::ThreeDigits) << " | "
        << formatDataSize(s.b.totalSize, SizePrecision::ThreeDigits) << " | "
        << formatByteDelta(s.sizeDelta()) << " (" << percentText(s) << ") |\n";
    out << "| Layers | " << s.a.layerCount << " | " << s.b.layerCount << " | "
        << countDelta(s.b.layerCount - s.a.layerCount) << " |\n";
    out << "| Files | " << s.a.fileCount << " | " << s.b.fileCount << " | "
        << countDelta(s.b.fileCount - s.a.fileCount) << " |\n";

    const LayerAlignment &l = c.layers;
    out << "\n## Layers\n\n"
        << l.shared << " shared, " << l.countA - l.shared << " only in A, " << l.countB - l.shared
        << " only in B.\n\n";
    out << "| # | A | A size | B | B size | |\n|---|---|---|---|---|---|\n";
    for (int i = 0; i < qMax(l.countA, l.countB); ++i) {
        out << "| " << i << " | ";
        if (i < l.countA)
            out << '`' << layerLabel(c.a.info().layers[i]) << "` | "
                << formatDataSize(layerSize(c.a, i), SizePrecision::ThreeDigits) << " | ";
        else
            out << " | | ";
        if (i < l.countB)
            out << '`' << layerLabel(c.b.info().layers[i]) << "` | "
                << formatDataSize(layerSize(c.b, i), SizePrecision::ThreeDigits) << " | ";
        else
            out << " | | ";
        out << layerNote(l, i) << " |\n";
    }

    out << "\n## Config\n\n" << configHeadline(c.config) << ".\n\n";
    out << "| | Setting | A | B |\n|---|---|---|---|\n";
    for (const ConfigDiffRow &r : c.config.rows) {
        if (worthShowing(r)) {
            out << "| " << (r.equal() ? "" : "≠") << " | " << markdownCell(configName(r)) << " | "
                << markdownCell(configValue(r, true)) << " | "
                << markdownCell(configValue(r, false)) << " |\n";
        }
    }

    const HistoryDiff &h = c.history;
    out << "\n## History\n\n"
        << h.same << " same, " << h.changed << " changed, " << h.removed << " removed, "
        << h.inserted << " inserted.\n\n";
    out << "| | A | B |\n|---|---|---|\n";
    for (const HistoryDiffRow &r : h.rows) {
        static const char *marks[] = {"", "~", "-", "+"};
        const HistoryEntry *a = step(c.a, r.a), *b = step(c.b, r.b);
        out << "| " << marks[int(r.kind)] << " | " << (a ? markdownCell(a->createdBy) : QString())
            << " | " << (b ? markdownCell(b->createdBy) : QString()) << " |\n";
    }

    const TreeDiff &f = c.files;
    out << "\n## Files\n\n" << filesHeadline(f) << ".\n\n";
    const std::vector<uint32_t> all = f.changeList();
    const std::vector<uint32_t> shown =
        f.largestChanges(DeltaOrder::Magnitude, size_t(qMax(0, options.fileLimit)));
    if (!shown.empty())
        out << "| Delta | Status | Changes | Path |\n|---|---|---|---|\n";
    for (uint32_t i : shown) {
        out << "| " << formatByteDelta(f.ownDelta(i)) << " | " << diffStatusName(f.entry(i).status)
            << " | " << changesText(f, i) << " | " << markdownCode(pathText(f, i)) << " |\n";
    }
    if (all.size() > shown.size())
        out << "\n... " << all.size() - shown.size() << " more\n";
    if (c.packages) {
        out << "\n## Packages\n\n" << c.packages->size() << " changed.\n\n";
        if (!c.packages->empty())
            out << "| Change | Type | Name | A | B |\n|---|---|---|---|---|\n";
        for (const PackageChange &change : *c.packages) {
            static const char *names[] = {"added", "removed", "upgraded"};
            const Package &p = change.package();
            out << "| " << names[int(change.kind)] << " | " << packageKindName(p.kind) << " | "
                << markdownCode(p.name) << " | "
                << (change.before ? markdownCell(change.before->version) : QString()) << " | "
                << (change.after ? markdownCell(change.after->version) : QString()) << " |\n";
        }
    }
    out.flush();
    return text.toUtf8();
}

} // namespace strata

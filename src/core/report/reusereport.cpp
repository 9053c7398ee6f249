#include "report/reusereport.h"

#include "common/textescape.h"

#include "common/datasize.h"
#include "report/imagereport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace strata {

namespace {

// Left-aligned columns two spaces apart; the last column is not padded.
class TextTable
{
public:
    // Names in cells come from the images: escaped, so that none can break a line or column.
    void add(const QStringList &row)
    {
        QStringList escaped;
        for (const QString &cell : row)
            escaped << escapeText(cell);
        m_rows << escaped;
    }

    void write(QTextStream &out) const
    {
        QList<qsizetype> widths;
        for (const QStringList &row : m_rows) {
            for (qsizetype i = 0; i < row.size(); ++i) {
                if (widths.size() <= i)
                    widths << 0;
                widths[i] = std::max(widths[i], row[i].size());
            }
        }
        for (const QStringList &row : m_rows) {
            QString line = QStringLiteral("  ");
            for (qsizetype i = 0; i < row.size(); ++i)
                line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
            out << line << '\n';
        }
    }

private:
    QList<QStringList> m_rows;
};

QString layerLabel(int index)
{
    return QStringLiteral("L%1").arg(index + 1);
}

QString imageLabel(int index)
{
    return QStringLiteral("#%1").arg(index + 1);
}

QString digestCell(const QString &digest)
{
    return digest.isEmpty() ? QStringLiteral("-") : shortDigest(digest);
}

QString chainCell(const ReuseLayer &layer)
{
    return layer.chainId.isEmpty() ? QLatin1Char('~') + shortDigest(layer.key)
                                   : shortDigest(layer.chainId);
}

QString sizeCell(const ReuseLayer &layer)
{
    return formatDataSize(layer.size, SizePrecision::ThreeDigits) +
           (layer.sizeSource == SizeSource::Blob ? QStringLiteral(" (blob)") : QString());
}

// "18.3 kB (18315 bytes)"; plain "286 B" below 1000.
QString exactBytes(qint64 bytes)
{
    return bytes < 1000 ? formatDataSize(bytes, SizePrecision::ThreeDigits)
                        : QStringLiteral("%1 (%2 bytes)")
                              .arg(formatDataSize(bytes, SizePrecision::ThreeDigits))
                              .arg(bytes);
}

QString rightTrimmed(QString text)
{
    while (!text.isEmpty() && text.back().isSpace())
        text.chop(1);
    return text;
}

QString centered(const QString &text, qsizetype width, QChar fill)
{
    if (text.size() >= width)
        return text.left(width);
    const qsizetype left = (width - text.size()) / 2;
    return QString(left, fill) + text + QString(width - text.size() - left, fill);
}

// The stacks side by side, top layer first: a shared layer is one box across its columns.
void writeDiagram(QTextStream &out, const ReuseAnalysis &a)
{
    const auto caption = [&](int image) -> QString {
        return imageLabel(image) + QLatin1Char(' ') + escapeText(a.images[size_t(image)].name);
    };
    qsizetype width = 12;
    for (size_t i = 0; i < a.images.size(); ++i)
        width = std::max(width, std::min<qsizetype>(caption(int(i)).size(), 30));
    const auto cells = [&](int first, int last) { return (last - first + 1) * (width + 1) - 1; };
    const int columns = int(a.columns.size());

    QString line = QStringLiteral("  ");
    bool anyContainer = false;
    for (int c = 0; c < columns; ++c) {
        const ReuseImage &image = a.images[size_t(a.columns[c])];
        QString text;
        if (!image.containers.isEmpty()) {
            anyContainer = true;
            text = QStringLiteral("+%1 rw").arg(image.containers.size());
        }
        line += centered(text, width, QLatin1Char(' ')) + QLatin1Char(' ');
    }
    if (anyContainer)
        out << rightTrimmed(line) << '\n';

    for (int row = a.maxDepth - 1; row >= 0; --row) {
        line = QStringLiteral("  ");
        for (int c = 0; c < columns;) {
            const ReuseImage &image = a.images[size_t(a.columns[c])];
            if (row >= image.layers.size()) {
                line += QString(width + 1, QLatin1Char(' '));
                ++c;
                continue;
            }
            const ReuseLayer &layer = a.layers[size_t(image.layers[row])];
            const int last = std::max(c, layer.lastColumn);
            QString label = layerLabel(image.layers[row]) +
                            (layer.sameDiffGroup >= 0 ? QStringLiteral("*") : QString()) +
                            QLatin1Char(' ') +
                            formatDataSize(layer.size, SizePrecision::ThreeDigits);
            label = QLatin1Char(' ') + label + QLatin1Char(' ');
            const QChar fill = layer.isShared() ? QLatin1Char('=') : QLatin1Char('-');
            line +=
                QLatin1Char('[') + centered(label, cells(c, last) - 2, fill) + QStringLiteral("] ");
            c = last + 1;
        }
        out << rightTrimmed(line) << '\n';
    }
    line = QStringLiteral("  ");
    for (int c = 0; c < columns; ++c) {
        line += centered(caption(a.columns[c]), width, QLatin1Char(' ')) + QLatin1Char(' ');
    }
    out << rightTrimmed(line) << '\n';
    out << "  (=== shared by the images below it, --- one image only, * same diff stored again on "
           "another chain)\n";
}

QJsonArray intArray(const QList<int> &list)
{
    QJsonArray array;
    for (int value : list)
        array.append(value);
    return array;
}

} // namespace

QByteArray reuseText(const ReuseAnalysis &a)
{
    QString text;
    QTextStream out(&text);
    out << "Images (SIZE as `docker images` shows it; SHARED and UNIQUE as `docker system df "
           "-v`)\n";
    TextTable images;
    images.add({QStringLiteral("#"), QStringLiteral("IMAGE"), QStringLiteral("ID"),
                QStringLiteral("LAYERS"), QStringLiteral("SIZE"), QStringLiteral("SHARED"),
                QStringLiteral("UNIQUE"), QStringLiteral("ARCHIVE")});
    for (size_t i = 0; i < a.images.size(); ++i) {
        const ReuseImage &image = a.images[i];
        images.add({imageLabel(int(i)), image.name, digestCell(image.id),
                    QString::number(image.layers.size()),
                    formatDataSize(image.size, SizePrecision::ThreeDigits),
                    formatDataSize(image.sharedSize, SizePrecision::ThreeDigits),
                    formatDataSize(image.uniqueSize, SizePrecision::ThreeDigits),
                    image.archives.join(QStringLiteral(", "))});
    }
    images.write(out);

    out << "\nLayers, each stored once (identical = same diff_id and same chain ID)\n";
    TextTable layers;
    layers.add({QStringLiteral("LAYER"), QStringLiteral("POS"), QStringLiteral("DIFF_ID"),
                QStringLiteral("CHAIN_ID"), QStringLiteral("SIZE"), QStringLiteral("USED BY")});
    for (size_t i = 0; i < a.layers.size(); ++i) {
        const ReuseLayer &layer = a.layers[i];
        QStringList users;
        for (int image : layer.images)
            users << imageLabel(image);
        layers.add(
            {layerLabel(int(i)) + (layer.sameDiffGroup >= 0 ? QStringLiteral("*") : QString()),
             QString::number(layer.position), digestCell(layer.diffId), chainCell(layer),
             sizeCell(layer),
             users.join(QLatin1Char(' ')) +
                 (layer.isShared() ? QStringLiteral("  (shared)") : QString())});
    }
    layers.write(out);
    if (std::any_of(a.layers.begin(), a.layers.end(),
                    [](const ReuseLayer &l) { return l.chainId.isEmpty(); }))
        out << "  ~ marks a substitute chain: the image gives no diff_ids (see the notes).\n";

    out << "\nStacks (top layer first)\n";
    writeDiagram(out, a);

    if (!a.sameDiff.empty()) {
        out << "\nSame diff, not shared (stored once per chain)\n";
        for (const ReuseSameDiff &group : a.sameDiff) {
            for (const ReuseDivergence &d : group.divergences)
                out << "  " << layerLabel(d.layer) << " and " << layerLabel(d.reference) << " ("
                    << escapeText(shortDigest(group.diffId)) << "): " << escapeText(d.reason)
                    << '\n';
        }
    }

    const ReuseTotals &t = a.totals;
    if (!a.containers.empty()) {
        out << "\nContainers (their thin read-write layers: MEASURED by the engine, or ASSUMED "
               "for images from files)\n";
        TextTable containers;
        containers.add({QStringLiteral("CONTAINER"), QStringLiteral("IMAGE"),
                        QStringLiteral("RW LAYER"), QStringLiteral("SIZE IS")});
        for (const ReuseContainer &c : a.containers)
            containers.add({c.name,
                            imageLabel(c.image) + QLatin1Char(' ') + a.images[size_t(c.image)].name,
                            formatDataSize(c.size, SizePrecision::ThreeDigits),
                            c.measured ? QStringLiteral("measured (%1)").arg(c.state)
                                       : QStringLiteral("assumed")});
        containers.write(out);
    }

    out << "\nTotals\n";
    TextTable totals;
    totals.add({QStringLiteral("Sum of image sizes (docker images):"),
                QStringLiteral("%1 in %2 image(s), %3 layer(s)")
                    .arg(exactBytes(t.imagesSum))
                    .arg(a.images.size())
                    .arg(t.layerReferences)});
    totals.add({QStringLiteral("Stored once (docker system df):"),
                QStringLiteral("%1 in %2 layer(s), %3 of them shared")
                    .arg(exactBytes(t.storedOnce))
                    .arg(t.storedLayers)
                    .arg(t.sharedLayers)});
    totals.add({QStringLiteral("Saved by sharing layers:"),
                QStringLiteral("%1, %2% of the sum")
                    .arg(exactBytes(t.saved), QString::number(t.savedPercent, 'f', 1))});
    if (t.containers > 0) {
        totals.add({(t.containersAssumed ? QStringLiteral("%1 container(s) add (assumed):")
                                         : QStringLiteral("%1 container(s) add (measured):"))
                        .arg(t.containers),
                    QStringLiteral("%1 thin layer(s), %2; not %1 image copies, %3")
                        .arg(t.containers)
                        .arg(exactBytes(t.containersSize), exactBytes(t.containersIfCopied))});
        totals.add(
            {QStringLiteral("Stored with the containers:"), exactBytes(t.storedWithContainers)});
    }
    totals.write(out);
    if (t.estimated)
        out << "  Sizes marked (blob) are blob sizes: those layers were not read.\n";

    if (!a.notes.isEmpty()) {
        out << "\nNotes\n";
        for (const QString &note : a.notes)
            out << "  " << note << '\n';
    }
    out.flush();
    return text.toUtf8();
}

QByteArray reuseJson(const ReuseAnalysis &a)
{
    QJsonObject o;
    QJsonArray images;
    for (size_t i = 0; i < a.images.size(); ++i) {
        const ReuseImage &image = a.images[i];
        QJsonObject j;
        j[QStringLiteral("index")] = int(i);
        j[QStringLiteral("name")] = image.name;
        j[QStringLiteral("names")] = QJsonArray::fromStringList(image.names);
        j[QStringLiteral("id")] = image.id;
        j[QStringLiteral("archives")] = QJsonArray::fromStringList(image.archives);
        j[QStringLiteral("layers")] = intArray(image.layers);
        j[QStringLiteral("size")] = image.size;
        j[QStringLiteral("sharedSize")] = image.sharedSize;
        j[QStringLiteral("uniqueSize")] = image.uniqueSize;
        j[QStringLiteral("containers")] = intArray(image.containers);
        j[QStringLiteral("column")] = image.column;
        images.append(j);
    }
    o[QStringLiteral("images")] = images;
    o[QStringLiteral("columns")] = intArray(a.columns);
    o[QStringLiteral("maxDepth")] = a.maxDepth;

    QJsonArray layers;
    for (size_t i = 0; i < a.layers.size(); ++i) {
        const ReuseLayer &layer = a.layers[i];
        QJsonObject j;
        j[QStringLiteral("index")] = int(i);
        j[QStringLiteral("position")] = layer.position;
        j[QStringLiteral("diffId")] = layer.diffId;
        j[QStringLiteral("chainId")] = layer.chainId;
        j[QStringLiteral("key")] = layer.key;
        j[QStringLiteral("matchedBy")] = layerMatchName(layer.matchedBy);
        j[QStringLiteral("size")] = layer.size;
        j[QStringLiteral("sizeFrom")] = layer.sizeSource == SizeSource::Files
                                            ? QStringLiteral("files")
                                            : QStringLiteral("blob");
        j[QStringLiteral("blobSize")] = layer.blobSize;
        j[QStringLiteral("createdBy")] = layer.createdBy;
        j[QStringLiteral("images")] = intArray(layer.images);
        j[QStringLiteral("shared")] = layer.isShared();
        j[QStringLiteral("firstColumn")] = layer.firstColumn;
        j[QStringLiteral("lastColumn")] = layer.lastColumn;
        j[QStringLiteral("sameDiffGroup")] = layer.sameDiffGroup;
        layers.append(j);
    }
    o[QStringLiteral("layers")] = layers;

    QJsonArray sameDiff;
    for (const ReuseSameDiff &group : a.sameDiff) {
        QJsonObject j;
        j[QStringLiteral("diffId")] = group.diffId;
        j[QStringLiteral("layers")] = intArray(group.layers);
        QJsonArray divergences;
        for (const ReuseDivergence &d : group.divergences) {
            QJsonObject dj;
            dj[QStringLiteral("layer")] = d.layer;
            dj[QStringLiteral("reference")] = d.reference;
            dj[QStringLiteral("divergesAt")] = d.divergesAt;
            dj[QStringLiteral("reason")] = d.reason;
            divergences.append(dj);
        }
        j[QStringLiteral("divergences")] = divergences;
        sameDiff.append(j);
    }
    o[QStringLiteral("sameDiffNotShared")] = sameDiff;

    QJsonArray containers;
    for (const ReuseContainer &c : a.containers) {
        QJsonObject j;
        j[QStringLiteral("image")] = c.image;
        j[QStringLiteral("name")] = c.name;
        j[QStringLiteral("size")] = c.size;
        j[QStringLiteral("measured")] = c.measured;
        if (!c.state.isEmpty())
            j[QStringLiteral("state")] = c.state;
        containers.append(j);
    }
    o[QStringLiteral("containers")] = containers;

    const ReuseTotals &t = a.totals;
    QJsonObject totals;
    totals[QStringLiteral("imagesSum")] = t.imagesSum;
    totals[QStringLiteral("storedOnce")] = t.storedOnce;
    totals[QStringLiteral("saved")] = t.saved;
    totals[QStringLiteral("savedPercent")] = t.savedPercent;
    totals[QStringLiteral("layerReferences")] = t.layerReferences;
    totals[QStringLiteral("storedLayers")] = t.storedLayers;
    totals[QStringLiteral("sharedLayers")] = t.sharedLayers;
    totals[QStringLiteral("estimated")] = t.estimated;
    totals[QStringLiteral("containers")] = t.containers;
    totals[QStringLiteral("containersSize")] = t.containersSize;
    totals[QStringLiteral("containersIfCopied")] = t.containersIfCopied;
    totals[QStringLiteral("storedWithContainers")] = t.storedWithContainers;
    o[QStringLiteral("totals")] = totals;
    o[QStringLiteral("notes")] = QJsonArray::fromStringList(a.notes);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

bool parseByteSize(const QString &text, qint64 *bytes)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*([a-z]*)\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return false;
    QString unit = match.captured(2).toLower();
    if (unit.size() > 1 && unit.endsWith(QLatin1Char('b')))
        unit.chop(1); // "kb" -> "k", "kib" -> "ki"; a lone "b" stays
    static const std::pair<const char *, double> units[] = {
        {"", 1.0},
        {"b", 1.0},
        {"k", 1e3},
        {"m", 1e6},
        {"g", 1e9},
        {"t", 1e12},
        {"ki", 1024.0},
        {"mi", 1048576.0},
        {"gi", 1073741824.0},
        {"ti", 1099511627776.0},
    };
    for (const auto &[name, factor] : units) {
        if (unit != QLatin1String(name))
            continue;
        const double value = match.captured(1).toDouble() * factor;
        if (value > double(qint64(1) << 62))
            return false;
        *bytes = std::llround(value);
        return true;
    }
    return false;
}

} // namespace strata

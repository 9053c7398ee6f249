#include "models/imagelistmodel.h"

#include "common/datasize.h"
#include "models/formatting.h"

#include <QApplication>
#include <QDateTime>
#include <QPalette>

namespace strata {

ImageListModel::ImageListModel(QObject *parent) : QAbstractTableModel(parent) {}

std::pair<QString, QString> ImageListModel::splitReference(const QString &reference)
{
    const QString none = QStringLiteral("<none>");
    QString name = reference;
    const qsizetype at = name.indexOf(QLatin1Char('@'));
    if (at >= 0)
        name.truncate(at);
    const qsizetype slash = name.lastIndexOf(QLatin1Char('/'));
    const qsizetype colon = name.lastIndexOf(QLatin1Char(':'));
    if (colon > slash && colon >= 0)
        return {name.left(colon), name.mid(colon + 1)};
    return {name.isEmpty() ? none : name, none};
}

QString ImageListModel::createdText(const QString &rfc3339)
{
    const QDateTime t = QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
    if (!t.isValid())
        return rfc3339;
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString ImageListModel::attachmentsText(const QList<AttachedArtifact> &attachments)
{
    QStringList lines{tr("Attached by the index (statements about the image, not images):")};
    for (const AttachedArtifact &a : attachments) {
        QStringList kinds;
        for (const QString &predicate : a.predicateTypes) {
            if (predicate.contains(QLatin1String("spdx")) ||
                predicate.contains(QLatin1String("cyclonedx")))
                kinds << tr("SBOM (%1)").arg(predicate);
            else if (predicate.contains(QLatin1String("provenance")))
                kinds << tr("provenance (%1)").arg(predicate);
            else
                kinds << predicate;
        }
        lines << tr("%1, %2: %3")
                     .arg(shortDigest(a.manifestDigest), formatDataSize(a.size),
                          kinds.isEmpty() ? tr("no predicate type")
                                          : kinds.join(QStringLiteral(", ")));
    }
    return lines.join(QLatin1Char('\n'));
}

void ImageListModel::setImages(const std::vector<ImageInfo> &images)
{
    beginResetModel();
    m_rows.clear();
    for (size_t i = 0; i < images.size(); ++i) {
        const ImageInfo &info = images[i];
        Row row;
        row.image = int(i);
        row.id = info.shortId();
        row.createdRaw = info.created;
        row.created = createdText(info.created);
        row.stored = info.absent ? -1 : info.storedSize();
        row.platform = info.platform.toString();
        row.attachments = info.attachments;
        row.otherPlatform = info.otherPlatform;
        row.absent = info.absent;
        const QStringList names = info.names.isEmpty() ? QStringList{QString()} : info.names;
        for (const QString &name : names) {
            std::tie(row.repository, row.tag) = splitReference(name);
            m_rows.push_back(row);
        }
    }
    endResetModel();
}

void ImageListModel::setSizes(const std::vector<qint64> &sizes)
{
    for (Row &row : m_rows) {
        if (size_t(row.image) < sizes.size())
            row.size = sizes[size_t(row.image)];
    }
    if (!m_rows.empty())
        emit dataChanged(index(0, SizeColumn), index(rowCount() - 1, SizeColumn));
}

int ImageListModel::imageAt(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? m_rows[size_t(row)].image : -1;
}

QList<int> ImageListModel::distinctImages() const
{
    QList<int> result;
    for (const Row &row : m_rows) {
        if (!row.absent && !result.contains(row.image))
            result.append(row.image);
    }
    return result;
}

int ImageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ImageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || size_t(index.row()) >= m_rows.size())
        return {};
    const Row &row = m_rows[size_t(index.row())];
    if (role == ImageRole)
        return row.image;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case RepositoryColumn:
            return row.repository;
        case TagColumn:
            return row.tag;
        case IdColumn:
            return row.id;
        case CreatedColumn:
            return row.created;
        case SizeColumn:
            if (row.absent)
                return tr("not in this archive");
            return row.size >= 0 ? formatDataSize(row.size)
                                 : QStringLiteral("~") + formatDataSize(row.stored);
        case PlatformColumn:
            if (!row.attachments.isEmpty())
                return tr("%1 + %n attestation(s)", nullptr, int(row.attachments.size()))
                    .arg(row.platform);
            return row.platform;
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == CreatedColumn)
            return row.createdRaw;
        if (row.absent)
            return tr("The index names this image, but its manifest and layers are not in the "
                      "archive");
        if (index.column() == SizeColumn && row.size >= 0)
            return tr("What docker images shows, the bytes the layers hold: %1\n"
                      "Stored in the archive: %2")
                .arg(format::exactSize(row.size), format::exactSize(row.stored));
        if (index.column() == SizeColumn)
            return tr("The layers are being read; until then, the bytes stored in the archive: %1")
                .arg(format::exactSize(row.stored));
        if (index.column() == PlatformColumn && !row.attachments.isEmpty())
            return attachmentsText(row.attachments);
        if (row.otherPlatform)
            return tr("An image for another platform of the same reference");
    }
    if (role == Qt::ForegroundRole && (row.otherPlatform || row.absent))
        return QApplication::palette().color(QPalette::PlaceholderText);
    if (role == Qt::TextAlignmentRole && index.column() == SizeColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ImageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RepositoryColumn:
        return tr("Repository");
    case TagColumn:
        return tr("Tag");
    case IdColumn:
        return tr("Image ID");
    case CreatedColumn:
        return tr("Created");
    case SizeColumn:
        return tr("Size");
    case PlatformColumn:
        return tr("Platform");
    }
    return {};
}

} // namespace strata

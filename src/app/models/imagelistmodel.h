#pragma once

#include "image/imageinfo.h"

#include <QAbstractTableModel>

#include <vector>

namespace strata {

// The images of a multi-image archive as `docker images` lists them: one row per name (an
// image without a name is one "<none>" row), with repository, tag, image ID, created, size and
// platform. Images an index names but the archive lacks are listed, greyed out.
class ImageListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        RepositoryColumn,
        TagColumn,
        IdColumn,
        CreatedColumn,
        SizeColumn,
        PlatformColumn,
        ColumnCount
    };
    enum Role
    {
        ImageRole = Qt::UserRole + 1
    }; // int: the image's index in the archive

    explicit ImageListModel(QObject *parent = nullptr);

    void setImages(const std::vector<ImageInfo> &images);
    // What `docker images` shows for each image (the bytes its layers hold), by image index,
    // once the layers have been read; until then the stored bytes stand in, marked "~".
    void setSizes(const std::vector<qint64> &sizes);
    int imageAt(int row) const;
    // Every image once, in archive order.
    QList<int> distinctImages() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "example.com/a/b:v1" → {"example.com/a/b", "v1"}; without a tag the tag is "<none>".
    static std::pair<QString, QString> splitReference(const QString &reference);
    // "2 years ago"-free, locale-independent: "2024-01-15 10:00".
    static QString createdText(const QString &rfc3339);
    // What an index attaches to an image (SBOM, provenance), one line each, for tooltips.
    static QString attachmentsText(const QList<AttachedArtifact> &attachments);

private:
    struct Row
    {
        int image;
        QString repository;
        QString tag;
        QString id;
        QString created;
        QString createdRaw;
        qint64 stored;
        qint64 size = -1; // -1 until the layers have been read
        QString platform;
        QList<AttachedArtifact> attachments;
        bool otherPlatform;
        bool absent;
    };
    std::vector<Row> m_rows;
};

} // namespace strata

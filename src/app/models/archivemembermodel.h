#pragma once

#include "archive/archivemap.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <memory>

namespace strata {

// The members of an image archive as `tar tvf` lists them, in archive order, each with what it
// is for ("config of nginx:latest", "layer 3"), for the Archive view.
class ArchiveMemberModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TypeColumn,
        SizeColumn,
        RoleColumn,
        NameColumn,
        ColumnCount
    };
    enum Role
    {
        MemberRoleRole = Qt::UserRole + 1, // MemberRole as int
        LayerRole,                         // the layer position, -1 for none
        ImageRole,                         // the image index, -1 for none
    };

    explicit ArchiveMemberModel(QObject *parent = nullptr);

    // `imageNames` names each image of the archive, for the role texts.
    void setMap(std::shared_ptr<const ArchiveMap> map, QStringList imageNames);
    const ArchiveMap *map() const { return m_map.get(); }

    // What a member of `role` is for, in a few words for the list and a sentence for its
    // tooltip; `layer` and `image` fill in which.
    static QString roleText(MemberRole role, int layer, const QString &image);
    static QString roleExplanation(MemberRole role);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString imageName(int image) const;

    std::shared_ptr<const ArchiveMap> m_map;
    QStringList m_imageNames;
};

} // namespace strata

#pragma once

#include "tree/layertree.h"
#include "tree/overlaymerge.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace strata {

// The overlay view of one path, as overlayfs would mount the image at the selected layer:
// the merged result on top, the selected layer as upperdir, the layers below as lowerdirs —
// every layer that holds the path or deletes it, with which copy wins and which are shadowed.
class OverlayModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        RoleColumn,
        LayerColumn,
        EntryColumn,
        StatusColumn,
        ColumnCount
    };

    explicit OverlayModel(QObject *parent = nullptr);

    // `container`: when set, the image runs as that container: its (empty) read-write layer is
    // the upperdir and every image layer up to `top` a lowerdir, as docker's overlay2 mounts it.
    void setPath(std::vector<std::shared_ptr<const LayerTree>> layers, int top, const QString &path,
                 const QString &container = {});
    void clear();
    // The layer whose copy the merged view shows, or -1 when the path is absent.
    int visibleLayer() const { return m_visibleLayer; }
    const std::vector<PathOccurrence> &occurrences() const { return m_occurrences; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString entryText(const PathOccurrence &occurrence) const;
    QString statusText(size_t index) const;
    QVariant containerData(const QModelIndex &index, int role) const;
    bool isUpper(const PathOccurrence &occurrence) const;

    std::vector<std::shared_ptr<const LayerTree>> m_layers;
    std::vector<PathOccurrence> m_occurrences; // top layer first
    int m_top = -1;
    int m_visibleLayer = -1;
    QString m_container;
};

} // namespace strata

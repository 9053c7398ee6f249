#pragma once

#include "analysis/findings.h"
#include "image/imageinfo.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace strata {

// The findings of a FindingsReport as a list, or grouped under their layer or their
// directory (two levels below the root, "/var/cache"): a group row sums its findings. The
// report's order (secrets first, then the largest) holds inside each group; groups come
// largest first. A QSortFilterProxyModel on top sorts by any column (SortRole).
class FindingsModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        WhatColumn,
        BytesColumn,
        LayerColumn,
        StepColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1,
    };
    enum class Grouping
    {
        None,
        Layer,
        Directory
    };

    explicit FindingsModel(QObject *parent = nullptr);

    void setReport(const ImageInfo &image, std::shared_ptr<const FindingsReport> report);
    void setGrouping(Grouping grouping);
    Grouping grouping() const { return m_grouping; }

    // The finding at a row, or null for a group row.
    const Finding *findingAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // "Package cache", "Secret"... for a finding's kind.
    static QString kindText(FindingKind kind);
    // A history step on one line ("RUN apt-get install golang"), or empty.
    static QString stepText(const ImageInfo &image, int historyIndex);

private:
    struct Group
    {
        QString title;
        qint64 bytes = 0;
        int layer = -1; // grouping by layer: the layer, else -1
        std::vector<int> findings;
    };
    void regroup();
    QVariant findingData(const Finding &finding, int column, int role) const;
    QVariant groupData(const Group &group, int column, int role) const;

    ImageInfo m_image;
    std::shared_ptr<const FindingsReport> m_report;
    Grouping m_grouping = Grouping::None;
    std::vector<Group> m_groups; // empty when not grouped
};

} // namespace strata

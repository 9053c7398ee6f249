#pragma once

#include "analysis/efficiency.h"

#include <QAbstractTableModel>

#include <memory>

namespace strata {

// The inefficient paths of an EfficiencyReport as a table: largest first, as the report
// orders them; a QSortFilterProxyModel on top sorts by any column (SortRole).
class EfficiencyModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        PathColumn,
        CopiesColumn,
        DiveColumn,
        ReclaimableColumn,
        WhyColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        LayersRole
    };

    explicit EfficiencyModel(QObject *parent = nullptr);

    void setReport(std::shared_ptr<const EfficiencyReport> report);
    const InefficientPath *pathAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // "overwritten in layer 13", "deleted in layer 9"... for one copy.
    static QString fateText(const PathCopy &copy);

private:
    QString whyText(const InefficientPath &path) const;
    QString copiesToolTip(const InefficientPath &path) const;

    std::shared_ptr<const EfficiencyReport> m_report;
};

} // namespace strata

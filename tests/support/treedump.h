#pragma once

#include "models/filetreemodel.h"

#include <QStringList>

// Prints every row a FileTreeModel shows, depth first through index()/rowCount() as a view
// walks it: "path|size|mode owner|layer|change".
inline void dumpRows(const QAbstractItemModel &model, const QModelIndex &parent, QStringList *out)
{
    using strata::FileTreeModel;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex name = model.index(row, FileTreeModel::NameColumn, parent);
        QStringList fields;
        fields << name.data(FileTreeModel::PathRole).toString();
        for (int c = FileTreeModel::SizeColumn; c < FileTreeModel::ColumnCount; ++c)
            fields << model.index(row, c, parent).data().toString();
        out->append(fields.join(QLatin1Char('|')));
        dumpRows(model, name, out);
    }
}

inline QStringList dumpTree(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList lines;
    dumpRows(model, parent, &lines);
    return lines;
}

// The names of the rows directly under `parent`, in display order.
inline QStringList childNames(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names << model.index(row, 0, parent).data().toString();
    return names;
}

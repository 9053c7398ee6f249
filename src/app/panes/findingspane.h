#pragma once

#include "analysis/findings.h"
#include "image/imageinfo.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QSortFilterProxyModel;
class QTextBrowser;
class QTreeView;

namespace strata {

class FindingsModel;

// "What should I change?": the findings of one image, as a list or grouped by layer or by
// directory, and for the selected one its fix, the step that caused it and its largest files.
// Choosing a finding asks to show its largest file in the tree, as of the layer that ships it.
class FindingsPane final : public QWidget
{
    Q_OBJECT
public:
    explicit FindingsPane(QWidget *parent = nullptr);

    void setReport(const ImageInfo &image, std::shared_ptr<const FindingsReport> report);
    void clear();

    FindingsModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QComboBox *groupingBox() const { return m_grouping; }
    QTextBrowser *details() const { return m_details; }

signals:
    void pathActivated(const QString &path, int layer);
    // The layer that ships the selected finding, and the one that deleted or replaced its
    // files (-1: none), for the stack's shading.
    void findingSelected(int layer, int laterLayer, const QString &what);

private:
    void onCurrentChanged();
    QString detailsHtml(const Finding &finding) const;

    ImageInfo m_image;
    std::shared_ptr<const FindingsReport> m_report;
    QComboBox *m_grouping;
    FindingsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_view;
    QTextBrowser *m_details;
};

} // namespace strata

#include "panes/findingspane.h"

#include "common/datasize.h"
#include "models/findingsmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace strata {

FindingsPane::FindingsPane(QWidget *parent)
    : QWidget(parent), m_grouping(new QComboBox), m_model(new FindingsModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_view(new QTreeView), m_details(new QTextBrowser)
{
    setObjectName(QStringLiteral("findingsPane"));
    m_grouping->setObjectName(QStringLiteral("findingsGrouping"));
    m_view->setObjectName(QStringLiteral("findings"));
    m_details->setObjectName(QStringLiteral("findingDetails"));

    m_grouping->addItem(tr("Largest first"), int(FindingsModel::Grouping::None));
    m_grouping->addItem(tr("By layer"), int(FindingsModel::Grouping::Layer));
    m_grouping->addItem(tr("By directory"), int(FindingsModel::Grouping::Directory));
    auto *groupLabel = new QLabel(tr("&Show:"));
    groupLabel->setBuddy(m_grouping);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(FindingsModel::SortRole);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    // The report's own order (secrets first, then the largest) until a header is clicked.
    m_view->header()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setRootIsDecorated(false);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(FindingsModel::WhatColumn, QHeaderView::Interactive);

    m_details->setOpenLinks(false);
    m_details->setPlaceholderText(tr("Choose a finding to see its fix and its files."));

    auto *top = new QHBoxLayout;
    top->addWidget(groupLabel);
    top->addWidget(m_grouping);
    top->addStretch(1);

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_view);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(m_grouping, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setGrouping(FindingsModel::Grouping(m_grouping->currentData().toInt()));
        m_view->setRootIsDecorated(m_model->grouping() != FindingsModel::Grouping::None);
        m_view->expandAll();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FindingsPane::onCurrentChanged);
    connect(m_details, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        // "layer:N" + fragment path: a file of the finding, shown as of the layer holding it.
        bool ok = false;
        const int layer = url.path().toInt(&ok);
        if (ok)
            emit pathActivated(url.fragment(QUrl::FullyDecoded), layer);
    });
}

void FindingsPane::clear()
{
    setReport({}, nullptr);
}

void FindingsPane::setReport(const ImageInfo &image, std::shared_ptr<const FindingsReport> report)
{
    m_image = image;
    m_report = std::move(report);
    m_model->setReport(image, m_report);
    m_view->expandAll();
    m_details->clear();
    m_view->resizeColumnToContents(FindingsModel::WhatColumn);
    m_view->resizeColumnToContents(FindingsModel::BytesColumn);
    m_view->resizeColumnToContents(FindingsModel::LayerColumn);
}

QString FindingsPane::detailsHtml(const Finding &f) const
{
    QString html =
        QStringLiteral("<p><b>%1</b> — %2</p>")
            .arg(f.what.toHtmlEscaped(), FindingsModel::kindText(f.kind).toHtmlEscaped());
    QString where =
        tr("Layer %1 ships %2 in %n file(s)", nullptr, int(qMin<qint64>(f.fileCount, INT_MAX)))
            .arg(f.layer)
            .arg(formatDataSize(f.bytes));
    if (f.laterLayer >= 0)
        where += QLatin1Char(' ') +
                 tr("(layer %1 deleted or replaced them: they still ship).").arg(f.laterLayer);
    html += QStringLiteral("<p>%1</p>").arg(where.toHtmlEscaped());
    const QString step = FindingsModel::stepText(m_image, f.historyIndex);
    if (!step.isEmpty())
        html += QStringLiteral("<p>%1 <code>%2</code></p>")
                    .arg(tr("Caused by:").toHtmlEscaped(), step.toHtmlEscaped());
    html += QStringLiteral("<p><b>%1</b> %2</p>")
                .arg(tr("Fix:").toHtmlEscaped(), f.fix.toHtmlEscaped());
    html += QStringLiteral("<p>");
    for (const FindingFile &file : f.files) {
        QUrl link;
        link.setScheme(QStringLiteral("layer"));
        link.setPath(QString::number(file.layer));
        const QString path = QLatin1Char('/') + QString::fromStdString(file.path);
        link.setFragment(path);
        QString line = QStringLiteral("<a href=\"%1\">%2</a> %3")
                           .arg(link.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                path.toHtmlEscaped(), formatDataSize(file.size).toHtmlEscaped());
        if (file.tarOffset >= 0)
            line += QStringLiteral(" — ") + tr("in layer %1's tar at byte %2")
                                                .arg(file.layer)
                                                .arg(QLocale().toString(file.tarOffset))
                                                .toHtmlEscaped();
        html += line + QStringLiteral("<br>");
    }
    if (qint64(f.files.size()) < f.fileCount)
        html += tr("… and %n more file(s)", nullptr,
                   int(qMin<qint64>(f.fileCount - qint64(f.files.size()), INT_MAX)))
                    .toHtmlEscaped();
    html += QStringLiteral("</p>");
    return html;
}

void FindingsPane::onCurrentChanged()
{
    const Finding *f = m_model->findingAt(m_proxy->mapToSource(m_view->currentIndex()));
    if (!f) {
        m_details->clear();
        return;
    }
    m_details->setHtml(detailsHtml(*f));
    emit findingSelected(f->layer, f->laterLayer, f->what);
    if (!f->files.empty())
        emit pathActivated(QLatin1Char('/') + QString::fromStdString(f->files.front().path),
                           f->files.front().layer);
}

} // namespace strata

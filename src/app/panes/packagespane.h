#pragma once

#include "image/imageinfo.h"
#include "packages/imagepackages.h"
#include "panes/messagebar.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace strata {

class PackageModel;

// The "Packages" tab: what the selected layer installed, removed and upgraded (with the bytes
// those packages put into it), everything installed as of that layer with the layer that
// installed each, a name filter, and the SBOM of that layer's packages.
class PackagesPane final : public QWidget
{
    Q_OBJECT
public:
    explicit PackagesPane(QWidget *parent = nullptr);

    void setImage(const ImageInfo &image);
    // The databases are being read.
    void showReading();
    void setPackages(std::shared_ptr<const ImagePackages> packages);
    void selectLayer(int layer);
    void setFilterText(const QString &text);
    // Writes the CycloneDX SBOM of the shown layer's packages to `path`; false on failure.
    bool exportSbom(const QString &path, QString *message) const;

    PackageModel *changesModel() const { return m_changes; }
    PackageModel *installedModel() const { return m_installed; }
    QString statusText() const;

signals:
    // A package was double-clicked: the file its database or binary is.
    void sourceActivated(const QString &path);
    void message(strata::MessageBar::Kind kind, const QString &text);

private:
    void refresh();
    void chooseSbomTarget();
    QTreeView *makeView(QSortFilterProxyModel *proxy);

    ImageInfo m_image;
    std::shared_ptr<const ImagePackages> m_packages;
    int m_layer = -1;
    PackageModel *m_changes;
    PackageModel *m_installed;
    QSortFilterProxyModel *m_changesProxy;
    QSortFilterProxyModel *m_installedProxy;
    QLabel *m_status;
    QLineEdit *m_filter;
    QPushButton *m_sbom;
    QLabel *m_changesHeading;
    QLabel *m_installedHeading;
    QTreeView *m_changesView;
    QTreeView *m_installedView;
};

} // namespace strata

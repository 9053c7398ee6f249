#pragma once

#include "models/treeexporter.h"
#include "panes/messagebar.h"

#include <QObject>

#include <functional>

class QWidget;

namespace strata {

// What the tree's "Save File As…", "Export as Tar…" and "Extract to Folder…" and File >
// Export Filesystem do: ask where (never replacing what exists without asking), export in
// the background, and say what was written or why not.
class ExportFlow final : public QObject
{
    Q_OBJECT
public:
    // `job` gives the image, its layers and the layer shown when asked (kind, path and
    // target are filled here).
    ExportFlow(QWidget *parent, std::function<ExportJob()> job);

    // Asks for the target of `path` as `kind`, then exports.
    void ask(const QString &path, ExportJob::Kind kind);
    // Exports without asking (the target chosen already).
    void start(const QString &path, ExportJob::Kind kind, const QString &target, bool replace);
    // The drag data for paths of the tree: exported when dropped.
    QMimeData *dragData(const QStringList &paths) const;
    bool isRunning() const { return m_exporter->isRunning(); }

signals:
    void message(strata::MessageBar::Kind kind, const QString &text);
    void finished(bool ok);

private:
    QString chooseTarget(const QString &path, ExportJob::Kind kind, bool *replace);

    QWidget *m_parent;
    std::function<ExportJob()> m_job;
    TreeExporter *m_exporter;
    QString m_running;
};

} // namespace strata

#pragma once

#include "models/backgroundwork.h"
#include "models/treesnapshot.h"

#include <QMimeData>
#include <QObject>
#include <QString>

#include <memory>

namespace strata {

class ImageSource;
struct ExportObserver;

// One path of an image's merged filesystem as of a layer (or all of it), written out.
struct ExportJob
{
    enum class Kind
    {
        Tar,    // a tar of the path and what is below it (like crane export)
        Folder, // a new folder holding the path and what is below it
        File,   // one regular file's bytes, saved as `target`
    };
    std::shared_ptr<const ImageSource> source;
    int image = 0;
    LayerTrees layers;
    int layer = 0;
    QString path; // "" for the whole filesystem
    QString target;
    Kind kind = Kind::Tar;
    bool replace = false; // a tar or file at `target` may be replaced (the user was asked)
};

// Runs exports off the GUI thread, one at a time, for the tree's context menu and File >
// Export; a drag runs its export at once (runNow) when the drop asks for the files.
class TreeExporter final : public QObject
{
    Q_OBJECT
public:
    explicit TreeExporter(QObject *parent = nullptr);

    void start(ExportJob job);
    void cancel();
    bool isRunning() const { return m_running; }

    // The export, on the calling thread; false with *message saying why not.
    static bool runNow(const ExportJob &job, QString *message,
                       const std::atomic_bool *cancel = nullptr);

signals:
    void progressChanged(qint64 done, qint64 total);
    // `message` says what was written, or why the export failed.
    void finished(bool ok, const QString &message);

private:
    static bool saveFile(const ExportJob &job, QString *message);
    static bool exportEntries(const ExportJob &job, QString *message,
                              const ExportObserver &observer);

    BackgroundWork m_work{this};
    bool m_running = false;
};

// What a drag of tree entries carries: file URLs of the entries exported into a folder of
// their own under the temporary folder, written only when the drop asks for them.
class ExportDragData final : public QMimeData
{
    Q_OBJECT
public:
    // `job` without `target` and `kind`: one entry per path of `paths`.
    ExportDragData(ExportJob job, QStringList paths);
    QStringList formats() const override;
    bool hasFormat(const QString &mimeType) const override;

protected:
    QVariant retrieveData(const QString &mimeType, QMetaType type) const override;

private:
    ExportJob m_job;
    QStringList m_paths;
    mutable QList<QUrl> m_urls; // once exported
    mutable bool m_exported = false;
};

} // namespace strata

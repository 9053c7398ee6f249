#include "models/treeexporter.h"

#include "common/datasize.h"
#include "extract/exportdestination.h"
#include "extract/treeexport.h"
#include "source/imagesource.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>
#include <QTemporaryDir>
#include <QUrl>

namespace strata {

namespace {

struct Outcome
{
    bool ok = false;
    QString message;
};

} // namespace

// One regular file's bytes to `target`. QSaveFile writes beside it and renames: a symlink at
// the target is replaced, never followed, and a failed write leaves no half file.
bool TreeExporter::saveFile(const ExportJob &job, QString *message)
{
    const int holding = layerHolding(job.layers, job.layer, job.path.toStdString());
    const MergedEntry entry = findMerged(job.layers, holding, job.path.toStdString());
    if (!entry) {
        *message = tr("/%1 is in no layer up to this one.").arg(job.path);
        return false;
    }
    QSaveFile file(job.target);
    if (!file.open(QIODevice::WriteOnly)) {
        *message = tr("%1: %2").arg(job.target, file.errorString());
        return false;
    }
    Error error;
    qint64 written = 0;
    bool writeFailed = false;
    job.source->streamFile(
        job.image, int(entry.treeLayer), job.path,
        [&](const char *data, qint64 size) {
            writeFailed = file.write(data, size) != size;
            written += size;
            return !writeFailed;
        },
        &error);
    if (error || writeFailed || !file.commit()) {
        *message = error ? error.toString() : tr("%1: %2").arg(job.target, file.errorString());
        return false;
    }
    *message = tr("Saved /%1 to %2 (%3).").arg(job.path, job.target, formatDataSize(written));
    return true;
}

bool TreeExporter::exportEntries(const ExportJob &job, QString *message,
                                 const ExportObserver &observer)
{
    const std::string path = job.path.toStdString();
    ExportRequest request;
    request.image = job.image;
    request.path = path;
    // A path the layer deleted is exported from the layer that still has it.
    request.top = path.empty() ? job.layer : layerHolding(job.layers, job.layer, path);
    if (request.top < 0) {
        *message = tr("/%1 is in no layer up to this one.").arg(job.path);
        return false;
    }
    Error error;
    const auto destination = job.kind == ExportJob::Kind::Tar
                                 ? ExportDestination::tarFile(job.target, job.replace, &error)
                                 : ExportDestination::folder(job.target, &error);
    ExportSummary summary;
    if (!destination ||
        !exportTree(*job.source, job.layers, request, *destination, observer, &summary, &error)) {
        *message = error.toString();
        return false;
    }
    const QString shown = job.path.isEmpty() ? tr("The filesystem") : QLatin1Char('/') + job.path;
    *message =
        request.top == job.layer
            ? tr("%1 as of layer %2 written to %3: %n entries, %4.", nullptr, int(summary.entries))
                  .arg(shown)
                  .arg(request.top)
                  .arg(job.target, formatDataSize(summary.bytes))
            : tr("%1, deleted by layer %2, written from layer %3 to %4: %n entries, %5.", nullptr,
                 int(summary.entries))
                  .arg(shown)
                  .arg(request.top + 1)
                  .arg(request.top)
                  .arg(job.target, formatDataSize(summary.bytes));
    if (summary.leftOut > 0)
        *message +=
            QLatin1Char(' ') + tr("%n device node(s) left out, which only a tar can hold: %1.",
                                  nullptr, int(summary.leftOut))
                                   .arg(summary.leftOutPaths.join(QStringLiteral(", ")));
    return true;
}

namespace {

// The folder drags are exported into, removed when the application ends.
QString dragFolder()
{
    static QTemporaryDir folder(QDir::tempPath() + QStringLiteral("/strata-drag-XXXXXX"));
    return folder.path();
}

} // namespace

TreeExporter::TreeExporter(QObject *parent) : QObject(parent) {}

bool TreeExporter::runNow(const ExportJob &job, QString *message, const std::atomic_bool *cancel)
{
    if (job.kind == ExportJob::Kind::File)
        return saveFile(job, message);
    ExportObserver observer;
    observer.cancel = cancel;
    return exportEntries(job, message, observer);
}

void TreeExporter::start(ExportJob job)
{
    const BackgroundWork::Run run = m_work.start();
    m_running = true;
    (void)QtConcurrent::run(backgroundPool(), [this, job = std::move(job), run] {
        Outcome outcome;
        if (job.kind == ExportJob::Kind::File) {
            outcome.ok = saveFile(job, &outcome.message);
        } else {
            // Progress at most ten times a second: a million small files must not flood the
            // GUI thread's queue.
            QElapsedTimer sincePost;
            sincePost.start();
            ExportObserver observer;
            observer.cancel = &run.cancelFlag();
            observer.progress = [&](qint64 done, qint64 total) {
                if (sincePost.elapsed() < 100)
                    return;
                sincePost.restart();
                run.post([this, done, total] { emit progressChanged(done, total); });
            };
            outcome.ok = exportEntries(job, &outcome.message, observer);
        }
        run.post([this, outcome] {
            m_running = false;
            emit finished(outcome.ok, outcome.message);
        });
    });
}

void TreeExporter::cancel()
{
    m_work.cancel();
    m_running = false;
}

ExportDragData::ExportDragData(ExportJob job, QStringList paths)
    : m_job(std::move(job)), m_paths(std::move(paths))
{
}

QStringList ExportDragData::formats() const
{
    return {QStringLiteral("text/uri-list")};
}

bool ExportDragData::hasFormat(const QString &mimeType) const
{
    return mimeType == QLatin1String("text/uri-list");
}

QVariant ExportDragData::retrieveData(const QString &mimeType, QMetaType type) const
{
    if (mimeType != QLatin1String("text/uri-list"))
        return QMimeData::retrieveData(mimeType, type);
    if (!m_exported) {
        m_exported = true;
        QTemporaryDir drag(dragFolder() + QStringLiteral("/drag-XXXXXX"));
        drag.setAutoRemove(false);
        for (qsizetype i = 0; i < m_paths.size(); ++i) {
            const QString &path = m_paths[i];
            ExportJob job = m_job;
            job.path = path;
            const MergedEntry entry =
                findMerged(job.layers, layerHolding(job.layers, job.layer, path.toStdString()),
                           path.toStdString());
            const bool file = entry && (entry.attrs().type == FileType::Regular ||
                                        entry.attrs().type == FileType::Hardlink);
            job.kind = file ? ExportJob::Kind::File : ExportJob::Kind::Folder;
            const QString name =
                path.isEmpty() ? QStringLiteral("rootfs") : path.section(QLatin1Char('/'), -1);
            // A folder export names its entries from the path: each goes into a folder of its
            // own, and the drop gets the entry inside.
            const QString own = drag.filePath(QString::number(i));
            job.target = file || path.isEmpty() ? own + QLatin1Char('/') + name : own;
            if (file)
                QDir().mkpath(own);
            QString message;
            if (!TreeExporter::runNow(job, &message)) {
                qWarning("%s", qPrintable(message));
                continue;
            }
            m_urls << QUrl::fromLocalFile(file || path.isEmpty() ? job.target
                                                                 : own + QLatin1Char('/') + name);
        }
    }
    QVariantList urls;
    for (const QUrl &url : m_urls)
        urls << url;
    return urls;
}

} // namespace strata

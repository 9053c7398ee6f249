#include "panes/exportflow.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

namespace strata {

namespace {

// A name beside the others in `folder` that is not taken: "nginx", "nginx (2)", …
QString freeName(const QString &folder, const QString &name)
{
    QString candidate = name;
    for (int n = 2; QFileInfo::exists(folder + QLatin1Char('/') + candidate) ||
                    QFileInfo(folder + QLatin1Char('/') + candidate).isSymLink();
         ++n)
        candidate = QStringLiteral("%1 (%2)").arg(name).arg(n);
    return candidate;
}

} // namespace

ExportFlow::ExportFlow(QWidget *parent, std::function<ExportJob()> job)
    : QObject(parent), m_parent(parent), m_job(std::move(job)), m_exporter(new TreeExporter(this))
{
    connect(m_exporter, &TreeExporter::progressChanged, this, [this](qint64 done, qint64 total) {
        if (total > 0)
            emit message(MessageBar::Kind::Information,
                         tr("Writing %1… %2 %").arg(m_running).arg(done * 100 / total));
    });
    connect(m_exporter, &TreeExporter::finished, this, [this](bool ok, const QString &text) {
        emit message(ok ? MessageBar::Kind::Information : MessageBar::Kind::Error, text);
        emit finished(ok);
    });
}

QString ExportFlow::chooseTarget(const QString &path, ExportJob::Kind kind, bool *replace)
{
    const QString name =
        path.isEmpty() ? QStringLiteral("rootfs") : path.section(QLatin1Char('/'), -1);
    *replace = false;
    switch (kind) {
    case ExportJob::Kind::File:
        // The dialog asks before it names a file that exists.
        *replace = true;
        return QFileDialog::getSaveFileName(m_parent, tr("Save File As"),
                                            QDir::homePath() + QLatin1Char('/') + name);
    case ExportJob::Kind::Tar: {
        *replace = true;
        QString target = QFileDialog::getSaveFileName(m_parent, tr("Export as Tar"),
                                                      QDir::homePath() + QLatin1Char('/') + name +
                                                          QStringLiteral(".tar"),
                                                      tr("Tar archives (*.tar)"));
        if (!target.isEmpty() && !target.endsWith(QLatin1String(".tar"))) {
            target += QStringLiteral(".tar");
            *replace = false; // the dialog asked about another name
        }
        return target;
    }
    case ExportJob::Kind::Folder: {
        const QString folder =
            QFileDialog::getExistingDirectory(m_parent, tr("Extract to Folder"), QDir::homePath());
        if (folder.isEmpty())
            return {};
        const QString free = freeName(folder, name);
        if (free != name &&
            QMessageBox::question(
                m_parent, tr("Extract to Folder"),
                tr("“%1” already exists in %2 and is kept. Extract into “%3” instead?")
                    .arg(name, folder, free)) != QMessageBox::Yes)
            return {};
        return folder + QLatin1Char('/') + free;
    }
    }
    return {};
}

void ExportFlow::ask(const QString &path, ExportJob::Kind kind)
{
    if (m_exporter->isRunning()) {
        emit message(MessageBar::Kind::Warning,
                     tr("%1 is still being written; wait for it to finish.").arg(m_running));
        return;
    }
    bool replace = false;
    const QString target = chooseTarget(path, kind, &replace);
    if (!target.isEmpty())
        start(path, kind, target, replace);
}

void ExportFlow::start(const QString &path, ExportJob::Kind kind, const QString &target,
                       bool replace)
{
    ExportJob job = m_job();
    if (!job.source)
        return;
    job.path = path;
    job.kind = kind;
    job.target = target;
    job.replace = replace;
    m_running = target;
    emit message(MessageBar::Kind::Information, tr("Writing %1…").arg(target));
    m_exporter->start(std::move(job));
}

QMimeData *ExportFlow::dragData(const QStringList &paths) const
{
    ExportJob job = m_job();
    if (!job.source)
        return nullptr;
    return new ExportDragData(std::move(job), paths);
}

} // namespace strata

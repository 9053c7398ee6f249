#include "report/overlayreport.h"

#include "common/datasize.h"
#include "common/textescape.h"

#include <QJsonArray>
#include <QTextStream>

namespace strata {

namespace {
QString roleName(const OverlayLayerFolder &folder)
{
    switch (folder.role) {
    case OverlayLayerFolder::Role::InitLayer:
        return QStringLiteral("init");
    case OverlayLayerFolder::Role::ContainerLayer:
        return QStringLiteral("container");
    case OverlayLayerFolder::Role::ImageLayer:
        break;
    }
    return QStringLiteral("image layer %1").arg(folder.imageLayer);
}
} // namespace

QByteArray overlayText(const OverlayFolders &folders)
{
    QString text;
    QTextStream out(&text);
    out << "Storage:       " << escapeText(folders.driver) << '\n';
    if (!folders.available) {
        out << "Folders:       not shown: " << escapeText(folders.why) << '\n';
        out.flush();
        return text.toUtf8();
    }
    out << "Store:         " << escapeText(folders.root) << '\n';
    for (const OverlayLayerFolder &folder : folders.layers) {
        out << "  " << roleName(folder) << ": " << escapeText(folder.path) << '\n';
        out << "      diff/  " << formatDataSize(folder.diff.diskBytes, SizePrecision::ThreeDigits)
            << " on disk, " << folder.diff.apparentBytes << " bytes in " << folder.diff.entries
            << " entries" << (folder.diff.readable ? "" : " (some unreadable)") << '\n';
        out << "      link   l/" << escapeText(folder.link) << '\n';
        if (!folder.lower.isEmpty())
            out << "      lower  " << escapeText(folder.lower) << '\n';
        if (folder.hasWork)
            out << "      work/\n";
        if (folder.hasMerged)
            out << "      merged/\n";
    }
    out << "LowerDir:      " << escapeText(folders.lowerDirs.join(QLatin1Char(':'))) << '\n';
    out << "UpperDir:      " << escapeText(folders.upperDir) << '\n';
    out << "WorkDir:       " << escapeText(folders.workDir) << '\n';
    out << "MergedDir:     " << escapeText(folders.mergedDir) << '\n';
    out << (folders.mounted ? "Mounted:       " : "Mounts with:   ")
        << escapeText(folders.mountCommand) << '\n';
    out << "Total:         " << formatDataSize(folders.total.diskBytes, SizePrecision::ThreeDigits)
        << " on disk in the diff/ folders\n";
    out.flush();
    return text.toUtf8();
}

QJsonObject overlayJson(const OverlayFolders &folders)
{
    QJsonObject o{{QStringLiteral("driver"), folders.driver},
                  {QStringLiteral("available"), folders.available}};
    if (!folders.available) {
        o[QStringLiteral("why")] = folders.why;
        return o;
    }
    QJsonArray layers;
    for (const OverlayLayerFolder &folder : folders.layers) {
        layers.append(QJsonObject{{QStringLiteral("role"), roleName(folder)},
                                  {QStringLiteral("path"), folder.path},
                                  {QStringLiteral("link"), folder.link},
                                  {QStringLiteral("lower"), folder.lower},
                                  {QStringLiteral("diffApparentBytes"), folder.diff.apparentBytes},
                                  {QStringLiteral("diffDiskBytes"), folder.diff.diskBytes},
                                  {QStringLiteral("diffEntries"), folder.diff.entries},
                                  {QStringLiteral("work"), folder.hasWork},
                                  {QStringLiteral("merged"), folder.hasMerged}});
    }
    o[QStringLiteral("store")] = folders.root;
    o[QStringLiteral("layers")] = layers;
    o[QStringLiteral("lowerDirs")] = QJsonArray::fromStringList(folders.lowerDirs);
    o[QStringLiteral("upperDir")] = folders.upperDir;
    o[QStringLiteral("workDir")] = folders.workDir;
    o[QStringLiteral("mergedDir")] = folders.mergedDir;
    o[QStringLiteral("mounted")] = folders.mounted;
    o[QStringLiteral("mountCommand")] = folders.mountCommand;
    o[QStringLiteral("diskBytes")] = folders.total.diskBytes;
    return o;
}

} // namespace strata

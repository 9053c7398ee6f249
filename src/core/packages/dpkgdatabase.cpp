#include "packages/dpkgdatabase.h"

#include "common/paths.h"

#include <QList>

namespace strata {

namespace {

// The fields of one stanza, continuation lines (starting with a blank) joined to theirs.
struct Stanza
{
    QList<std::pair<QByteArray, QByteArray>> fields;
    QByteArray value(const char *name) const
    {
        for (const auto &[key, value] : fields) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

void addPackage(const Stanza &stanza, const std::string &source, std::vector<Package> *out)
{
    const QByteArray name = stanza.value("Package");
    const QByteArray status = stanza.value("Status");
    // A package removed but not purged keeps its stanza ("deinstall ok config-files").
    if (name.isEmpty() || (!status.isEmpty() && !status.endsWith(" installed")))
        return;
    Package p;
    p.kind = PackageKind::Deb;
    p.name = QString::fromUtf8(name);
    p.version = QString::fromUtf8(stanza.value("Version"));
    p.architecture = QString::fromUtf8(stanza.value("Architecture"));
    bool ok = false;
    const qint64 kib = stanza.value("Installed-Size").trimmed().toLongLong(&ok);
    if (ok)
        p.installedSize = kib * 1024;
    p.source = source;
    out->push_back(std::move(p));
}

} // namespace

std::vector<Package> parseDpkgStatus(const QByteArray &status, const std::string &source)
{
    std::vector<Package> packages;
    Stanza stanza;
    for (const QByteArray &line : status.split('\n')) {
        if (line.trimmed().isEmpty()) {
            addPackage(stanza, source, &packages);
            stanza = {};
            continue;
        }
        if ((line.startsWith(' ') || line.startsWith('\t')) && !stanza.fields.isEmpty()) {
            stanza.fields.last().second += '\n' + line.trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            stanza.fields.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    addPackage(stanza, source, &packages);
    return packages;
}

std::vector<std::string> parseDpkgFileList(const QByteArray &list)
{
    std::vector<std::string> files;
    for (const QByteArray &line : list.split('\n')) {
        std::string path;
        if (cleanPath(line.trimmed().toStdString(), &path) && !path.empty())
            files.push_back(std::move(path));
    }
    return files;
}

} // namespace strata

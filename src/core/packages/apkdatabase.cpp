#include "packages/apkdatabase.h"

#include <QList>

namespace strata {

std::vector<Package> parseApkInstalled(const QByteArray &installed, const std::string &source)
{
    std::vector<Package> packages;
    Package current;
    std::string folder;
    const auto finish = [&] {
        if (!current.name.isEmpty()) {
            current.kind = PackageKind::Apk;
            current.source = source;
            packages.push_back(std::move(current));
        }
        current = Package();
        folder.clear();
    };
    for (const QByteArray &line : installed.split('\n')) {
        if (line.isEmpty()) {
            finish();
            continue;
        }
        if (line.size() < 2 || line.at(1) != ':')
            continue;
        const QByteArray value = line.mid(2);
        switch (line.at(0)) {
        case 'P':
            current.name = QString::fromUtf8(value);
            break;
        case 'V':
            current.version = QString::fromUtf8(value);
            break;
        case 'A':
            current.architecture = QString::fromUtf8(value);
            break;
        case 'L':
            current.license = QString::fromUtf8(value);
            break;
        case 'I': {
            bool ok = false;
            const qint64 size = value.toLongLong(&ok);
            if (ok)
                current.installedSize = size;
            break;
        }
        case 'F':
            folder = value.toStdString();
            break;
        case 'R':
            current.files.push_back(folder.empty() ? value.toStdString()
                                                   : folder + '/' + value.toStdString());
            break;
        default:
            break;
        }
    }
    finish();
    return packages;
}

} // namespace strata

#include "packages/languagepackages.h"

#include "common/paths.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

namespace strata {

namespace {

// The value of an RFC 822 style header in the first block of `text`.
QString headerValue(const QByteArray &text, const char *name)
{
    const QByteArray wanted = QByteArray(name) + ':';
    for (const QByteArray &line : text.split('\n')) {
        if (line.trimmed().isEmpty())
            break;
        if (line.startsWith(wanted))
            return QString::fromUtf8(line.mid(wanted.size()).trimmed());
    }
    return {};
}

// The first field of a CSV line (RECORD quotes a path that holds a comma).
QByteArray firstCsvField(const QByteArray &line)
{
    if (!line.startsWith('"'))
        return line.left(line.indexOf(','));
    QByteArray field;
    for (qsizetype i = 1; i < line.size(); ++i) {
        if (line[i] == '"') {
            if (i + 1 < line.size() && line[i + 1] == '"') {
                field += '"';
                ++i;
                continue;
            }
            break;
        }
        field += line[i];
    }
    return field;
}

// A Go varint, as encoding/binary writes it.
bool readUvarint(const QByteArray &bytes, qsizetype *at, uint64_t *value)
{
    *value = 0;
    for (int shift = 0; shift < 64 && *at < bytes.size(); shift += 7) {
        const auto byte = uint8_t(bytes[(*at)++]);
        *value |= uint64_t(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

bool readGoString(const QByteArray &bytes, qsizetype *at, QByteArray *out)
{
    uint64_t length = 0;
    if (!readUvarint(bytes, at, &length) || length > uint64_t(bytes.size() - *at))
        return false;
    *out = bytes.mid(*at, qsizetype(length));
    *at += qsizetype(length);
    return true;
}

} // namespace

bool parsePythonDistribution(const QByteArray &metadata, const QByteArray &record,
                             const std::string &distInfo, Package *package)
{
    package->kind = PackageKind::Python;
    package->name = headerValue(metadata, "Name");
    package->version = headerValue(metadata, "Version");
    package->license = headerValue(metadata, "License");
    if (package->license.isEmpty())
        package->license = headerValue(metadata, "License-Expression");
    if (package->name.isEmpty())
        return false;
    package->source = distInfo + "/METADATA";
    const std::string base(splitParent(distInfo).first);
    for (const QByteArray &line : record.split('\n')) {
        const QByteArray field = firstCsvField(line.trimmed());
        if (field.isEmpty())
            continue;
        std::string path;
        if (cleanPath(base + '/' + field.toStdString(), &path) && !path.empty())
            package->files.push_back(std::move(path));
    }
    return true;
}

bool parseNpmPackage(const QByteArray &json, const std::string &path, Package *package)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    package->kind = PackageKind::Npm;
    package->name = object.value(QLatin1String("name")).toString();
    package->version = object.value(QLatin1String("version")).toString();
    const QJsonValue license = object.value(QLatin1String("license"));
    package->license = license.isObject()
                           ? license.toObject().value(QLatin1String("type")).toString()
                           : license.toString();
    package->source = path;
    return !package->name.isEmpty() && !package->version.isEmpty();
}

std::vector<Package> parseGoBuildInfo(const QByteArray &binary, const std::string &path)
{
    static const QByteArray magic("\xff Go buildinf:", 14);
    std::vector<Package> packages;
    // The section starts 16-byte aligned; the magic elsewhere (in the go command's own code
    // that reads build info) does not count.
    qsizetype at = -1;
    for (qsizetype from = 0; (at = binary.indexOf(magic, from)) >= 0; from = at + 1) {
        if (at % 16 == 0 && at + 32 <= binary.size())
            break;
    }
    if (at < 0 || at + 32 > binary.size())
        return packages;
    const auto flags = uint8_t(binary[at + 15]);
    if (!(flags & 2)) // Go before 1.18 points into the data instead: not read
        return packages;
    qsizetype cursor = at + 32;
    QByteArray goVersion, modinfo;
    if (!readGoString(binary, &cursor, &goVersion) || !readGoString(binary, &cursor, &modinfo))
        return packages;
    // modinfo sits between two 16-byte sentinels.
    if (modinfo.size() >= 33 && modinfo[modinfo.size() - 17] == '\n')
        modinfo = modinfo.mid(16, modinfo.size() - 32);
    Package stdlib;
    stdlib.kind = PackageKind::Go;
    stdlib.name = QStringLiteral("stdlib");
    stdlib.version = QString::fromUtf8(goVersion);
    stdlib.source = path;
    Package main;
    main.kind = PackageKind::Go;
    main.source = path;
    main.files = {path};
    std::vector<Package> deps;
    for (const QByteArray &line : modinfo.split('\n')) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() >= 2 && fields[0] == "path" && main.name.isEmpty()) {
            main.name = QString::fromUtf8(fields[1]);
        } else if (fields.size() >= 3 && fields[0] == "mod") {
            main.name = QString::fromUtf8(fields[1]);
            main.version = QString::fromUtf8(fields[2]);
        } else if (fields.size() >= 3 && fields[0] == "dep") {
            Package dep;
            dep.kind = PackageKind::Go;
            dep.name = QString::fromUtf8(fields[1]);
            dep.version = QString::fromUtf8(fields[2]);
            dep.source = path;
            deps.push_back(std::move(dep));
        } else if (fields.size() >= 2 && fields[0] == "=>" && !deps.empty()) {
            // A replaced dependency: what was built is the replacement, which the version
            // says ("v1.4.0 => ./greet", "v1.4.0 => example.com/fork@v1.4.1").
            QString replacement = QString::fromUtf8(fields[1]);
            if (fields.size() >= 3 && !fields[2].isEmpty() && fields[2] != "(devel)")
                replacement += QLatin1Char('@') + QString::fromUtf8(fields[2]);
            deps.back().version += QStringLiteral(" => ") + replacement;
        }
    }
    if (main.name.isEmpty())
        return packages;
    packages.push_back(std::move(main));
    packages.push_back(std::move(stdlib));
    for (Package &dep : deps)
        packages.push_back(std::move(dep));
    return packages;
}

} // namespace strata

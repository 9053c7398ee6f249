#include "report/packagesreport.h"

#include "common/datasize.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace strata {

namespace {

int topOf(const ImagePackages &packages, int layer)
{
    return layer >= 0 ? layer : int(packages.layers.size()) - 1;
}

QString changeName(PackageChange::Kind kind)
{
    switch (kind) {
    case PackageChange::Kind::Added:
        return QStringLiteral("added");
    case PackageChange::Kind::Removed:
        return QStringLiteral("removed");
    case PackageChange::Kind::Upgraded:
        return QStringLiteral("upgraded");
    }
    return {};
}

QString stepOf(const ImageInfo &image, int layer)
{
    const int step = image.layers.at(layer).historyIndex;
    return step >= 0 && step < image.history.size() ? image.history[step].createdBy : QString();
}

QByteArray changeLine(const PackageChange &change)
{
    const Package &p = change.package();
    QString line;
    switch (change.kind) {
    case PackageChange::Kind::Added:
        line = QStringLiteral("  + %1 %2 %3").arg(packageKindName(p.kind), p.name, p.version);
        break;
    case PackageChange::Kind::Removed:
        line = QStringLiteral("  - %1 %2 %3").arg(packageKindName(p.kind), p.name, p.version);
        break;
    case PackageChange::Kind::Upgraded:
        line = QStringLiteral("  ~ %1 %2 %3 -> %4")
                   .arg(packageKindName(p.kind), p.name, change.before->version, p.version);
        break;
    }
    if (change.after && change.layerBytes > 0)
        line += QStringLiteral("  (%1 in this layer)").arg(formatDataSize(change.layerBytes));
    return line.toUtf8() + '\n';
}

QJsonObject packageJson(const Package &p, const QString &distribution)
{
    QJsonObject o{{QStringLiteral("type"), packageKindName(p.kind)},
                  {QStringLiteral("name"), p.name},
                  {QStringLiteral("version"), p.version},
                  {QStringLiteral("purl"), p.purl(distribution)},
                  {QStringLiteral("source"), QString::fromStdString(p.source)},
                  {QStringLiteral("files"), qint64(p.files.size())}};
    if (!p.architecture.isEmpty())
        o.insert(QStringLiteral("architecture"), p.architecture);
    if (p.installedSize >= 0)
        o.insert(QStringLiteral("installedSize"), p.installedSize);
    if (!p.license.isEmpty())
        o.insert(QStringLiteral("license"), p.license);
    return o;
}

QJsonObject changeJson(const PackageChange &change, const QString &distribution)
{
    QJsonObject o = packageJson(change.package(), distribution);
    o.insert(QStringLiteral("change"), changeName(change.kind));
    if (change.kind == PackageChange::Kind::Upgraded)
        o.insert(QStringLiteral("previousVersion"), change.before->version);
    if (change.after)
        o.insert(QStringLiteral("layerBytes"), change.layerBytes);
    return o;
}

} // namespace

int layerOfPackage(const ImagePackages &packages, int layer, const Package *package)
{
    for (int l = topOf(packages, layer); l >= 0; --l) {
        for (const PackageChange &change : packages.layers[size_t(l)].changes) {
            if (change.after.get() == package)
                return l;
        }
    }
    return -1;
}

QByteArray packagesText(const ImageInfo &image, const ImagePackages &packages, int layer)
{
    QByteArray out;
    const int top = topOf(packages, layer);
    if (layer < 0) {
        for (size_t l = 0; l < packages.layers.size(); ++l) {
            const auto &changes = packages.layers[l].changes;
            if (changes.empty())
                continue;
            out += QStringLiteral("Layer %1: %2\n").arg(l).arg(stepOf(image, int(l))).toUtf8();
            for (const PackageChange &change : changes)
                out += changeLine(change);
        }
        if (!out.isEmpty())
            out += '\n';
    }
    if (top < 0)
        return out + "No layers.\n";
    const auto &list = packages.layers[size_t(top)].packages;
    out += QStringLiteral("%1 packages as of layer %2:\n").arg(list.size()).arg(top).toUtf8();
    for (const PackagePtr &p : list) {
        out +=
            QStringLiteral("  %1\t%2\t%3\t%4\tlayer %5\n")
                .arg(packageKindName(p->kind), p->name, p->version,
                     p->installedSize >= 0 ? formatDataSize(p->installedSize) : QStringLiteral("-"))
                .arg(layerOfPackage(packages, top, p.get()))
                .toUtf8();
    }
    for (const QString &line : packages.notRead)
        out += QStringLiteral("Not read: %1\n").arg(line).toUtf8();
    return out;
}

QByteArray packagesJson(const ImageInfo &image, const ImagePackages &packages, int layer)
{
    QJsonObject root{{QStringLiteral("image"), image.displayName()},
                     {QStringLiteral("id"), image.id}};
    const int top = topOf(packages, layer);
    QJsonArray layers;
    for (int l = 0; l <= top; ++l) {
        QJsonArray changes;
        for (const PackageChange &change : packages.layers[size_t(l)].changes)
            changes.append(changeJson(change, packages.distribution));
        layers.append(QJsonObject{{QStringLiteral("index"), l},
                                  {QStringLiteral("createdBy"), stepOf(image, l)},
                                  {QStringLiteral("changes"), changes}});
    }
    root.insert(QStringLiteral("layers"), layers);
    QJsonArray list;
    if (top >= 0) {
        for (const PackagePtr &p : packages.layers[size_t(top)].packages) {
            QJsonObject o = packageJson(*p, packages.distribution);
            o.insert(QStringLiteral("layer"), layerOfPackage(packages, top, p.get()));
            list.append(o);
        }
    }
    root.insert(QStringLiteral("packages"), list);
    root.insert(QStringLiteral("notRead"), QJsonArray::fromStringList(packages.notRead));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray packagesCycloneDx(const ImageInfo &image, const ImagePackages &packages, int layer)
{
    const int top = topOf(packages, layer);
    QJsonArray components;
    if (top >= 0) {
        for (const PackagePtr &p : packages.layers[size_t(top)].packages) {
            QJsonObject c{{QStringLiteral("type"), p->kind == PackageKind::Go && !p->files.empty()
                                                       ? QStringLiteral("application")
                                                       : QStringLiteral("library")},
                          {QStringLiteral("name"), p->name},
                          {QStringLiteral("version"), p->version},
                          {QStringLiteral("purl"), p->purl(packages.distribution)},
                          {QStringLiteral("bom-ref"),
                           QString(p->purl(packages.distribution) + QLatin1Char('#') +
                                   QString::fromStdString(p->source))}};
            if (!p->license.isEmpty())
                c.insert(
                    QStringLiteral("licenses"),
                    QJsonArray{QJsonObject{{QStringLiteral("license"),
                                            QJsonObject{{QStringLiteral("name"), p->license}}}}});
            c.insert(
                QStringLiteral("properties"),
                QJsonArray{
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("strata:layer")},
                                {QStringLiteral("value"),
                                 QString::number(layerOfPackage(packages, top, p.get()))}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("strata:source")},
                                {QStringLiteral("value"), QString::fromStdString(p->source)}}});
            components.append(c);
        }
    }
    // The same image always gets the same serial number: a name-based UUID of its ID.
    const QUuid serial =
        QUuid::createUuidV5(QUuid(QStringLiteral("{6ba7b811-9dad-11d1-80b4-00c04fd430c8}")),
                            image.id + QLatin1Char('@') + QString::number(top));
    const QJsonObject root{
        {QStringLiteral("bomFormat"), QStringLiteral("CycloneDX")},
        {QStringLiteral("specVersion"), QStringLiteral("1.5")},
        {QStringLiteral("serialNumber"),
         QString(QStringLiteral("urn:uuid:") + serial.toString(QUuid::WithoutBraces))},
        {QStringLiteral("version"), 1},
        {QStringLiteral("metadata"),
         QJsonObject{
             {QStringLiteral("tools"),
              QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("strata")},
                                     {QStringLiteral("version"), QStringLiteral(STRATA_VERSION)}}}},
             {QStringLiteral("component"),
              QJsonObject{{QStringLiteral("type"), QStringLiteral("container")},
                          {QStringLiteral("name"), image.displayName()},
                          {QStringLiteral("version"), image.id}}}}},
        {QStringLiteral("components"), components}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray packageChangesText(const std::vector<PackageChange> &changes)
{
    QByteArray out;
    for (const PackageChange &change : changes)
        out += changeLine(change);
    return out;
}

QJsonArray packageChangesJson(const std::vector<PackageChange> &changes)
{
    QJsonArray out;
    for (const PackageChange &change : changes)
        out.append(changeJson(change, QString()));
    return out;
}

} // namespace strata

#include "archivechecks.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

namespace strata::testing {

using namespace strata::imagewriter;

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString hexOf(const QString &digest)
{
    return digest.mid(digest.indexOf(u':') + 1);
}

QJsonDocument jsonOf(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes);
}

QString decompressorFor(Compression c)
{
    switch (c) {
    case Compression::Gzip:
        return QStringLiteral("gzip");
    case Compression::Zstd:
        return QStringLiteral("zstd");
    case Compression::Xz:
        return QStringLiteral("xz");
    case Compression::None:
        break;
    }
    return {};
}

// The decompressor a blob's magic bytes call for, empty when the blob is not compressed.
QString decompressorForBytes(const QByteArray &blob)
{
    if (blob.startsWith("\x1f\x8b"))
        return QStringLiteral("gzip");
    if (blob.startsWith("\x28\xb5\x2f\xfd"))
        return QStringLiteral("zstd");
    return {};
}

QStringList jsonStrings(const QJsonValue &v)
{
    QStringList out;
    const QJsonArray array = v.toArray();
    for (const QJsonValue &e : array)
        out.append(e.toString());
    return out;
}

QStringList diffIdsOf(const Image &image)
{
    QStringList ids;
    for (const Layer &l : image.layers)
        ids.append(diffId(l));
    return ids;
}

// Relative path -> bytes (or "-> target" for symlinks) of every file under `root`.
QMap<QString, QByteArray> treeOf(const QString &root)
{
    QMap<QString, QByteArray> tree;
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        const QString rel = QDir(root).relativeFilePath(path);
        if (info.isSymLink())
            tree.insert(rel, "-> " + QFile::encodeName(readLink(path)));
        else if (info.isDir())
            tree.insert(rel, "<dir>");
        else
            tree.insert(rel, readFile(path));
    }
    return tree;
}

void checkWithSkopeoDockerArchive(const QString &archive, const QString &tag, const Image &image,
                                  bool copy)
{
    const QString ref = QStringLiteral("docker-archive:") + archive + u':' + tag;
    ToolResult r = runTool(QStringLiteral("skopeo"), {QStringLiteral("inspect"), ref});
    QVERIFY2(r.ok(), r.diagnostics().constData());
    const QJsonObject inspected = jsonOf(r.out).object();
    QCOMPARE(jsonStrings(inspected.value(u"Layers")), diffIdsOf(image));
    QCOMPARE(inspected.value(u"Architecture").toString(), image.architecture);
    QCOMPARE(inspected.value(u"Os").toString(), image.os);
    QCOMPARE(inspected.value(u"Env").toArray(), image.config.value(u"Env").toArray());

    r = runTool(QStringLiteral("skopeo"), {QStringLiteral("inspect"), QStringLiteral("--raw"),
                                           QStringLiteral("--config"), ref});
    QVERIFY2(r.ok(), r.diagnostics().constData());
    QCOMPARE(r.out, configJson(image));

    if (copy) {
        QTemporaryDir target;
        r = runTool(QStringLiteral("skopeo"), {QStringLiteral("copy"), QStringLiteral("--quiet"),
                                               ref, QStringLiteral("dir:") + target.path()});
        QVERIFY2(r.ok(), r.diagnostics().constData());
    }
}

void checkWithSkopeoOciArchive(const QString &archive, const QString &ref, const Image &image,
                               Compression layers)
{
    const QString source = QStringLiteral("oci-archive:") + archive + u':' + ref;
    ToolResult r = runTool(QStringLiteral("skopeo"),
                           {QStringLiteral("inspect"), QStringLiteral("--raw"), source});
    QVERIFY2(r.ok(), r.diagnostics().constData());
    const QJsonObject manifest = jsonOf(r.out).object();
    QCOMPARE(manifest.value(u"config").toObject().value(u"digest").toString(), imageId(image));
    QCOMPARE(manifest.value(u"layers").toArray().size(), qsizetype(image.layers.size()));
    if (layers == Compression::None) {
        QCOMPARE(manifest.value(u"layers").toArray().first().toObject().value(u"digest").toString(),
                 diffId(image.layers[0]));
    }

    r = runTool(QStringLiteral("skopeo"), {QStringLiteral("inspect"), QStringLiteral("--raw"),
                                           QStringLiteral("--config"), source});
    QVERIFY2(r.ok(), r.diagnostics().constData());
    QCOMPARE(r.out, configJson(image));

    // Copying reads every blob and checks it against its digest and size.
    QTemporaryDir copy;
    r = runTool(QStringLiteral("skopeo"),
                {QStringLiteral("copy"), QStringLiteral("--quiet"), source,
                 QStringLiteral("oci:") + copy.path() + QStringLiteral(":copy")});
    QVERIFY2(r.ok(), r.diagnostics().constData());
}

QString ScratchArchives::write(const std::vector<Image> &images, const WriteOptions &options)
{
    const QString path = m_dir.filePath(QStringLiteral("archive%1").arg(++m_count));
    QString error;
    if (!writeArchive(path, images, options, &error)) {
        qWarning("writeArchive: %s", qPrintable(error));
        return {};
    }
    return path;
}

QString ScratchArchives::plainArchive(const QString &path, Compression outer)
{
    if (outer == Compression::None)
        return path;
    QString error;
    const QByteArray plain = decompressWith(decompressorFor(outer), readFile(path), &error);
    if (!error.isEmpty()) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    const QString plainPath = path + QStringLiteral(".plain");
    return writeFile(plainPath, plain) ? plainPath : QString();
}

QString ScratchArchives::extract(const QString &archive)
{
    const QString dir = archive + QStringLiteral(".d");
    QDir().mkpath(dir);
    QString error;
    if (!tarExtract(archive, dir, &error)) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    return dir;
}

} // namespace strata::testing

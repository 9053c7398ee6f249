// Layer tars and blob compression, checked with GNU tar, gzip, xz, zstd and sha256sum.

#include "externaltool.h"
#include "imagewriter/imagewriter.h"
#include "sampleimages.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace strata::imagewriter;
using namespace strata::testing;

class TestLayerTar : public QObject
{
    Q_OBJECT

private slots:
    void membersKeepTheirOrderTypesAndModes();
    void extractedFilesHaveTheirContent();
    void endsLikeGoTarWithoutBlockPadding();
    void sameLayerGivesSameBytes();
    void diffIdIsTheSha256OfTheTar();
    void whiteoutAndOpaqueMarkerNames();
    void compressedBlobsDecompressWithStandardTools_data();
    void compressedBlobsDecompressWithStandardTools();

private:
    QString writeTemp(const QByteArray &data);
    QTemporaryDir m_dir;
};

QString TestLayerTar::writeTemp(const QByteArray &data)
{
    static int n = 0;
    const QString path = m_dir.filePath(QStringLiteral("blob%1").arg(++n));
    return writeFile(path, data) ? path : QString();
}

void TestLayerTar::membersKeepTheirOrderTypesAndModes()
{
    Layer layer = sampleImage().layers[0];
    layer.entries.push_back(Entry::dir("dev"));
    layer.entries.push_back(Entry::charDevice("dev/null", 1, 3));
    layer.entries.push_back(Entry::fifo("dev/initctl", 0600));

    QString error;
    const QByteArray tar = layerTar(layer, &error);
    QVERIFY2(!tar.isEmpty(), qPrintable(error));
    const std::vector<TarMember> listed = tarListing(writeTemp(tar), &error);
    QVERIFY2(!listed.empty(), qPrintable(error));

    QCOMPARE(listed.size(), layer.entries.size());
    for (size_t i = 0; i < listed.size(); ++i) {
        const Entry &e = layer.entries[i];
        const TarMember &m = listed[i];
        const QString expectedName =
            QString::fromStdString(e.path) + (e.type == Entry::Type::Dir ? u"/" : u"");
        QCOMPARE(m.name, expectedName);
    }
    auto member = [&](const std::string &path) {
        for (const TarMember &m : listed) {
            if (m.name == QString::fromStdString(path))
                return m;
        }
        return TarMember{};
    };
    QCOMPARE(member("bin/tool").type, u'-');
    QCOMPARE(member("bin/tool").permissions, QStringLiteral("rwxr-xr-x"));
    QCOMPARE(member("bin/run").type, u'l');
    QCOMPARE(member("bin/run").linkTarget, QStringLiteral("tool"));
    QCOMPARE(member("bin/tool-hard").type, u'h');
    QCOMPARE(member("bin/tool-hard").linkTarget, QStringLiteral("bin/tool"));
    QCOMPARE(member("bin/su").permissions, QStringLiteral("rwsr-xr-x"));
    QCOMPARE(member("home/user/notes.txt").owner, QStringLiteral("1000/1000"));
    QCOMPARE(member("home/user/notes.txt").permissions, QStringLiteral("rw-------"));
    QCOMPARE(member(kLongPath).size, QStringLiteral("10"));
    QCOMPARE(member(kNonAsciiPath).size, QStringLiteral("6"));
    QCOMPARE(member("dev/null").type, u'c');
    QCOMPARE(member("dev/null").size, QStringLiteral("1,3"));
    QCOMPARE(member("dev/initctl").type, u'p');
}

void TestLayerTar::extractedFilesHaveTheirContent()
{
    QString error;
    const QString tarPath = writeTemp(layerTar(sampleImage().layers[0]));
    QTemporaryDir out;
    QVERIFY2(tarExtract(tarPath, out.path(), &error), qPrintable(error));

    QCOMPARE(readFile(out.filePath(QString::fromStdString(kLongPath))), QByteArray("long name\n"));
    QCOMPARE(readFile(out.filePath(QString::fromStdString(kNonAsciiPath))),
             QByteArray("caf\xc3\xa9\n"));
    QCOMPARE(QFileInfo(out.filePath(QStringLiteral("bin/run"))).symLinkTarget(),
             out.filePath(QStringLiteral("bin/tool")));
    struct stat tool = {}, hard = {};
    QCOMPARE(
        ::lstat(QFile::encodeName(out.filePath(QStringLiteral("bin/tool"))).constData(), &tool), 0);
    QCOMPARE(::lstat(QFile::encodeName(out.filePath(QStringLiteral("bin/tool-hard"))).constData(),
                     &hard),
             0);
    QCOMPARE(hard.st_ino, tool.st_ino);
    QCOMPARE(tool.st_mode & 07777, 0755u);
}

void TestLayerTar::endsLikeGoTarWithoutBlockPadding()
{
    // One 512-byte header, one data block, the two zero blocks of the end marker: Go's
    // archive/tar stops there, where libarchive would pad to 10240 bytes by default.
    const QByteArray tar = layerTar(Layer{{Entry::file("x", "hi")}});
    QCOMPARE(tar.size(), 2048);
    QCOMPARE(tar.right(1024), QByteArray(1024, '\0'));
    QCOMPARE(layerTar(Layer{}), QByteArray(1024, '\0'));
}

void TestLayerTar::sameLayerGivesSameBytes()
{
    const Layer layer = sampleImage().layers[0];
    QCOMPARE(layerTar(layer), layerTar(layer));
    for (Compression c : {Compression::Gzip, Compression::Zstd, Compression::Xz})
        QCOMPARE(compress(layerTar(layer), c), compress(layerTar(layer), c));
}

void TestLayerTar::diffIdIsTheSha256OfTheTar()
{
    const Layer layer = sampleImage().layers[1];
    const ToolResult r = runTool(QStringLiteral("sha256sum"), {writeTemp(layerTar(layer))});
    QVERIFY2(r.ok(), r.diagnostics().constData());
    QCOMPARE(diffId(layer), QStringLiteral("sha256:") + QString::fromLatin1(r.out.left(64)));
}

void TestLayerTar::whiteoutAndOpaqueMarkerNames()
{
    QCOMPARE(Entry::whiteout("usr/share/doc/pkg").path, std::string("usr/share/doc/.wh.pkg"));
    QCOMPARE(Entry::whiteout("top").path, std::string(".wh.top"));
    QCOMPARE(Entry::opaque("opt/app").path, std::string("opt/app/.wh..wh..opq"));
    QCOMPARE(Entry::opaque("opt/app/").path, std::string("opt/app/.wh..wh..opq"));
    const Entry w = Entry::whiteout("a/b");
    QCOMPARE(w.type, Entry::Type::File);
    QVERIFY(w.content.isEmpty());
}

void TestLayerTar::compressedBlobsDecompressWithStandardTools_data()
{
    QTest::addColumn<Compression>("compression");
    QTest::addColumn<QString>("tool");
    QTest::newRow("gzip") << Compression::Gzip << QStringLiteral("gzip");
    QTest::newRow("zstd") << Compression::Zstd << QStringLiteral("zstd");
    QTest::newRow("xz") << Compression::Xz << QStringLiteral("xz");
}

void TestLayerTar::compressedBlobsDecompressWithStandardTools()
{
    QFETCH(Compression, compression);
    QFETCH(QString, tool);
    const QByteArray tar = layerTar(sampleImage().layers[0]);
    QString error;
    const QByteArray blob = compress(tar, compression, &error);
    QVERIFY2(!blob.isEmpty(), qPrintable(error));
    QVERIFY(blob.size() < tar.size());
    QCOMPARE(decompressWith(tool, blob, &error), tar);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    if (compression == Compression::Gzip) {
        // No timestamp in the gzip header (bytes 4-7), or the bytes would change every run.
        QCOMPARE(blob.mid(4, 4), QByteArray(4, '\0'));
    }
}

QTEST_GUILESS_MAIN(TestLayerTar)
#include "tst_layertar.moc"

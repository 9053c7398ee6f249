// The demo image the app embeds: the committed copy is what the generator writes today, and
// standard tools read it as the nginx-like image it claims to be.

#include "demoimages.h"
#include "externaltool.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace strata::imagewriter;
using namespace strata::testing;

class TestDemoImage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void committedCopyIsWhatTheGeneratorWrites();
    void isSmall();
    void skopeoReadsItsLayersAndHistory();
    void mergedFilesystemShowsEveryLayersWork();
    void reuseDemoCommittedCopyIsWhatTheGeneratorWrites();
    void reuseDemoImagesShareLayersAsSkopeoSeesThem();

private:
    QTemporaryDir m_dir;
    QString m_archive;
};

void TestDemoImage::initTestCase()
{
    m_archive = m_dir.filePath(QStringLiteral("strata-demo.tar"));
    QString error;
    QVERIFY2(writeArchive(m_archive, {strata::demo::demoImage()}, {Layout::DockerLegacy}, &error),
             qPrintable(error));
}

void TestDemoImage::committedCopyIsWhatTheGeneratorWrites()
{
    const QByteArray committed = readFile(QStringLiteral(STRATA_DEMO_ARCHIVE));
    QVERIFY2(!committed.isEmpty(), "resources/demo/strata-demo.tar is missing");
    // If this fails after changing the demo, regenerate it:
    //   strata-make-demo-image resources/demo/strata-demo.tar
    QVERIFY2(committed == readFile(m_archive),
             "resources/demo/strata-demo.tar is out of date: run strata-make-demo-image");
}

void TestDemoImage::isSmall()
{
    QVERIFY(QFileInfo(m_archive).size() < 200 * 1024);
}

void TestDemoImage::skopeoReadsItsLayersAndHistory()
{
    const QString ref = QStringLiteral("docker-archive:") + m_archive + u':' +
                        QString::fromLatin1(strata::demo::kDemoTag);
    ToolResult r = runTool(QStringLiteral("skopeo"), {QStringLiteral("inspect"), ref});
    QVERIFY2(r.ok(), r.diagnostics().constData());
    const QJsonObject inspected = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(inspected.value(u"Layers").toArray().size(), 4);
    QVERIFY(inspected.value(u"Env").toArray().contains(QStringLiteral("NGINX_VERSION=1.21.6")));

    r = runTool(QStringLiteral("skopeo"), {QStringLiteral("inspect"), QStringLiteral("--raw"),
                                           QStringLiteral("--config"), ref});
    QVERIFY2(r.ok(), r.diagnostics().constData());
    const QJsonObject config = QJsonDocument::fromJson(r.out).object();
    const QJsonArray history = config.value(u"history").toArray();
    int empty = 0;
    for (const QJsonValue &h : history)
        empty += h.toObject().value(u"empty_layer").toBool() ? 1 : 0;
    QCOMPARE(history.size() - empty, 4); // one history step per layer
    QCOMPARE(empty, 8);                  // CMD, LABEL, ENV x2, ENTRYPOINT, EXPOSE, STOPSIGNAL, CMD
    QVERIFY(history.last()
                .toObject()
                .value(u"created_by")
                .toString()
                .endsWith(QStringLiteral("# buildkit")));
    QCOMPARE(config.value(u"config").toObject().value(u"StopSignal").toString(),
             QStringLiteral("SIGQUIT"));
}

void TestDemoImage::mergedFilesystemShowsEveryLayersWork()
{
    const QString layout = m_dir.filePath(QStringLiteral("oci"));
    QString error;
    QVERIFY2(writeArchive(layout, {strata::demo::demoImage()},
                          {Layout::OciArchive, Compression::Gzip, Compression::None, true}, &error),
             qPrintable(error));
    const QString bundle = m_dir.filePath(QStringLiteral("bundle"));
    const ToolResult r = runTool(
        QStringLiteral("umoci"),
        umociUnpackArgs(layout + u':' + QString::fromLatin1(strata::demo::kDemoTag), bundle));
    QVERIFY2(r.ok(), r.diagnostics().constData());
    const QString root = bundle + QStringLiteral("/rootfs/");
    auto inode = [&](const char *p) {
        struct stat st = {};
        ::lstat(QFile::encodeName(root + QString::fromLatin1(p)).constData(), &st);
        return st.st_ino;
    };

    QCOMPARE(readLink(root + QStringLiteral("bin/sh")), QStringLiteral("dash"));
    QVERIFY(readFile(root + QStringLiteral("etc/os-release")).contains("bullseye"));
    QCOMPARE(inode("usr/bin/perl5.32.1"), inode("usr/bin/perl"));
    QVERIFY(readFile(root + QStringLiteral("etc/passwd")).contains("nginx:x:101")); // layer 2 wins
    QVERIFY(QFileInfo(root + QStringLiteral("usr/sbin/nginx")).isExecutable());
    QVERIFY(QFileInfo(root + QStringLiteral("usr/sbin/nginx")).size() > 2048);
    QCOMPARE(readLink(root + QStringLiteral("var/log/nginx/access.log")),
             QStringLiteral("/dev/stdout"));
    QVERIFY(QFileInfo(root + QStringLiteral("docker-entrypoint.sh")).isExecutable());
    // Layer 4 deleted the documentation and re-created only nginx's.
    QCOMPARE(QDir(root + QStringLiteral("usr/share/doc"))
                 .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{QStringLiteral("nginx")});
    QCOMPARE(QDir(root + QStringLiteral("usr/share/doc/nginx"))
                 .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{QStringLiteral("README")});
}

void TestDemoImage::reuseDemoCommittedCopyIsWhatTheGeneratorWrites()
{
    const QString written = m_dir.filePath(QStringLiteral("strata-demo-reuse.tar"));
    QString error;
    QVERIFY2(writeArchive(written, strata::demo::demoReuseImages(), {Layout::DockerLegacy}, &error),
             qPrintable(error));
    const QByteArray committed = readFile(QStringLiteral(STRATA_DEMO_REUSE_ARCHIVE));
    QVERIFY2(!committed.isEmpty(), "resources/demo/strata-demo-reuse.tar is missing");
    // If this fails after changing the demo, regenerate both archives:
    //   strata-make-demo-image resources/demo/strata-demo.tar resources/demo/strata-demo-reuse.tar
    QVERIFY2(committed == readFile(written),
             "resources/demo/strata-demo-reuse.tar is out of date: run strata-make-demo-image");
    QVERIFY(committed.size() < 400 * 1024);
}

void TestDemoImage::reuseDemoImagesShareLayersAsSkopeoSeesThem()
{
    const QString archive = QStringLiteral(STRATA_DEMO_REUSE_ARCHIVE);
    auto layersOf = [&](const char *tag) {
        const ToolResult r =
            runTool(QStringLiteral("skopeo"),
                    {QStringLiteral("inspect"), QStringLiteral("docker-archive:") + archive + u':' +
                                                    QString::fromLatin1(tag)});
        if (!r.ok())
            qWarning("%s", r.diagnostics().constData());
        QStringList layers;
        for (const QJsonValue &v :
             QJsonDocument::fromJson(r.out).object().value(u"Layers").toArray())
            layers << v.toString();
        return layers;
    };
    const QStringList nginx = layersOf(strata::demo::kDemoTag);
    const QStringList debug = layersOf(strata::demo::kDemoDebugTag);
    const QStringList php = layersOf(strata::demo::kDemoPhpTag);
    QCOMPARE(nginx.size(), 4);
    QCOMPARE(debug.size(), 5);
    QCOMPARE(php.size(), 3);
    QCOMPARE(debug.mid(0, 4), nginx);     // the debug variant is nginx plus one layer
    QCOMPARE(php.first(), nginx.first()); // the same base
    QCOMPARE(php.at(2), nginx.at(2));     // the same entrypoint content...
    QVERIFY(php.at(1) != nginx.at(1));    // ...on another layer below it
}

QTEST_GUILESS_MAIN(TestDemoImage)
#include "tst_demoimage.moc"

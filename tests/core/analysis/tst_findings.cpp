// Findings: what to change in a Dockerfile, on images with waste whose every byte is known,
// checked against GNU tar and readelf where they can say.
#include "wastefulimage.h"

#include "analysis/efficiency.h"
#include "analysis/findings.h"
#include "analysis/secretscan.h"
#include "archive/imagearchive.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace strata;
using namespace strata::testing;

namespace {

struct Opened
{
    std::shared_ptr<ImageArchive> archive;
    std::vector<std::shared_ptr<const LayerTree>> layers;
    EfficiencyReport efficiency;
    const ImageInfo &info() const { return archive->images().front(); }
    FindingsReport findings(int firstLayer = 0) const
    {
        FindingsOptions options;
        options.firstLayer = firstLayer;
        options.readFile = [this](int layer, const std::string &path, qint64 max) {
            Error error;
            return archive->readFile(0, layer, QString::fromStdString(path), max, &error);
        };
        return analyzeFindings(info(), layers, efficiency, options);
    }
};

Opened open(const QString &path)
{
    Opened o;
    Error error;
    o.archive = ImageArchive::open(path, &error);
    if (!o.archive) {
        qWarning() << error.toString();
        return o;
    }
    o.layers = o.archive->loadLayers(0, LoadObserver{}, &error);
    o.efficiency = analyzeEfficiency(o.info(), o.layers);
    return o;
}

const Finding *find(const FindingsReport &report, FindingKind kind, int layer)
{
    for (const Finding &f : report.findings) {
        if (f.kind == kind && f.layer == layer)
            return &f;
    }
    return nullptr;
}

const Finding *findWhat(const FindingsReport &report, const QString &what)
{
    for (const Finding &f : report.findings) {
        if (f.what == what)
            return &f;
    }
    return nullptr;
}

QStringList pathsOf(const Finding &f)
{
    QStringList paths;
    for (const FindingFile &file : f.files)
        paths << QString::fromStdString(file.path);
    return paths;
}

} // namespace

class TestFindings : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    HostProgram m_host;
    QString m_naive;
    QString m_twin;

private slots:
    void initTestCase()
    {
        m_host = hostProgram();
        QVERIFY2(m_host.isValid(), "this machine's /usr/bin/true and its libc are needed");
        m_naive = m_dir.filePath(QStringLiteral("naive.tar"));
        m_twin = m_dir.filePath(QStringLiteral("twin.tar"));
        QVERIFY(writeDockerArchive(m_naive, naiveGoBuild(m_host)));
        QVERIFY(writeDockerArchive(m_twin, multiStageGoBuild(m_host)));
    }

    // Each mistake of the naive build is one finding, with its bytes, its layer and the step
    // that made the layer.
    void naiveBuildFindingsNameBytesLayerAndStep()
    {
        const Opened o = open(m_naive);
        QVERIFY(o.archive);
        const FindingsReport r = o.findings();
        auto stepOf = [&](const Finding *f) {
            return o.info().history.at(f->historyIndex).createdBy;
        };

        const Finding *lists = findWhat(r, QStringLiteral("apt package lists"));
        QVERIFY(lists);
        QCOMPARE(lists->kind, FindingKind::PackageCache);
        QCOMPARE(lists->bytes, kAptListsBytes);
        QCOMPARE(lists->layer, 1);
        QCOMPARE(lists->directory, std::string("var/lib/apt/lists"));
        QVERIFY(stepOf(lists).contains("apt-get update"));
        QVERIFY(lists->fix.contains("rm -rf /var/lib/apt/lists/*"));
        QVERIFY(!lists->removedLater);

        const Finding *cache = findWhat(r, QStringLiteral("apt package cache"));
        QVERIFY(cache);
        QCOMPARE(cache->bytes, kAptCacheBytes);
        QCOMPARE(cache->fileCount, 2);
        QCOMPARE(cache->directory, std::string("var/cache/apt"));
        QCOMPARE(cache->files.front().path,
                 std::string("var/cache/apt/archives/golang-1.19-go_1.19.8-2_amd64.deb"));

        const Finding *go = find(r, FindingKind::BuildToolchain, 1);
        QVERIFY(go);
        QCOMPARE(go->what, QStringLiteral("Go toolchain"));
        QCOMPARE(go->bytes, kGoToolchainBytes);
        QCOMPARE(go->directory, std::string("usr/lib/go-1.19"));
        QVERIFY2(go->fix.contains("multi-stage build would ship"), qPrintable(go->fix));

        const Finding *headers = find(r, FindingKind::DevFiles, 1);
        QVERIFY(headers);
        QCOMPARE(headers->bytes, kHeaderBytes);

        const Finding *logs = find(r, FindingKind::LogsAndTemp, 1);
        QVERIFY(logs);
        QCOMPARE(logs->bytes, kLogBytes);
        QCOMPARE(pathsOf(*logs), QStringList{"var/log/dpkg.log"});

        // The private key: copied in layer 2, deleted by layer 3, still shipped.
        const Finding *key = find(r, FindingKind::Secret, 2);
        QVERIFY(key);
        QCOMPARE(key->what, QStringLiteral("SSH private key"));
        QCOMPARE(key->bytes, privateKey().size());
        QVERIFY(key->removedLater);
        QCOMPARE(key->laterLayer, 3);
        QVERIFY(stepOf(key).startsWith("COPY"));
        QCOMPARE(pathsOf(*key), QStringList{"root/.ssh/id_rsa"});
        QVERIFY(!key->files.front().survives);
        QCOMPARE(r.findings.front().kind, FindingKind::Secret); // secrets come first

        const Finding *goCache = find(r, FindingKind::PackageCache, 3);
        QVERIFY(goCache);
        QCOMPARE(goCache->what, QStringLiteral("Go build cache"));
        QCOMPARE(goCache->bytes, kGoBuildCacheBytes);
        QCOMPARE(goCache->directory, std::string("root/.cache/go-build"));
        QVERIFY(stepOf(goCache).contains("go build"));

        // chmod copied the whole file: the copy in layer 2 is what it costs.
        const Finding *chmod = find(r, FindingKind::MetadataOnly, 2);
        QVERIFY(chmod);
        QCOMPARE(chmod->bytes, kDataBytes);
        QCOMPARE(chmod->laterLayer, 4);
        QVERIFY(chmod->fix.contains("--chmod"));

        const Finding *pip = findWhat(r, QStringLiteral("pip cache"));
        QVERIFY(pip);
        QCOMPARE(pip->layer, 5);
        QCOMPARE(pip->bytes, kPipCacheBytes);
        QVERIFY(stepOf(pip).contains("pip install"));

        // Bytecode that survives is not waste; the copy layer 6 wrote again is.
        const Finding *pyc = find(r, FindingKind::PythonBytecode, 5);
        QVERIFY(pyc);
        QCOMPARE(pyc->bytes, kPycBytes);
        QCOMPARE(pyc->laterLayer, 6);
        QVERIFY(!find(r, FindingKind::PythonBytecode, 6));

        // The base's log, and nothing else: no finding for libc or the program.
        const Finding *baseLog = find(r, FindingKind::LogsAndTemp, 0);
        QVERIFY(baseLog);
        QCOMPARE(baseLog->bytes, kBaseLogBytes);
        QCOMPARE(r.findings.size(), size_t(11)); // the ten above and the base's log
        // Each byte counts once: every finding by path, added up.
        qint64 sum = 0;
        for (const Finding &f : r.findings)
            sum += f.bytes;
        QCOMPARE(r.totalBytes, sum);
    }

    // dive's issue 111: the base image's waste is not this Dockerfile's to fix.
    void baseLayersCanBeLeftOut()
    {
        const Opened o = open(m_naive);
        QCOMPARE(baseLayerCount(o.info()), 1);
        const FindingsReport r = o.findings(baseLayerCount(o.info()));
        for (const Finding &f : r.findings)
            QVERIFY(f.layer >= 1);
        QVERIFY(!find(r, FindingKind::LogsAndTemp, 0));

        const Opened twin = open(m_twin);
        QCOMPARE(baseLayerCount(twin.info()), 1);
        QCOMPARE(twin.findings(1).findings.size(), size_t(0));
        QCOMPARE(twin.findings(0).findings.size(), size_t(1)); // the base's log
    }

    // What the multi-stage twin ships is what the naive build's estimate says it would.
    void multiStageEstimateIsTheTwinsSize()
    {
        const Opened naive = open(m_naive);
        const FindingsReport r = naive.findings();
        QVERIFY(r.hasRuntime());
        QCOMPARE(r.runtime.command, std::string("usr/local/bin/hello"));
        QCOMPARE(r.runtime.files,
                 (std::vector<std::string>{"usr/local/bin/hello",
                                           "lib/x86_64-linux-gnu/ld-linux-x86-64.so.2",
                                           "lib/x86_64-linux-gnu/libc.so.6"}));
        QVERIFY(r.runtime.missing.empty());
        QCOMPARE(r.runtime.bytes, m_host.runtimeBytes());
        const Opened twin = open(m_twin);
        QCOMPARE(twin.efficiency.finalBytes, r.runtime.bytes + kBaseLogBytes);
    }

    // The program's dependencies as readelf lists them.
    void elfDependenciesAreReadelfs()
    {
        QProcess readelf;
        readelf.start(QStringLiteral("readelf"), {"-d", "-l", "-W", "/usr/bin/true"});
        QVERIFY(readelf.waitForFinished());
        QCOMPARE(readelf.exitCode(), 0);
        const QString out = QString::fromLocal8Bit(readelf.readAllStandardOutput());
        QStringList needed;
        static const QRegularExpression neededLine(QStringLiteral("\\(NEEDED\\).*\\[(.*)\\]"));
        for (auto m = neededLine.globalMatch(out); m.hasNext();)
            needed << m.next().captured(1);
        const QString interpreter =
            QRegularExpression(QStringLiteral("interpreter: ([^\\]]*)\\]")).match(out).captured(1);
        QVERIFY(!needed.isEmpty());

        const ElfDependencies deps = readElfDependencies(m_host.program);
        QVERIFY(deps.valid);
        QStringList ours;
        for (const std::string &n : deps.needed)
            ours << QString::fromStdString(n);
        QCOMPARE(ours, needed);
        QCOMPARE(QString::fromStdString(deps.interpreter), interpreter);
        QCOMPARE(deps.machine, uint16_t(62));
        // Not an ELF file, and one cut short, give nothing rather than garbage.
        QVERIFY(!readElfDependencies("#!/bin/sh\nexit 0\n").valid);
        const ElfDependencies cut = readElfDependencies(m_host.program.left(200));
        QVERIFY(cut.needed.empty());
    }

    // The second pass: where each secret's tar header is, checked in the layer GNU tar
    // extracts from the archive, and credentials found by their shape.
    void secretsAreLocatedInTheLayerTar()
    {
        const Opened o = open(m_naive);
        FindingsReport r = o.findings();
        Error error;
        QVERIFY2(scanSecrets(*o.archive, 0, o.layers, &r, &error), qPrintable(error.toString()));
        const Finding *key = findWhat(r, QStringLiteral("SSH private key"));
        QVERIFY(key);
        const qint64 offset = key->files.front().tarOffset;
        QVERIFY(offset >= 0);

        QProcess tar;
        tar.start(QStringLiteral("tar"), {"-xOf", m_naive, o.info().layers.at(2).member});
        QVERIFY(tar.waitForFinished());
        QCOMPARE(tar.exitCode(), 0);
        const QByteArray layerTar = tar.readAllStandardOutput();
        QVERIFY(layerTar.size() > offset + 512);
        QVERIFY(layerTar.mid(offset, 100).startsWith("root/.ssh/id_rsa"));
        QVERIFY(layerTar.mid(offset + 512, privateKey().size()) == privateKey());

        const Finding *aws = findWhat(r, QStringLiteral("AWS access key ID"));
        QVERIFY(aws);
        QCOMPARE(aws->layer, 2);
        QCOMPARE(pathsOf(*aws), QStringList{"app/config.yml"});
        QVERIFY(aws->files.front().survives);
        QVERIFY(layerTar.mid(aws->files.front().tarOffset, 100).startsWith("app/config.yml"));
        QCOMPARE(r.secretCount(), 2);
    }

    void pathRules_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("directory");
        QTest::newRow("pip in a home") << "home/app/.cache/pip/wheels/x.whl"
                                       << "pip cache"
                                       << "home/app/.cache/pip";
        QTest::newRow("apk") << "var/cache/apk/APKINDEX.tar.gz"
                             << "apk package cache"
                             << "var/cache/apk";
        QTest::newRow("npm") << "root/.npm/_cacache/index-v5/aa"
                             << "npm cache"
                             << "root/.npm/_cacache";
        QTest::newRow("aws") << "root/.aws/credentials"
                             << "AWS credentials"
                             << "root/.aws/credentials";
        QTest::newRow(".git") << "src/app/.git/objects/pack/p.pack"
                              << "Git repository (.git)"
                              << "src/app/.git";
        QTest::newRow("jdk") << "usr/lib/jvm/java-17-openjdk-amd64/jmods/java.base.jmod"
                             << "Java development kit (jmods)"
                             << "usr/lib/jvm/java-17-openjdk-amd64/jmods";
        QTest::newRow("static lib") << "usr/lib/x86_64-linux-gnu/libz.a"
                                    << "static libraries (-dev packages)"
                                    << "usr/lib/x86_64-linux-gnu/libz.a";
        QTest::newRow("not a cache") << "var/cache/apt"
                                     << ""
                                     << "";
        QTest::newRow("program") << "usr/bin/go"
                                 << ""
                                 << "";
        QTest::newRow("credentials elsewhere") << "etc/credentials"
                                               << ""
                                               << "";
    }
    void pathRules()
    {
        QFETCH(QString, path);
        QFETCH(QString, what);
        QFETCH(QString, directory);
        const std::string p = path.toStdString();
        const PathRule rule = classifyPath(p);
        QCOMPARE(rule.what, what);
        QCOMPARE(QString::fromStdString(std::string(rule.directory)), directory);
    }

    void credentialShapes()
    {
        QCOMPARE(secretInText("-----BEGIN RSA PRIVATE KEY-----\nMIIE"),
                 QString("private key (PEM)"));
        QCOMPARE(secretInText("-----BEGIN CERTIFICATE-----\nMIIE"), QString());
        QCOMPARE(secretInText(QByteArray("token = ghp_").append(36, 'a')), QString("GitHub token"));
        QCOMPARE(secretInText("token = ghp_short"), QString());
        QCOMPARE(secretInText(QByteArray("AKIA").append(16, 'Q')), QString("AWS access key ID"));
        QCOMPARE(secretInText(QByteArray("AKIA").append(15, 'Q')), QString());
    }
};

QTEST_GUILESS_MAIN(TestFindings)
#include "tst_findings.moc"

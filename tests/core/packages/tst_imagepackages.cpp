// Packages per layer, on images whose databases the real tools wrote: dpkg installs, upgrades
// and removes .debs that dpkg-deb built, rpm installs an rpm that rpmbuild built, Go builds a
// binary with a dependency; Python's dist-info, npm's package.json and apk's installed file
// are written as those tools write them. Each layer of the test image is what changed on disk
// between two snapshots, as a build step's layer is.
#include "processrun.h"
#include "rawimage.h"

#include "archive/imagearchive.h"
#include "imagewriter/imagewriter.h"
#include "packages/imagepackages.h"
#include "packages/languagepackages.h"
#include "report/packagesreport.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace strata;
using namespace strata::testing;
namespace iw = strata::imagewriter;
using iw::Entry;

namespace {

// Every file, folder and symlink under `root`: path → (type letter, bytes or link, mode).
struct Snapshot
{
    std::map<std::string, std::tuple<char, QByteArray, uint32_t>> entries;
};

Snapshot snapshot(const QString &root)
{
    Snapshot s;
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        struct stat st;
        if (lstat(QFile::encodeName(path).constData(), &st) != 0)
            continue;
        const std::string relative = QFile::encodeName(path.mid(root.size() + 1)).toStdString();
        const uint32_t mode = st.st_mode & 07777;
        if (S_ISDIR(st.st_mode)) {
            s.entries[relative] = {'d', {}, mode};
        } else if (S_ISLNK(st.st_mode)) {
            s.entries[relative] = {'l', QFile::encodeName(it.fileInfo().symLinkTarget()), mode};
        } else if (S_ISREG(st.st_mode)) {
            QFile file(path);
            file.open(QIODevice::ReadOnly);
            s.entries[relative] = {'f', file.readAll(), mode};
        }
    }
    return s;
}

// The layer a build step leaves: what is new or changed since `before`, and a whiteout for
// what is gone.
iw::Layer layerBetween(const Snapshot &before, const Snapshot &after)
{
    iw::Layer layer;
    for (const auto &[path, entry] : after.entries) {
        const auto old = before.entries.find(path);
        if (old != before.entries.end() && old->second == entry)
            continue;
        const auto &[type, data, mode] = entry;
        if (type == 'd')
            layer.entries.push_back(Entry::dir(path, mode));
        else if (type == 'l')
            layer.entries.push_back(Entry::symlink(path, data.toStdString()));
        else
            layer.entries.push_back(Entry::file(path, data, mode));
    }
    for (const auto &[path, entry] : before.entries) {
        const std::string parent =
            path.substr(0, path.rfind('/') == std::string::npos ? 0 : path.rfind('/'));
        if (!after.entries.count(path) && (parent.empty() || after.entries.count(parent)))
            layer.entries.push_back(Entry::whiteout(path));
    }
    return layer;
}

bool run(const QString &program, const QStringList &arguments, const QString &dir = {},
         const QProcessEnvironment &environment = {})
{
    const ProcessRun r = runProcess(program, arguments, dir, environment);
    if (r.code != 0)
        qWarning() << program << arguments << r.err;
    return r.code == 0;
}

// A .deb built by dpkg-deb: `files` (path → content) under the package's name.
QString buildDeb(const QString &dir, const QString &name, const QString &version,
                 const std::map<QString, QByteArray> &files)
{
    const QString tree = dir + QStringLiteral("/deb-") + name + QLatin1Char('-') + version;
    for (const auto &[path, content] : files)
        strata::test::writeFile(tree + QLatin1Char('/') + path, content);
    strata::test::writeFile(tree + QStringLiteral("/DEBIAN/control"),
                            QStringLiteral("Package: %1\nVersion: %2\nArchitecture: all\n"
                                           "Maintainer: Test <t@example.com>\nInstalled-Size: 12\n"
                                           "Description: test package\n")
                                .arg(name, version)
                                .toUtf8());
    const QString deb = tree + QStringLiteral(".deb");
    return run(QStringLiteral("dpkg-deb"),
               {QStringLiteral("--root-owner-group"), QStringLiteral("--build"), tree, deb})
               ? deb
               : QString();
}

bool dpkg(const QString &root, const QStringList &arguments)
{
    return run(QStringLiteral("dpkg"),
               QStringList{QStringLiteral("--root=") + root, QStringLiteral("--force-not-root"),
                           QStringLiteral("--force-script-chrootless")} +
                   arguments);
}

const PackageChange *changeOf(const LayerPackages &layer, const QString &name)
{
    for (const PackageChange &change : layer.changes) {
        if (change.package().name == name)
            return &change;
    }
    return nullptr;
}

QString ownerName(const PackageOwners &owners, std::string_view path)
{
    const Package *p = owners.ownerOf(path);
    return p ? p->name : QStringLiteral("(none)");
}

QStringList changeList(const LayerPackages &layer)
{
    QStringList out;
    for (const PackageChange &change : layer.changes) {
        const Package &p = change.package();
        const char *kind = change.kind == PackageChange::Kind::Added     ? "+"
                           : change.kind == PackageChange::Kind::Removed ? "-"
                                                                         : "~";
        out << QStringLiteral("%1%2 %3 %4")
                   .arg(QLatin1String(kind), packageKindName(p.kind), p.name,
                        change.kind == PackageChange::Kind::Upgraded
                            ? change.before->version + QStringLiteral("->") + p.version
                            : p.version);
    }
    return out;
}

} // namespace

class TestImagePackages : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_goBinary; // built once, in initTestCase

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A Go program with one dependency, a local module: `go build` needs no network.
        const QString src = m_dir.filePath(QStringLiteral("go"));
        strata::test::writeFile(src + QStringLiteral("/go.mod"),
                                "module example.com/hello\n\ngo 1.19\n\nrequire example.com/greet "
                                "v1.4.0\n\nreplace example.com/greet => ./greet\n");
        strata::test::writeFile(src + QStringLiteral("/main.go"),
                                "package main\n\nimport \"example.com/greet\"\n\nfunc main() { "
                                "println(greet.Hello()) }\n");
        strata::test::writeFile(src + QStringLiteral("/greet/go.mod"),
                                "module example.com/greet\n\ngo 1.19\n");
        strata::test::writeFile(src + QStringLiteral("/greet/greet.go"),
                                "package greet\n\nfunc Hello() string { return \"hello\" }\n");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GOCACHE"), m_dir.filePath(QStringLiteral("gocache")));
        env.insert(QStringLiteral("GOPATH"), m_dir.filePath(QStringLiteral("gopath")));
        env.insert(QStringLiteral("GOPROXY"), QStringLiteral("off"));
        env.insert(QStringLiteral("GOFLAGS"), QStringLiteral("-mod=mod"));
        env.insert(QStringLiteral("CGO_ENABLED"), QStringLiteral("0"));
        m_goBinary = src + QStringLiteral("/hello");
        QVERIFY(
            run(QStringLiteral("go"),
                {QStringLiteral("build"), QStringLiteral("-o"), m_goBinary, QStringLiteral(".")},
                src, env));
    }

    // dpkg, Python, npm, rpm and Go across the layers of one image.
    void packagesPerLayer()
    {
        const QString root = m_dir.filePath(QStringLiteral("root"));
        QDir().mkpath(root + QStringLiteral("/var/lib/dpkg/info"));
        QDir().mkpath(root + QStringLiteral("/var/lib/dpkg/updates"));
        strata::test::writeFile(root + QStringLiteral("/var/lib/dpkg/status"), {});
        strata::test::writeFile(root + QStringLiteral("/etc/os-release"),
                                "ID=debian\nVERSION_ID=\"12\"\n");
        const Snapshot empty;
        const QString helloOne =
            buildDeb(m_dir.path(), QStringLiteral("hello"), QStringLiteral("1.0"),
                     {{QStringLiteral("usr/share/hello/greeting.txt"), "hello one\n"}});
        const QString helloTwo =
            buildDeb(m_dir.path(), QStringLiteral("hello"), QStringLiteral("2.0"),
                     {{QStringLiteral("usr/share/hello/greeting.txt"), QByteArray(3000, 'h')},
                      {QStringLiteral("usr/share/hello/extra.txt"), QByteArray(1000, 'e')}});
        const QString tool = buildDeb(m_dir.path(), QStringLiteral("tool"), QStringLiteral("0.9"),
                                      {{QStringLiteral("usr/bin/tool"), "#!/bin/sh\n"}});
        QVERIFY(!helloOne.isEmpty() && !helloTwo.isEmpty() && !tool.isEmpty());

        iw::Image image;
        image.tags = {QStringLiteral("packages/test:1")};
        QVERIFY(dpkg(root, {QStringLiteral("-i"), helloOne, tool}));
        const Snapshot s0 = snapshot(root);
        image.layers.push_back(layerBetween(empty, s0));
        QVERIFY(dpkg(root, {QStringLiteral("-i"), helloTwo}));
        QVERIFY(dpkg(root, {QStringLiteral("-r"), QStringLiteral("tool")}));
        const Snapshot s1 = snapshot(root);
        image.layers.push_back(layerBetween(s0, s1));

        // pip's record of six 1.16.0 and npm's of two packages, one scoped.
        const QString site = root + QStringLiteral("/usr/lib/python3/dist-packages");
        strata::test::writeFile(site + QStringLiteral("/six.py"), QByteArray(2000, 's'));
        strata::test::writeFile(
            site + QStringLiteral("/six-1.16.0.dist-info/METADATA"),
            "Metadata-Version: 2.1\nName: six\nVersion: 1.16.0\nLicense: MIT\n\nSix.\n");
        strata::test::writeFile(
            site + QStringLiteral("/six-1.16.0.dist-info/RECORD"),
            "six.py,sha256=x,2000\nsix-1.16.0.dist-info/METADATA,,\n"
            "six-1.16.0.dist-info/RECORD,,\n../../../bin/six-tool,sha256=y,4\n");
        strata::test::writeFile(root + QStringLiteral("/usr/bin/six-tool"), "six\n");
        const QString modules = root + QStringLiteral("/app/node_modules");
        strata::test::writeFile(modules + QStringLiteral("/left-pad/package.json"),
                                R"({"name": "left-pad", "version": "1.3.0", "license": "WTFPL"})");
        strata::test::writeFile(modules + QStringLiteral("/left-pad/index.js"),
                                QByteArray(500, 'l'));
        strata::test::writeFile(modules + QStringLiteral("/@scope/util/package.json"),
                                R"({"name": "@scope/util", "version": "2.0.1"})");
        strata::test::writeFile(modules + QStringLiteral("/left-pad/test/package.json"),
                                R"({"private": true})");
        const Snapshot s2 = snapshot(root);
        image.layers.push_back(layerBetween(s1, s2));

        // six upgraded as pip does it (the old dist-info gone), left-pad uninstalled.
        QVERIFY(QDir(site + QStringLiteral("/six-1.16.0.dist-info")).removeRecursively());
        strata::test::writeFile(site + QStringLiteral("/six-1.17.0.dist-info/METADATA"),
                                "Metadata-Version: 2.1\nName: six\nVersion: 1.17.0\n\n");
        strata::test::writeFile(site + QStringLiteral("/six-1.17.0.dist-info/RECORD"),
                                "six.py,,2001\n");
        strata::test::writeFile(site + QStringLiteral("/six.py"), QByteArray(2001, 's'));
        QVERIFY(QDir(modules + QStringLiteral("/left-pad")).removeRecursively());
        const Snapshot s3 = snapshot(root);
        image.layers.push_back(layerBetween(s2, s3));

        // rpm's own database, as rpm writes it.
        const QString topdir = m_dir.filePath(QStringLiteral("rpmbuild"));
        strata::test::writeFile(
            topdir + QStringLiteral("/SPECS/demo.spec"),
            "Name: demo-tool\nVersion: 1.2\nRelease: 3\nSummary: demo\nLicense: "
            "MIT\nBuildArch: noarch\n%description\nDemo.\n%install\nmkdir -p "
            "%{buildroot}/usr/share/demo\nprintf 'hello rpm\\n' > "
            "%{buildroot}/usr/share/demo/readme.txt\n%files\n"
            "/usr/share/demo/readme.txt\n");
        QVERIFY(run(QStringLiteral("rpmbuild"),
                    {QStringLiteral("--define"), QStringLiteral("_topdir ") + topdir,
                     QStringLiteral("-bb"), topdir + QStringLiteral("/SPECS/demo.spec")}));
        const QString rpmFile = topdir + QStringLiteral("/RPMS/noarch/demo-tool-1.2-3.noarch.rpm");
        QVERIFY(run(QStringLiteral("rpm"),
                    {QStringLiteral("--root"), root, QStringLiteral("--dbpath"),
                     QStringLiteral("/var/lib/rpm"), QStringLiteral("--initdb")}));
        QVERIFY(run(QStringLiteral("rpm"),
                    {QStringLiteral("--root"), root, QStringLiteral("--dbpath"),
                     QStringLiteral("/var/lib/rpm"), QStringLiteral("-i"),
                     QStringLiteral("--nodeps"), QStringLiteral("--nosignature"), rpmFile}));
        const Snapshot s4 = snapshot(root);
        image.layers.push_back(layerBetween(s3, s4));

        // The Go program, as COPY puts it into an image.
        QFile go(m_goBinary);
        QVERIFY(go.open(QIODevice::ReadOnly));
        image.layers.push_back(
            iw::Layer{{Entry::dir("app"), Entry::file("app/hello", go.readAll(), 0755)}});

        const QString path = m_dir.filePath(QStringLiteral("packages.tar"));
        QString why;
        QVERIFY2(iw::writeArchive(path, {image}, {}, &why), qPrintable(why));
        Error error;
        const auto archive = ImageArchive::open(path, &error);
        QVERIFY2(archive, qPrintable(error.toString()));
        const auto layers = archive->loadLayers(0, LoadObserver{}, &error);
        QCOMPARE(int(layers.size()), 6);
        const ImagePackages packages = readImagePackages(*archive, 0, layers);
        QVERIFY2(!packages.error, qPrintable(packages.error.toString()));
        QCOMPARE(int(packages.layers.size()), 6);
        QCOMPARE(packages.distribution, QStringLiteral("debian"));

        QCOMPARE(changeList(packages.layers[0]), QStringList({"+deb hello 1.0", "+deb tool 0.9"}));
        QCOMPARE(changeList(packages.layers[1]),
                 QStringList({"~deb hello 1.0->2.0", "-deb tool 0.9"}));
        // hello 2.0's files in layer 1: 3000 + 1000 bytes; its declared size in bytes.
        QCOMPARE(changeOf(packages.layers[1], QStringLiteral("hello"))->layerBytes, qint64(4000));
        QCOMPARE(changeOf(packages.layers[1], QStringLiteral("hello"))->after->installedSize,
                 qint64(12 * 1024));
        QCOMPARE(
            changeList(packages.layers[2]),
            QStringList({"+python six 1.16.0", "+npm @scope/util 2.0.1", "+npm left-pad 1.3.0"}));
        // six's files in layer 2 as RECORD lists them: six.py, the script, METADATA, RECORD.
        const std::string info = "usr/lib/python3/dist-packages/six-1.16.0.dist-info/";
        QCOMPARE(changeOf(packages.layers[2], QStringLiteral("six"))->layerBytes,
                 qint64(2000 + 4 + std::get<1>(s2.entries.at(info + "METADATA")).size() +
                        std::get<1>(s2.entries.at(info + "RECORD")).size()));
        QCOMPARE(changeList(packages.layers[3]),
                 QStringList({"~python six 1.16.0->1.17.0", "-npm left-pad 1.3.0"}));
        QCOMPARE(changeList(packages.layers[4]), QStringList({"+rpm demo-tool 1.2-3"}));
        const PackageChange *rpm = changeOf(packages.layers[4], QStringLiteral("demo-tool"));
        QCOMPARE(rpm->after->architecture, QStringLiteral("noarch"));
        QCOMPARE(rpm->after->license, QStringLiteral("MIT"));
        QCOMPARE(rpm->after->files, std::vector<std::string>{"usr/share/demo/readme.txt"});
        QCOMPARE(rpm->layerBytes, qint64(10));

        // Go: what `go version -m` says about the same binary.
        const ProcessRun version = runProcess(
            QStringLiteral("go"), {QStringLiteral("version"), QStringLiteral("-m"), m_goBinary});
        QCOMPARE(version.code, 0);
        QStringList expected;
        for (const QByteArray &line : version.out.split('\n')) {
            const QList<QByteArray> f = line.trimmed().split('\t');
            if (f.size() >= 3 && f[0] == "mod")
                expected << QStringLiteral("+go %1 %2")
                                .arg(QString::fromUtf8(f[1]), QString::fromUtf8(f[2]));
            if (f.size() >= 3 && f[0] == "dep")
                expected << QStringLiteral("+go %1 %2")
                                .arg(QString::fromUtf8(f[1]), QString::fromUtf8(f[2]));
            if (f.size() >= 2 && f[0] == "=>")
                expected.last() += QStringLiteral(" => ") + QString::fromUtf8(f[1]) +
                                   (f.size() >= 3 && f[2] != "(devel)" && !f[2].isEmpty()
                                        ? QStringLiteral("@") + QString::fromUtf8(f[2])
                                        : QString());
        }
        const QString goVersion =
            QString::fromUtf8(version.out.split('\n').first().split(' ').last());
        expected << QStringLiteral("+go stdlib ") + goVersion;
        expected.sort();
        QStringList got = changeList(packages.layers[5]);
        got.sort();
        QCOMPARE(got, expected);
        QVERIFY(expected.contains(QStringLiteral("+go example.com/greet v1.4.0 => ./greet")));

        // Who owns what, as of the top layer.
        const PackageOwners owners(packages.layers.back().packages);
        QCOMPARE(ownerName(owners, "usr/share/hello/extra.txt"), QStringLiteral("hello"));
        QCOMPARE(ownerName(owners, "usr/lib/python3/dist-packages/six.py"), QStringLiteral("six"));
        // six 1.16.0 installed the script; 1.17.0's RECORD does not list it.
        QCOMPARE(ownerName(PackageOwners(packages.layers[2].packages), "usr/bin/six-tool"),
                 QStringLiteral("six"));
        QCOMPARE(ownerName(owners, "usr/bin/six-tool"), QStringLiteral("(none)"));
        QCOMPARE(ownerName(owners, "app/node_modules/@scope/util/package.json"),
                 QStringLiteral("@scope/util"));
        QCOMPARE(ownerName(owners, "usr/share/demo/readme.txt"), QStringLiteral("demo-tool"));
        QCOMPARE(ownerName(owners, "app/hello"), QStringLiteral("example.com/hello"));
        QVERIFY(!owners.ownerOf("usr/bin/tool"));

        // The SBOM: every package once, with its purl and the layer that installed it.
        const QJsonObject bom =
            QJsonDocument::fromJson(packagesCycloneDx(archive->images()[0], packages)).object();
        QCOMPARE(bom.value(QLatin1String("bomFormat")).toString(), QStringLiteral("CycloneDX"));
        const QJsonArray components = bom.value(QLatin1String("components")).toArray();
        QCOMPARE(components.size(), qsizetype(packages.layers.back().packages.size()));
        QStringList purls;
        for (const QJsonValue &c : components)
            purls << c[QLatin1String("purl")].toString();
        QVERIFY2(purls.contains(QStringLiteral("pkg:deb/debian/hello@2.0?arch=all")),
                 qPrintable(purls.join(' ')));
        QVERIFY(purls.contains(QStringLiteral("pkg:pypi/six@1.17.0")));
        QVERIFY(purls.contains(QStringLiteral("pkg:npm/%40scope/util@2.0.1")));
        QVERIFY(purls.contains(QStringLiteral("pkg:rpm/debian/demo-tool@1.2-3?arch=noarch")));
        QCOMPARE(packagesCycloneDx(archive->images()[0], packages),
                 packagesCycloneDx(archive->images()[0], packages));
    }

    // apk's database as apk writes it, an upgrade in a later layer; and the Berkeley DB rpm
    // database named as not read.
    void apkAndUnreadDatabases()
    {
        const QByteArray first =
            "C:Q1abc=\nP:musl\nV:1.2.4-r2\nA:x86_64\nS:383152\nI:622592\n"
            "L:MIT\nF:lib\nR:ld-musl-x86_64.so.1\nR:libc.musl-x86_64.so.1\n\n"
            "C:Q1def=\nP:busybox\nV:1.36.1-r5\nA:x86_64\nI:946176\nL:GPL-2.0-only\n"
            "F:bin\nR:busybox\n\n";
        QByteArray second = first;
        second.replace("P:busybox\nV:1.36.1-r5", "P:busybox\nV:1.36.1-r7");
        iw::Image image;
        image.tags = {QStringLiteral("apk/test:1")};
        image.layers = {
            iw::Layer{{Entry::dir("lib"),
                       Entry::file("lib/ld-musl-x86_64.so.1", QByteArray(700, 'm')),
                       Entry::dir("bin"), Entry::file("bin/busybox", QByteArray(900, 'b'), 0755),
                       Entry::dir("lib/apk"), Entry::dir("lib/apk/db"),
                       Entry::file("lib/apk/db/installed", first), Entry::dir("var/lib/rpm"),
                       Entry::file("var/lib/rpm/Packages", QByteArray(4096, '\0'))}},
            iw::Layer{{Entry::file("bin/busybox", QByteArray(950, 'B'), 0755),
                       Entry::file("lib/apk/db/installed", second)}}};
        const QString path = m_dir.filePath(QStringLiteral("apk.tar"));
        QString why;
        QVERIFY2(iw::writeArchive(path, {image}, {}, &why), qPrintable(why));
        Error error;
        const auto archive = ImageArchive::open(path, &error);
        QVERIFY(archive);
        const auto layers = archive->loadLayers(0, LoadObserver{}, &error);
        const ImagePackages packages = readImagePackages(*archive, 0, layers);
        QVERIFY(!packages.error);
        QCOMPARE(changeList(packages.layers[0]),
                 QStringList({"+apk busybox 1.36.1-r5", "+apk musl 1.2.4-r2"}));
        QCOMPARE(changeList(packages.layers[1]),
                 QStringList({"~apk busybox 1.36.1-r5->1.36.1-r7"}));
        QCOMPARE(changeOf(packages.layers[1], QStringLiteral("busybox"))->layerBytes, qint64(950));
        QCOMPARE(changeOf(packages.layers[0], QStringLiteral("musl"))->after->installedSize,
                 qint64(622592));
        QCOMPARE(packages.notRead.size(), 1);
        QVERIFY2(packages.notRead.first().contains(QLatin1String("/var/lib/rpm/Packages")),
                 qPrintable(packages.notRead.first()));
    }
};

QTEST_GUILESS_MAIN(TestImagePackages)
#include "tst_imagepackages.moc"

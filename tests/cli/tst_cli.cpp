// strata-cli as a user runs it: the built binary (STRATA_CLI), its output and exit codes.
#include "fixtures.h"
#include "processrun.h"
#include "rawimage.h"
#include "rawtar.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace strata::testing;

namespace {
} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private slots:
    // The man page and the bash, zsh and fish completions know every command --help lists.
    void everyCommandIsDocumented()
    {
        const ProcessRun help = runCli({"--help"});
        QCOMPARE(help.code, 0);
        QStringList commands;
        const QList<QByteArray> lines = help.out.split('\n');
        bool inCommands = false;
        for (const QByteArray &line : lines) {
            if (line == "Commands:")
                inCommands = true;
            else if (line.isEmpty())
                inCommands = false;
            else if (inCommands && line.startsWith("  ") && line.at(2) != ' ')
                commands << QString::fromUtf8(line.mid(2).split(' ').first());
        }
        QVERIFY2(commands.size() >= 9, qPrintable(commands.join(", ")));
        const QString dir = QStringLiteral(STRATA_PACKAGING_DIR);
        for (const QString &file : {QStringLiteral("/man/strata-cli.1.scd"),
                                    QStringLiteral("/completions/strata-cli.bash"),
                                    QStringLiteral("/completions/_strata-cli"),
                                    QStringLiteral("/completions/strata-cli.fish")}) {
            QFile f(dir + file);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
            const QString text = QString::fromUtf8(f.readAll());
            for (const QString &command : commands) {
                const QRegularExpression word(QStringLiteral("(^|[^a-z-])") + command +
                                              QStringLiteral("([^a-z-]|$)"));
                QVERIFY2(text.contains(word), qPrintable(command + QStringLiteral(" in ") + file));
            }
        }
    }

    void commandHelp()
    {
        const ProcessRun run = runCli({"tree", "--help"});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.startsWith("Usage: strata-cli tree [options] [LOCATION]"),
                 run.out.constData());
        QVERIFY(run.out.contains("--layer <n>"));
        QVERIFY(run.err.isEmpty());
    }

    void demoWithoutArgument()
    {
        const ProcessRun run = runCli({"inspect", "--format", "json"});
        QCOMPARE(run.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(o["names"].toArray().first().toString(), QStringLiteral("strata-demo/nginx:1.0"));
        QCOMPARE(o["layers"].toArray().size(), 4);
        QVERIFY(o["history"].toArray().size() > 4);
    }

    void treeTsv()
    {
        const ProcessRun run =
            runCli({"tree", fixturePath("google_go-containerregistry/whiteout_dir.tar")});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, QByteArray("a\td\t0\t755\t\t3\n"
                                     "a/baz\tf\t0\t644\t\t3\n"
                                     "b\td\t0\t755\t\t1\n"
                                     "b/bar\tf\t0\t644\t\t1\n"));
        QVERIFY(run.err.isEmpty());
    }

    void treeAtLayerAndDiff()
    {
        const QString file = fixturePath("google_go-containerregistry/whiteout_dir.tar");
        QCOMPARE(runCli({"tree", file, "--layer", "0"}).out,
                 QByteArray("a\td\t0\t755\t\t0\na/foo\tf\t0\t644\t\t0\n"));
        QCOMPARE(runCli({"tree", file, "--layer", "2", "--diff"}).out,
                 QByteArray("a\td\t0\t755\t\t0\tdeleted\n"));
        const ProcessRun json = runCli({"tree", file, "--format", "json"});
        QCOMPARE(QJsonDocument::fromJson(json.out).array().size(), 4);
        const ProcessRun bad = runCli({"tree", file, "--layer", "9"});
        QCOMPARE(bad.code, 2);
        QVERIFY(bad.err.contains("--layer"));
    }

    // What layers N+1..M change together is the difference between the two merged trees as
    // `tree` lists them: each added or deleted path once, modified where a row differs.
    void treeDiffSinceIsTheNetChange()
    {
        const QString file = fixturePath("google_go-containerregistry/whiteout_dir.tar");
        auto rows = [](const QByteArray &tsv) {
            std::map<QByteArray, QByteArray> byPath; // path -> the rest, without the layer
            for (const QByteArray &line : tsv.split('\n')) {
                if (line.isEmpty())
                    continue;
                QList<QByteArray> cells = line.split('\t');
                const QByteArray path = cells.takeFirst();
                cells.removeLast();
                byPath[path] = cells.join('\t');
            }
            return byPath;
        };
        for (int since = 0; since < 3; ++since) {
            const auto before = rows(runCli({"tree", file, "--layer", QString::number(since)}).out);
            const auto after = rows(runCli({"tree", file}).out);
            QStringList expected;
            for (const auto &[path, rest] : after) {
                if (!before.count(path))
                    expected << QString::fromUtf8(path + " added");
                else if (before.at(path) != rest)
                    expected << QString::fromUtf8(path + " modified");
            }
            for (const auto &[path, rest] : before) {
                if (!after.count(path))
                    expected << QString::fromUtf8(path + " deleted");
            }
            expected.sort();
            const ProcessRun run =
                runCli({"tree", file, "--diff", "--since", QString::number(since)});
            QCOMPARE(run.code, 0);
            QStringList listed;
            for (const QByteArray &line : run.out.split('\n')) {
                if (!line.isEmpty())
                    listed << QString::fromUtf8(line.split('\t').first() + ' ' +
                                                line.split('\t').last());
            }
            listed.sort();
            QVERIFY(!expected.isEmpty());
            QCOMPARE(listed, expected);
        }
        // a/ is deleted in layer 2 and written again in layer 3 with the same attributes: no
        // change in the net; a/foo, which it held, stays deleted.
        const QByteArray sinceOne = runCli({"tree", file, "--diff", "--since", "1"}).out;
        QCOMPARE(sinceOne, QByteArray("a/baz\tf\t0\t644\t\t3\tadded\n"
                                      "a/foo\tf\t0\t644\t\t0\tdeleted\n"));
        const ProcessRun json =
            runCli({"tree", file, "--diff", "--since", "0", "--format", "json"});
        QCOMPARE(QJsonDocument::fromJson(json.out).object()["since"].toInt(), 0);
        QCOMPARE(runCli({"tree", file, "--since", "0"}).code, 2);
        QCOMPARE(runCli({"tree", file, "--diff", "--since", "3"}).code, 2);
    }

    void historyNewestFirst()
    {
        const ProcessRun run =
            runCli({"history", fixturePath("GitGuardian_ggshield/docker-example.tar.xz")});
        QCOMPARE(run.code, 0);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 6);
        QVERIFY(lines[0].startsWith("LAYER\tCREATED"));
        // Newest first: the last COPY made layer 2; WORKDIR made layer 0 (this image has no base).
        QVERIFY(lines[1].startsWith("2\t") && lines[1].contains("COPY multi:"));
        QVERIFY(lines[4].startsWith("0\t") && lines[4].contains("WORKDIR /app"));
        QVERIFY(lines.last().startsWith("-\t") && lines.last().contains("ENV SOME_SECRET="));
    }

    // Bad input: one line on stderr naming the file and the problem, exit code 2.
    void badInput_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("problem");
        QTest::newRow("missing") << "no/such.tar"
                                 << "no such file";
        QTest::newRow("not an image")
            << "snyk_snyk-docker-plugin/docker-oci-archives/unsupported-image.tar"
            << "not a container image";
        QTest::newRow("null manifest") << "google_go-containerregistry/null_manifest.tar"
                                       << "manifest.json";
        QTest::newRow("ambiguous") << "containers_podman/docker-two-images.tar.xz"
                                   << "holds 2 images";
        QTest::newRow("placeholder layers") << "aboutcode-org_container-inspector/images.tar.gz"
                                            << "not a tar archive";
    }
    void badInput()
    {
        QFETCH(QString, file);
        QFETCH(QString, problem);
        QStringList args = {"inspect", fixturePath(file)};
        if (file.contains("images.tar.gz"))
            args << "--image"
                 << "@0";
        const ProcessRun run = runCli(args);
        QCOMPARE(run.code, 2);
        const QString err = QString::fromLocal8Bit(run.err);
        QVERIFY2(err.contains(fixturePath(file)), qPrintable(err));
        QVERIFY2(err.contains(problem), qPrintable(err));
        QVERIFY(!err.trimmed().split('\n').isEmpty());
    }

    void imagesLikeDocker()
    {
        const ProcessRun run =
            runCli({"images", fixturePath("containers_podman/docker-two-images.tar.xz")});
        QCOMPARE(run.code, 0);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[1].startsWith("@0\texample.com/empty\tlatest\t"));
        QVERIFY(lines[2].startsWith("@1\texample.com/empty/but\tdifferent\t"));
        // An index offering several platforms lists them all, this machine's unmarked.
        const ProcessRun oci = runCli({"images", fixturePath("regclient_regclient/testrepo")});
        QVERIFY(oci.out.contains("linux/arm64 (other platform)"));
        QVERIFY(oci.out.contains("linux/amd64\n"));
    }

    void verifyFindsMismatch()
    {
        QCOMPARE(runCli({"verify", fixturePath("dive/test-docker-image.tar")}).code, 0);
        const ProcessRun run =
            runCli({"verify", fixturePath("snyk_snyk-docker-plugin/oci-archives/nginx.tar")});
        QCOMPARE(run.code, 2);
        QVERIFY(run.out.contains("MISMATCH"));
        QVERIFY(run.err.contains("digest mismatch"));
    }

    // cat prints a file as of a layer, as GNU tar finds it in that layer's tar; a hardlink
    // prints its target's bytes, a deleted file says which layer still has it.
    void catLikeTar()
    {
        const QString file = fixturePath("dive/test-docker-image.tar");
        REQUIRE_FIXTURE(file);
        const QJsonArray layers =
            QJsonDocument::fromJson(
                runProcess("tar", {"-xOf", file, "manifest.json"}).out)[0]["Layers"]
                .toArray();
        QCOMPARE(layers.size(), 14);
        // What GNU tar extracts from the tar of layer `layer`.
        const auto fromTar = [&](int layer, const QString &path) {
            QTemporaryDir dir;
            const QString tar = dir.filePath("layer.tar");
            QFile out(tar);
            out.open(QIODevice::WriteOnly);
            out.write(runProcess("tar", {"-xOf", file, layers[layer].toString()}).out);
            out.close();
            return runProcess("tar", {"-xOf", tar, "--no-wildcards", path}).out;
        };
        const ProcessRun deleted = runCli({"cat", file, "/root/example/somefile3.txt"});
        QCOMPARE(deleted.code, 2);
        QVERIFY2(deleted.err.contains("layer 7 deleted it (--layer 6 still has it)"),
                 deleted.err.constData());
        const ProcessRun earlier =
            runCli({"cat", file, "/root/example/somefile3.txt", "--layer", "6"});
        QCOMPARE(earlier.code, 0);
        QCOMPARE(earlier.out.size(), 6405);
        QCOMPARE(earlier.out, fromTar(6, "root/example/somefile3.txt"));
        const ProcessRun link = runCli({"cat", file, "bin/ls"});
        QCOMPARE(link.code, 0);
        QCOMPARE(link.out.size(), 1075464);
        QCOMPARE(link.out, fromTar(0, "bin/["));
        QCOMPARE(runCli({"cat", file, "/root"}).code, 2);
        QCOMPARE(runCli({"cat", file}).code, 2);
    }

    // export writes the tree `tree` lists, as a tar on stdout or a file, and never replaces
    // what exists.
    void exportLikeTree()
    {
        const QString file = fixturePath("dive/test-docker-image.tar");
        REQUIRE_FIXTURE(file);
        QTemporaryDir dir;
        const ProcessRun tar = runCli({"export", file, "--layer", "6", "-o", "-"});
        QCOMPARE(tar.code, 0);
        const QString saved = dir.filePath("layer6.tar");
        QFile out(saved);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(tar.out);
        out.close();
        QStringList listed = QString::fromUtf8(runProcess("tar", {"-tf", saved}).out)
                                 .split('\n', Qt::SkipEmptyParts);
        for (QString &line : listed) {
            if (line.endsWith('/'))
                line.chop(1);
        }
        listed.sort();
        QStringList tree;
        for (const QByteArray &line : runCli({"tree", file, "--layer", "6"}).out.split('\n')) {
            if (!line.isEmpty())
                tree << QString::fromUtf8(line.split('\t').first());
        }
        tree.sort();
        QCOMPARE(listed, tree);
        QVERIFY(runProcess("tar", {"-xOf", saved, "root/example/somefile3.txt"}).out.size() ==
                6405);

        const QString existing = dir.filePath("existing.tar");
        QVERIFY(strata::test::writeFile(existing, "mine"));
        const ProcessRun refused = runCli({"export", file, "-o", existing});
        QCOMPARE(refused.code, 2);
        QVERIFY(refused.err.contains("already exists"));
        QFile kept(existing);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("mine"));
        const ProcessRun folder = runCli({"export", file, "--layer", "6", "--path", "/root/example",
                                          "-o", dir.filePath("folder")});
        QCOMPARE(folder.code, 0);
        QVERIFY(QFileInfo(dir.filePath("folder/example/somefile1.txt")).isFile());
        QCOMPARE(runCli({"export", file}).code, 2);
    }

    // packages lists what apk's own database lists, and a CycloneDX SBOM of them.
    void packagesLikeTheDatabase()
    {
        const QString file = fixturePath("snyk_cli/gzip-test-oci.tar");
        REQUIRE_FIXTURE(file);
        const ProcessRun json = runCli({"packages", file, "--format", "json"});
        QCOMPARE(json.code, 0);
        const QJsonArray packages = QJsonDocument::fromJson(json.out)["packages"].toArray();
        // What the database in the archive says, read with GNU tar.
        QTemporaryDir dir;
        QVERIFY(runProcess("tar", {"-xf", file, "-C", dir.path()}).code == 0);
        QStringList expected;
        const QJsonObject index =
            QJsonDocument::fromJson(runProcess("cat", {dir.filePath("index.json")}).out).object();
        QVERIFY(!index.isEmpty());
        for (const QString &blob : QDir(dir.filePath("blobs/sha256")).entryList(QDir::Files)) {
            const ProcessRun db =
                runProcess("sh", {"-c", "tar -xzOf \"$0\" lib/apk/db/installed 2>/dev/null",
                                  dir.filePath("blobs/sha256/" + blob)});
            QStringList names;
            for (const QByteArray &line : db.out.split('\n')) {
                if (line.startsWith("P:"))
                    names << QString::fromUtf8(line.mid(2));
            }
            // A later layer's `apk add` rewrote the database with one more package.
            if (names.size() > expected.size())
                expected = names;
        }
        QVERIFY(expected.size() >= 10);
        QStringList listed;
        for (const QJsonValue &p : packages) {
            QCOMPARE(p["type"].toString(), QStringLiteral("apk"));
            listed << p["name"].toString();
        }
        expected.sort();
        listed.sort();
        QCOMPARE(listed, expected);
        const ProcessRun bom = runCli({"packages", file, "--format", "cyclonedx"});
        QCOMPARE(bom.code, 0);
        QCOMPARE(QJsonDocument::fromJson(bom.out)["components"].toArray().size(), packages.size());
        const ProcessRun text = runCli({"packages", file});
        QVERIFY2(text.out.contains("+ apk ca-certificates 20241121-r1"), text.out.constData());
        // diff says the same between the first layer and the top.
        const ProcessRun diff = runCli({"diff", file, file, "--layer-a", "0", "--packages"});
        QCOMPARE(diff.code, 0);
        QVERIFY2(diff.out.endsWith("Packages: 1 changed\n  + apk ca-certificates 20241121-r1\n"),
                 diff.out.constData());
        const QJsonArray changes =
            QJsonDocument::fromJson(
                runCli({"diff", file, file, "--layer-a", "0", "--packages", "--format", "json"})
                    .out)["packages"]
                .toArray();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0]["change"].toString(), QStringLiteral("added"));
    }

    // diff --path: a unified diff that GNU patch applies to A's file to give B's.
    void diffOfOneFile()
    {
        QTemporaryDir dir;
        const QString demo = QStringLiteral(STRATA_DEMO_ARCHIVE);
        // The demo image's nginx documentation: absent in layer 2, written by layer 3.
        const ProcessRun diff =
            runCli({"diff", demo, demo, "--layer-a", "2", "--path", "/usr/share/doc/nginx/README"});
        QCOMPARE(diff.code, 0);
        QVERIFY2(diff.out.startsWith("--- a/usr/share/doc/nginx/README (absent)\n+++ "
                                     "b/usr/share/doc/nginx/README\n@@ -0,0 +1,"),
                 diff.out.constData());
        QVERIFY(strata::test::writeFile(dir.filePath("README"), {}));
        QVERIFY(strata::test::writeFile(dir.filePath("p.diff"), diff.out));
        QCOMPARE(runProcess("patch", {"-s", dir.filePath("README"), dir.filePath("p.diff")}).code,
                 0);
        QFile patched(dir.filePath("README"));
        QVERIFY(patched.open(QIODevice::ReadOnly));
        QCOMPARE(patched.readAll(), runCli({"cat", demo, "/usr/share/doc/nginx/README"}).out);
        // The same layer on both sides: nothing to say.
        const ProcessRun same =
            runCli({"diff", demo, demo, "--path", "/usr/share/doc/nginx/README"});
        QCOMPARE(same.code, 0);
        QVERIFY(same.out.isEmpty());
    }

    void usage()
    {
        QCOMPARE(runCli({}).code, 2);
        QCOMPARE(runCli({"--help"}).code, 0);
        QCOMPARE(runCli({"frobnicate"}).code, 2);
    }

    // Names holding tabs and newlines cannot forge rows or lines, in any text output; names
    // whose bytes are not UTF-8 stay distinct in JSON.
    void namesCannotForgeOutput()
    {
        using strata::test::RawTar;
        QTemporaryDir dir;
        const auto layer = [](bool withNew) {
            RawTar tar;
            tar.entry("a\nb", '0', "1")
                .entry("c\td", '0', "2")
                .entry("link", '2', {}, 0, "target\nforged\tf\t0", 0777)
                .entry("bad\xff", '0', "3")
                .entry("bad\xfe", '0', "4")
                .entry("tick`s", '0', "5");
            if (withNew)
                tar.entry("new\nfile", '0', "6").entry("back`tick", '0', "7");
            return tar.finish();
        };
        const QString a = dir.filePath(QStringLiteral("a"));
        strata::test::writeRawImage(a, {layer(false)},
                                    QStringLiteral("evil/image:1\n@9\tforged\tline"));
        const QString b = dir.filePath(QStringLiteral("b"));
        strata::test::writeRawImage(b, {layer(true)}, QStringLiteral("evil/image:2"));

        const ProcessRun tree = runCli({"tree", a});
        QCOMPARE(tree.code, 0);
        QCOMPARE(tree.out.count('\n'), 6);
        QVERIFY(tree.out.contains("a\\nb\tf\t1\t"));
        QVERIFY(tree.out.contains("c\\td\tf\t1\t"));
        QVERIFY(tree.out.contains("link\tl\t17\t777\ttarget\\nforged\\tf\\t0\t"));
        QVERIFY(tree.out.contains("bad\\xff\t") && tree.out.contains("bad\\xfe\t"));
        for (const QByteArray &line : tree.out.trimmed().split('\n'))
            QCOMPARE(line.count('\t'), 5);

        const ProcessRun json = runCli({"tree", a, "--format", "json"});
        QSet<QString> hex;
        for (const QJsonValue entry : QJsonDocument::fromJson(json.out).array()) {
            if (entry.toObject().contains(QStringLiteral("pathHex")))
                hex << entry.toObject().value(QStringLiteral("pathHex")).toString();
        }
        QCOMPARE(hex, (QSet<QString>{QStringLiteral("626164ff"), QStringLiteral("626164fe")}));

        const ProcessRun images = runCli({"images", a});
        QCOMPARE(images.out.count('\n'), 2);
        QVERIFY2(images.out.contains("evil/image\t1\\n@9\\tforged\\tline\t"),
                 images.out.constData());

        const ProcessRun diff = runCli({"diff", a, b});
        QVERIFY2(diff.out.contains("new\\nfile"), diff.out.constData());
        QVERIFY(!diff.out.contains("new\nfile"));
        const ProcessRun markdown = runCli({"diff", a, b, "--format", "markdown"});
        QVERIFY2(markdown.out.contains("`new\\nfile`"), markdown.out.constData());
        QVERIFY2(markdown.out.contains("``back`tick``"), markdown.out.constData());
    }

    // A problem naming something with a newline stays one line on stderr.
    void messagesStayOneLine()
    {
        QTemporaryDir dir;
        const QString unpacked = dir.filePath(QStringLiteral("image"));
        strata::test::writeRawImage(unpacked, {QByteArray(1024, '\0')});
        QFile manifest(unpacked + QStringLiteral("/manifest.json"));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        QByteArray bytes = manifest.readAll();
        manifest.close();
        bytes.replace("layer0/layer.tar", "missing\\nstrata-cli: everything is fine");
        QVERIFY(strata::test::writeFile(manifest.fileName(), bytes));
        const ProcessRun run = runCli({"tree", unpacked});
        QCOMPARE(run.code, 2);
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY(run.err.contains("missing\\nstrata-cli: everything is fine"));
    }

    // A folder that cannot be read says so (as a user who may not read it: root may).
    void unreadableFolder()
    {
        QTemporaryDir dir;
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                              QFile::ReadOther | QFile::ExeOther);
        const QString image = dir.filePath(QStringLiteral("image"));
        strata::test::writeRawImage(image, {strata::test::RawTar().entry("a", '0', "a").finish()});
        QFile::setPermissions(image, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QProcess process;
        process.start(QStringLiteral("setpriv"),
                      {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                       QStringLiteral("--clear-groups"), qEnvironmentVariable("STRATA_CLI"),
                       QStringLiteral("tree"), image});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 2);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.contains("the folder cannot be read (permission denied)"), err.constData());
        QCOMPARE(err.count('\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

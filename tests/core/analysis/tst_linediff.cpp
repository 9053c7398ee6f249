// Line diffs checked against GNU diff and patch: the unified diff Strata writes, applied by
// `patch` to A, gives B, and it changes as few lines as `diff --minimal` does.
#include "processrun.h"
#include "rawimage.h"

#include "analysis/filediff.h"
#include "analysis/linediff.h"
#include "archive/imagearchive.h"
#include "imagewriter/imagewriter.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace strata;
using namespace strata::testing;
namespace iw = strata::imagewriter;
using iw::Entry;

namespace {

// Lines GNU diff --minimal adds and removes.
std::pair<int, int> gnuCounts(const QString &a, const QString &b)
{
    const ProcessRun run = runProcess(QStringLiteral("diff"),
                                      {QStringLiteral("--minimal"), QStringLiteral("-u"), a, b});
    int added = 0, removed = 0;
    for (const QByteArray &line : run.out.split('\n')) {
        if (line.startsWith("+++") || line.startsWith("---"))
            continue;
        added += line.startsWith('+');
        removed += line.startsWith('-');
    }
    return {added, removed};
}

QByteArray config(int variant)
{
    QByteArray text = "user nginx;\nworker_processes auto;\n\nevents {\n    worker_connections "
                      "1024;\n}\n\nhttp {\n";
    for (int i = 0; i < 30; ++i)
        text += "    # setting " + QByteArray::number(i) + "\n    option_" + QByteArray::number(i) +
                " " + QByteArray::number(variant == 1 && i % 7 == 3 ? i * 10 : i) + ";\n";
    if (variant == 1)
        text += "    gzip on;\n";
    text += "}\n";
    return text;
}

} // namespace

class TestLineDiff : public QObject
{
    Q_OBJECT

private slots:
    void likeGnuDiff_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::newRow("config changed") << config(0) << config(1);
        QTest::newRow("identical") << config(0) << config(0);
        QTest::newRow("from nothing") << QByteArray() << config(0);
        QTest::newRow("to nothing") << config(0) << QByteArray();
        QTest::newRow("prepended") << QByteArray("b\nc\n") << QByteArray("a\nb\nc\n");
        QTest::newRow("appended") << QByteArray("a\nb\n") << QByteArray("a\nb\nc\n");
        QTest::newRow("repeated lines")
            << QByteArray("x\nx\ny\nx\nx\n") << QByteArray("x\ny\nx\ny\nx\n");
        // A long file with scattered edits: hunks join and separate.
        QRandomGenerator random(42);
        QByteArray longA, longB;
        for (int i = 0; i < 3000; ++i) {
            const QByteArray line = "line " + QByteArray::number(random.bounded(500)) + '\n';
            longA += line;
            const int r = random.bounded(100);
            if (r < 3)
                continue;
            if (r < 6)
                longB += "new " + QByteArray::number(i) + '\n';
            longB += line;
        }
        QTest::newRow("long, scattered") << longA << longB;
    }
    void likeGnuDiff()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QTemporaryDir dir;
        const QString fileA = dir.filePath(QStringLiteral("a.conf"));
        const QString fileB = dir.filePath(QStringLiteral("b.conf"));
        QVERIFY(strata::test::writeFile(fileA, a));
        QVERIFY(strata::test::writeFile(fileB, b));
        const QList<QByteArray> linesA = splitLines(a), linesB = splitLines(b);
        const LineDiff diff = diffLines(linesA, linesB);
        QVERIFY(!diff.approximate);
        const auto [added, removed] = gnuCounts(fileA, fileB);
        QCOMPARE(diff.added, added);
        QCOMPARE(diff.removed, removed);
        for (size_t i = 1; i < diff.lines.size(); ++i) {
            QVERIFY2(!(diff.lines[i - 1].kind == DiffLine::Kind::Added &&
                       diff.lines[i].kind == DiffLine::Kind::Removed),
                     "a change lists its removed lines first");
        }
        // Side by side: every line of each side once, in order; unchanged rows face equal lines.
        int nextA = 0, nextB = 0;
        for (const DiffRow &row : sideBySideRows(diff)) {
            QVERIFY(row.lineA >= 0 || row.lineB >= 0);
            if (row.lineA >= 0)
                QCOMPARE(row.lineA, nextA++);
            if (row.lineB >= 0)
                QCOMPARE(row.lineB, nextB++);
            if (!row.changed)
                QCOMPARE(linesA[row.lineA], linesB[row.lineB]);
        }
        QCOMPARE(nextA, linesA.size());
        QCOMPARE(nextB, linesB.size());
        const QByteArray patch = unifiedDiff(linesA, linesB, diff, "a.conf", "b.conf");
        QCOMPARE(patch.isEmpty(), a == b);
        if (patch.isEmpty())
            return;
        QVERIFY(strata::test::writeFile(dir.filePath(QStringLiteral("p.diff")), patch));
        const ProcessRun applied =
            runProcess(QStringLiteral("patch"), {QStringLiteral("-s"), QStringLiteral("-o"),
                                                 dir.filePath(QStringLiteral("out")), fileA,
                                                 dir.filePath(QStringLiteral("p.diff"))});
        QVERIFY2(applied.code == 0, QByteArray(applied.out + applied.err).constData());
        QFile out(dir.filePath(QStringLiteral("out")));
        QVERIFY(out.open(QIODevice::ReadOnly));
        QCOMPARE(out.readAll(), b);
    }

    // A file of an image between two layers: text by lines, binary by hash, a large file
    // by hash without being read whole.
    void fileBetweenLayers()
    {
        QTemporaryDir dir;
        const QByteArray big(9 * 1024 * 1024, 'x');
        QByteArray bigger = big;
        bigger[100] = 'y';
        iw::Image image;
        image.tags = {QStringLiteral("filediff:1")};
        image.layers = {
            iw::Layer{{Entry::dir("etc"), Entry::file("etc/app.conf", config(0)),
                       Entry::file("etc/blob", QByteArray("\0\1\2", 3)), Entry::file("big", big)}},
            iw::Layer{{Entry::file("etc/app.conf", config(1)),
                       Entry::file("etc/blob", QByteArray("\0\1\3", 3)),
                       Entry::file("big", bigger)}}};
        const QString path = dir.filePath(QStringLiteral("image.tar"));
        QString why;
        QVERIFY2(iw::writeArchive(path, {image}, {}, &why), qPrintable(why));
        Error error;
        const auto archive = ImageArchive::open(path, &error);
        QVERIFY(archive);
        const auto layers = archive->loadLayers(0, LoadObserver{}, &error);
        const auto sides = [&](const std::string &file) {
            return std::pair{FileSide{archive.get(), 0, layers, 0, file},
                             FileSide{archive.get(), 0, layers, 1, file}};
        };
        auto [a, b] = sides("etc/app.conf");
        const FileComparison text = compareFile(a, b);
        QVERIFY(!text.error && text.hasLines() && !text.identical());
        // Four settings changed and one line added, as the GNU diff case above counts them.
        QCOMPARE(text.diff.added, 5);
        QCOMPARE(text.diff.removed, 4);
        std::tie(a, b) = sides("etc/blob");
        const FileComparison binary = compareFile(a, b);
        QVERIFY(binary.binary);
        QCOMPARE(binary.a.sha256, strata::test::sha256Hex(QByteArray("\0\1\2", 3)).toLatin1());
        QVERIFY(binary.a.lines.isEmpty());
        std::tie(a, b) = sides("big");
        const FileComparison large = compareFile(a, b);
        QVERIFY(large.tooLarge);
        QCOMPARE(large.b.size, qint64(bigger.size()));
        QCOMPARE(large.b.sha256, strata::test::sha256Hex(bigger).toLatin1());
    }
};

QTEST_GUILESS_MAIN(TestLineDiff)
#include "tst_linediff.moc"

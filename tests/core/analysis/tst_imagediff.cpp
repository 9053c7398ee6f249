// Comparing two images: the tree diff, layer alignment, history and config diffs and the
// reports, on images this test writes (every expected value below follows from what it
// writes) and on real-tool fixtures.
#include "fixtures.h"

#include "analysis/contentdiff.h"
#include "analysis/imagediff.h"
#include "archive/imagearchive.h"
#include "imagewriter/imagewriter.h"
#include "report/diffreport.h"
#include "tree/overlaymerge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace strata;
namespace iw = strata::imagewriter;
using iw::Entry;

namespace {
iw::HistoryStep step(const char *createdBy, bool empty = false)
{
    iw::HistoryStep s;
    s.createdBy = QString::fromUtf8(createdBy);
    s.emptyLayer = empty;
    return s;
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

// Writes `image` to DIR/NAME and opens it with its layers loaded.
DiffSide writeSide(const QTemporaryDir &dir, const QString &name, const iw::Image &image)
{
    DiffSide side;
    const QString path = dir.filePath(name);
    QString writeError;
    if (!iw::writeArchive(path, {image}, {}, &writeError)) {
        qWarning() << writeError;
        return side;
    }
    Error error;
    side.source = ImageArchive::open(path, &error);
    if (!side.source) {
        qWarning() << error.toString();
        return side;
    }
    side.image = 0;
    side.layers = side.source->loadLayers(0, LoadObserver{}, &error);
    return side;
}

DiffSide openSide(const std::shared_ptr<ImageArchive> &archive, const QString &ref)
{
    DiffSide side;
    side.source = archive;
    Error error;
    side.image = archive->findImage(ref, &error);
    side.layers = archive->loadLayers(side.image, LoadObserver{}, &error);
    return side;
}

const std::vector<Entry> baseLayer = {
    Entry::dir("bin"),
    Entry::file("bin/ls", QByteArray(2000, 'l'), 0755),
    Entry::file("bin/sh", QByteArray(1000, 's'), 0755),
    Entry::dir("etc"),
    Entry::file("etc/os-release", "ID=strata\n"),
};

// Two applications on one base. B's own layer, against A's: app/config.json has the same
// size and other bytes, app/data.bin grows by 3000 bytes, app/run.sh becomes executable,
// app/current points elsewhere, app/new.txt is new, etc/motd changes owner, bin/ls goes.
iw::Image appImageA()
{
    iw::Image image;
    image.tags = {QStringLiteral("example/app:a")};
    image.layers = {iw::Layer{baseLayer},
                    iw::Layer{{Entry::dir("app"), Entry::file("app/config.json", "{\"a\":1}"),
                               Entry::file("app/data.bin", QByteArray(5000, 'd')),
                               Entry::file("app/run.sh", QByteArray(50, 'r')),
                               Entry::symlink("app/current", "data.bin"),
                               Entry::file("etc/motd", QByteArray(20, 'm'))}}};
    image.history = {
        step("/bin/sh -c #(nop) ADD file:base in / "),
        step("/bin/sh -c #(nop)  CMD [\"sh\"]", true), step("/bin/sh -c #(nop) WORKDIR /app", true),
        step("/bin/sh -c install-app --version 1"), step("/bin/sh -c #(nop)  ENV MODE=a", true)};
    image.config = QJsonObject{
        {QStringLiteral("Env"), strings({"PATH=/usr/bin", "MODE=a"})},
        {QStringLiteral("Cmd"), strings({"sh"})},
        {QStringLiteral("WorkingDir"), QStringLiteral("/app")},
        {QStringLiteral("ExposedPorts"), QJsonObject{{QStringLiteral("80/tcp"), QJsonObject()}}}};
    return image;
}

iw::Image appImageB()
{
    Entry motd = Entry::file("etc/motd", QByteArray(20, 'm'));
    motd.uid = 1000;
    iw::Image image;
    image.tags = {QStringLiteral("example/app:b")};
    image.layers = {iw::Layer{baseLayer},
                    iw::Layer{{Entry::dir("app"), Entry::file("app/config.json", "{\"a\":2}"),
                               Entry::file("app/data.bin", QByteArray(8000, 'd')),
                               Entry::file("app/run.sh", QByteArray(50, 'r'), 0755),
                               Entry::symlink("app/current", "data.v2"),
                               Entry::file("app/new.txt", QByteArray(400, 'n')), motd,
                               Entry::whiteout("bin/ls")}}};
    image.history = {step("/bin/sh -c #(nop) ADD file:base in / "),
                     step("/bin/sh -c #(nop)  CMD [\"sh\"]", true),
                     step("/bin/sh -c #(nop)  LABEL v=2", true),
                     step("/bin/sh -c #(nop) WORKDIR /app", true),
                     step("/bin/sh -c install-app --version 2"),
                     step("/bin/sh -c #(nop)  CMD [\"/app/run.sh\"]", true)};
    image.config = QJsonObject{
        {QStringLiteral("Env"), strings({"PATH=/usr/bin", "VERSION=2"})},
        {QStringLiteral("Cmd"), strings({"/app/run.sh"})},
        {QStringLiteral("WorkingDir"), QStringLiteral("/app")},
        {QStringLiteral("User"), QStringLiteral("app")},
        {QStringLiteral("ExposedPorts"), QJsonObject{{QStringLiteral("80/tcp"), QJsonObject()},
                                                     {QStringLiteral("443/tcp"), QJsonObject()}}},
        {QStringLiteral("Labels"), QJsonObject{{QStringLiteral("v"), QStringLiteral("2")}}}};
    return image;
}

// The same program built in one stage (the toolchain stays in the image) and in two (only
// the binary is copied onto the base). The binary's layer is byte for byte the same tar.
const std::vector<Entry> debianLayer = {
    Entry::dir("bin"),
    Entry::file("bin/sh", QByteArray(1000, 's'), 0755),
    Entry::dir("etc"),
    Entry::file("etc/os-release", "ID=debian\n"),
    Entry::dir("usr"),
    Entry::dir("usr/lib"),
    Entry::file("usr/lib/libc.so.6", QByteArray(3000, 'c'), 0755),
};
const std::vector<Entry> binaryLayer = {Entry::dir("app"),
                                        Entry::file("app/hello", QByteArray(16000, 'h'), 0755)};

iw::Image singleStage()
{
    iw::Image image;
    image.tags = {QStringLiteral("hello:single")};
    image.layers = {
        iw::Layer{debianLayer},
        iw::Layer{
            {Entry::dir("usr/bin"), Entry::file("usr/bin/gcc", QByteArray(40000, 'g'), 0755),
             Entry::dir("usr/lib/gcc"), Entry::dir("usr/lib/gcc/x86_64-linux-gnu"),
             Entry::dir("usr/lib/gcc/x86_64-linux-gnu/12"),
             Entry::file("usr/lib/gcc/x86_64-linux-gnu/12/cc1", QByteArray(200000, '1'), 0755),
             Entry::file("usr/lib/gcc/x86_64-linux-gnu/12/collect2", QByteArray(30000, '2'), 0755),
             Entry::dir("usr/include"), Entry::file("usr/include/stdio.h", QByteArray(800, 'i')),
             Entry::dir("var"), Entry::dir("var/lib"), Entry::dir("var/lib/dpkg"),
             Entry::file("var/lib/dpkg/status", QByteArray(500, 'p'))}},
        iw::Layer{{Entry::dir("src"), Entry::file("src/hello.c", QByteArray(120, 'x'))}},
        iw::Layer{binaryLayer},
    };
    image.history = {step("/bin/sh -c #(nop) ADD file:debian in / "),
                     step("/bin/sh -c #(nop)  CMD [\"bash\"]", true),
                     step("/bin/sh -c apt-get install -y gcc"),
                     step("/bin/sh -c #(nop) COPY file:hello in /src/ "),
                     step("/bin/sh -c gcc -o /app/hello /src/hello.c"),
                     step("/bin/sh -c #(nop)  CMD [\"/app/hello\"]", true)};
    image.config = QJsonObject{{QStringLiteral("Cmd"), strings({"/app/hello"})}};
    return image;
}

iw::Image multiStage()
{
    iw::Image image;
    image.tags = {QStringLiteral("hello:multi")};
    image.layers = {iw::Layer{debianLayer}, iw::Layer{binaryLayer}};
    image.history = {step("/bin/sh -c #(nop) ADD file:debian in / "),
                     step("/bin/sh -c #(nop)  CMD [\"bash\"]", true),
                     step("COPY /app/hello /app/hello # buildkit"),
                     step("/bin/sh -c #(nop)  CMD [\"/app/hello\"]", true)};
    image.config = QJsonObject{{QStringLiteral("Cmd"), strings({"/app/hello"})}};
    return image;
}

using Kind = HistoryDiffRow::Kind;

QString rowsText(const HistoryDiff &diff)
{
    QStringList list;
    for (const HistoryDiffRow &row : diff.rows)
        list << historyRowKindName(row.kind) + QLatin1Char(' ') + QString::number(row.a) +
                    QLatin1Char(' ') + QString::number(row.b);
    return list.join(QStringLiteral(", "));
}

QStringList paths(const TreeDiff &diff, const std::vector<uint32_t> &entries)
{
    QStringList list;
    for (uint32_t i : entries)
        list << QString::fromStdString(diff.path(i));
    return list;
}

const DiffEntry &entryAt(const TreeDiff &diff, const char *path)
{
    const uint32_t index = diff.find(path);
    static const DiffEntry none{kNoNode, kNoNode};
    if (index == kNoNode) {
        qWarning() << "no diff entry" << path;
        return none;
    }
    return diff.entry(index);
}
} // namespace

class TestImageDiff : public QObject
{
    Q_OBJECT
private slots:
    void sharedBaseTreeDiff()
    {
        QTemporaryDir dir;
        const ImageComparison c =
            compareImages(writeSide(dir, QStringLiteral("a.tar"), appImageA()),
                          writeSide(dir, QStringLiteral("b.tar"), appImageB()));
        const TreeDiff &f = c.files;
        QCOMPARE(f.entryCount(), 13u); // root, app + 6, bin + 2, etc + 2
        // Children merged from both sides, sorted by name.
        const DiffEntry &app = entryAt(f, "app");
        QCOMPARE(app.childCount, 5u);
        QStringList children;
        for (uint32_t i = app.firstChild; i < app.firstChild + app.childCount; ++i)
            children << QString::fromStdString(f.path(i));
        QCOMPARE(children, QStringList({"app/config.json", "app/current", "app/data.bin",
                                        "app/new.txt", "app/run.sh"}));

        QCOMPARE(app.status, DiffStatus::Unchanged);
        QCOMPARE(app.sizeDelta, 3400);  // (7 + 8000 + 50 + 400) - (7 + 5000 + 50)
        QCOMPARE(app.changedBelow, 4u); // current, data.bin, new.txt, run.sh

        const DiffEntry &config = entryAt(f, "app/config.json");
        QCOMPARE(config.status, DiffStatus::Unchanged);
        QCOMPARE(config.content, ContentState::Unknown); // 7 bytes each, from different layers

        const DiffEntry &current = entryAt(f, "app/current");
        QCOMPARE(current.status, DiffStatus::Changed);
        QCOMPARE(current.changes, uint8_t(DiffChange::LinkTarget));

        const DiffEntry &data = entryAt(f, "app/data.bin");
        QCOMPARE(data.status, DiffStatus::Changed);
        QCOMPARE(data.changes, uint8_t(DiffChange::Size));
        QCOMPARE(data.sizeDelta, 3000);
        QCOMPARE(data.content, ContentState::NotApplicable);

        QCOMPARE(entryAt(f, "app/new.txt").status, DiffStatus::Added);
        QVERIFY(!entryAt(f, "app/new.txt").inA());
        QCOMPARE(entryAt(f, "app/new.txt").sizeDelta, 400);

        const DiffEntry &run = entryAt(f, "app/run.sh");
        QCOMPARE(run.status, DiffStatus::Changed);
        QCOMPARE(run.changes, uint8_t(DiffChange::Mode));
        QCOMPARE(run.content, ContentState::Unknown);

        const DiffEntry &ls = entryAt(f, "bin/ls");
        QCOMPARE(ls.status, DiffStatus::Removed);
        QVERIFY(!ls.inB());
        QCOMPARE(ls.sizeDelta, -2000);
        QCOMPARE(entryAt(f, "bin").sizeDelta, -2000);
        QCOMPARE(entryAt(f, "bin").changedBelow, 1u);

        // The same entry of the same base layer tar: known equal without reading it.
        QCOMPARE(entryAt(f, "bin/sh").status, DiffStatus::Unchanged);
        QCOMPARE(entryAt(f, "bin/sh").content, ContentState::Same);
        QCOMPARE(entryAt(f, "etc/os-release").content, ContentState::Same);

        const DiffEntry &motd = entryAt(f, "etc/motd");
        QCOMPARE(motd.status, DiffStatus::Changed);
        QCOMPARE(motd.changes, uint8_t(DiffChange::Owner));
        QCOMPARE(entryAt(f, "etc").status, DiffStatus::Unchanged);

        QCOMPARE(f.entry(0).sizeDelta, 1400); // 3400 - 2000
        QCOMPARE(f.entry(0).changedBelow, 6u);
        const DiffCounts &n = f.counts();
        QCOMPARE(n.added, 1u);
        QCOMPARE(n.removed, 1u);
        QCOMPARE(n.changed, 4u);
        QCOMPARE(n.unchanged, 6u);      // app, bin, etc, config.json, bin/sh, os-release
        QCOMPARE(n.contentUnknown, 3u); // config.json, run.sh, motd
        QCOMPARE(n.bytesAdded, 3400u);
        QCOMPARE(n.bytesRemoved, 2000u);

        QCOMPARE(paths(f, f.changeList()),
                 QStringList({"app/current", "app/data.bin", "app/new.txt", "app/run.sh", "bin/ls",
                              "etc/motd"}));
        QCOMPARE(paths(f, f.largestChanges(DeltaOrder::Magnitude)),
                 QStringList({"app/data.bin", "bin/ls", "app/new.txt", "app/current", "app/run.sh",
                              "etc/motd"}));
        QCOMPARE(paths(f, f.largestChanges(DeltaOrder::Growth, 4)),
                 QStringList({"app/data.bin", "app/new.txt", "app/current", "app/run.sh"}));
        QCOMPARE(paths(f, f.childrenByDelta(0, DeltaOrder::Growth)),
                 QStringList({"app", "etc", "bin"}));
        QCOMPARE(paths(f, f.contentCandidates()),
                 QStringList({"app/config.json", "app/run.sh", "etc/motd"}));
    }

    void sharedBaseLayersHistoryConfigSummary()
    {
        QTemporaryDir dir;
        const ImageComparison c =
            compareImages(writeSide(dir, QStringLiteral("a.tar"), appImageA()),
                          writeSide(dir, QStringLiteral("b.tar"), appImageB()));
        QCOMPARE(c.layers.shared, 1);
        QCOMPARE(c.layers.countA, 2);
        QCOMPARE(c.layers.countB, 2);
        QCOMPARE(c.layers.sameContentA, std::vector<int>({0, -1}));
        QCOMPARE(c.layers.sameContentB, std::vector<int>({0, -1}));
        QCOMPARE(c.a.info().layers[0].chainId, c.b.info().layers[0].chainId);

        QCOMPARE(rowsText(c.history),
                 QStringLiteral("same 0 0, same 1 1, inserted -1 2, same 2 3, changed 3 4, "
                                "removed 4 -1, inserted -1 5"));
        QCOMPARE(c.history.same, 3);
        QCOMPARE(c.history.changed, 1);
        QCOMPARE(c.history.removed, 1);
        QCOMPARE(c.history.inserted, 2);

        QStringList config;
        for (const ConfigDiffRow &row : c.config.rows) {
            config << QStringLiteral("%1 %2 %3|%4 %5")
                          .arg(row.field, row.key, row.inA ? row.a : QStringLiteral("-"),
                               row.inB ? row.b : QStringLiteral("-"),
                               row.equal() ? QStringLiteral("=") : QStringLiteral("!"));
        }
        QCOMPARE(config, QStringList({
                             "Env MODE a|- !",
                             "Env PATH /usr/bin|/usr/bin =",
                             "Env VERSION -|2 !",
                             "Cmd  [\"sh\"]|[\"/app/run.sh\"] !",
                             "Entrypoint  | =",
                             "WorkingDir  /app|/app =",
                             "User  |app !",
                             "ExposedPorts 443/tcp -|443/tcp !",
                             "ExposedPorts 80/tcp 80/tcp|80/tcp =",
                             "Labels v -|2 !",
                             "StopSignal  | =",
                             "os  linux|linux =",
                             "architecture  amd64|amd64 =",
                         }));
        QCOMPARE(c.config.differences(), 6);

        QCOMPARE(c.summary.a.totalSize, 8087);  // 3010 base + 7 + 5000 + 50 + 20
        QCOMPARE(c.summary.b.totalSize, 11487); // 3010 base + 7 + 8000 + 50 + 400 + 20
        QCOMPARE(c.summary.sizeDelta(), 3400);
        double percent = 0;
        QVERIFY(c.summary.sizeDeltaPercent(&percent));
        QCOMPARE(QString::number(percent, 'f', 3), QStringLiteral("42.043"));
        QCOMPARE(c.summary.a.layerCount, 2);
        QCOMPARE(c.summary.a.fileCount, 8);
        QCOMPARE(c.summary.b.fileCount, 8);
        QCOMPARE(c.summary.a.entryCount, 11);   // + app, bin, etc
        QCOMPARE(c.summary.b.mergedSize, 9487); // bin/ls deleted: 11487 - 2000
    }

    // Same-size files read through the layer tars: only config.json differs.
    void contentComparison()
    {
        QTemporaryDir dir;
        ImageComparison c = compareImages(writeSide(dir, QStringLiteral("a.tar"), appImageA()),
                                          writeSide(dir, QStringLiteral("b.tar"), appImageB()));
        std::vector<std::pair<int, int>> progress;
        ContentObserver observer;
        observer.progress = [&](int done, int total) { progress.emplace_back(done, total); };
        const ContentComparison content =
            compareContent(c.files, *c.a.source, c.a.image, *c.b.source, c.b.image, observer);
        QVERIFY2(!content.error, qPrintable(content.error.toString()));
        QCOMPARE(paths(c.files, content.entries),
                 QStringList({"app/config.json", "app/run.sh", "etc/motd"}));
        QCOMPARE(content.different, std::vector<bool>({true, false, false}));
        QCOMPARE(progress,
                 (std::vector<std::pair<int, int>>{{1, 2}, {2, 2}})); // layer 1 of each side

        const std::vector<uint32_t> touched =
            c.files.applyContent(content.entries, content.different);
        QCOMPARE(paths(c.files, touched), QStringList({"", "app", "app/config.json"}));
        const DiffEntry &config = entryAt(c.files, "app/config.json");
        QCOMPARE(config.status, DiffStatus::Changed);
        QCOMPARE(config.changes, uint8_t(DiffChange::Content));
        QCOMPARE(config.content, ContentState::Different);
        QCOMPARE(entryAt(c.files, "app/run.sh").content, ContentState::Same);
        QCOMPARE(entryAt(c.files, "app").changedBelow, 5u);
        QCOMPARE(c.files.counts().changed, 5u);
        QCOMPARE(c.files.counts().unchanged, 5u);
        QCOMPARE(c.files.counts().contentUnknown, 0u);
        QVERIFY(c.files.contentCandidates().empty());

        std::atomic_bool cancel = true;
        ContentObserver cancelling;
        cancelling.cancel = &cancel;
        const ImageComparison again = compareImages(c.a, c.b);
        const ContentComparison cancelled =
            compareContent(again.files, *c.a.source, 0, *c.b.source, 0, cancelling);
        QCOMPARE(cancelled.error.kind, Error::Kind::Cancelled);
        QVERIFY(cancelled.entries.empty());
    }

    void singleVersusMultiStage()
    {
        QTemporaryDir dir;
        const ImageComparison c =
            compareImages(writeSide(dir, QStringLiteral("single.tar"), singleStage()),
                          writeSide(dir, QStringLiteral("multi.tar"), multiStage()));
        QCOMPARE(c.summary.a.totalSize, 291430); // 4010 + 271300 toolchain + 120 + 16000
        QCOMPARE(c.summary.b.totalSize, 20010);  // 4010 + 16000
        QCOMPARE(c.summary.sizeDelta(), -271420);
        QCOMPARE(c.summary.a.layerCount, 4);
        QCOMPARE(c.summary.b.layerCount, 2);
        QCOMPARE(c.summary.a.fileCount, 10);
        QCOMPARE(c.summary.b.fileCount, 4);

        // The binary's layer is the same tar on both sides, above the divergence.
        QCOMPARE(c.layers.shared, 1);
        QCOMPARE(c.layers.sameContentA, std::vector<int>({0, -1, -1, 1}));
        QCOMPARE(c.layers.sameContentB, std::vector<int>({0, 3}));

        const TreeDiff &f = c.files;
        QCOMPARE(f.entry(0).sizeDelta, -271420);
        QCOMPARE(entryAt(f, "usr").sizeDelta, -270800);
        QCOMPARE(entryAt(f, "usr/lib").sizeDelta, -230000);
        QCOMPARE(entryAt(f, "usr/lib").status, DiffStatus::Unchanged);
        QCOMPARE(entryAt(f, "usr/lib/gcc").status, DiffStatus::Removed);
        QCOMPARE(entryAt(f, "usr/lib/libc.so.6").status, DiffStatus::Unchanged);
        QCOMPARE(entryAt(f, "app/hello").status, DiffStatus::Unchanged);
        QCOMPARE(entryAt(f, "app/hello").content,
                 ContentState::Same); // same diff ID, layers 3 and 1
        QCOMPARE(f.counts().added, 0u);
        QCOMPARE(f.counts().changed, 0u);
        // usr/bin, gcc, usr/lib/gcc, x86_64-linux-gnu, 12, cc1, collect2, usr/include, stdio.h,
        // var, var/lib, var/lib/dpkg, status, src, hello.c
        QCOMPARE(f.counts().removed, 15u);
        QCOMPARE(f.counts().bytesRemoved, 271420u);
        QCOMPARE(f.counts().contentUnknown, 0u);

        QCOMPARE(paths(f, f.largestChanges(DeltaOrder::Magnitude)),
                 QStringList({"usr/lib/gcc/x86_64-linux-gnu/12/cc1", "usr/bin/gcc",
                              "usr/lib/gcc/x86_64-linux-gnu/12/collect2", "usr/include/stdio.h",
                              "var/lib/dpkg/status", "src/hello.c"}));
        QCOMPARE(paths(f, f.largestDirectories(DeltaOrder::Magnitude, 3)),
                 QStringList({"usr", "usr/lib", "usr/lib/gcc"}));
        QCOMPARE(paths(f, f.largestDirectories(DeltaOrder::Growth, 1)),
                 QStringList({"src"})); // -120: the least loss

        QCOMPARE(rowsText(c.history),
                 QStringLiteral(
                     "same 0 0, same 1 1, removed 2 -1, changed 3 2, removed 4 -1, same 5 3"));
        QCOMPARE(c.config.differences(), 0);
    }

    void reports()
    {
        QTemporaryDir dir;
        const ImageComparison c =
            compareImages(writeSide(dir, QStringLiteral("single.tar"), singleStage()),
                          writeSide(dir, QStringLiteral("multi.tar"), multiStage()));
        const QString text = QString::fromUtf8(diffText(c, {3}));
        QVERIFY2(text.contains(
                     QStringLiteral("\n  Size    291 kB        20.0 kB       -271 kB (-93.1%)\n")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("\n  Layers  4             2             -2\n")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("\n  Files   10            4             -6\n")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("\nLayers: 1 shared, 3 only in A, 1 only in B\n")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("4.01 kB    shared\n")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("  16.0 kB    B same as A 3\n")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral(
                     "\n  3   ff135d967b3b  16.0 kB    -                        A same as B 1\n")),
                 qPrintable(text));
        QVERIFY2(
            text.contains(QStringLiteral(
                "\n  - RUN apt-get install -y gcc\n  ~ A: COPY file:hello in /src/\n"
                "    B: COPY /app/hello /app/hello\n  - RUN gcc -o /app/hello /src/hello.c\n")),
            qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral(
                     "\nFiles: 0 added, 15 removed, 0 changed, 9 unchanged (+0 B, -271 kB)\n")),
                 qPrintable(text));
        QVERIFY2(
            text.contains(QStringLiteral(
                "\n  -200 kB     removed                   usr/lib/gcc/x86_64-linux-gnu/12/cc1\n"
                "  -40.0 kB    removed                   usr/bin/gcc\n"
                "  -30.0 kB    removed                   usr/lib/gcc/x86_64-linux-gnu/12/collect2\n"
                "  ... 3 more\n")),
            qPrintable(text));

        const QString markdown = QString::fromUtf8(diffMarkdown(c, {2}));
        QVERIFY(
            markdown.contains(QStringLiteral("| Size | 291 kB | 20.0 kB | -271 kB (-93.1%) |\n")));
        QVERIFY(markdown.contains(
            QStringLiteral("| -40.0 kB | removed |  | `usr/bin/gcc` |\n\n... 4 more\n")));

        const QJsonObject json = QJsonDocument::fromJson(diffJson(c)).object();
        QCOMPARE(json[QStringLiteral("summary")][QStringLiteral("sizeDelta")].toInteger(), -271420);
        QCOMPARE(json[QStringLiteral("layers")][QStringLiteral("shared")].toInt(), 1);
        const QJsonArray changes =
            json[QStringLiteral("files")][QStringLiteral("changes")].toArray();
        QCOMPARE(changes.size(), 6); // complete: no limit
        QCOMPARE(changes[5][QStringLiteral("path")].toString(), QStringLiteral("src/hello.c"));
        QCOMPARE(changes[5][QStringLiteral("delta")].toInteger(), -120);
        QCOMPARE(changes[5][QStringLiteral("a")][QStringLiteral("layer")].toInt(), 2);
        QVERIFY(changes[5][QStringLiteral("b")].isNull());
        const QJsonArray steps = json[QStringLiteral("history")][QStringLiteral("steps")].toArray();
        QCOMPARE(steps.size(), 6);
        QCOMPARE(steps[3][QStringLiteral("kind")].toString(), QStringLiteral("changed"));
        QCOMPARE(steps[3][QStringLiteral("b")][QStringLiteral("createdBy")].toString(),
                 QStringLiteral("COPY /app/hello /app/hello"));
    }

    void imageAgainstItself()
    {
        QTemporaryDir dir;
        DiffSide a = writeSide(dir, QStringLiteral("single.tar"), singleStage());
        const ImageComparison c = compareImages(a, a);
        QCOMPARE(c.layers.shared, 4);
        QCOMPARE(c.history.same, 6);
        QCOMPARE(int(c.history.rows.size()), 6);
        QCOMPARE(c.config.differences(), 0);
        QCOMPARE(c.summary.sizeDelta(), 0);
        QCOMPARE(c.files.counts().added + c.files.counts().removed + c.files.counts().changed, 0u);
        QCOMPARE(c.files.counts().unchanged, 24u); // every entry of the merged tree
        QCOMPARE(c.files.counts().contentUnknown, 0u);
        QCOMPARE(c.files.entry(0).changedBelow, 0u);
        QVERIFY(c.files.changeList().empty());
        QVERIFY(diffText(c).contains(
            "\nFiles: 0 added, 0 removed, 0 changed, 24 unchanged (+0 B, -0 B)\n"));

        // With the merged tree the caller already has: nothing merged again, the same result.
        const auto merged = std::make_shared<const FileTree>(mergeLayers(a.layers, 3));
        const ImageComparison premerged = compareImages(a, a, merged);
        QCOMPARE(premerged.files.sharedTreeA(), merged);
        QCOMPARE(premerged.files.sharedTreeB(), merged);
        QCOMPARE(premerged.files.counts().unchanged, 24u);
    }

    // Any layer of each side: as of the shared base layer the two are equal.
    void compareChosenLayers()
    {
        QTemporaryDir dir;
        DiffSide a = writeSide(dir, QStringLiteral("a.tar"), appImageA());
        DiffSide b = writeSide(dir, QStringLiteral("b.tar"), appImageB());
        a.top = 0;
        b.top = 0;
        const ImageComparison c = compareImages(a, b);
        QCOMPARE(c.layers.shared, 1);
        QCOMPARE(c.layers.countA, 1);
        QCOMPARE(c.summary.a.totalSize, 3010);
        QCOMPARE(c.files.counts().unchanged, 5u);
        QVERIFY(c.files.changeList().empty());
        QCOMPARE(rowsText(c.history), QStringLiteral("same 0 0")); // the steps up to layer 0
    }

    // A directory that becomes a file: its subtree is removed, its delta is the sum.
    void typeChange()
    {
        iw::Image imageA, imageB;
        imageA.layers = {iw::Layer{{Entry::dir("d"), Entry::file("d/x", QByteArray(10, 'x'))}}};
        imageB.layers = {iw::Layer{{Entry::file("d", QByteArray(5, 'y'))}}};
        QTemporaryDir dir;
        const ImageComparison c = compareImages(writeSide(dir, QStringLiteral("a.tar"), imageA),
                                                writeSide(dir, QStringLiteral("b.tar"), imageB));
        const TreeDiff &f = c.files;
        const uint32_t d = f.find("d");
        QCOMPARE(f.entry(d).status, DiffStatus::Changed);
        QCOMPARE(f.entry(d).changes,
                 uint8_t(DiffChange::Type | DiffChange::Mode)); // 0755 dir, 0644 file
        QCOMPARE(f.entry(d).sizeDelta, -5);
        QCOMPARE(f.ownDelta(d), 5);
        QCOMPARE(f.entry(f.find("d/x")).status, DiffStatus::Removed);
        QCOMPARE(paths(f, f.changeList()), QStringList({"d", "d/x"}));
        QCOMPARE(diffChangeNames(f.entry(d).changes), QStringList({"type", "mode"}));
    }

    // Fixtures: the same image pushed with gzip and with zstd layers has the same diff IDs.
    void gzipAgainstZstdFixture()
    {
        const QString gzip = fixturePath(QStringLiteral("snyk_cli/gzip-test-oci.tar"));
        const QString zstd = fixturePath(QStringLiteral("snyk_cli/zstd-test-oci.tar"));
        REQUIRE_FIXTURE(gzip);
        REQUIRE_FIXTURE(zstd);
        Error error;
        const auto archiveA = ImageArchive::open(gzip, &error);
        const auto archiveB = ImageArchive::open(zstd, &error);
        QVERIFY(archiveA && archiveB);
        const ImageComparison c = compareImages(openSide(archiveA, {}), openSide(archiveB, {}));
        QCOMPARE(c.a.layers[0]->compression, QStringLiteral("gzip"));
        QCOMPARE(c.b.layers[0]->compression, QStringLiteral("zstd"));
        QCOMPARE(c.layers.shared, 5);
        QCOMPARE(c.layers.countA, 5);
        QCOMPARE(c.files.counts().added + c.files.counts().removed + c.files.counts().changed, 0u);
        QCOMPARE(c.files.counts().contentUnknown, 0u); // every file comes from a shared layer
        QCOMPARE(qint64(c.files.counts().unchanged), c.summary.a.entryCount);
        QCOMPARE(c.summary.a.totalSize, c.summary.b.totalSize);
        QCOMPARE(c.summary.a.fileCount, c.summary.b.fileCount);
        QCOMPARE(c.history.same, int(c.a.info().history.size()));
        QCOMPARE(c.history.same, 7); // 5 steps made the layers, 2 CMD steps none
        QCOMPARE(c.config.differences(), 0);
    }

    // Fixture: two unrelated images of one podman archive, busybox and alpine.
    void podmanTwoImagesFixture()
    {
        const QString path = fixturePath(QStringLiteral("containers_podman/oci-two-images.tar.xz"));
        REQUIRE_FIXTURE(path);
        Error error;
        const auto archive = ImageArchive::open(path, &error);
        QVERIFY(archive);
        const ImageComparison c = compareImages(openSide(archive, QStringLiteral("@0")),
                                                openSide(archive, QStringLiteral("@1")));
        QCOMPARE(c.a.info().names, QStringList({"example.com/empty:latest"}));
        QCOMPARE(c.b.info().names, QStringList({"example.com/empty/but:different"}));
        QCOMPARE(c.layers.shared, 0);
        QCOMPARE(c.layers.sameContentA, std::vector<int>({-1}));
        // ADD of another rootfs, CMD of another shell: both steps changed.
        QCOMPARE(rowsText(c.history), QStringLiteral("changed 0 0, changed 1 1"));
        QCOMPARE(c.config.differences(), 1);
        const auto cmd =
            std::find_if(c.config.rows.begin(), c.config.rows.end(), [](const ConfigDiffRow &row) {
                return row.field == QLatin1String("Cmd");
            });
        QCOMPARE(cmd->a, QStringLiteral("[\"sh\"]"));
        QCOMPARE(cmd->b, QStringLiteral("[\"/bin/sh\"]"));

        // busybox stores its binary once as bin/[ with every applet a hardlink to it (bin/busybox
        // included); alpine's bin/busybox is the file itself.
        const TreeDiff &f = c.files;
        const uint32_t busybox = f.find("bin/busybox");
        QCOMPARE(f.entry(busybox).status, DiffStatus::Changed);
        QVERIFY(f.entry(busybox).changes & DiffChange::Type);
        QCOMPARE(f.typeA(busybox), FileType::Hardlink);
        QCOMPARE(f.typeB(busybox), FileType::Regular);
        QCOMPARE(f.entry(f.find("bin/[")).status, DiffStatus::Removed);
        QCOMPARE(f.entry(f.find("sbin/apk")).status, DiffStatus::Added);
        QCOMPARE(f.entry(0).sizeDelta, c.summary.b.mergedSize - c.summary.a.mergedSize);
        QCOMPARE(c.summary.a.totalSize, c.a.layers[0]->contentSize);
        QCOMPARE(c.summary.b.totalSize, c.b.layers[0]->contentSize);
        QCOMPARE(qint64(f.counts().bytesAdded) - qint64(f.counts().bytesRemoved),
                 f.entry(0).sizeDelta);
    }
};

QTEST_GUILESS_MAIN(TestImageDiff)
#include "tst_imagediff.moc"

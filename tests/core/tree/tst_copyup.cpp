// overlay2's copy-up, simulated for the lesson, on an image the test writes: a write copies
// the whole lower file up (with its parent folders, empty), a deletion leaves a whiteout, the
// upper folder's bytes are what docker ps -s calls SIZE. The real engine's numbers are checked
// against the same simulation in the app's engine tests.
#include "archive/imagearchive.h"
#include "imagewriter/imagewriter.h"
#include "tree/copyup.h"
#include "tree/overlaymerge.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace strata;
namespace iw = strata::imagewriter;
using Kind = CopyUpSimulation::UpperEntry::Kind;

class TestCopyUp : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::shared_ptr<const FileTree> m_merged;

private Q_SLOTS:
    void initTestCase()
    {
        iw::Image image;
        image.tags = {QStringLiteral("copyup:1")};
        iw::Layer base;
        base.entries = {iw::Entry::dir("etc"),
                        iw::Entry::file("etc/passwd", QByteArray(1000, 'p')),
                        iw::Entry::file("etc/group", QByteArray(300, 'g')),
                        iw::Entry::dir("usr"),
                        iw::Entry::dir("usr/share"),
                        iw::Entry::dir("usr/share/doc"),
                        iw::Entry::file("usr/share/doc/README", QByteArray(5000, 'r'))};
        iw::Layer app;
        app.entries = {iw::Entry::dir("app"),
                       iw::Entry::file("app/big.bin", QByteArray(200000, 'b'))};
        image.layers = {base, app};
        const QString path = m_dir.filePath(QStringLiteral("copyup.tar"));
        QString why;
        QVERIFY2(iw::writeArchive(path, {image}, {}, &why), qPrintable(why));
        Error error;
        auto archive = ImageArchive::open(path, &error);
        QVERIFY2(archive, qPrintable(error.toString()));
        const auto layers = archive->loadLayers(0, LoadObserver{}, &error);
        m_merged = std::make_shared<const FileTree>(mergeLayers(LayerList(layers), 1));
    }

    void writeCopiesTheWholeFileUp()
    {
        CopyUpSimulation sim(m_merged);
        QCOMPARE(sim.upperBytes(), 0);
        // One byte appended to a 200 kB file: 200 kB + 1 in the upper folder.
        QVERIFY(sim.write("app/big.bin", 1));
        QCOMPARE(sim.upperBytes(), qint64(200001));
        QCOMPARE(sim.upper().size(), size_t(2));
        QCOMPARE(sim.upper()[0].path, std::string("app"));
        QCOMPARE(sim.upper()[0].kind, Kind::Folder);
        QCOMPARE(sim.upper()[1].kind, Kind::CopiedUp);
        // Writing again grows the copy, nothing more is copied.
        QVERIFY(sim.write("app/big.bin", 1));
        QCOMPARE(sim.upperBytes(), qint64(200002));
        QCOMPARE(sim.upper().size(), size_t(2));
        // A folder cannot be written; a new file is created with what is written.
        QVERIFY(!sim.write("usr/share", 1));
        QVERIFY(sim.write("tmp/new.txt", 12));
        QCOMPARE(sim.upperBytes(), qint64(200014));
        QCOMPARE(sim.upper().back().kind, Kind::Created);
    }

    void deleteLeavesAWhiteout()
    {
        CopyUpSimulation sim(m_merged);
        QVERIFY(sim.remove("etc/group"));
        QCOMPARE(sim.upperBytes(), 0); // a whiteout holds no bytes
        QVERIFY(!sim.isVisible("etc/group"));
        QVERIFY(sim.isVisible("etc/passwd"));
        QCOMPARE(sim.upper().back().kind, Kind::Whiteout);
        QVERIFY(!sim.remove("etc/group")); // gone already

        // rm -r of a folder: one whiteout hides everything below it.
        QVERIFY(sim.remove("usr/share"));
        QVERIFY(!sim.isVisible("usr/share/doc/README"));
        // A copied-up file deleted: its copy leaves the upper folder, a whiteout takes its place.
        QVERIFY(sim.write("etc/passwd", 1));
        QCOMPARE(sim.upperBytes(), qint64(1001));
        QVERIFY(sim.remove("etc/passwd"));
        QCOMPARE(sim.upperBytes(), 0);
        QVERIFY(!sim.isVisible("etc/passwd"));
        // Writing a deleted file makes it again, as new.
        QVERIFY(sim.write("etc/passwd", 5));
        QCOMPARE(sim.upperBytes(), qint64(5));
        QVERIFY(sim.isVisible("etc/passwd"));

        sim.reset();
        QVERIFY(sim.upper().empty());
        QVERIFY(sim.isVisible("etc/group"));
    }
};

QTEST_GUILESS_MAIN(TestCopyUp)
#include "tst_copyup.moc"

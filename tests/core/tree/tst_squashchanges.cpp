// What a range of layers changes together, as one layer would hold it: on dive's test image
// (whiteouts, opaque directories, chmod copies) for every pair of layers, each path's change
// is the one comparing the two merges gives; on the naive Go build, a key added and deleted
// within the range is not there at all.
#include "fixtures.h"
#include "wastefulimage.h"

#include "archive/imagearchive.h"
#include "tree/overlaymerge.h"
#include "tree/squashchanges.h"
#include "tree/treediff.h"

#include <QTemporaryDir>
#include <QtTest>

#include <map>

using namespace strata;
using namespace strata::testing;

namespace {
std::vector<std::shared_ptr<const LayerTree>> loadLayers(const QString &path)
{
    Error error;
    const auto archive = ImageArchive::open(path, &error);
    if (!archive)
        return {};
    return archive->loadLayers(0, LoadObserver{}, &error);
}

std::shared_ptr<const FileTree> mergedAt(const std::vector<std::shared_ptr<const LayerTree>> &l,
                                         int layer)
{
    return layer < 0 ? std::make_shared<const FileTree>()
                     : std::make_shared<const FileTree>(mergeLayers(LayerList(l), layer));
}

// Path → change, for every entry of the squashed tree that changes something.
std::map<std::string, ChangeKind>
squashedChanges(const std::vector<std::shared_ptr<const LayerTree>> &l, int from, int to)
{
    const auto lower = mergedAt(l, from - 1);
    const TreeDiff diff = TreeDiff::compare(lower, mergedAt(l, to));
    const FileTree squashed = squashChanges(diff, uint16_t(to));
    const std::vector<ChangeKind> kinds =
        classifyLayerChanges(squashed, from > 0 ? lower.get() : nullptr);
    std::map<std::string, ChangeKind> changes;
    for (uint32_t node = 1; node < squashed.nodeCount(); ++node) {
        if (kinds[node] != ChangeKind::Unchanged)
            changes[squashed.path(node)] = kinds[node];
    }
    return changes;
}

// The same from the two merges: every entry that is not unchanged, except what lies below a
// removed directory (the whiteout of the directory stands for it).
std::map<std::string, ChangeKind>
diffedChanges(const std::vector<std::shared_ptr<const LayerTree>> &l, int from, int to)
{
    const TreeDiff diff = TreeDiff::compare(mergedAt(l, from - 1), mergedAt(l, to));
    std::map<std::string, ChangeKind> changes;
    for (uint32_t i = 1; i < diff.entryCount(); ++i) {
        const DiffEntry &e = diff.entry(i);
        const DiffEntry &parent = diff.entry(e.parent);
        if (e.status == DiffStatus::Unchanged || parent.status == DiffStatus::Removed)
            continue;
        changes[diff.path(i)] = e.status == DiffStatus::Added     ? ChangeKind::Added
                                : e.status == DiffStatus::Removed ? ChangeKind::Deleted
                                                                  : ChangeKind::Modified;
    }
    return changes;
}
} // namespace

class TestSquashChanges : public QObject
{
    Q_OBJECT

private slots:
    void everyRangeOfDivesImage()
    {
        const QString path = fixturePath(QStringLiteral("dive/test-docker-image.tar"));
        REQUIRE_FIXTURE(path);
        const auto layers = loadLayers(path);
        QCOMPARE(layers.size(), size_t(14));
        int ranges = 0;
        for (int from = 0; from < 14; ++from) {
            for (int to = from + 1; to < 14; ++to) {
                const auto squashed = squashedChanges(layers, from, to);
                const auto diffed = diffedChanges(layers, from, to);
                if (squashed != diffed) {
                    for (const auto &[p, kind] : diffed)
                        if (!squashed.count(p) || squashed.at(p) != kind)
                            qWarning() << "layers" << from << to << p.c_str() << int(kind);
                    QFAIL("the squashed tree says something else than the two merges");
                }
                ++ranges;
            }
        }
        QCOMPARE(ranges, 91);
    }

    // Layers 2 and 3 of the naive build: the key COPY'd in 2 and deleted in 3 is no change;
    // the program, the build cache and the app's files are added.
    void aKeyAddedAndDeletedInTheRangeIsNotThere()
    {
        QTemporaryDir dir;
        const HostProgram host = hostProgram();
        QVERIFY(host.isValid());
        const QString naive = dir.filePath(QStringLiteral("naive.tar"));
        QVERIFY(writeDockerArchive(naive, naiveGoBuild(host)));
        const auto layers = loadLayers(naive);
        QCOMPARE(layers.size(), size_t(7));
        const auto changes = squashedChanges(layers, 2, 3);
        QVERIFY(!changes.count("root/.ssh/id_rsa"));
        QCOMPARE(changes.at("root/.ssh"), ChangeKind::Added); // only the key was removed
        QCOMPARE(changes.at("usr/local/bin/hello"), ChangeKind::Added);
        QCOMPARE(changes.at("app/config.yml"), ChangeKind::Added);
        QCOMPARE(changes.at("app/data.bin"), ChangeKind::Added);
        // Layer 3 alone deletes the key: a whiteout, as in its own tar.
        QCOMPARE(squashedChanges(layers, 3, 3).at("root/.ssh/id_rsa"), ChangeKind::Deleted);
    }
};

QTEST_GUILESS_MAIN(TestSquashChanges)
#include "tst_squashchanges.moc"

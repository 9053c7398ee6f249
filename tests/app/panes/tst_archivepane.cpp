#include "fixtures.h"

#include "archive/archivemap.h"
#include "archive/imagearchive.h"
#include "imagewriter/imagewriter.h"
#include "models/archivemembermodel.h"
#include "panes/archivepane.h"
#include "processrun.h"
#include "views/archivelinksview.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <map>

using namespace strata;
namespace iw = strata::imagewriter;

namespace {
iw::Image lessonImage()
{
    iw::Image image;
    image.tags = {QStringLiteral("lesson/demo:1")};
    iw::Layer base;
    base.entries = {iw::Entry::dir("etc"), iw::Entry::file("etc/os-release", "ID=demo\n")};
    iw::Layer app;
    app.entries = {iw::Entry::dir("app"), iw::Entry::file("app/run.sh", "#!/bin/sh\n", 0755),
                   iw::Entry::whiteout("etc/os-release")};
    image.layers = {base, app};
    image.history = {{QStringLiteral("ADD rootfs.tar /"), false, {}, {}, {}},
                     {QStringLiteral("COPY run.sh /app/"), false, {}, {}, {}}};
    return image;
}

// How many members of each role the map gives.
std::map<MemberRole, int> countRoles(const ArchiveMap &map)
{
    std::map<MemberRole, int> counts;
    for (const MappedMember &m : map.members())
        ++counts[m.role];
    return counts;
}
} // namespace

class TestArchivePane : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::shared_ptr<ImageArchive> write(const QString &name, const iw::WriteOptions &options)
    {
        const QString path = m_dir.filePath(name);
        QString why;
        if (!iw::writeArchive(path, {lessonImage()}, options, &why)) {
            qWarning() << why;
            return nullptr;
        }
        Error error;
        auto archive = ImageArchive::open(path, &error);
        if (!archive)
            qWarning() << error.toString();
        return archive;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Every layout the tests write: the list is what `tar tf` lists, each member says what it
    // is, the layers are found where each layout keeps them.
    void everyLayout_data()
    {
        QTest::addColumn<int>("layout");
        QTest::addColumn<bool>("directory");
        QTest::addColumn<int>("layers");     // members that are a layer's tar
        QTest::addColumn<int>("links");      // members that link to a layer's tar
        QTest::addColumn<int>("layerJsons"); // <id>/json
        QTest::addColumn<bool>("ociIndex");
        QTest::newRow("docker save")
            << int(iw::Layout::DockerLegacy) << false << 2 << 0 << 2 << false;
        QTest::newRow("docker save unpacked")
            << int(iw::Layout::DockerLegacy) << true << 2 << 0 << 2 << false;
        // Before 1.10 the top layer's json is the image config as well.
        QTest::newRow("docker save 1.9")
            << int(iw::Layout::DockerLegacyV1) << false << 2 << 0 << 1 << false;
        QTest::newRow("podman save")
            << int(iw::Layout::PodmanDockerArchive) << false << 2 << 2 << 2 << false;
        QTest::newRow("docker save 25")
            << int(iw::Layout::Docker25) << false << 2 << 0 << 0 << true;
        QTest::newRow("oci archive") << int(iw::Layout::OciArchive) << false << 2 << 0 << 0 << true;
        QTest::newRow("oci folder") << int(iw::Layout::OciArchive) << true << 2 << 0 << 0 << true;
    }

    void everyLayout()
    {
        QFETCH(int, layout);
        QFETCH(bool, directory);
        QFETCH(int, layers);
        QFETCH(int, links);
        QFETCH(int, layerJsons);
        QFETCH(bool, ociIndex);
        iw::WriteOptions options;
        options.layout = iw::Layout(layout);
        options.asDirectory = directory;
        auto archive = write(QStringLiteral("%1-%2").arg(layout).arg(directory), options);
        QVERIFY(archive);

        ArchivePane pane;
        QAbstractItemModelTester tester(pane.model());
        pane.setArchive(archive, 0);
        const ArchiveMap &map = *pane.model()->map();
        QCOMPARE(pane.model()->rowCount(), int(map.members().size()));

        if (!directory) {
            // What GNU tar lists, in the same order (directories without their slash).
            const testing::ProcessRun tar =
                testing::runProcess(QStringLiteral("tar"), {QStringLiteral("tf"), archive->path()});
            QCOMPARE(tar.code, 0);
            QStringList listed =
                QString::fromUtf8(tar.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            for (QString &name : listed) {
                if (name.endsWith(QLatin1Char('/')))
                    name.chop(1);
            }
            QStringList shown;
            for (const MappedMember &m : map.members())
                shown << m.name;
            QCOMPARE(shown, listed);
        }

        // The manifest opens first, its JSON shown.
        QCOMPARE(pane.memberList()->currentIndex().row(), map.find(map.manifestMember(0)));
        QVERIFY(!QJsonDocument::fromJson(pane.contentView()->toPlainText().toUtf8()).isNull());

        const auto roles = countRoles(map);
        const auto count = [&roles](MemberRole role) {
            const auto it = roles.find(role);
            return it == roles.end() ? 0 : it->second;
        };
        QCOMPARE(count(MemberRole::Layer), layers);
        QCOMPARE(count(MemberRole::LayerLink), links);
        QCOMPARE(count(MemberRole::LayerJson), layerJsons);
        QCOMPARE(count(MemberRole::Index), ociIndex ? 1 : 0);
        QCOMPARE(count(MemberRole::OciLayout), ociIndex ? 1 : 0);
        QCOMPARE(count(MemberRole::Config), 1);
        {
            // A legacy layer folder holds its VERSION, shown as it is.
            if (layerJsons > 0) {
                const int version = map.findLayerMember(0, 0, MemberRole::LayerVersion);
                QVERIFY(version >= 0);
                pane.memberList()->setCurrentIndex(pane.model()->index(version, 0));
                QCOMPARE(pane.contentView()->toPlainText().trimmed(), QStringLiteral("1.0"));
                QVERIFY(pane.model()
                            ->index(version, ArchiveMemberModel::RoleColumn)
                            .data()
                            .toString()
                            .contains(QLatin1String("VERSION")));
            }
        }

        // Every layer of the image is found in the list, and the legacy json is read where
        // the layout keeps one (the Layer json tab shows it).
        const ImageInfo &image = archive->images()[0];
        for (int layer = 0; layer < image.layers.size(); ++layer) {
            const int row = map.findLayerMember(0, layer, MemberRole::Layer);
            QVERIFY2(row >= 0, qPrintable(QString::number(layer)));
            if (layerJsons > 0)
                QVERIFY2(!image.layers[layer].v1Json.isEmpty(),
                         qPrintable(image.layers[layer].member));
        }
    }

    // Clicking through: the config shows its diff_ids; a layer's tar offers to open the layer,
    // and the links drawn follow the selection.
    void navigation()
    {
        iw::WriteOptions options;
        options.layout = iw::Layout::PodmanDockerArchive;
        auto archive = write(QStringLiteral("podman.tar"), options);
        QVERIFY(archive);
        ArchivePane pane;
        pane.resize(1200, 900);
        pane.show();
        pane.setArchive(archive, 0);
        const ImageInfo &image = archive->images()[0];

        QVERIFY(pane.selectMember(image.configMember));
        const QJsonObject config =
            QJsonDocument::fromJson(pane.contentView()->toPlainText().toUtf8()).object();
        QCOMPARE(
            config.value(QStringLiteral("rootfs")).toObject().value(QStringLiteral("diff_ids")),
            QJsonDocument::fromJson(image.configJson)
                .object()
                .value(QStringLiteral("rootfs"))
                .toObject()
                .value(QStringLiteral("diff_ids")));
        QCOMPARE(pane.linksView()->selectedMember(), image.configMember);

        QSignalSpy activated(&pane, &ArchivePane::layerActivated);
        QVERIFY(pane.selectMember(image.layers[1].member));
        QVERIFY(pane.openLayerButton()->isVisible());
        QCOMPARE(pane.linksView()->selectedLayer(), 1);
        QTest::mouseClick(pane.openLayerButton(), Qt::LeftButton);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toInt(), 1);

        // podman's <id>/layer.tar is a link: it says where it points, and opens the layer too.
        const ArchiveMap &map = *pane.model()->map();
        const int link = map.findLayerMember(0, 0, MemberRole::LayerLink);
        QVERIFY(link >= 0);
        QVERIFY(pane.model()
                    ->index(link, ArchiveMemberModel::NameColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral(" → ")));
        pane.memberList()->setCurrentIndex(pane.model()->index(link, 0));
        QCOMPARE(pane.linksView()->selectedLayer(), 0);
        emit pane.memberList()->activated(pane.model()->index(link, 0));
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.at(1).at(0).toInt(), 0);

        // The links: the top layer's row above the bottom one, chain IDs beside diff_ids;
        // clicking a diff_id picks that layer's tar in the list.
        ArchiveLinksView *links = pane.linksView();
        const QRect top = links->boxRect(1, ArchiveLinksView::DiffIdColumn);
        const QRect bottom = links->boxRect(0, ArchiveLinksView::DiffIdColumn);
        QVERIFY(top.isValid() && bottom.isValid());
        QVERIFY(top.bottom() < bottom.top());
        QVERIFY(links->boxRect(0, ArchiveLinksView::ChainIdColumn).left() > bottom.right());
        QVERIFY(links->boxRect(0, ArchiveLinksView::BlobColumn).right() < bottom.left());
        QVERIFY(links->rect().contains(links->boxRect(0, ArchiveLinksView::ChainIdColumn)));
        QTest::mouseClick(links, Qt::LeftButton, {}, bottom.center());
        QCOMPARE(pane.memberList()->currentIndex().row(),
                 map.findLayerMember(0, 0, MemberRole::Layer));
        QTest::mouseClick(links, Qt::LeftButton, {},
                          links->boxRect(-1, ArchiveLinksView::ManifestColumn).center());
        QCOMPARE(pane.memberList()->currentIndex().row(),
                 map.find(QStringLiteral("manifest.json")));
    }

    // Archives other projects' tools wrote, damaged ones among them (a manifest not under
    // its digest, AppleDouble junk): the list holds every member, the manifest box names a
    // member that is there, and every layer is found where the image says it is.
    void otherToolsArchives_data()
    {
        QTest::addColumn<QString>("fixture");
        for (const char *name :
             {"snyk_snyk-docker-plugin/oci-archives/nginx.tar",
              "snyk_snyk-docker-plugin/skopeo-copy/nodes-fake-multi.tar",
              "snyk_cli/docker-test-image.tar", "google_go-containerregistry/hello-world-v25.tar",
              "moby_moby/emptyLayer.tar", "containers_podman/oci-two-images.tar.xz",
              "regclient_regclient/testrepo", "aquasecurity_trivy/alpine-310.tar.gz"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void otherToolsArchives()
    {
        QFETCH(QString, fixture);
        Error error;
        auto archive = ImageArchive::open(fixturePath(fixture), &error);
        QVERIFY2(archive, qPrintable(error.toString()));
        for (int image = 0; image < int(archive->images().size()); ++image) {
            ArchivePane pane;
            QAbstractItemModelTester tester(pane.model());
            pane.setArchive(archive, image);
            const ArchiveMap &map = *pane.model()->map();
            QCOMPARE(map.members().size(), archive->members().members().size());
            QVERIFY2(map.find(map.manifestMember(image)) >= 0,
                     qPrintable(map.manifestMember(image)));
            QCOMPARE(pane.memberList()->currentIndex().row(), map.find(map.manifestMember(image)));
            const ImageInfo &info = archive->images()[size_t(image)];
            if (info.absent)
                continue;
            for (int layer = 0; layer < info.layers.size(); ++layer) {
                if (archive->members().find(info.layers[layer].member.toStdString()))
                    QVERIFY2(map.findLayerMember(image, layer, MemberRole::Layer) >= 0 ||
                                 map.findLayerMember(image, layer, MemberRole::LayerLink) >= 0,
                             qPrintable(info.layers[layer].member));
            }
        }
    }

    // skopeo's dir: transport, written by skopeo itself from an archive the test wrote.
    void skopeoDirectory()
    {
        iw::WriteOptions options;
        options.layout = iw::Layout::DockerLegacy;
        auto source = write(QStringLiteral("for-skopeo.tar"), options);
        QVERIFY(source);
        const QString dir = m_dir.filePath(QStringLiteral("skopeo-dir"));
        const testing::ProcessRun copy = testing::runProcess(
            QStringLiteral("skopeo"),
            {QStringLiteral("copy"), QStringLiteral("--quiet"),
             QStringLiteral("docker-archive:") + source->path(), QStringLiteral("dir:") + dir});
        QVERIFY2(copy.code == 0, copy.err.constData());
        Error error;
        auto archive = ImageArchive::open(dir, &error);
        QVERIFY2(archive, qPrintable(error.toString()));
        QCOMPARE(archive->format(), ArchiveFormat::SkopeoDirectory);
        ArchivePane pane;
        pane.setArchive(archive, 0);
        const ArchiveMap &map = *pane.model()->map();
        const auto roles = countRoles(map);
        QCOMPARE(roles.at(MemberRole::ImageManifest), 1);
        QCOMPARE(roles.at(MemberRole::Config), 1);
        QCOMPARE(roles.at(MemberRole::Layer), 2);
        QCOMPARE(map.manifestMember(0), QStringLiteral("manifest.json"));
    }
};

QTEST_MAIN(TestArchivePane)
#include "tst_archivepane.moc"

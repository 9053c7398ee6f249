#include "fixtureimage.h"
#include "tree/layertree.h"
#include "views/jsontext.h"
#include "views/layerdetailsview.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTest>

using namespace strata;

class TestLayerDetailsView : public QObject
{
    Q_OBJECT

    static QString field(const LayerDetailsView &view, const char *name)
    {
        const auto *edit = view.findChild<QLineEdit *>(QLatin1String(name));
        return edit ? edit->text() : QStringLiteral("<missing %1>").arg(QLatin1String(name));
    }

private Q_SLOTS:
    // An OCI layout written by docker 25 with the containerd store: media types and gzip blobs.
    void ociLayer()
    {
        const test::FixtureImage fixture =
            test::loadFixture(QStringLiteral("snyk_cli/docker-test-image.tar"), true);
        QVERIFY2(fixture.ok(), qPrintable(fixture.error));
        LayerDetailsView view;
        view.setImage(fixture.image);
        view.setLayerTrees(fixture.trees);
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("layerTitle"))->text(),
                 QStringLiteral("No layer selected"));
        QVERIFY(field(view, "diffIdField").isEmpty());

        view.setLayer(1);
        const LayerInfo &layer = fixture.image.layers.at(1);
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("layerTitle"))->text(),
                 QStringLiteral("Layer 1 of 5"));
        QCOMPARE(field(view, "diffIdField"),
                 QStringLiteral(
                     "sha256:a447a4060243bdd4ec850856474671e2879876f05daf374de4871251369ed0cd"));
        QCOMPARE(field(view, "blobDigestField"), layer.blobDigest);
        QVERIFY(layer.blobDigest.startsWith(QLatin1String("sha256:")));
        QCOMPARE(field(view, "chainIdField"), layer.chainId);
        QVERIFY(!layer.chainId.isEmpty());
        QCOMPARE(field(view, "mediaTypeField"), layer.mediaType);
        QVERIFY(layer.mediaType.contains(QLatin1String("gzip")));
        QCOMPARE(field(view, "compressionField"), QStringLiteral("gzip"));
        QVERIFY(field(view, "blobSizeField")
                    .contains(QLocale().toString(layer.blobSize) + QLatin1String(" bytes")));
        const LayerTree &tree = *fixture.trees[1];
        QCOMPARE(field(view, "fileCountField"), QLocale().toString(tree.fileCount));
        QVERIFY(tree.fileCount > 10);
        QVERIFY(field(view, "contentSizeField").contains(QLocale().toString(tree.contentSize)));
        QVERIFY(field(view, "tarSizeField").contains(QLocale().toString(tree.tarSize)));

        // No legacy json in an OCI layout.
        const auto *tabs = view.findChild<QTabWidget *>(QStringLiteral("jsonTabs"));
        QVERIFY(!tabs->isTabEnabled(LayerDetailsView::LayerJsonTab));
        QCOMPARE(QJsonDocument::fromJson(view.jsonText(LayerDetailsView::ManifestTab).toUtf8()),
                 QJsonDocument::fromJson(fixture.image.manifestJson));
        QVERIFY(view.jsonText(LayerDetailsView::ConfigTab)
                    .contains(QLatin1String("\n    \"architecture\": \"arm64\",\n")));
    }

    // A legacy docker save: every layer directory has its own json, shown indented in the order
    // the file has its keys.
    void legacyLayerJson()
    {
        const test::FixtureImage fixture =
            test::loadFixture(QStringLiteral("dive/test-docker-image.tar"));
        QVERIFY2(fixture.ok(), qPrintable(fixture.error));
        LayerDetailsView view;
        view.setImage(fixture.image);
        view.setLayer(3);
        const LayerInfo &layer = fixture.image.layers.at(3);
        QVERIFY(!layer.v1Json.isEmpty());
        const auto *tabs = view.findChild<QTabWidget *>(QStringLiteral("jsonTabs"));
        QVERIFY(tabs->isTabEnabled(LayerDetailsView::LayerJsonTab));
        const QString json = view.jsonText(LayerDetailsView::LayerJsonTab);
        QCOMPARE(json, indentJson(layer.v1Json));
        QCOMPARE(QJsonDocument::fromJson(json.toUtf8()), QJsonDocument::fromJson(layer.v1Json));
        QVERIFY(json.startsWith(QLatin1String("{\n    \"")));
        QVERIFY(field(view, "fileCountField") != QString()); // "not known yet" before indexing
        QCOMPARE(field(view, "legacyIdField"), layer.v1Id);

        // The config keeps its key order: "architecture" first, "rootfs" last.
        const QString config = view.jsonText(LayerDetailsView::ConfigTab);
        QVERIFY(config.startsWith(QLatin1String("{\n    \"architecture\": \"amd64\",")));
        QVERIFY(config.indexOf(QLatin1String("\"rootfs\"")) >
                config.indexOf(QLatin1String("\"history\"")));
    }

    // skopeo's docker-archive names the blobs at the top in the manifest and keeps each
    // layer's json beside a <id>/layer.tar symlink to the blob: the tab shows that json.
    void podmanLayerJson()
    {
        const test::FixtureImage fixture = test::loadFixture(
            QStringLiteral("snyk_snyk-docker-plugin/skopeo-copy/nodes-fake-multi.tar"));
        QVERIFY2(fixture.ok(), qPrintable(fixture.error));
        LayerDetailsView view;
        view.setImage(fixture.image);
        const auto *tabs = view.findChild<QTabWidget *>(QStringLiteral("jsonTabs"));
        for (int i = 0; i < fixture.image.layers.size(); ++i) {
            const LayerInfo &layer = fixture.image.layers.at(i);
            QVERIFY2(!layer.member.contains(QLatin1Char('/')), qPrintable(layer.member));
            view.setLayer(i);
            QVERIFY(tabs->isTabEnabled(LayerDetailsView::LayerJsonTab));
            const QJsonObject json =
                QJsonDocument::fromJson(view.jsonText(LayerDetailsView::LayerJsonTab).toUtf8())
                    .object();
            QCOMPARE(json.value(QStringLiteral("id")).toString(), layer.v1Id);
            QCOMPARE(field(view, "legacyIdField"), layer.v1Id);
        }
    }

    void copiesTheJsonShown()
    {
        const test::FixtureImage fixture =
            test::loadFixture(QStringLiteral("dive/test-docker-image.tar"));
        QVERIFY2(fixture.ok(), qPrintable(fixture.error));
        LayerDetailsView view;
        view.setImage(fixture.image);
        auto *tabs = view.findChild<QTabWidget *>(QStringLiteral("jsonTabs"));
        tabs->setCurrentIndex(LayerDetailsView::ConfigTab);
        QGuiApplication::clipboard()->clear();
        view.copyJsonAction()->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), view.jsonText(LayerDetailsView::ConfigTab));
        QVERIFY(QGuiApplication::clipboard()->text().contains(QLatin1String("\"diff_ids\": [")));
    }

    void followsTheWindowFont()
    {
        QWidget window;
        auto *view = new LayerDetailsView(&window);
        QFont big = window.font();
        big.setPointSizeF(28);
        window.setFont(big);
        QCOMPARE(view->findChild<QLabel *>(QStringLiteral("layerTitle"))->font().pointSizeF(),
                 28.0);
        QVERIFY(view->findChild<QLabel *>(QStringLiteral("layerTitle"))->font().bold());
        const auto *digest = view->findChild<QLineEdit *>(QStringLiteral("diffIdField"));
        QCOMPARE(digest->font().pointSizeF(), 28.0);
        QVERIFY(QFontInfo(digest->font()).fixedPitch());
        QCOMPARE(
            view->findChild<QPlainTextEdit *>(QStringLiteral("configJson"))->font().pointSizeF(),
            28.0);
    }

    void indentJsonKeepsOrderAndNumbers()
    {
        const QByteArray json =
            "{\"z\":1,\"a\":{\"b\":[1.50,2e3,true,null],\"e\":{},\"f\":[]},\"s\":\"x\\\"y,{z}:\"}";
        const QString expected = QStringLiteral("{\n"
                                                "    \"z\": 1,\n"
                                                "    \"a\": {\n"
                                                "        \"b\": [\n"
                                                "            1.50,\n"
                                                "            2e3,\n"
                                                "            true,\n"
                                                "            null\n"
                                                "        ],\n"
                                                "        \"e\": {},\n"
                                                "        \"f\": []\n"
                                                "    },\n"
                                                "    \"s\": \"x\\\"y,{z}:\"\n"
                                                "}\n");
        QCOMPARE(indentJson(json), expected);
        QCOMPARE(indentJson("not json {"), QStringLiteral("not json {"));
        QCOMPARE(indentJson("null"), QStringLiteral("null")); // not an object or array: shown as is
    }
};

QTEST_MAIN(TestLayerDetailsView)
#include "tst_layerdetailsview.moc"

#include "archive/imagearchive.h"
#include "imagewriter/imagewriter.h"
#include "models/storedentrymodel.h"
#include "panes/layertarpane.h"
#include "processrun.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace strata;
namespace iw = strata::imagewriter;

class TestLayerTarPane : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::shared_ptr<ImageArchive> m_archive;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        iw::Image image;
        image.tags = {QStringLiteral("whiteouts:1")};
        iw::Layer base;
        base.entries = {iw::Entry::dir("etc"), iw::Entry::file("etc/os-release", "ID=demo\n"),
                        iw::Entry::dir("opt"), iw::Entry::dir("opt/app"),
                        iw::Entry::file("opt/app/old.txt", "old\n")};
        iw::Layer top;
        top.entries = {iw::Entry::dir("etc"), iw::Entry::whiteout("etc/os-release"),
                       iw::Entry::dir("opt/app"), iw::Entry::opaque("opt/app"),
                       iw::Entry::file("opt/app/new.txt", "new\n")};
        image.layers = {base, top};
        image.history = {{QStringLiteral("ADD base.tar /"), false, {}, {}, {}},
                         {QStringLiteral("RUN rm /etc/os-release"), false, {}, {}, {}}};
        const QString path = m_dir.filePath(QStringLiteral("whiteouts.tar"));
        QString why;
        QVERIFY2(iw::writeArchive(path, {image}, {}, &why), qPrintable(why));
        Error error;
        m_archive = ImageArchive::open(path, &error);
        QVERIFY2(m_archive, qPrintable(error.toString()));
    }

    // The entries in the tar's order, as GNU tar lists the layer's own tar, the whiteout
    // files under their stored names, each saying what it does.
    void listsTheTarAsStored()
    {
        LayerTarPane pane;
        QAbstractItemModelTester tester(pane.model());
        pane.resize(1000, 700);
        pane.setSource(m_archive, 0);
        pane.show();
        QSignalSpy loaded(&pane, &LayerTarPane::loaded);
        pane.selectLayer(1);
        QVERIFY(loaded.wait(10000));

        const QString member = m_archive->images()[0].layers[1].member;
        const testing::ProcessRun tar = testing::runProcess(
            QStringLiteral("sh"),
            {QStringLiteral("-c"), QStringLiteral("tar -xOf \"$0\" \"$1\" | tar -tf -"),
             m_archive->path(), member});
        QCOMPARE(tar.code, 0);
        QStringList listed;
        for (QString name :
             QString::fromUtf8(tar.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (name.endsWith(QLatin1Char('/')))
                name.chop(1);
            listed << name;
        }
        QStringList shown;
        const StoredEntryModel *model = pane.model();
        for (int row = 0; row < model->rowCount(); ++row)
            shown << model->index(row, StoredEntryModel::NameColumn).data().toString();
        QCOMPARE(shown, listed);
        QVERIFY(shown.contains(QStringLiteral("etc/.wh.os-release")));
        QVERIFY(shown.contains(QStringLiteral("opt/app/.wh..wh..opq")));

        const auto meaning = [&](const QString &name) {
            return model->index(int(shown.indexOf(name)), StoredEntryModel::MeaningColumn)
                .data()
                .toString();
        };
        QCOMPARE(meaning(QStringLiteral("etc/.wh.os-release")),
                 QStringLiteral("Deletes /etc/os-release from the layers below"));
        QCOMPARE(meaning(QStringLiteral("opt/app/.wh..wh..opq")),
                 QStringLiteral("Hides what the layers below have in /opt/app"));
        QCOMPARE(meaning(QStringLiteral("opt/app/new.txt")), QString());
        QCOMPARE(model->whiteoutCount(), 2);
        QVERIFY(
            pane.titleLabel()->text().contains(QLatin1String("5 entries, 2 of them whiteouts")));
        QVERIFY(pane.findChild<QLabel *>(QStringLiteral("whiteoutExplanation"))
                    ->text()
                    .contains(QLatin1String("character device 0/0")));

        // Whiteouts only: the two entries that delete or hide.
        pane.whiteoutsOnly()->setChecked(true);
        QCOMPARE(pane.view()->model()->rowCount(), 2);
        pane.whiteoutsOnly()->setChecked(false);
        QCOMPARE(pane.view()->model()->rowCount(), 5);
    }

    // Hidden, it reads nothing; shown, it reads the layer selected meanwhile.
    void readsWhenShown()
    {
        LayerTarPane pane;
        pane.setSource(m_archive, 0);
        pane.selectLayer(0);
        QVERIFY(!pane.isLoaded());
        QCOMPARE(pane.model()->rowCount(), 0);
        QSignalSpy loaded(&pane, &LayerTarPane::loaded);
        pane.show();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(pane.model()->rowCount(), 5);
        QCOMPARE(pane.model()->whiteoutCount(), 0);
    }
};

QTEST_MAIN(TestLayerTarPane)
#include "tst_layertarpane.moc"

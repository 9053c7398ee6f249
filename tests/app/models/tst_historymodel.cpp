#include "common/datasize.h"
#include "fixtureimage.h"
#include "models/historymodel.h"
#include "source/imagesource.h"
#include "tree/layertree.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QTest>

using namespace strata;

class TestHistoryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_snyk = test::loadFixture(QStringLiteral("snyk_cli/docker-test-image.tar"), true);
        QVERIFY2(m_snyk.ok(), qPrintable(m_snyk.error));
        QCOMPARE(m_snyk.image.history.size(), 7);
        QCOMPARE(m_snyk.image.layers.size(), 5);
    }

    void passesModelTester()
    {
        HistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setImage(m_snyk.image);
        model.setLayerTrees(m_snyk.trees);
        model.setReferenceTime(QDateTime::currentDateTimeUtc());
        const test::FixtureImage dive =
            test::loadFixture(QStringLiteral("dive/test-docker-image.tar"));
        QVERIFY2(dive.ok(), qPrintable(dive.error));
        model.setImage(dive.image);
        QCOMPARE(model.rowCount(), 15);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    // Newest first, like `docker history`; the empty CMD steps are greyed and name no layer.
    void rowsNewestFirst()
    {
        HistoryModel model;
        model.setImage(m_snyk.image);
        model.setLayerTrees(m_snyk.trees);
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.columnCount(), int(HistoryModel::ColumnCount));

        auto text = [&](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(text(0, HistoryModel::CreatedByColumn), QStringLiteral("CMD [\"/app/test.sh\"]"));
        QCOMPARE(text(6, HistoryModel::CreatedByColumn),
                 QStringLiteral("ADD alpine-minirootfs-3.18.12-aarch64.tar.gz /"));
        QCOMPARE(text(2, HistoryModel::CreatedByColumn), QStringLiteral("WORKDIR /app"));
        QCOMPARE(text(0, HistoryModel::CommentColumn), QStringLiteral("buildkit.dockerfile.v0"));

        const QList<int> layers = {-1, 4, 3, 2, 1, -1, 0};
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row, HistoryModel::CreatedByColumn);
            QCOMPARE(index.data(HistoryModel::LayerRole).toInt(), layers.at(row));
            QCOMPARE(index.data(HistoryModel::StepRole).toInt(), 6 - row);
            const bool empty = layers.at(row) < 0;
            QCOMPARE(index.data(HistoryModel::EmptyLayerRole).toBool(), empty);
            QCOMPARE(index.data(Qt::ForegroundRole).isValid(), empty);
            QCOMPARE(model.rowForStep(6 - row), row);
            QCOMPARE(model.layerAt(row), layers.at(row));
            if (!empty)
                QCOMPARE(model.rowForLayer(layers.at(row)), row);
        }
        QCOMPARE(text(0, HistoryModel::SizeColumn), formatDataSize(0));
        // The size of a layer is what its files hold, as read by the core.
        for (int layer = 0; layer < 5; ++layer) {
            const int row = model.rowForLayer(layer);
            QCOMPARE(text(row, HistoryModel::SizeColumn),
                     formatDataSize(m_snyk.trees[size_t(layer)]->contentSize));
            QCOMPARE(model.index(row, HistoryModel::SizeColumn)
                         .data(HistoryModel::SortRole)
                         .toLongLong(),
                     m_snyk.trees[size_t(layer)]->contentSize);
        }
        // alpine's root filesystem is the biggest layer, apk's certificates and busybox next;
        // WORKDIR's layer holds no files.
        QVERIFY(m_snyk.trees[0]->contentSize > m_snyk.trees[1]->contentSize);
        QVERIFY(m_snyk.trees[1]->contentSize > 100 * 1000);
        QCOMPARE(m_snyk.trees[3]->contentSize, 0);
    }

    void createdIsRelativeWithAbsoluteToolTip()
    {
        HistoryModel model;
        model.setImage(m_snyk.image);
        const QDateTime newest =
            QDateTime::fromString(m_snyk.image.history.last().created, Qt::ISODateWithMs);
        QVERIFY(newest.isValid());
        model.setReferenceTime(newest.addDays(3));
        const QModelIndex created = model.index(0, HistoryModel::CreatedColumn);
        QCOMPARE(created.data().toString(), QStringLiteral("3 days ago"));
        QVERIFY(
            created.data(Qt::ToolTipRole).toString().contains(m_snyk.image.history.last().created));
        QCOMPARE(created.data(HistoryModel::SortRole).toDateTime(), newest);
        // The alpine base was built in February 2025, eight months before.
        QCOMPARE(model.index(6, HistoryModel::CreatedColumn).data().toString(),
                 QStringLiteral("8 months ago"));
    }

    void relativeTime_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("now") << qint64(10) << QStringLiteral("seconds ago");
        QTest::newRow("a minute") << qint64(60) << QStringLiteral("a minute ago");
        QTest::newRow("minutes") << qint64(10 * 60) << QStringLiteral("10 minutes ago");
        QTest::newRow("an hour") << qint64(60 * 60) << QStringLiteral("an hour ago");
        QTest::newRow("hours") << qint64(5 * 3600) << QStringLiteral("5 hours ago");
        QTest::newRow("days") << qint64(3 * 86400) << QStringLiteral("3 days ago");
        QTest::newRow("weeks") << qint64(21 * 86400) << QStringLiteral("3 weeks ago");
        QTest::newRow("months") << qint64(100 * 86400) << QStringLiteral("3 months ago");
        QTest::newRow("years") << qint64(3 * 366 * 86400) << QStringLiteral("3 years ago");
        QTest::newRow("future") << qint64(-100) << QStringLiteral("in the future");
    }

    void relativeTime()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, expected);
        const QDateTime now =
            QDateTime::fromString(QStringLiteral("2024-06-01T12:00:00Z"), Qt::ISODate);
        QCOMPARE(HistoryModel::relativeTime(now.addSecs(-seconds), now), expected);
    }

    // Layers the history does not explain still get a row each.
    void layersWithoutHistory()
    {
        ImageInfo image = m_snyk.image;
        image.history.clear();
        for (LayerInfo &layer : image.layers)
            layer.historyIndex = -1;
        HistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setImage(image);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(0, HistoryModel::CreatedByColumn).data().toString(),
                 QStringLiteral("(not in the history)"));
        QCOMPARE(
            model.index(0, HistoryModel::CreatedByColumn).data(HistoryModel::LayerRole).toInt(), 4);
        QCOMPARE(model.index(0, HistoryModel::CreatedByColumn).data(HistoryModel::StepRole).toInt(),
                 -1);
        QCOMPARE(model.rowForLayer(0), 4);
    }

    void headers()
    {
        HistoryModel model;
        const QStringList expected = {QStringLiteral("Created"), QStringLiteral("Created By"),
                                      QStringLiteral("Size"), QStringLiteral("Comment")};
        for (int column = 0; column < expected.size(); ++column)
            QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), expected.at(column));
    }

private:
    test::FixtureImage m_snyk;
};

QTEST_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"

// The Russian translation: complete (no unfinished or untranslated message in the .ts file),
// embedded in the application, and installed by the language setting.
#include "language.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

using namespace strata;

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void tsFileIsComplete()
    {
        QFile ts(QStringLiteral(STRATA_TS_FILE));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        const QString text = QString::fromUtf8(ts.readAll());
        const qsizetype messages = text.count(QStringLiteral("<message"));
        QVERIFY2(messages > 100, "the .ts file should hold every string of the app");
        QCOMPARE(text.count(QStringLiteral("type=\"unfinished\"")), 0);
        QCOMPARE(text.count(QStringLiteral("<translation></translation>")), 0);
        QVERIFY(text.contains(QStringLiteral("language=\"ru_RU\"")) || text.contains(QStringLiteral("language=\"ru\"")));
    }

    void russianIsInstalled()
    {
        QCOMPARE(QCoreApplication::translate("strata::MainWindow", "&File"), QStringLiteral("&File"));
        QVERIFY(language::install(QCoreApplication::instance(), QStringLiteral("ru")));
        QCOMPARE(QCoreApplication::translate("strata::MainWindow", "&File"), QStringLiteral("&Файл"));
        QCOMPARE(QCoreApplication::translate("strata::FileTreeModel", "Name"), QStringLiteral("Имя"));
        // Plurals: "%n B".
        QCOMPARE(QCoreApplication::translate("strata::format", "%n B", nullptr, 5), QStringLiteral("5 Б"));
        // Qt's own strings come along (qtbase_ru).
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Отмена"));
    }

    void englishNeedsNoTranslator()
    {
        QVERIFY(language::install(QCoreApplication::instance(), QStringLiteral("en")));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"

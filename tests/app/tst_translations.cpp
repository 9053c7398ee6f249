// The Russian translation: complete (no unfinished or untranslated message in the .ts file),
// embedded in the application, and installed by the language setting.
#include "common/datasize.h"
#include "windows/language.h"

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
        QVERIFY(text.contains(QStringLiteral("language=\"ru_RU\"")) ||
                text.contains(QStringLiteral("language=\"ru\"")));
    }

    void russianIsInstalled()
    {
        QCOMPARE(QCoreApplication::translate("strata::MainWindow", "&File"),
                 QStringLiteral("&File"));
        QVERIFY(language::install(QCoreApplication::instance(), QStringLiteral("ru")));
        QCOMPARE(QCoreApplication::translate("strata::MainWindow", "&File"),
                 QStringLiteral("&Файл"));
        QCOMPARE(QCoreApplication::translate("strata::FileTreeModel", "Name"),
                 QStringLiteral("Имя"));
        // Plurals.
        QCOMPARE(
            QCoreApplication::translate("strata::FileTreeModel", "%1 in %n entries", nullptr, 5)
                .arg(QStringLiteral("1 kB")),
            QStringLiteral("1 kB в 5 элементах"));
        // Sizes: the byte unit of the one formatter, in the UI language.
        QCOMPARE(formatDataSize(5), QStringLiteral("5 Б"));
        // Qt's own strings come along (qtbase_ru).
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Отмена"));
    }

    // English: every plural of the app has its "one" and "other" forms in strata_en.ts.
    void englishPluralsAreComplete()
    {
        QFile ru(QStringLiteral(STRATA_TS_FILE));
        QFile en(QStringLiteral(STRATA_PLURALS_TS_FILE));
        QVERIFY(ru.open(QIODevice::ReadOnly) && en.open(QIODevice::ReadOnly));
        const QString english = QString::fromUtf8(en.readAll());
        const QRegularExpression numerus(
            QStringLiteral("<message numerus=\"yes\">\\s*<source>([^<]*)</source>"));
        int plurals = 0;
        for (const auto &match : numerus.globalMatch(QString::fromUtf8(ru.readAll()))) {
            ++plurals;
            QVERIFY2(english.contains(QStringLiteral("<source>") + match.captured(1) +
                                      QStringLiteral("</source>")),
                     qPrintable(QStringLiteral("strata_en.ts lacks: ") + match.captured(1)));
        }
        QVERIFY(plurals > 10);
        QCOMPARE(english.count(QStringLiteral("type=\"unfinished\"")), 0);
        QCOMPARE(english.count(QStringLiteral("<numerusform></numerusform>")), 0);
    }

    void englishSaysOneLayer()
    {
        QVERIFY(language::install(QCoreApplication::instance(), QStringLiteral("en")));
        QCOMPARE(QCoreApplication::translate("strata::ReuseScene", "%1 · %n layer(s)", nullptr, 1),
                 QStringLiteral("%1 · 1 layer"));
        QCOMPARE(QCoreApplication::translate("strata::ReuseScene", "%1 · %n layer(s)", nullptr, 3),
                 QStringLiteral("%1 · 3 layers"));
        QCOMPARE(QCoreApplication::translate("strata::HistoryModel", "%n minutes ago", nullptr, 1),
                 QStringLiteral("1 minute ago"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"

// The name filter of the file pane: globs and substrings over raw UTF-8 names.
#include "common/globmatch.h"

#include <QtTest>

using namespace strata;

class TestTreeFilter : public QObject
{
    Q_OBJECT

private slots:
    void glob_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("matches");
        QTest::newRow("star suffix") << "*.conf"
                                     << "nginx.conf" << true;
        QTest::newRow("star suffix, other") << "*.conf"
                                            << "nginx.conf.bak" << false;
        QTest::newRow("anchored at the end") << "*.con"
                                             << "nginx.conf" << false;
        QTest::newRow("anchored at the start") << "ginx*"
                                               << "nginx.conf" << false;
        QTest::newRow("question") << "lib?.so"
                                  << "libc.so" << true;
        QTest::newRow("question needs one") << "lib?.so"
                                            << "lib.so" << false;
        QTest::newRow("class") << "[Mm]akefile"
                               << "makefile" << true;
        QTest::newRow("range") << "file[0-3]"
                               << "file2" << true;
        QTest::newRow("range miss") << "file[0-3]"
                                    << "file7" << false;
        QTest::newRow("negated") << "file[!0-3]"
                                 << "file7" << true;
        QTest::newRow("case-insensitive") << "*.TXT"
                                          << "notes.txt" << true;
        QTest::newRow("two stars") << "*a*b*"
                                   << "xxaYYbzz" << true;
        QTest::newRow("backtracking") << "*ab"
                                      << "aab" << true;
        QTest::newRow("unclosed bracket is literal") << "a[b"
                                                     << "a[b" << true;
        QTest::newRow("star alone") << "*"
                                    << "" << true;
        QTest::newRow("utf-8 bytes") << "*ё*"
                                     << "пёс" << true;
    }

    void glob()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, name);
        QFETCH(bool, matches);
        const QByteArray p = pattern.toUtf8(), n = name.toUtf8();
        const NameMatcher matcher(std::string_view(p.constData(), size_t(p.size())));
        QVERIFY(matcher.isGlob());
        QCOMPARE(matcher.matches(std::string_view(n.constData(), size_t(n.size()))), matches);
    }

    void substring()
    {
        const NameMatcher matcher("NgInX");
        QVERIFY(!matcher.isGlob());
        QVERIFY(matcher.matches("nginx.conf"));
        QVERIFY(matcher.matches("libnginx-mod"));
        QVERIFY(!matcher.matches("ngin"));
        QVERIFY(NameMatcher("").matches("anything"));
    }
};

QTEST_GUILESS_MAIN(TestTreeFilter)
#include "tst_treefilter.moc"

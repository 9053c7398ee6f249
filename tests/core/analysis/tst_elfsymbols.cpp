// ELF symbol tables read as GNU nm reads them, from shared libraries the test compiles with the
// system's C compiler: the exported and imported names, what a new version gained and lost,
// and nothing but an empty answer for a truncated or mangled file.
#include "processrun.h"

#include "analysis/elfsymbols.h"
#include "analysis/filediff.h"
#include "archive/imagearchive.h"
#include "imagewriter/imagewriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace strata;
using namespace strata::testing;
namespace iw = strata::imagewriter;
using iw::Entry;

namespace {

const char kVersion1[] = "#include <stdio.h>\n"
                         "int beta = 2;\n"
                         "static int hidden(void) { return 3; }\n"
                         "int alpha(void) { return hidden(); }\n"
                         "void greet(void) { puts(\"hello\"); }\n";
// beta gone, delta new, greet now calls printf.
const char kVersion2[] = "#include <stdio.h>\n"
                         "static int hidden(void) { return 3; }\n"
                         "int alpha(void) { return hidden(); }\n"
                         "__attribute__((weak)) long delta(long x) { return x * 2; }\n"
                         "void greet(void) { printf(\"hello %d\\n\", alpha()); }\n";

// `nm -j` with the given options, sorted, duplicates and symbol versions taken off.
QList<QByteArray> nmNames(const QString &file, const QStringList &options)
{
    const ProcessRun run = runProcess(QStringLiteral("nm"), QStringList{QStringLiteral("-j")} +
                                                                options + QStringList{file});
    QList<QByteArray> names;
    for (QByteArray line : run.out.split('\n')) {
        line = line.trimmed();
        if (const qsizetype at = line.indexOf('@'); at > 0)
            line.truncate(at);
        if (!line.isEmpty())
            names.append(line);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestElfSymbols : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_lib1, m_lib2;

    QString compile(const char *source, const QString &name)
    {
        const QString c = m_dir.filePath(name + QStringLiteral(".c"));
        QFile file(c);
        if (!file.open(QIODevice::WriteOnly) || file.write(source) < 0)
            return {};
        file.close();
        const QString so = m_dir.filePath(name + QStringLiteral(".so"));
        const ProcessRun run =
            runProcess(QStringLiteral("cc"), {QStringLiteral("-shared"), QStringLiteral("-fPIC"),
                                              QStringLiteral("-O1"), QStringLiteral("-o"), so, c});
        return run.code == 0 ? so : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_lib1 = compile(kVersion1, QStringLiteral("v1"));
        m_lib2 = compile(kVersion2, QStringLiteral("v2"));
        QVERIFY2(!m_lib1.isEmpty() && !m_lib2.isEmpty(),
                 "cc -shared could not build the libraries");
    }

    void sameNamesAsNm_data()
    {
        QTest::addColumn<bool>("stripped");
        QTest::newRow("with .symtab") << false;
        QTest::newRow("stripped: .dynsym") << true;
    }
    void sameNamesAsNm()
    {
        QFETCH(bool, stripped);
        for (const QString &lib : {m_lib1, m_lib2}) {
            QString file = lib;
            QStringList table;
            if (stripped) {
                file = lib + QStringLiteral(".stripped");
                QCOMPARE(
                    runProcess(QStringLiteral("strip"), {QStringLiteral("-o"), file, lib}).code, 0);
                table = {QStringLiteral("-D")};
            }
            const ElfSymbols symbols = readElfSymbols(readAll(file));
            QVERIFY(symbols.valid);
            QCOMPARE(symbols.defined,
                     nmNames(file, table + QStringList{QStringLiteral("-g"),
                                                       QStringLiteral("--defined-only")}));
            QCOMPARE(symbols.undefined, nmNames(file, table + QStringList{QStringLiteral("-u")}));
            QVERIFY(symbols.defined.contains("alpha"));
            QVERIFY(!symbols.defined.contains("hidden")); // static: not exported
        }
    }

    void changesBetweenVersions()
    {
        const ElfSymbolChanges changes =
            compareElfSymbols(readElfSymbols(readAll(m_lib1)), readElfSymbols(readAll(m_lib2)));
        QCOMPARE(changes.added, QList<QByteArray>{"delta"});
        QCOMPARE(changes.removed, QList<QByteArray>{"beta"});
        QCOMPARE(changes.importsAdded, QList<QByteArray>{"printf"});
        QCOMPARE(changes.importsRemoved, QList<QByteArray>{"puts"});
    }

    // Every prefix of a real library and a copy with its section table pointed past the end:
    // read without a fault (ASan checks), and never more symbols than the whole file has.
    void damagedFiles()
    {
        const QByteArray whole = readAll(m_lib1);
        const ElfSymbols full = readElfSymbols(whole);
        for (qsizetype size = 0; size < whole.size(); size += 61) {
            const ElfSymbols part = readElfSymbols(whole.left(size));
            QVERIFY(part.defined.size() <= full.defined.size());
        }
        QByteArray mangled = whole;
        const quint64 past = quint64(whole.size()) * 4;
        std::memcpy(mangled.data() + 0x28, &past, sizeof(past)); // e_shoff of ELF64
        QVERIFY(!readElfSymbols(mangled).valid);
        QVERIFY(!readElfSymbols(QByteArray("\x7f"
                                           "ELF",
                                           4))
                     .valid);
        QVERIFY(!isElf(QByteArray("#!/bin/sh\n")));
    }

    // A library changed by a later layer: compared by hash and by its symbols.
    void libraryBetweenLayers()
    {
        iw::Image image;
        image.tags = {QStringLiteral("elfdiff:1")};
        image.layers = {
            iw::Layer{{Entry::dir("lib"), Entry::file("lib/libdemo.so", readAll(m_lib1))}},
            iw::Layer{{Entry::file("lib/libdemo.so", readAll(m_lib2))}}};
        const QString path = m_dir.filePath(QStringLiteral("image.tar"));
        QString why;
        QVERIFY2(iw::writeArchive(path, {image}, {}, &why), qPrintable(why));
        Error error;
        const auto archive = ImageArchive::open(path, &error);
        QVERIFY(archive);
        const auto layers = archive->loadLayers(0, LoadObserver{}, &error);
        const FileComparison c =
            compareFile(FileSide{archive.get(), 0, layers, 0, "lib/libdemo.so"},
                        FileSide{archive.get(), 0, layers, 1, "lib/libdemo.so"});
        QVERIFY(!c.error);
        QVERIFY(c.binary && c.elf);
        QCOMPARE(c.symbols.added, QList<QByteArray>{"delta"});
        QCOMPARE(c.symbols.removed, QList<QByteArray>{"beta"});
        // Past the ELF limit only the hashes are compared.
        const FileComparison large =
            compareFile(FileSide{archive.get(), 0, layers, 0, "lib/libdemo.so"},
                        FileSide{archive.get(), 0, layers, 1, "lib/libdemo.so"},
                        FileComparisonLimits{1024, 1024});
        QVERIFY(!large.elf && large.symbols.isEmpty());
        QCOMPARE(large.b.size, qint64(readAll(m_lib2).size()));
    }
};

QTEST_GUILESS_MAIN(TestElfSymbols)
#include "tst_elfsymbols.moc"

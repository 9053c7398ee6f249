// `strata` as a shell runs it: --help, --version and mistakes answer on the terminal, also
// on a machine without a display.
#include <QProcess>
#include <QProcessEnvironment>
#include <QtTest>

class TestCommandLine : public QObject
{
    Q_OBJECT

    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };

    // Without DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM: a QApplication would abort here.
    static Run strata(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        environment.insert(QStringLiteral("HOME"), QDir::tempPath());
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(STRATA_APP), arguments);
        if (!process.waitForFinished(30000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }

private slots:
    void helpWithoutDisplay()
    {
        const Run run = strata({QStringLiteral("--help")});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.startsWith("Usage: "), run.out.constData());
        QVERIFY(run.out.contains("--compare <A>"));
        QVERIFY(run.out.contains("--reuse"));
        QVERIFY(run.out.contains("--lesson"));
        QVERIFY(run.out.contains("--lesson-step <N>"));
        QVERIFY2(run.err.isEmpty(), run.err.constData());
    }

    void versionWithoutDisplay()
    {
        const Run run = strata({QStringLiteral("--version")});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, QByteArray("strata " STRATA_VERSION "\n"));
    }

    void mistakeWithoutDisplay()
    {
        const Run run = strata({QStringLiteral("--compare"), QStringLiteral("only-one.tar")});
        QCOMPARE(run.code, 2);
        QCOMPARE(run.err, QByteArray("strata: --compare needs two images: A B\n"));
        const Run unknown = strata({QStringLiteral("--no-such-option")});
        QCOMPARE(unknown.code, 2);
        QVERIFY(unknown.err.contains("no-such-option"));
        const Run step = strata({QStringLiteral("--lesson-step"), QStringLiteral("14")});
        QCOMPARE(step.code, 2);
        QCOMPARE(step.err, QByteArray("strata: --lesson-step needs a step from 1 to 13\n"));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"

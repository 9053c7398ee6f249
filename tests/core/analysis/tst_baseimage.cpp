// The base image of a real podman build: podman (buildah) names it in the OCI manifest's
// annotations and in the first own step's history comment; Strata finds it either way, marks
// where it ends, and the reconstructed Dockerfile starts FROM it.

#include "analysis/baseimage.h"
#include "analysis/dockerfile.h"
#include "archive/imagearchive.h"
#include "engines.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace strata;

namespace {
const QString kBase = QStringLiteral("localhost/debian-min:bookworm");
} // namespace

class TestBaseImage : public QObject
{
    Q_OBJECT

    PodmanEngine m_podman;
    QTemporaryDir m_work;
    int m_baseSteps = 0;

    std::shared_ptr<ImageArchive> open(const QString &name)
    {
        Error error;
        auto archive = ImageArchive::open(m_work.filePath(name), &error);
        if (!archive)
            qWarning() << error.toString();
        return archive;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        QString why;
        QVERIFY2(m_podman.start(&why), qPrintable(why));
        const QString base = writeBusyboxImage(m_work.path(), kBase, &why, 1);
        QVERIFY2(!base.isEmpty(), qPrintable(why));
        QVERIFY2(m_podman.cli({QStringLiteral("load"), QStringLiteral("-i"), base}, nullptr, &why),
                 qPrintable(why));
        QByteArray steps;
        QVERIFY2(m_podman.cli({QStringLiteral("history"), QStringLiteral("--format"),
                               QStringLiteral("{{.ID}}"), kBase},
                              &steps, &why),
                 qPrintable(why));
        m_baseSteps = int(steps.trimmed().split('\n').size());
        QVERIFY(m_baseSteps >= 2);

        const QString context = m_work.filePath(QStringLiteral("context"));
        QVERIFY(QDir().mkpath(context));
        QFile hello(context + QStringLiteral("/hello.txt"));
        QVERIFY(hello.open(QIODevice::WriteOnly));
        hello.write("hello\n");
        hello.close();
        QFile containerfile(context + QStringLiteral("/Containerfile"));
        QVERIFY(containerfile.open(QIODevice::WriteOnly));
        containerfile.write("FROM " + kBase.toUtf8() + "\nCOPY hello.txt /app/\nENV GREETING=hi\n");
        containerfile.close();
        QVERIFY2(m_podman.cli({QStringLiteral("build"), QStringLiteral("--network"),
                               QStringLiteral("none"), QStringLiteral("-t"),
                               QStringLiteral("localhost/app:1"), context},
                              nullptr, &why),
                 qPrintable(why));
        for (const auto &[format, file] :
             {std::pair{"oci-archive", "app-oci.tar"}, std::pair{"docker-archive", "app.tar"}}) {
            QVERIFY2(m_podman.cli({QStringLiteral("save"), QStringLiteral("--format"),
                                   QLatin1String(format), QStringLiteral("-o"),
                                   m_work.filePath(QLatin1String(file)),
                                   QStringLiteral("localhost/app:1")},
                                  nullptr, &why),
                     qPrintable(why));
        }
    }

    void cleanupTestCase() { m_podman.stop(); }

    // oci-archive keeps the manifest's annotations: name and digest of the base.
    void fromAnnotations()
    {
        auto archive = open(QStringLiteral("app-oci.tar"));
        QVERIFY(archive);
        const ImageInfo &image = archive->images()[0];
        const BaseImage base = findBaseImage(image);
        QCOMPARE(base.evidence, BaseImage::Evidence::Annotation);
        QCOMPARE(base.name, kBase);
        QVERIFY2(base.digest.startsWith(QLatin1String("sha256:")), qPrintable(base.digest));
        QCOMPARE(base.lastStep, m_baseSteps - 1);
        QCOMPARE(image.history.at(base.lastStep + 1).createdBy.left(5), QStringLiteral("COPY "));
    }

    // docker-archive drops the annotations; the history's comment still names the base.
    void fromHistoryComment()
    {
        auto archive = open(QStringLiteral("app.tar"));
        QVERIFY(archive);
        const ImageInfo &image = archive->images()[0];
        const BaseImage base = findBaseImage(image);
        QCOMPARE(base.evidence, BaseImage::Evidence::HistoryComment);
        QCOMPARE(base.name, kBase);
        QVERIFY(base.digest.isEmpty());
        QCOMPARE(base.lastStep, m_baseSteps - 1);
    }

    // The Dockerfile starts FROM the base; the base's own steps are comments above it.
    void dockerfileStartsFromTheBase()
    {
        auto archive = open(QStringLiteral("app.tar"));
        QVERIFY(archive);
        const ImageInfo &image = archive->images()[0];
        const BaseImage base = findBaseImage(image);
        QList<int> stepLines;
        const QStringList lines =
            dockerfileFromHistory(image.history, &stepLines, &base).split(QLatin1Char('\n'));
        QVERIFY(!lines.contains(QStringLiteral("FROM scratch")));
        const qsizetype from = lines.indexOf(QStringLiteral("FROM ") + kBase);
        QVERIFY(from > 0);
        for (int step = 0; step < m_baseSteps; ++step)
            QVERIFY2(lines.at(stepLines.at(step)).startsWith(QLatin1Char('#')),
                     qPrintable(lines.at(stepLines.at(step))));
        QCOMPARE(stepLines.at(m_baseSteps), int(from) + 1);
        QVERIFY(lines.at(stepLines.at(m_baseSteps)).startsWith(QLatin1String("COPY ")));
        QCOMPARE(lines.at(stepLines.at(m_baseSteps + 1)), QStringLiteral("ENV GREETING=hi"));
    }
};

QTEST_GUILESS_MAIN(TestBaseImage)
#include "tst_baseimage.moc"

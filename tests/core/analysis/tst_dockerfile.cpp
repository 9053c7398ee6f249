#include "analysis/dockerfile.h"
#include "fixtureimage.h"
#include "image/historytext.h"

#include <QTest>

using namespace strata;

namespace {

// A step as the core parses it from a config's history.
HistoryEntry step(const QString &created, const QString &raw, bool empty = false,
                  const QString &comment = {})
{
    HistoryEntry entry;
    entry.created = created;
    entry.createdByRaw = raw;
    const CleanedCommand cleaned = cleanCreatedBy(raw);
    entry.createdBy = cleaned.text;
    entry.instruction = cleaned.instruction;
    entry.buildkit = cleaned.buildkit;
    entry.emptyLayer = empty;
    entry.comment = comment;
    return entry;
}

const QString kHeader = QStringLiteral(
    "# Reconstructed from the image history: one instruction per step, oldest first.\n"
    "FROM scratch\n");
const QString kBaseEnds =
    QStringLiteral("# --- base image ends here: the steps below are this image's own ---\n");

} // namespace

class TestDockerfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // dive's test image: busybox (ADD + CMD, built two days earlier by the classic builder),
    // then the test's own ADD and RUN steps.
    void diveClassicBuilder()
    {
        const test::FixtureImage fixture =
            test::loadFixture(QStringLiteral("dive/test-docker-image.tar"));
        QVERIFY2(fixture.ok(), qPrintable(fixture.error));
        QCOMPARE(fixture.image.history.size(), 15);
        QCOMPARE(baseImageBoundaries(fixture.image.history), QList<int>{1});
        const QString expected =
            kHeader +
            QStringLiteral(
                "ADD file:ce026b62356eec3ad1214f92be2c9dc063fe205bd5e600be3492c4dfb17148bd in /\n"
                "CMD [\"sh\"]\n") +
            kBaseEnds +
            QStringLiteral(
                "ADD file:139c3708fb6261126453e34483abd8bf7b26ed16d952fd976994d68e72d93be2 in "
                "/somefile.txt\n"
                "RUN mkdir -p /root/example/really/nested\n"
                "RUN cp /somefile.txt /root/example/somefile1.txt\n"
                "RUN chmod 444 /root/example/somefile1.txt\n"
                "RUN cp /somefile.txt /root/example/somefile2.txt\n"
                "RUN cp /somefile.txt /root/example/somefile3.txt\n"
                "RUN mv /root/example/somefile3.txt /root/saved.txt\n"
                "RUN cp /root/saved.txt /root/.saved.txt\n"
                "RUN rm -rf /root/example/\n"
                "ADD dir:7ec14b81316baa1a31c38c97686a8f030c98cba2035c968412749e33e0c4427e in "
                "/root/.data/\n"
                "RUN cp /root/saved.txt /tmp/saved.again1.txt\n"
                "RUN cp /root/saved.txt /root/.data/saved.again2.txt\n"
                "RUN chmod +x /root/saved.txt\n");
        QCOMPARE(dockerfileFromHistory(fixture.image.history), expected);
    }

    // snyk's test image, built by buildkit on alpine: long RUN lines wrap at their &&, but
    // not at the && that the quoted JSON does not have, nor inside single quotes.
    void snykBuildkit()
    {
        const test::FixtureImage fixture =
            test::loadFixture(QStringLiteral("snyk_cli/docker-test-image.tar"));
        QVERIFY2(fixture.ok(), qPrintable(fixture.error));
        QCOMPARE(baseImageEnd(fixture.image.history), 1);
        const QString expected =
            kHeader +
            QStringLiteral("ADD alpine-minirootfs-3.18.12-aarch64.tar.gz /\n"
                           "CMD [\"/bin/sh\"]\n") +
            kBaseEnds +
            QStringLiteral("RUN apk add --no-cache     ca-certificates     busybox\n"
                           "RUN echo \"This is a test file for zstd compression testing\" > "
                           "/test-file.txt \\\n"
                           "    && mkdir -p /app \\\n"
                           "    && echo '{\"name\": \"zstd-test\", \"version\": \"1.0.0\"}' > "
                           "/app/package.json\n"
                           "WORKDIR /app\n"
                           "RUN echo '#!/bin/sh\\necho \"Testing zstd compression support in Snyk "
                           "CLI\"' > /app/test.sh \\\n"
                           "    && chmod +x /app/test.sh\n"
                           "CMD [\"/app/test.sh\"]\n");
        QList<int> stepLines;
        QCOMPARE(dockerfileFromHistory(fixture.image.history, &stepLines), expected);
        // Each step's first line, counting the base-image comment and the wrapped lines.
        QCOMPARE(stepLines, (QList<int>{2, 3, 5, 6, 9, 10, 12}));
    }

    // ggshield's example: one classic build FROM scratch, no CMD: no base image to mark.
    void ggshieldWithoutBase()
    {
        const test::FixtureImage fixture =
            test::loadFixture(QStringLiteral("GitGuardian_ggshield/docker-example.tar.xz"));
        QVERIFY2(fixture.ok(), qPrintable(fixture.error));
        QVERIFY(baseImageBoundaries(fixture.image.history).isEmpty());
        const QStringList lines =
            dockerfileFromHistory(fixture.image.history).split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2 + 6 + 1); // header, FROM, six steps, the final newline
        QVERIFY(lines.at(2).startsWith(QLatin1String("ENV SOME_SECRET=")));
        QCOMPARE(lines.at(3), QStringLiteral("ENV SOME_USER=gguser"));
        QCOMPARE(lines.at(4), QStringLiteral("WORKDIR /app"));
        QCOMPARE(lines.at(5),
                 QStringLiteral(
                     "COPY file:81f3900f655074919a5712f5a7182cd3eb4fe808e6e65e277b4cf10d18e971b6 "
                     "in ./"));
        QVERIFY(lines.at(6).startsWith(QLatin1String("ENV WHATEVER_TOKEN=")));
        QCOMPARE(lines.at(7),
                 QStringLiteral(
                     "COPY multi:6429ab86bcee1299505b1d96569b63136ffbfb9f75450f11b325d2c8db1680f8 "
                     "in ./"));
        QVERIFY(lines.at(8).isEmpty());
    }

    // python on debian, then an app built by buildkit: two base images, the last one marked as
    // the FROM boundary, the earlier one as an earlier base.
    void twoBaseImages()
    {
        const QList<HistoryEntry> history = {
            step(
                QStringLiteral("2024-01-11T00:00:00Z"),
                QStringLiteral(
                    "/bin/sh -c #(nop) ADD "
                    "file:a5f37cdd87b7bd5e0b7bd8eb1bdfdbe8ad4f4e8dcbd0e8d3d7a55a0b15fcd2a1 in / ")),
            step(QStringLiteral("2024-01-11T00:00:01Z"),
                 QStringLiteral("/bin/sh -c #(nop)  CMD [\"bash\"]"), true),
            step(QStringLiteral("2024-01-12T03:10:00Z"),
                 QStringLiteral("/bin/sh -c #(nop)  ENV LANG=C.UTF-8"), true),
            step(QStringLiteral("2024-01-12T03:14:00Z"),
                 QStringLiteral("/bin/sh -c set -eux; apt-get update; apt-get install -y "
                                "--no-install-recommends "
                                "ca-certificates netbase tzdata; rm -rf /var/lib/apt/lists/*")),
            step(QStringLiteral("2024-01-12T03:14:01Z"),
                 QStringLiteral("/bin/sh -c #(nop)  CMD [\"python3\"]"), true),
            step(QStringLiteral("2024-02-01T09:00:00Z"), QStringLiteral("WORKDIR /srv"), false,
                 QStringLiteral("buildkit.dockerfile.v0")),
            step(QStringLiteral("2024-02-01T09:00:05Z"),
                 QStringLiteral(
                     "RUN /bin/sh -c pip install --no-cache-dir flask==3.0.0 gunicorn==21.2.0 && "
                     "python -c \"import flask; print(flask.__version__)\" # buildkit"),
                 false, QStringLiteral("buildkit.dockerfile.v0")),
            step(QStringLiteral("2024-02-01T09:00:06Z"), QStringLiteral("COPY app.py . # buildkit"),
                 false, QStringLiteral("buildkit.dockerfile.v0")),
            step(QStringLiteral("2024-02-01T09:00:06Z"),
                 QStringLiteral("CMD [\"gunicorn\" \"app:app\"]"), true,
                 QStringLiteral("buildkit.dockerfile.v0")),
        };
        QCOMPARE(baseImageBoundaries(history), (QList<int>{1, 4}));
        QCOMPARE(baseImageEnd(history), 4);
        const QString expected =
            kHeader +
            QStringLiteral(
                "ADD file:a5f37cdd87b7bd5e0b7bd8eb1bdfdbe8ad4f4e8dcbd0e8d3d7a55a0b15fcd2a1 in /\n"
                "CMD [\"bash\"]\n"
                "# --- an earlier base image ends here ---\n"
                "ENV LANG=C.UTF-8\n"
                "RUN set -eux; apt-get update; apt-get install -y --no-install-recommends "
                "ca-certificates netbase tzdata; rm -rf /var/lib/apt/lists/*\n"
                "CMD [\"python3\"]\n") +
            kBaseEnds +
            QStringLiteral("WORKDIR /srv\n"
                           "RUN pip install --no-cache-dir flask==3.0.0 gunicorn==21.2.0 \\\n"
                           "    && python -c \"import flask; print(flask.__version__)\"\n"
                           "COPY app.py .\n"
                           "CMD [\"gunicorn\" \"app:app\"]\n");
        QCOMPARE(dockerfileFromHistory(history), expected);
    }

    // A reproducible build stamps every step with one time: nothing tells where FROM ended.
    void reproducibleBuildHasNoBoundary()
    {
        const QString epoch = QStringLiteral("1970-01-01T00:00:00Z");
        const QList<HistoryEntry> history = {
            step(epoch, QStringLiteral("ADD rootfs.tar.xz / # buildkit"), false,
                 QStringLiteral("buildkit.dockerfile.v0")),
            step(epoch, QStringLiteral("CMD [\"bash\"]"), true,
                 QStringLiteral("buildkit.dockerfile.v0")),
            step(epoch, QStringLiteral("RUN /bin/sh -c apt-get update # buildkit"), false,
                 QStringLiteral("buildkit.dockerfile.v0")),
        };
        QVERIFY(baseImageBoundaries(history).isEmpty());
        QVERIFY(!dockerfileFromHistory(history).contains(QLatin1String("base image")));
    }

    // A CMD in the middle of one build, followed seconds later by more steps, is not a base.
    void cmdWithinOneBuildIsNotABoundary()
    {
        const QList<HistoryEntry> history = {
            step(QStringLiteral("2024-02-01T09:00:00Z"),
                 QStringLiteral("/bin/sh -c #(nop)  CMD [\"sh\"]"), true),
            step(QStringLiteral("2024-02-01T09:03:00Z"), QStringLiteral("/bin/sh -c make -j8 all")),
        };
        QVERIFY(baseImageBoundaries(history).isEmpty());
    }

    void instructions_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("expected");
        QTest::newRow("short RUN stays on one line")
            << QStringLiteral("/bin/sh -c apt-get update && apt-get install -y curl")
            << QStringLiteral("RUN apt-get update && apt-get install -y curl");
        QTest::newRow("&& in quotes and $( ) is not split")
            << QStringLiteral("/bin/sh -c sh -c 'make && make install' && echo \"a && b\" && "
                              "cd $(dirname $(which python) && pwd) && test -d /usr/lib/python3")
            << QStringLiteral("RUN sh -c 'make && make install' \\\n"
                              "    && echo \"a && b\" \\\n"
                              "    && cd $(dirname $(which python) && pwd) \\\n"
                              "    && test -d /usr/lib/python3");
        QTest::newRow("build args prefix")
            << QStringLiteral("|2 VERSION=1.2 TARGETARCH=amd64 /bin/sh -c curl -fsSL "
                              "https://example.org/tool-1.2-amd64.tgz | tar -xz -C /usr/local/bin "
                              "&& tool --version")
            << QStringLiteral("RUN curl -fsSL https://example.org/tool-1.2-amd64.tgz | tar -xz -C "
                              "/usr/local/bin \\\n"
                              "    && tool --version");
        QTest::newRow("no command recorded")
            << QString() << QStringLiteral("# (this step recorded no command)");
        QTest::newRow("unknown text becomes a comment")
            << QStringLiteral("bazel build //images:base")
            << QStringLiteral("# bazel build //images:base");
        QTest::newRow("comment stays a comment")
            << QStringLiteral("# debian.sh --arch 'amd64' out/ 'bookworm' '@1704931200'")
            << QStringLiteral("# debian.sh --arch 'amd64' out/ 'bookworm' '@1704931200'");
        QTest::newRow("metadata step") << QStringLiteral("/bin/sh -c #(nop)  EXPOSE 80/tcp")
                                       << QStringLiteral("EXPOSE 80/tcp");
    }

    void instructions()
    {
        QFETCH(QString, raw);
        QFETCH(QString, expected);
        QCOMPARE(dockerfileInstruction(step(QStringLiteral("2024-02-01T09:00:00Z"), raw)),
                 expected);
    }

    void emptyHistory()
    {
        QCOMPARE(dockerfileFromHistory({}), kHeader);
        QCOMPARE(baseImageEnd({}), -1);
    }
};

QTEST_GUILESS_MAIN(TestDockerfile)
#include "tst_dockerfile.moc"

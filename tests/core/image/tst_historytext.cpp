#include "image/historytext.h"

#include <QtTest>

using namespace strata;

class TestHistoryText : public QObject
{
    Q_OBJECT
private slots:
    void clean_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("instruction");
        QTest::addColumn<bool>("buildkit");
        // Written by the classic builder (dive's test image, docker 18).
        QTest::newRow("nop env") << "/bin/sh -c #(nop)  ENV NGINX_VERSION=1.19.0"
                                 << "ENV NGINX_VERSION=1.19.0"
                                 << "ENV" << false;
        QTest::newRow("nop cmd") << "/bin/sh -c #(nop)  CMD [\"sh\"]"
                                 << "CMD [\"sh\"]"
                                 << "CMD" << false;
        QTest::newRow("shell") << "/bin/sh -c mkdir -p /root/example/really/nested"
                               << "RUN mkdir -p /root/example/really/nested"
                               << "RUN" << false;
        QTest::newRow("add")
            << "/bin/sh -c #(nop) ADD file:0eeb7ee5cbc5fe2a4b5b9e1e8e3e0a9c6c2 in / "
            << "ADD file:0eeb7ee5cbc5fe2a4b5b9e1e8e3e0a9c6c2 in /"
            << "ADD" << false;
        // Written by buildkit (snyk's docker-test-image).
        QTest::newRow("buildkit run") << "RUN /bin/sh -c apk add --no-cache curl # buildkit"
                                      << "RUN apk add --no-cache curl"
                                      << "RUN" << true;
        QTest::newRow("buildkit workdir") << "WORKDIR /app"
                                          << "WORKDIR /app"
                                          << "WORKDIR" << false;
        QTest::newRow("build args") << "|2 A=1 B=two /bin/sh -c echo $A $B"
                                    << "RUN echo $A $B"
                                    << "RUN" << false;
        QTest::newRow("free text") << "bazel build ..."
                                   << "bazel build ..."
                                   << "" << false;
    }
    void clean()
    {
        QFETCH(QString, raw);
        QFETCH(QString, text);
        QFETCH(QString, instruction);
        QFETCH(bool, buildkit);
        const CleanedCommand cleaned = cleanCreatedBy(raw);
        QCOMPARE(cleaned.text, text);
        QCOMPARE(cleaned.instruction, instruction);
        QCOMPARE(cleaned.buildkit, buildkit);
    }
};

QTEST_GUILESS_MAIN(TestHistoryText)
#include "tst_historytext.moc"

#pragma once

#include <QFileInfo>
#include <QString>
#include <QtTest>

// Archives written by real tools live outside this repository; CTest passes their folder in
// STRATA_FIXTURES_DIR. A missing fixture fails the test: a skipped test proves nothing.
inline QString fixturePath(const QString &relative)
{
    const QString dir = qEnvironmentVariable("STRATA_FIXTURES_DIR");
    return dir + QStringLiteral("/peer/") + relative;
}

#define REQUIRE_FIXTURE(path)                                                                      \
    do {                                                                                           \
        if (!QFileInfo::exists(path))                                                              \
            QFAIL(qPrintable(QStringLiteral("fixture missing: ") + (path)));                       \
    } while (false)

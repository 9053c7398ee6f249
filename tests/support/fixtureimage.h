#pragma once

#include "archive/imagearchive.h"

#include <QString>

#include <memory>
#include <vector>

namespace strata::test {

// A real image archive from STRATA_FIXTURES_DIR, opened by the core as the app opens it.
struct FixtureImage
{
    std::shared_ptr<ImageArchive> archive;
    ImageInfo image;
    std::vector<std::shared_ptr<const LayerTree>> trees; // filled by loadFixture(..., true)
    QString error;                                       // empty when everything loaded

    bool ok() const { return error.isEmpty(); }
};

inline QString fixturePath(const QString &relative)
{
    return qEnvironmentVariable("STRATA_FIXTURES_DIR") + QStringLiteral("/peer/") + relative;
}

inline FixtureImage loadFixture(const QString &relative, bool withLayers = false)
{
    FixtureImage fixture;
    Error error;
    fixture.archive = ImageArchive::open(fixturePath(relative), &error);
    if (!fixture.archive) {
        fixture.error = error.toString();
        return fixture;
    }
    const int index = fixture.archive->findImage(QString(), &error);
    if (index < 0) {
        fixture.error = error.toString();
        return fixture;
    }
    fixture.image = fixture.archive->images()[size_t(index)];
    if (withLayers) {
        fixture.trees = fixture.archive->loadLayers(index, LoadObserver(), &error);
        if (error.isError())
            fixture.error = error.toString();
    }
    return fixture;
}

} // namespace strata::test

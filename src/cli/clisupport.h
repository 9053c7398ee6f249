#pragma once

#include "clicommands.h"
#include "common/error.h"
#include "source/imagesource.h"

#include <QCommandLineParser>

namespace strata::cli {

void writeOut(const QByteArray &bytes);
// One line on stderr ("strata-cli: FILE: problem"); returns `code` for `return fail(...)`.
int fail(const QString &message, int code = BadInput);
int fail(const Error &error);

// What every command that reads one image shares: `ARCHIVE [--image REF]` (no ARCHIVE: the
// demo image), the archive, the image and its layers.
struct LoadedImage
{
    QCommandLineParser parser;
    std::shared_ptr<ImageSource> source;
    int image = -1;
    std::vector<std::shared_ptr<const LayerTree>> layers;

    LoadedImage();
    const ImageInfo &info() const { return source->images().at(size_t(image)); }

    // Parses the arguments (add options to `parser` first); false with *error on misuse.
    bool parse(const QStringList &arguments, QString *error);
    // Opens the archive and finds the image; false with *error set.
    bool open(Error *error);
    // open(), then indexes every layer.
    bool load(Error *error);
    // Damaged layers and manifest/config inconsistencies do not stop a report, but each is
    // said on stderr and the command exits 2. Returns the exit code they call for.
    int reportProblems() const;
};

} // namespace strata::cli

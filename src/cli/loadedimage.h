#pragma once

#include "output.h"
#include "source/imagesource.h"

#include <QCommandLineParser>

#include <memory>
#include <vector>

namespace strata::cli {

// What every command that reads one image shares: `LOCATION [--image REF] [--container]` (no
// LOCATION: the demo image), the source, the image and its layers.
struct LoadedImage
{
    QCommandLineParser parser;
    std::shared_ptr<ImageSource> source;
    int image = -1;
    std::vector<std::shared_ptr<const LayerTree>> layers;

    // `description` says what the command does, for --help.
    explicit LoadedImage(const QString &description);
    const ImageInfo &info() const { return source->images().at(size_t(image)); }

    // Parses the arguments (add options to `parser` first); false with *error on misuse.
    bool parse(const QStringList &arguments, QString *error);
    // Opens the location and finds the image; false with *error set.
    bool open(Error *error);
    // open() unless done, then indexes every layer.
    bool load(Error *error);
    // The exit code the image's problems call for, each said on stderr.
    int reportProblems() const;

private:
    // What opens: LOCATION, the demo image, or with --container the container it names.
    QString location(QString *usageError) const;
    QString m_location;
};

} // namespace strata::cli

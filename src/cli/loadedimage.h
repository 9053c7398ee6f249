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

    // `description` says what the command does, for --help. `argument` names a second
    // positional argument the command needs after LOCATION ("path"), with its help.
    explicit LoadedImage(const QString &description, const QString &argument = {},
                         const QString &argumentHelp = {});
    const ImageInfo &info() const { return source->images().at(size_t(image)); }

    // Parses the arguments (add options to `parser` first); false with *error on misuse.
    bool parse(const QStringList &arguments, QString *error);
    // Opens the location and finds the image; false with *error set.
    bool open(Error *error);
    // open() unless done, then indexes every layer.
    bool load(Error *error);
    // The second positional argument, when the command has one.
    QString argument() const { return parser.positionalArguments().value(1); }
    // `--layer N` (add it with addLayerOption): the layer asked for, or the top one; false
    // with *error when N is no layer of the image. After open().
    void addLayerOption();
    bool layerValue(int *layer, QString *error) const;
    // The exit code the image's problems call for, each said on stderr.
    int reportProblems() const;

private:
    // What opens: LOCATION, the demo image, or with --container the container it names.
    QString location(QString *usageError) const;
    QString m_location;
    QString m_argument;
};

} // namespace strata::cli

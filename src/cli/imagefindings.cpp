#include "imagefindings.h"

#include "analysis/secretscan.h"

namespace strata::cli {

void BaseLayersOption::addTo(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("exclude-base"),
                      QStringLiteral("Leave out the base image's layers (where the history says "
                                     "it ends, else layer 0).")});
    parser.addOption({QStringLiteral("base-layers"),
                      QStringLiteral("Leave out the N bottom layers as the base image's."),
                      QStringLiteral("N")});
}

bool BaseLayersOption::read(const QCommandLineParser &parser, QString *error)
{
    m_exclude = parser.isSet(QStringLiteral("exclude-base"));
    if (parser.isSet(QStringLiteral("base-layers"))) {
        bool ok = false;
        m_count = parser.value(QStringLiteral("base-layers")).toInt(&ok);
        if (!ok || m_count < 0) {
            *error = QStringLiteral("--base-layers takes a layer count (0, 1, 2...), not \"%1\"")
                         .arg(parser.value(QStringLiteral("base-layers")));
            return false;
        }
    }
    return true;
}

int BaseLayersOption::firstLayer(const ImageInfo &image) const
{
    if (m_count >= 0)
        return m_count;
    if (!m_exclude)
        return 0;
    const int detected = baseLayerCount(image);
    return detected > 0 ? detected : 1;
}

bool imageFindings(const LoadedImage &command, const EfficiencyReport &efficiency, int firstLayer,
                   bool scanContents, FindingsReport *report, Error *error)
{
    FindingsOptions options;
    options.firstLayer = firstLayer;
    options.readFile = [&](int layer, const std::string &path, qint64 maxBytes) {
        Error readError;
        return command.source->readFile(command.image, layer, QString::fromStdString(path),
                                        maxBytes, &readError);
    };
    *report = analyzeFindings(command.info(), command.layers, efficiency, options);
    if (!scanContents)
        return true;
    return scanSecrets(*command.source, command.image, command.layers, report, error);
}

} // namespace strata::cli

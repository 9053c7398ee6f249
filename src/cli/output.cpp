#include "output.h"

#include "common/textescape.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

namespace strata::cli {

void writeOut(const QByteArray &bytes)
{
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    fflush(stdout);
}

// Messages quote names from the image: escaped, so that none can add a line of its own.
int fail(const QString &message, int code)
{
    fprintf(stderr, "strata-cli: %s\n", escapeText(message).toLocal8Bit().constData());
    return code;
}

int fail(const Error &error)
{
    return fail(error.toString());
}

void warn(const QString &message)
{
    fprintf(stderr, "strata-cli: warning: %s\n", escapeText(message).toLocal8Bit().constData());
}

bool parseArguments(QCommandLineParser &parser, const QStringList &arguments, QString *error)
{
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt names the executable as it was started; the usage line names the command.
        QString text = parser.helpText();
        text.replace(QCoreApplication::arguments().constFirst(), arguments.constFirst());
        writeOut(text.toUtf8());
        ::exit(Ok);
    }
    return true;
}

void FormatOption::addTo(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("format"),
                      m_choices.join(QStringLiteral(", ")) + QLatin1Char('.'),
                      QStringLiteral("format"), m_choices.first()});
}

bool FormatOption::read(const QCommandLineParser &parser, QString *error)
{
    m_value = parser.value(QStringLiteral("format"));
    if (m_choices.contains(m_value))
        return true;
    QStringList quoted = m_choices;
    const QString last = quoted.takeLast();
    *error = QStringLiteral("unknown --format \"%1\" (%2)")
                 .arg(m_value, quoted.isEmpty() ? last
                                                : quoted.join(QStringLiteral(", ")) +
                                                      QStringLiteral(" or ") + last);
    return false;
}

int reportProblems(const ImageInfo &image,
                   const std::vector<std::shared_ptr<const LayerTree>> &layers,
                   QSet<const LayerTree *> *reported)
{
    int code = Ok;
    for (const Error &problem : image.problems) {
        fail(problem);
        code = BadInput;
    }
    for (const auto &layer : layers) {
        if (!layer || (reported && reported->contains(layer.get())))
            continue;
        if (reported)
            reported->insert(layer.get());
        if (layer->error) {
            fail(layer->error);
            code = BadInput;
        }
        for (const QString &rejected : layer->rejected)
            warn(QStringLiteral("entry \"%1\" escapes the image root and was ignored")
                     .arg(rejected));
    }
    return code;
}

} // namespace strata::cli

#pragma once

#include "common/error.h"
#include "image/imageinfo.h"
#include "tree/layertree.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QSet>
#include <QStringList>

#include <memory>
#include <vector>

namespace strata::cli {

// Exit codes: 0 success, 1 a failed check, 2 bad input or usage.
enum ExitCode
{
    Ok = 0,
    CheckFailed = 1,
    BadInput = 2
};

void writeOut(const QByteArray &bytes);
// One line on stderr ("strata-cli: FILE: problem"); returns `code` for `return fail(...)`.
int fail(const QString &message, int code = BadInput);
int fail(const Error &error);
// "strata-cli: warning: ..." on stderr.
void warn(const QString &message);

// Parses a command's arguments; `--help` prints the command's help and exits 0. False with
// *error on misuse.
bool parseArguments(QCommandLineParser &parser, const QStringList &arguments, QString *error);

// `--format F`, one of `choices` (the first is the default).
class FormatOption
{
public:
    explicit FormatOption(QStringList choices) : m_choices(std::move(choices)) {}
    void addTo(QCommandLineParser &parser) const;
    // The format asked for; false with *error naming the choices when it is none of them.
    bool read(const QCommandLineParser &parser, QString *error);
    const QString &value() const { return m_value; }
    bool is(const char *choice) const { return m_value == QLatin1String(choice); }

private:
    QStringList m_choices;
    QString m_value;
};

// Damaged layers and manifest/config inconsistencies do not stop a report, but each is said on
// stderr (once, however many images share the layer: `reported` remembers) and the command
// exits 2. Returns the exit code they call for.
int reportProblems(const ImageInfo &image,
                   const std::vector<std::shared_ptr<const LayerTree>> &layers,
                   QSet<const LayerTree *> *reported = nullptr);

} // namespace strata::cli

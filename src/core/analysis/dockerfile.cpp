#include "analysis/dockerfile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

namespace strata {

namespace {

// A RUN line longer than this is split at its top-level `&&`.
constexpr qsizetype kWrapColumn = 80;
// Between the last step of a base image and the first of the image built on it lies at
// least the time between two builds; within one build, steps follow in seconds to minutes.
constexpr qint64 kBuildGapSeconds = qint64(10) * 60;

enum class Builder
{
    Unknown,
    Classic,
    Buildkit
};

// Buildkit writes its comment on every step (the "# buildkit" suffix only on RUN, COPY and
// ADD); the classic builder, buildah and podman write every step through "/bin/sh -c".
Builder builderOf(const HistoryEntry &step)
{
    if (step.buildkit || step.comment.startsWith(QLatin1String("buildkit.")))
        return Builder::Buildkit;
    const QString &raw = step.createdByRaw;
    if (raw.startsWith(QLatin1String("/bin/sh -c ")) || raw.startsWith(QLatin1String("cmd /S /C ")))
        return Builder::Classic;
    return Builder::Unknown;
}

bool endsImage(const HistoryEntry &step)
{
    return step.instruction == QLatin1String("CMD") ||
           step.instruction == QLatin1String("ENTRYPOINT");
}

// Splits a shell command at `&&` outside quotes, $( ) and backticks.
QStringList splitAtAnd(const QString &command)
{
    QStringList parts;
    qsizetype start = 0;
    int depth = 0;
    QChar quote;
    bool backtick = false;
    for (qsizetype i = 0; i < command.size(); ++i) {
        const QChar c = command.at(i);
        if (quote == QLatin1Char('\'')) {
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('\\')) {
            ++i; // an escaped character never starts or ends anything
            continue;
        }
        if (quote == QLatin1Char('"')) {
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"'))
            quote = c;
        else if (c == QLatin1Char('`'))
            backtick = !backtick;
        else if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')') && depth > 0)
            --depth;
        else if (c == QLatin1Char('&') && depth == 0 && !backtick && i + 1 < command.size() &&
                 command.at(i + 1) == QLatin1Char('&')) {
            parts << command.mid(start, i - start).trimmed();
            start = i + 2;
            ++i;
        }
    }
    parts << command.mid(start).trimmed();
    return parts;
}

QString asComment(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (!line.startsWith(QLatin1Char('#')))
            line.prepend(QStringLiteral("# "));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

// The heuristic. A step i ends a base image when the next step exists and either
//  1. step i is CMD or ENTRYPOINT (how base images end: every official image does) and the
//     next step was created more than ten minutes later (a new build, not the next step of
//     the same one; cached steps keep their old time, which is why a gap alone is not enough),
//  2. or the two steps were written by different builders, one by buildkit and the other by
//     the classic builder (see builderOf), which one Dockerfile build never mixes.
// Histories with identical or missing timestamps (reproducible builds) and a single builder
// give no boundary: better none than a wrong one.
QList<int> baseImageBoundaries(const QList<HistoryEntry> &history)
{
    QList<int> boundaries;
    for (qsizetype i = 0; i + 1 < history.size(); ++i) {
        const HistoryEntry &step = history.at(i);
        const HistoryEntry &next = history.at(i + 1);
        bool boundary = false;
        if (endsImage(step)) {
            const QDateTime created = QDateTime::fromString(step.created, Qt::ISODateWithMs);
            const QDateTime nextCreated = QDateTime::fromString(next.created, Qt::ISODateWithMs);
            boundary = created.isValid() && nextCreated.isValid() &&
                       created.secsTo(nextCreated) > kBuildGapSeconds;
        }
        const Builder builder = builderOf(step);
        const Builder nextBuilder = builderOf(next);
        if (builder != Builder::Unknown && nextBuilder != Builder::Unknown &&
            builder != nextBuilder)
            boundary = true;
        if (boundary)
            boundaries << int(i);
    }
    return boundaries;
}

int baseImageEnd(const QList<HistoryEntry> &history)
{
    const QList<int> boundaries = baseImageBoundaries(history);
    return boundaries.isEmpty() ? -1 : boundaries.last();
}

QString dockerfileInstruction(const HistoryEntry &step)
{
    QString text = step.createdBy.trimmed();
    if (text.isEmpty())
        return QCoreApplication::translate("strata::Dockerfile",
                                           "# (this step recorded no command)");
    if (step.instruction.isEmpty())
        return asComment(text);
    if (step.instruction != QLatin1String("RUN") || text.size() <= kWrapColumn ||
        text.contains(QLatin1Char('\n')))
        return text;
    const QStringList parts = splitAtAnd(text.mid(4));
    if (parts.size() < 2)
        return text;
    QString wrapped = QStringLiteral("RUN ") + parts.first();
    for (qsizetype i = 1; i < parts.size(); ++i)
        wrapped += QStringLiteral(" \\\n    && ") + parts.at(i);
    return wrapped;
}

QString dockerfileFromHistory(const QList<HistoryEntry> &history, QList<int> *stepLines,
                              const BaseImage *base)
{
    QString text;
    int lines = 0;
    auto add = [&](const QString &block) {
        text += block + QLatin1Char('\n');
        lines += int(block.count(QLatin1Char('\n'))) + 1;
    };
    add(QCoreApplication::translate(
        "strata::Dockerfile",
        "# Reconstructed from the image history: one instruction per step, oldest first."));
    const bool namedBase =
        base && !base->name.isEmpty() && base->lastStep >= 0 && base->lastStep < history.size();
    if (namedBase)
        add(QCoreApplication::translate("strata::Dockerfile", "# The steps of the base image %1:")
                .arg(base->name));
    else
        add(QStringLiteral("FROM scratch"));
    if (stepLines)
        stepLines->clear();
    const QList<int> boundaries =
        namedBase ? QList<int>{base->lastStep} : baseImageBoundaries(history);
    for (qsizetype i = 0; i < history.size(); ++i) {
        if (stepLines)
            stepLines->append(lines);
        const bool inBase = namedBase && i <= base->lastStep;
        add(inBase ? asComment(dockerfileInstruction(history.at(i)))
                   : dockerfileInstruction(history.at(i)));
        if (namedBase && i == base->lastStep) {
            add(QStringLiteral("FROM ") + base->name);
            continue;
        }
        if (!boundaries.contains(int(i)))
            continue;
        if (i == boundaries.last())
            add(QCoreApplication::translate(
                "strata::Dockerfile",
                "# --- base image ends here: the steps below are this image's own ---"));
        else
            add(QCoreApplication::translate("strata::Dockerfile",
                                            "# --- an earlier base image ends here ---"));
    }
    return text;
}

} // namespace strata

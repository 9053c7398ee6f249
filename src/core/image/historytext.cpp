#include "image/historytext.h"

#include <QRegularExpression>

namespace strata {

namespace {
const QStringList &knownInstructions()
{
    static const QStringList list = {
        QStringLiteral("ADD"),    QStringLiteral("ARG"),        QStringLiteral("CMD"),
        QStringLiteral("COPY"),   QStringLiteral("ENTRYPOINT"), QStringLiteral("ENV"),
        QStringLiteral("EXPOSE"), QStringLiteral("FROM"),       QStringLiteral("HEALTHCHECK"),
        QStringLiteral("LABEL"),  QStringLiteral("MAINTAINER"), QStringLiteral("ONBUILD"),
        QStringLiteral("RUN"),    QStringLiteral("SHELL"),      QStringLiteral("STOPSIGNAL"),
        QStringLiteral("USER"),   QStringLiteral("VOLUME"),     QStringLiteral("WORKDIR"),
    };
    return list;
}

QString firstWord(const QString &text)
{
    const qsizetype space = text.indexOf(QLatin1Char(' '));
    return space < 0 ? text : text.left(space);
}
} // namespace

CleanedCommand cleanCreatedBy(const QString &raw)
{
    CleanedCommand result;
    QString text = raw.trimmed();

    static const QString buildkitSuffix = QStringLiteral("# buildkit");
    if (text.endsWith(buildkitSuffix)) {
        result.buildkit = true;
        text.chop(buildkitSuffix.size());
        text = text.trimmed();
    }
    // Build arguments in front of a shell step: "|2 A=1 B=2 /bin/sh -c ...".
    static const QRegularExpression argPrefix(QStringLiteral("^\\|\\d+ (?:\\S+=\\S* )*"));
    text.remove(argPrefix);

    static const QString nop = QStringLiteral("#(nop)");
    static const QStringList shells = {QStringLiteral("/bin/sh -c "),
                                       QStringLiteral("/bin/bash -c "),
                                       QStringLiteral("cmd /S /C ")};
    if (text.startsWith(QStringLiteral("RUN ")) && result.buildkit) {
        // buildkit: "RUN /bin/sh -c apt-get ..." → "RUN apt-get ..."
        QString body = text.mid(4);
        for (const QString &shell : shells) {
            if (body.startsWith(shell)) {
                body = body.mid(shell.size());
                break;
            }
        }
        text = QStringLiteral("RUN ") + body.trimmed();
    } else {
        for (const QString &shell : shells) {
            if (!text.startsWith(shell))
                continue;
            QString body = text.mid(shell.size()).trimmed();
            if (body.startsWith(nop))
                text = body.mid(nop.size()).trimmed();
            else
                text = QStringLiteral("RUN ") + body;
            break;
        }
    }
    // "ENV A=b" keeps its own words; collapse the double space Docker writes after #(nop).
    const QString word = firstWord(text);
    if (knownInstructions().contains(word))
        result.instruction = word;
    result.text = text;
    return result;
}

} // namespace strata

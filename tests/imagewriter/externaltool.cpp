#include "externaltool.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include <unistd.h>

namespace strata::testing {

QByteArray ToolResult::diagnostics() const
{
    if (!started)
        return err;
    return "exit code " + QByteArray::number(exitCode) + ": " + err.left(2000);
}

ToolResult runTool(const QString &program, const QStringList &args, const QByteArray &input)
{
    ToolResult result;
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty()) {
        result.err = program.toUtf8() + " is not installed (scripts/install-deps.sh installs it)";
        return result;
    }
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    p.setProcessEnvironment(env);
    p.start(path, args);
    if (!p.waitForStarted()) {
        result.err = "cannot start " + program.toUtf8();
        return result;
    }
    result.started = true;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    result.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    result.out = p.readAllStandardOutput();
    result.err = p.readAllStandardError();
    return result;
}

std::vector<TarMember> tarListing(const QString &path, QString *error)
{
    const ToolResult r = runTool(QStringLiteral("tar"), {QStringLiteral("--numeric-owner"),
                                                         QStringLiteral("--quoting-style=literal"),
                                                         QStringLiteral("-tvf"), path});
    if (!r.ok()) {
        *error = QString::fromUtf8(r.diagnostics());
        return {};
    }
    std::vector<TarMember> members;
    for (const QByteArray &rawLine : r.out.split('\n')) {
        const QString line = QString::fromUtf8(rawLine);
        if (line.isEmpty())
            continue;
        // "perms owner size date time name[ -> target| link to target]"
        QStringList fields;
        qsizetype pos = 0;
        while (fields.size() < 5) {
            while (pos < line.size() && line[pos] == u' ')
                ++pos;
            const qsizetype end = line.indexOf(u' ', pos);
            fields.append(line.mid(pos, end - pos));
            pos = end + 1;
        }
        TarMember m;
        m.type = fields[0][0];
        m.permissions = fields[0].mid(1);
        m.owner = fields[1];
        m.size = fields[2];
        m.name = line.mid(pos);
        const QString arrow = m.type == u'h' ? QStringLiteral(" link to ") : QStringLiteral(" -> ");
        if (m.type == u'l' || m.type == u'h') {
            const qsizetype at = m.name.indexOf(arrow);
            m.linkTarget = m.name.mid(at + arrow.size());
            m.name = m.name.left(at);
        }
        members.push_back(m);
    }
    return members;
}

QStringList namesOf(const std::vector<TarMember> &members)
{
    QStringList names;
    for (const TarMember &m : members)
        names.append(m.name);
    return names;
}

bool tarExtract(const QString &archive, const QString &dir, QString *error)
{
    const ToolResult r =
        runTool(QStringLiteral("tar"), {QStringLiteral("-xf"), archive, QStringLiteral("-C"), dir});
    if (!r.ok())
        *error = QString::fromUtf8(r.diagnostics());
    return r.ok();
}

QByteArray decompressWith(const QString &tool, const QByteArray &data, QString *error)
{
    const ToolResult r = runTool(tool, {QStringLiteral("-dc")}, data);
    if (!r.ok())
        *error = tool + QStringLiteral(": ") + QString::fromUtf8(r.diagnostics());
    return r.out;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString readLink(const QString &path)
{
    char buffer[4096];
    const ssize_t n = ::readlink(QFile::encodeName(path).constData(), buffer, sizeof buffer);
    return n < 0 ? QString() : QFile::decodeName(QByteArray(buffer, n));
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QStringList umociUnpackArgs(const QString &layoutAndTag, const QString &bundle)
{
    QStringList args{QStringLiteral("unpack")};
    if (::geteuid() != 0)
        args.append(QStringLiteral("--rootless"));
    args << QStringLiteral("--image") << layoutAndTag << bundle;
    return args;
}

} // namespace strata::testing

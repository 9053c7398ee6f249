#include "analysis/configdiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

namespace strata {

namespace {
QString listText(const QStringList &list)
{
    if (list.isEmpty())
        return {};
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

void addValue(ConfigDiff &diff, const QString &field, const QString &a, const QString &b)
{
    diff.rows.push_back({field, {}, a, b, true, true});
}

// One row per key of either side, keys sorted. `a` and `b` map keys to values.
void addKeyed(ConfigDiff &diff, const QString &field, const QMap<QString, QString> &a,
              const QMap<QString, QString> &b)
{
    QStringList keys = a.keys() + b.keys();
    keys.sort();
    keys.removeDuplicates();
    for (const QString &key : keys)
        diff.rows.push_back(
            {field, key, a.value(key), b.value(key), a.contains(key), b.contains(key)});
}

// "NAME=value" by NAME; a variable set twice keeps its last value, as a container would see it.
QMap<QString, QString> envMap(const QStringList &env)
{
    QMap<QString, QString> map;
    for (const QString &item : env) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        map.insert(eq < 0 ? item : item.left(eq), eq < 0 ? QString() : item.mid(eq + 1));
    }
    return map;
}

QMap<QString, QString> labelMap(const QList<std::pair<QString, QString>> &labels)
{
    QMap<QString, QString> map;
    for (const auto &[key, value] : labels)
        map.insert(key, value);
    return map;
}

QMap<QString, QString> portMap(const QStringList &ports)
{
    QMap<QString, QString> map;
    for (const QString &port : ports)
        map.insert(port, port);
    return map;
}
} // namespace

int ConfigDiff::differences() const
{
    int count = 0;
    for (const ConfigDiffRow &row : rows)
        count += row.equal() ? 0 : 1;
    return count;
}

ConfigDiff diffConfigs(const ImageInfo &a, const ImageInfo &b)
{
    ConfigDiff diff;
    const ImageConfig &ca = a.config, &cb = b.config;
    addKeyed(diff, QStringLiteral("Env"), envMap(ca.env), envMap(cb.env));
    addValue(diff, QStringLiteral("Cmd"), listText(ca.cmd), listText(cb.cmd));
    addValue(diff, QStringLiteral("Entrypoint"), listText(ca.entrypoint), listText(cb.entrypoint));
    addValue(diff, QStringLiteral("WorkingDir"), ca.workingDir, cb.workingDir);
    addValue(diff, QStringLiteral("User"), ca.user, cb.user);
    addKeyed(diff, QStringLiteral("ExposedPorts"), portMap(ca.exposedPorts),
             portMap(cb.exposedPorts));
    addKeyed(diff, QStringLiteral("Labels"), labelMap(ca.labels), labelMap(cb.labels));
    addValue(diff, QStringLiteral("StopSignal"), ca.stopSignal, cb.stopSignal);
    addValue(diff, QStringLiteral("os"), a.platform.os, b.platform.os);
    addValue(diff, QStringLiteral("architecture"), a.platform.architecture,
             b.platform.architecture);
    if (!a.platform.variant.isEmpty() || !b.platform.variant.isEmpty())
        addValue(diff, QStringLiteral("variant"), a.platform.variant, b.platform.variant);
    return diff;
}

} // namespace strata

#include "image/imageconfig.h"

#include "common/sha256.h"
#include "image/historytext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace strata {

namespace {
HistoryEntry historyStep(const QJsonObject &h)
{
    HistoryEntry step;
    step.created = h.value(QStringLiteral("created")).toString();
    step.createdByRaw = h.value(QStringLiteral("created_by")).toString();
    step.comment = h.value(QStringLiteral("comment")).toString();
    step.author = h.value(QStringLiteral("author")).toString();
    step.emptyLayer = h.value(QStringLiteral("empty_layer")).toBool();
    const CleanedCommand cleaned = cleanCreatedBy(step.createdByRaw);
    step.createdBy = cleaned.text;
    step.instruction = cleaned.instruction;
    step.buildkit = cleaned.buildkit;
    return step;
}
} // namespace

QStringList jsonStrings(const QJsonValue &value)
{
    QStringList list;
    if (value.isString())
        list << value.toString();
    for (const QJsonValue v : value.toArray())
        list << v.toString();
    return list;
}

QString sha256Digest(const QByteArray &data)
{
    return QStringLiteral("sha256:") + QString::fromLatin1(Sha256::hash(data).toHex());
}

bool parseImageConfig(const QByteArray &json, ImageInfo *image)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject())
        return false;
    const QJsonObject o = doc.object();
    image->created = o.value(QStringLiteral("created")).toString();
    image->author = o.value(QStringLiteral("author")).toString();
    image->platform.os = o.value(QStringLiteral("os")).toString();
    image->platform.architecture = o.value(QStringLiteral("architecture")).toString();
    image->platform.variant = o.value(QStringLiteral("variant")).toString();
    image->platform.osVersion = o.value(QStringLiteral("os.version")).toString();

    QJsonObject c = o.value(QStringLiteral("config")).toObject();
    if (c.isEmpty())
        c = o.value(QStringLiteral("container_config")).toObject();
    ImageConfig &config = image->config;
    config.env = jsonStrings(c.value(QStringLiteral("Env")));
    config.cmd = jsonStrings(c.value(QStringLiteral("Cmd")));
    config.entrypoint = jsonStrings(c.value(QStringLiteral("Entrypoint")));
    config.workingDir = c.value(QStringLiteral("WorkingDir")).toString();
    config.user = c.value(QStringLiteral("User")).toString();
    config.stopSignal = c.value(QStringLiteral("StopSignal")).toString();
    config.exposedPorts = c.value(QStringLiteral("ExposedPorts")).toObject().keys();
    const QJsonObject labels = c.value(QStringLiteral("Labels")).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        config.labels.append({it.key(), it.value().toString()});

    for (const QJsonValue value : o.value(QStringLiteral("history")).toArray())
        image->history.append(historyStep(value.toObject()));
    return true;
}

QStringList configDiffIds(const QByteArray &json)
{
    return jsonStrings(QJsonDocument::fromJson(json)
                           .object()
                           .value(QStringLiteral("rootfs"))
                           .toObject()
                           .value(QStringLiteral("diff_ids")));
}

void computeChainIds(QList<LayerInfo> *layers)
{
    QString previous;
    for (qsizetype i = 0; i < layers->size(); ++i) {
        LayerInfo &layer = (*layers)[i];
        if (layer.diffId.isEmpty() || (i > 0 && previous.isEmpty())) {
            previous.clear();
            continue;
        }
        previous = i == 0 ? layer.diffId
                          : sha256Digest((previous + QLatin1Char(' ') + layer.diffId).toUtf8());
        layer.chainId = previous;
    }
}

void attachHistory(ImageInfo *image)
{
    int layer = -1;
    int nonEmpty = 0;
    for (qsizetype i = 0; i < image->history.size(); ++i) {
        HistoryEntry &step = image->history[i];
        if (!step.emptyLayer) {
            ++nonEmpty;
            if (layer + 1 < image->layers.size()) {
                ++layer;
                image->layers[layer].historyIndex = int(i);
            }
        }
        step.layer = layer;
    }
    if (!image->history.isEmpty() && nonEmpty != image->layers.size())
        image->warnings << QStringLiteral("the history describes %1 layers, the image has %2")
                               .arg(nonEmpty)
                               .arg(image->layers.size());
}

} // namespace strata

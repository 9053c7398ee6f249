// docker save before Docker 1.10: every build step was an image of its own, so every history
// step is a <id>/ directory (VERSION, json, layer.tar) chained by "parent", empty steps
// included; "repositories" names the top one. There is no manifest.json and no config file.

#include "imagewriter/digest.h"
#include "imagewriter/layouts.h"
#include "imagewriter/legacyimage.h"

#include <QJsonArray>
#include <QSet>

namespace strata::imagewriter::detail {

namespace {

struct Step
{
    HistoryStep history;
    const PreparedLayer *layer = nullptr; // null: an empty step
    const Layer *source = nullptr;
};

// History steps paired with the layers they made; layers beyond the history get a step each.
std::vector<Step> stepsOf(const PreparedImage &p)
{
    std::vector<Step> steps;
    size_t next = 0;
    for (const HistoryStep &h : p.image->history) {
        Step s{h};
        if (!h.emptyLayer && next < p.layers.size()) {
            s.layer = &p.layers[next];
            s.source = &p.image->layers[next];
            ++next;
        }
        steps.push_back(s);
    }
    for (; next < p.layers.size(); ++next)
        steps.push_back(Step{HistoryStep{}, &p.layers[next], &p.image->layers[next]});
    return steps;
}

// "/bin/sh -c #(nop)  ENV A=b" was the step container's Cmd ["/bin/sh", "-c", "#(nop)  ENV A=b"].
QJsonValue commandOf(const QString &createdBy)
{
    if (createdBy.isEmpty())
        return QJsonValue::Null;
    const QString shell = QStringLiteral("/bin/sh -c ");
    const QString script = createdBy.startsWith(shell) ? createdBy.mid(shell.size()) : createdBy;
    return QJsonArray{QStringLiteral("/bin/sh"), QStringLiteral("-c"), script};
}

qint64 contentSize(const Layer *layer)
{
    qint64 size = 0;
    if (layer) {
        for (const Entry &e : layer->entries)
            size += e.content.size();
    }
    return size;
}

} // namespace

Members dockerLegacyV1Members(const std::vector<PreparedImage> &images)
{
    const QByteArray emptyLayer = layerTar(Layer{});
    Members out;
    QSet<QString> savedIds;
    RepositoriesFile repositories;

    for (const PreparedImage &p : images) {
        const Image &image = *p.image;
        const std::vector<Step> steps = stepsOf(p);
        QString parent;
        for (const Step &step : steps) {
            const QString created =
                step.history.created.isEmpty() ? image.created : step.history.created;
            V1Image v1;
            v1.parent = parent;
            v1.comment = step.history.comment;
            v1.created = created;
            v1.containerConfig = buildStepContainerConfig(image.config.value(u"Env"),
                                                          commandOf(step.history.createdBy));
            v1.dockerVersion = QStringLiteral("1.9.1");
            v1.author = step.history.author;
            v1.config = runtimeConfigJson(image.config);
            v1.architecture = image.architecture;
            v1.os = image.os;
            v1.size = contentSize(step.source);
            const QByteArray &tar = step.layer ? step.layer->tar : emptyLayer;
            // Docker picked random ids then; ours follow the chain so equal chains share them.
            const QString id = sha256Hex(parent.toLatin1() + '\n' + v1.toJson() + '\n' + tar);
            v1.id = id;
            parent = id;
            if (savedIds.contains(id))
                continue;
            savedIds.insert(id);
            const int64_t t = parseCreated(created);
            out.push_back(Member::dir(id, 0755, t));
            out.push_back(Member::file(id + QStringLiteral("/VERSION"), "1.0", 0644, t));
            out.push_back(Member::file(id + QStringLiteral("/json"), v1.toJson(), 0644, t));
            out.push_back(Member::file(id + QStringLiteral("/layer.tar"), tar, 0644, t));
        }
        if (!parent.isEmpty())
            repositories.add(image.tags, parent);
    }
    if (!repositories.isEmpty())
        out.push_back(Member::file(QStringLiteral("repositories"), repositories.toJson(), 0644, 0));
    sortInWalkOrder(out);
    return out;
}

} // namespace strata::imagewriter::detail

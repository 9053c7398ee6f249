#include "archive/archivejson.h"
#include "archive/parsearchive.h"
#include "image/historytext.h"
#include "image/imageconfig.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace strata {

// A chain of `<id>/json` whose `parent` names the layer below, the top named by `repositories`.
bool parseLegacyV1(const ArchiveSource &source, ParsedArchive *out, Error *error)
{
    QJsonDocument repositories;
    if (!readJsonMember(source, QStringLiteral("repositories"), &repositories, nullptr, error))
        return false;
    // top layer id -> names
    QMap<QString, QStringList> tops;
    const QJsonObject repos = repositories.object();
    for (auto repo = repos.begin(); repo != repos.end(); ++repo) {
        const QJsonObject tags = repo.value().toObject();
        for (auto tag = tags.begin(); tag != tags.end(); ++tag)
            tops[tag.value().toString()] << repo.key() + QLatin1Char(':') + tag.key();
    }
    if (tops.isEmpty()) {
        *error = Error::make(Error::Kind::NotAnImage, source.path(),
                             QStringLiteral("names no image and there is no manifest.json"),
                             QStringLiteral("repositories"));
        return false;
    }
    for (auto top = tops.begin(); top != tops.end(); ++top) {
        ImageInfo image;
        image.names = top.value();
        QList<LayerInfo> chain; // top first
        QSet<QString> seen;
        for (QString id = top.key(); !id.isEmpty();) {
            if (seen.contains(id) || chain.size() > 1000) {
                *error = Error::make(Error::Kind::MalformedJson, source.path(),
                                     QStringLiteral("the chain of parent layers loops"),
                                     id + QStringLiteral("/json"));
                return false;
            }
            seen.insert(id);
            LayerInfo layer;
            layer.v1Id = id;
            QJsonDocument json;
            if (!readJsonMember(source, id + QStringLiteral("/json"), &json, &layer.v1Json, error))
                return false;
            setLayerMember(source, id + QStringLiteral("/layer.tar"), &layer);
            chain.append(layer);
            if (chain.size() == 1) {
                image.configJson = layer.v1Json;
                image.configMember = id + QStringLiteral("/json");
                parseImageConfig(layer.v1Json, &image);
            }
            id = json.object().value(QStringLiteral("parent")).toString();
        }
        std::reverse(chain.begin(), chain.end());
        for (const LayerInfo &layer : chain) {
            const QJsonObject json = QJsonDocument::fromJson(layer.v1Json).object();
            HistoryEntry step;
            step.created = json.value(QStringLiteral("created")).toString();
            step.author = json.value(QStringLiteral("author")).toString();
            step.comment = json.value(QStringLiteral("comment")).toString();
            step.createdByRaw = jsonStrings(json.value(QStringLiteral("container_config"))
                                                .toObject()
                                                .value(QStringLiteral("Cmd")))
                                    .join(QLatin1Char(' '));
            const CleanedCommand cleaned = cleanCreatedBy(step.createdByRaw);
            step.createdBy = cleaned.text;
            step.instruction = cleaned.instruction;
            image.history.append(step);
        }
        image.layers = chain;
        image.id = QStringLiteral("sha256:") + top.key();
        attachHistory(&image);
        out->images.push_back(std::move(image));
    }
    out->format = ArchiveFormat::DockerLegacyV1;
    return true;
}
} // namespace strata

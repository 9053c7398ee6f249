#pragma once

// The per-layer "json" files of docker save's legacy layout (Go's image.V1Image), and the ids
// Docker derives from them.

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace strata::imagewriter::detail {

struct V1Image
{
    QString id;
    QString parent; // hex, no "sha256:"
    QString comment;
    QString created;
    QByteArray containerConfig; // JSON; always written, as Go writes a struct value
    QString dockerVersion;
    QString author;
    QByteArray config; // JSON; omitted when empty
    QString architecture;
    QString os;
    std::optional<qint64> size;

    // Keys in Go struct order, empty ones omitted as Go's omitempty does.
    QByteArray toJson() const;
};

// container.Config{} as Go marshals it: what docker save writes as "container_config" for
// images built without a container (buildkit) and for intermediate layers.
QByteArray zeroContainerConfig();

// The same, with Env and Cmd set: the "container_config" of a pre-1.10 build step.
QByteArray buildStepContainerConfig(const QJsonValue &env, const QJsonValue &cmd);

// Docker's v1.CreateID: the digest of the image's JSON with "id" removed and "layer_id" (the
// ChainID) and "parent" (a digest, may be empty) added. Returns the hex.
QString createV1Id(const V1Image &image, const QString &chainId, const QString &parentDigest);

} // namespace strata::imagewriter::detail

#pragma once

#include "image/imageinfo.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace strata {

// Fills ImageConfig, created, author, platform and history from an image config (the OCI
// image config, or docker's container config, which has the same shape). False when it is
// not a JSON object.
bool parseImageConfig(const QByteArray &json, ImageInfo *image);

// The diff_ids of a config's rootfs, in order.
QStringList configDiffIds(const QByteArray &json);

// chain[0] = diff[0]; chain[n] = sha256(chain[n-1] + " " + diff[n]). Empty from the first
// unknown diff_id on.
void computeChainIds(QList<LayerInfo> *layers);

// Attaches history steps to layers: the n-th non-empty step made the n-th layer; an empty
// step belongs between the layer before it and the next.
void attachHistory(ImageInfo *image);

// A JSON string or array of strings as a list (Cmd, Entrypoint, RepoTags...).
QStringList jsonStrings(const QJsonValue &value);

// "sha256:<hex of the SHA-256 of data>"
QString sha256Digest(const QByteArray &data);

} // namespace strata

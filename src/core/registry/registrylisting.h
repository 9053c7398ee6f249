#pragma once

#include "common/error.h"
#include "registry/registryreference.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace strata {

// One tag of a repository, as `strata-cli images` and the Open from Registry dialog list it.
struct RegistryTag
{
    QString tag;
    QString digest;        // of what the tag names: an index or a manifest
    QString mediaType;     // of that
    QStringList platforms; // "linux/amd64", ...; attestations left out
    // The default platform's image: the bytes its layers take as stored (compressed), and
    // uncompressed when every layer is an uncompressed tar; -1 when not known.
    qint64 compressedSize = -1;
    qint64 uncompressedSize = -1;
    Error error; // set when the tag's manifest could not be read; the rest is empty
};

// The tags of `repository` (a reference whose tag is ignored) with what their manifests say,
// in the registry's order. Each tag costs one or two manifest requests, several at once.
std::optional<QList<RegistryTag>> listRegistryTags(const RegistryReference &repository,
                                                   Error *error);

// Whether `text` names a repository without a tag or digest ("localhost:5000/app").
bool namesRepositoryOnly(const QString &text);

} // namespace strata

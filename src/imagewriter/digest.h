#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace strata::imagewriter::detail {

// Lower-case hex SHA-256 of `data`, and the same as an OCI digest "sha256:<hex>".
QString sha256Hex(const QByteArray &data);
QString sha256Digest(const QByteArray &data);

// "sha256:<hex>" -> "<hex>".
QString digestHex(const QString &digest);

// ChainID of the layer stack whose DiffIDs are `diffIds` (OCI image spec, "Layer ChainID").
QString chainId(const QStringList &diffIds);

} // namespace strata::imagewriter::detail

#pragma once

#include "engine/overlayfolders.h"

#include <QByteArray>
#include <QJsonObject>

namespace strata {

// `strata-cli inspect --overlay`: an engine image's or container's folders in the overlay2
// store, each layer's diff/ with its `du` sizes, link and lower, and the mount that puts them
// together; or why they cannot be shown.
QByteArray overlayText(const OverlayFolders &folders);
QJsonObject overlayJson(const OverlayFolders &folders);

} // namespace strata

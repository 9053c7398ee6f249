#pragma once

#include <QFont>

namespace strata {

// The system's fixed-pitch family with nothing else set, so that a widget given this font
// still takes its size from its parent: the app's presentation zoom scales it like the rest.
QFont inheritedMonospaceFont();

} // namespace strata

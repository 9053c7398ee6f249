#pragma once

#include "tree/overlaymerge.h"

#include <QColor>
#include <QIcon>
#include <QPalette>

namespace strata {

// Colours and icons of Added / Modified / Deleted, chosen against the palette's base colour so
// they stay readable on light and dark themes alike.
namespace changestyle {

bool isDark(const QPalette &palette);
// Text colour for the kind; Unchanged gives the palette's normal text colour.
QColor textColor(ChangeKind kind, const QPalette &palette);
// A small round badge with "+", "~" or "−"; a null icon for Unchanged.
QIcon icon(ChangeKind kind, const QPalette &palette);

} // namespace changestyle
} // namespace strata

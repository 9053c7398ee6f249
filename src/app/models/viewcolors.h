#pragma once

#include <QColor>
#include <QPalette>

namespace strata {

// Colours the custom views draw with: taken from the palette so that they stay readable in
// light and dark themes, plus a few accents that the palette has no role for.
bool isDarkPalette(const QPalette &palette);

// `from` moved towards `to` by `amount` (0 = from, 1 = to), alpha included.
QColor mixColors(const QColor &from, const QColor &to, qreal amount);

struct AccentColors
{
    QColor own;     // layers the image's own Dockerfile made
    QColor base;    // layers of the image it was built FROM
    QColor damaged; // layers that could not be read
    QColor shade;   // the per-layer shading ("wasted bytes")
    QColor step;    // empty-layer steps (ENV, CMD...)
    QColor dimText; // secondary text: digests, comments
};
AccentColors accentColors(const QPalette &palette);

// Dockerfile and JSON syntax colours, in pairs chosen for light and dark backgrounds.
struct SyntaxColors
{
    QColor keyword;
    QColor string;
    QColor comment;
    QColor variable;
    QColor operatorColor;
    QColor option;
    QColor number;
};
SyntaxColors syntaxColors(const QPalette &palette);

} // namespace strata

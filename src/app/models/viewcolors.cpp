#include "models/viewcolors.h"

namespace strata {

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

QColor mixColors(const QColor &from, const QColor &to, qreal amount)
{
    const QColor a = from.toRgb();
    const QColor b = to.toRgb();
    auto mix = [amount](float x, float y) { return x + (y - x) * float(amount); };
    return QColor::fromRgbF(mix(a.redF(), b.redF()), mix(a.greenF(), b.greenF()),
                            mix(a.blueF(), b.blueF()), mix(a.alphaF(), b.alphaF()));
}

AccentColors accentColors(const QPalette &palette)
{
    const bool dark = isDarkPalette(palette);
    AccentColors colors;
    colors.own = dark ? QColor(0x3f, 0xb6, 0xb0) : QColor(0x1a, 0x7f, 0x86);
    colors.base = dark ? QColor(0x9c, 0xa3, 0xaf) : QColor(0x6b, 0x72, 0x80);
    colors.damaged = dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    colors.shade = dark ? QColor(0xf0, 0xa0, 0x30) : QColor(0xe0, 0x80, 0x10);
    colors.step = dark ? QColor(0xc0, 0x8c, 0xf0) : QColor(0x7b, 0x3f, 0xb0);
    colors.dimText = mixColors(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.4);
    return colors;
}

SyntaxColors syntaxColors(const QPalette &palette)
{
    const bool dark = isDarkPalette(palette);
    SyntaxColors colors;
    colors.keyword = dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x05, 0x50, 0xae);
    colors.string = dark ? QColor(0x7e, 0xe7, 0x87) : QColor(0x11, 0x63, 0x29);
    colors.comment = mixColors(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.45);
    colors.variable = dark ? QColor(0xff, 0xa6, 0x57) : QColor(0x95, 0x38, 0x00);
    colors.operatorColor = dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e);
    colors.option = dark ? QColor(0xd2, 0xa8, 0xff) : QColor(0x82, 0x50, 0xdf);
    colors.number = dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x09, 0x69, 0xda);
    return colors;
}

} // namespace strata

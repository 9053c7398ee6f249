#include "views/monofont.h"

#include <QFontDatabase>
#include <QStringList>

namespace strata {

QFont inheritedMonospaceFont()
{
    QFont font;
    font.setFamilies(QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
    font.setStyleHint(QFont::Monospace);
    font.setFixedPitch(true);
    return font;
}

} // namespace strata

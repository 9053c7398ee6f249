#include "views/stackheightscale.h"

#include <QSettings>

namespace strata {

namespace {
const char kKey[] = "view/logarithmicBlockHeights";
}

StackHeightScale::StackHeightScale()
    : m_logarithmic(QSettings().value(QLatin1String(kKey), false).toBool())
{
}

StackHeightScale &StackHeightScale::instance()
{
    static StackHeightScale scale;
    return scale;
}

void StackHeightScale::setLogarithmic(bool logarithmic)
{
    if (logarithmic == m_logarithmic)
        return;
    m_logarithmic = logarithmic;
    QSettings().setValue(QLatin1String(kKey), logarithmic);
    emit changed(logarithmic);
}

} // namespace strata

#include "source/sourcesettings.h"

#include "cache/cachedirectory.h"

#include <QSettings>

namespace strata {

SourceSettings SourceSettings::load()
{
    QSettings settings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("Strata"),
                       QStringLiteral("Strata"));
    SourceSettings result;
    result.engineHost = settings.value(QStringLiteral("sources/engineHost")).toString();
    result.cacheLimit =
        settings.value(QStringLiteral("sources/cacheLimit"), CacheDirectory::kDefaultLimit)
            .toLongLong();
    return result;
}

void SourceSettings::save() const
{
    QSettings settings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("Strata"),
                       QStringLiteral("Strata"));
    settings.setValue(QStringLiteral("sources/engineHost"), engineHost);
    settings.setValue(QStringLiteral("sources/cacheLimit"), cacheLimit);
}

} // namespace strata

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
    result.insecureRegistries =
        settings.value(QStringLiteral("sources/insecureRegistries")).toStringList();
    result.recentReferences =
        settings.value(QStringLiteral("sources/recentReferences")).toStringList();
    return result;
}

void SourceSettings::save() const
{
    QSettings settings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("Strata"),
                       QStringLiteral("Strata"));
    settings.setValue(QStringLiteral("sources/engineHost"), engineHost);
    settings.setValue(QStringLiteral("sources/cacheLimit"), cacheLimit);
    settings.setValue(QStringLiteral("sources/insecureRegistries"), insecureRegistries);
    settings.setValue(QStringLiteral("sources/recentReferences"), recentReferences);
}

} // namespace strata

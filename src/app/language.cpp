#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace strata::language {

static QString settingsKey()
{
    return QStringLiteral("language");
}

QString storedChoice()
{
    return QSettings().value(settingsKey()).toString();
}

void storeChoice(const QString &code)
{
    QSettings().setValue(settingsKey(), code);
}

QLocale localeFor(const QString &code)
{
    if (code.isEmpty())
        return QLocale::system();
    return QLocale(code);
}

QStringList translatedLanguages()
{
    return {QStringLiteral("ru")};
}

bool install(QCoreApplication *app, const QString &code)
{
    const QLocale locale = localeFor(code);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return true;
    auto *own = new QTranslator(app);
    // ":/i18n/strata_ru.qm", embedded by qt_add_translations.
    if (!own->load(locale, QStringLiteral("strata"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete own;
        return false;
    }
    // Qt's own strings (dialog buttons, the file dialog): a fallback, installed first so that
    // Strata's translator is asked first.
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app->installTranslator(qt);
    else
        delete qt;
    app->installTranslator(own);
    QLocale::setDefault(locale);
    return true;
}

} // namespace strata::language

#include "windows/language.h"

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

// The source strings are English, but "%n layer(s)" needs its forms: strata_en.qm holds
// only those ("1 layer", "2 layers").
static void installEnglishPlurals(QCoreApplication *app)
{
    auto *plurals = new QTranslator(app);
    if (plurals->load(QStringLiteral(":/i18n/strata_en.qm")))
        app->installTranslator(plurals);
    else
        delete plurals;
}

bool install(QCoreApplication *app, const QString &code)
{
    const QLocale locale = localeFor(code);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) {
        installEnglishPlurals(app);
        return true;
    }
    auto *own = new QTranslator(app);
    // ":/i18n/strata_ru.qm", embedded by qt_add_translations.
    if (!own->load(locale, QStringLiteral("strata"), QStringLiteral("_"),
                   QStringLiteral(":/i18n"))) {
        delete own;
        installEnglishPlurals(app); // the app stays in English
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

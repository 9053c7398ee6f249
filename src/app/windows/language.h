#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace strata {

// The user's language choice ("" = the system's, "en", "ru"), kept in QSettings, and the
// translators that realise it: Strata's own (embedded .qm) and Qt's (qtbase, for the standard
// dialogs). Qt widgets do not retranslate themselves, so a change applies at the next start.
namespace language {

QString storedChoice();
void storeChoice(const QString &code);
// The locale the choice stands for.
QLocale localeFor(const QString &code);
// Installs the translators for `code` on the application; returns false when Strata has no
// translation for that language and stays in English (whose plural forms it installs).
bool install(QCoreApplication *app, const QString &code);
// Languages with a translation, besides English: {"ru"}.
QStringList translatedLanguages();

} // namespace language
} // namespace strata

#pragma once

#include <QLocale>
#include <QString>

namespace strata {

enum class SizePrecision
{
    OneDecimal,  // "8.6 kB", "104.6 MB": as `docker images` and dive round them (the app)
    ThreeDigits, // "8.60 kB", "20.0 kB", "291 kB": text reports, where figures line up
};

// A size in decimal (SI) units, "812 B" below a kilobyte, the digits written the way `locale`
// writes them (the default locale: the UI language in the app, "C" in strata-cli). "?" for a
// negative (unknown) size.
QString formatDataSize(qint64 bytes, SizePrecision precision = SizePrecision::OneDecimal,
                       const QLocale &locale = QLocale());

} // namespace strata

#include "common/datasize.h"

#include <QCoreApplication>

namespace strata {

QString formatDataSize(qint64 bytes, SizePrecision precision, const QLocale &locale)
{
    if (bytes < 0)
        return QCoreApplication::translate("strata::DataSize", "?");
    if (bytes < 1000)
        return QCoreApplication::translate("strata::DataSize", "%1 B").arg(locale.toString(bytes));
    if (precision == SizePrecision::OneDecimal)
        return locale.formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
    static const char *const units[] = {"kB", "MB", "GB", "TB", "PB", "EB"};
    double value = double(bytes) / 1000.0;
    int unit = 0;
    while (value >= 1000.0 && unit < 5) {
        value /= 1000.0;
        ++unit;
    }
    const int decimals = value < 10 ? 2 : value < 100 ? 1 : 0;
    return locale.toString(value, 'f', decimals) + QLatin1Char(' ') + QLatin1String(units[unit]);
}

} // namespace strata

#pragma once

#include <QObject>

namespace strata {

// The block height scale of every layer stack in the application: proportional to the
// layers' sizes, or logarithmic (View > Logarithmic Block Heights), kept in the settings so
// that a teacher's choice survives a restart.
class StackHeightScale final : public QObject
{
    Q_OBJECT
public:
    static StackHeightScale &instance();

    bool logarithmic() const { return m_logarithmic; }
    void setLogarithmic(bool logarithmic);

signals:
    void changed(bool logarithmic);

private:
    StackHeightScale();
    bool m_logarithmic = false;
};

} // namespace strata

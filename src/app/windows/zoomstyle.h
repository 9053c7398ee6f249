#pragma once

#include <QProxyStyle>

namespace strata {

// The application's style with its sizes scaled for the presentation zoom: check boxes, radio
// buttons, tree arrows and indentation, icons, scroll bars, spacing and margins grow with the
// text, so that a 200 % window is the same window twice as large, not large text in small
// controls. Frame and line widths stay as they are.
class ZoomStyle final : public QProxyStyle
{
    Q_OBJECT
public:
    ZoomStyle(const QString &baseStyle, qreal factor);

    qreal factor() const { return m_factor; }
    int pixelMetric(PixelMetric metric, const QStyleOption *option = nullptr,
                    const QWidget *widget = nullptr) const override;

private:
    qreal m_factor;
};

} // namespace strata

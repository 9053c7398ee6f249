#include "windows/zoomstyle.h"

#include <QStyleFactory>

#include <cmath>

namespace strata {

namespace {
bool scales(QStyle::PixelMetric metric)
{
    switch (metric) {
    case QStyle::PM_IndicatorWidth:
    case QStyle::PM_IndicatorHeight:
    case QStyle::PM_ExclusiveIndicatorWidth:
    case QStyle::PM_ExclusiveIndicatorHeight:
    case QStyle::PM_SmallIconSize:
    case QStyle::PM_LargeIconSize:
    case QStyle::PM_IconViewIconSize:
    case QStyle::PM_ListViewIconSize:
    case QStyle::PM_ToolBarIconSize:
    case QStyle::PM_TabBarIconSize:
    case QStyle::PM_ButtonIconSize:
    case QStyle::PM_MessageBoxIconSize:
    case QStyle::PM_TreeViewIndentation:
    case QStyle::PM_ScrollBarExtent:
    case QStyle::PM_ScrollBarSliderMin:
    case QStyle::PM_SliderThickness:
    case QStyle::PM_SliderLength:
    case QStyle::PM_SliderControlThickness:
    case QStyle::PM_MenuButtonIndicator:
    case QStyle::PM_HeaderMargin:
    case QStyle::PM_HeaderMarkSize:
    case QStyle::PM_SplitterWidth:
    case QStyle::PM_TabBarTabHSpace:
    case QStyle::PM_TabBarTabVSpace:
    case QStyle::PM_ButtonMargin:
    case QStyle::PM_MenuHMargin:
    case QStyle::PM_MenuVMargin:
    case QStyle::PM_MenuBarItemSpacing:
    case QStyle::PM_MenuBarHMargin:
    case QStyle::PM_MenuBarVMargin:
    case QStyle::PM_ToolBarItemSpacing:
    case QStyle::PM_ToolBarItemMargin:
    case QStyle::PM_LayoutLeftMargin:
    case QStyle::PM_LayoutTopMargin:
    case QStyle::PM_LayoutRightMargin:
    case QStyle::PM_LayoutBottomMargin:
    case QStyle::PM_LayoutHorizontalSpacing:
    case QStyle::PM_LayoutVerticalSpacing:
    case QStyle::PM_TitleBarHeight:
    case QStyle::PM_ToolTipLabelFrameWidth:
        return true;
    default:
        return false;
    }
}
} // namespace

ZoomStyle::ZoomStyle(const QString &baseStyle, qreal factor)
    : QProxyStyle(QStyleFactory::create(baseStyle)), m_factor(factor)
{
}

int ZoomStyle::pixelMetric(PixelMetric metric, const QStyleOption *option,
                           const QWidget *widget) const
{
    const int base = QProxyStyle::pixelMetric(metric, option, widget);
    if (m_factor == 1.0 || base <= 0 || !scales(metric))
        return base;
    return int(std::lround(base * m_factor));
}

} // namespace strata

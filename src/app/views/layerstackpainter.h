#pragma once

class QPainter;
class QPalette;

namespace strata {

class LayerStackScene;

struct LayerStackPaintState
{
    int currentItem = -1; // index into LayerStackScene::items()
    int hoverItem = -1;
    bool focused = false;
};

// Draws a laid-out scene with its top-left corner at the painter's origin. The widget, the
// PNG and the SVG export all paint through here, so they look the same.
void paintLayerStack(QPainter &painter, const LayerStackScene &scene, const QPalette &palette,
                     const LayerStackPaintState &state);

} // namespace strata

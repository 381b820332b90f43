// The look of the base map, and the one-time conversion of the parsed map asset into GPU-ready geometry:
// every layer projected once, coloured by country, tagged with the zoom range its detail level is drawn at.
#pragma once
#include "core/map_asset.hpp"
#include "core/palette.hpp"
#include "render/map_renderer.hpp"

namespace render {

MapGeometry build_map_geometry(const core::MapAsset& map);

// The sea of each theme (RGBA, 0..1), from core::MapPalette: the canvas is cleared to it.
extern const float* const kSeaColour;
extern const float* const kDarkSeaColour;

}  // namespace render

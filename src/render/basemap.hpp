// The look of the base map, and the one-time conversion of the parsed map asset into GPU-ready geometry:
// every layer projected once, coloured by country, tagged with the zoom range its detail level is drawn at.
#pragma once
#include "core/map_asset.hpp"
#include "render/map_renderer.hpp"

namespace render {

MapGeometry build_map_geometry(const core::MapAsset& map);

// Colours shared with the rest of the scene (RGBA, 0..1).
extern const float kSeaColour[4];
extern const float kDarkSeaColour[4];

}  // namespace render

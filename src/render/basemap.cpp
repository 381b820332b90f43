#include "render/basemap.hpp"

#include <cmath>

namespace render {

const float* const kSeaColour = core::kLightPalette.sea;
const float* const kDarkSeaColour = core::kDarkPalette.sea;

// North Korea stands out; the countries his trains and planes reach are a shade apart from the rest. The class, not
// a colour, goes to the GPU: the fill shader takes each theme's colours from core::MapPalette.
static std::uint32_t land_class(std::uint16_t iso) {
  switch (iso) {
    case 408: return static_cast<std::uint32_t>(core::LandClass::NorthKorea);
    case 156:
    case 643:
    case 704:
    case 702: return static_cast<std::uint32_t>(core::LandClass::RouteLand);  // China, Russia, Vietnam, Singapore
    default: return static_cast<std::uint32_t>(core::LandClass::Other);
  }
}

MapGeometry build_map_geometry(const core::MapAsset& map) {
  MapGeometry g;
  // Level 1 (1:10m) replaces level 0 inside the detail boxes once the view is finer than the asset suggests.
  const float switch_zoom = map.detail_km_per_px > 0 ? static_cast<float>(-std::log2(map.detail_km_per_px)) : 1e9f;
  auto zoom_range = [&](const core::MapLayer& layer, float& min_zoom, float& max_zoom) {
    if (layer.zone == 0) return;
    if (layer.level == 0)
      max_zoom = switch_zoom;
    else
      min_zoom = switch_zoom;
  };

  for (const core::MapLayer& layer : map.layers) {
    if (layer.kind != core::MapLayerKind::Land) continue;
    LandMesh mesh;
    mesh.xy = core::project_layer(layer);
    mesh.indices = layer.indices;
    mesh.land_class.assign(layer.points.size(), land_class(0));
    for (const core::MapLandGroup& group : layer.groups) {
      const std::uint32_t k = land_class(map.countries[group.country].iso_numeric);
      for (std::uint32_t i = group.first_index; i < group.first_index + group.index_count; ++i)
        mesh.land_class[layer.indices[i]] = k;
    }
    zoom_range(layer, mesh.min_zoom, mesh.max_zoom);
    g.land.push_back(std::move(mesh));
  }

  // Coastlines under borders, so a border meeting the sea ends cleanly.
  for (core::MapLayerKind kind : {core::MapLayerKind::Coastline, core::MapLayerKind::Border}) {
    for (const core::MapLayer& layer : map.layers) {
      if (layer.kind != kind) continue;
      LineLayer lines;
      const std::vector<float> xy = core::project_layer(layer);
      for (std::size_t part = 0; part < layer.part_count(); ++part) {
        for (std::uint32_t i = layer.part_offsets[part]; i + 1 < layer.part_offsets[part + 1]; ++i)
          lines.segments.insert(lines.segments.end(), {xy[2 * i], xy[2 * i + 1], xy[2 * i + 2], xy[2 * i + 3]});
      }
      const bool border = kind == core::MapLayerKind::Border;
      lines.border = border;
      lines.width_px = border ? 1.3f : 0.8f;
      zoom_range(layer, lines.min_zoom, lines.max_zoom);
      g.lines.push_back(std::move(lines));
    }
  }
  return g;
}

}  // namespace render

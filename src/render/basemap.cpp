#include "render/basemap.hpp"

#include <algorithm>
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

// Layers drawn at the same zoom range (and lines of the same kind) go into one buffer, so that a frame draws the
// map in 6 calls, not 12 (each WebGL call costs the page's main thread, more than the GPU's work here): the land of
// zone 0, of the detail zones at level 0 and at level 1; the coastlines and the borders of each.
static void merge_same_draws(MapGeometry& g) {
  std::vector<LandMesh> land;
  for (LandMesh& mesh : g.land) {
    auto same = std::find_if(land.begin(), land.end(), [&](const LandMesh& m) {
      return m.min_zoom == mesh.min_zoom && m.max_zoom == mesh.max_zoom;
    });
    if (same == land.end()) {
      land.push_back(std::move(mesh));
      continue;
    }
    const auto base = static_cast<std::uint32_t>(same->xy.size() / 2);
    same->xy.insert(same->xy.end(), mesh.xy.begin(), mesh.xy.end());
    same->land_class.insert(same->land_class.end(), mesh.land_class.begin(), mesh.land_class.end());
    for (std::uint32_t i : mesh.indices) same->indices.push_back(base + i);
  }
  g.land = std::move(land);
  std::vector<LineLayer> lines;  // every coastline comes before any border, so their buckets keep that order
  for (LineLayer& layer : g.lines) {
    auto same = std::find_if(lines.begin(), lines.end(), [&](const LineLayer& l) {
      return l.border == layer.border && l.width_px == layer.width_px && l.min_zoom == layer.min_zoom &&
             l.max_zoom == layer.max_zoom;
    });
    if (same == lines.end()) {
      lines.push_back(std::move(layer));
      continue;
    }
    same->segments.insert(same->segments.end(), layer.segments.begin(), layer.segments.end());
  }
  g.lines = std::move(lines);
}

MapGeometry build_map_geometry(const core::MapAsset& map) {
  MapGeometry g;
  // Level 1 (1:10m) replaces level 0 inside the detail boxes once the view is finer than the asset suggests.
  const float switch_zoom = map.detail_km_per_px > 0 ? static_cast<float>(-std::log2(map.detail_km_per_px)) : 1e9f;
  auto zoom_range = [&](const core::MapLayer& layer, float& min_zoom, float& max_zoom) {
    if (layer.zone == 0 || layer.zone == map.far_zone()) return;  // no detail box: drawn at every zoom
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
  merge_same_draws(g);
  return g;
}

}  // namespace render

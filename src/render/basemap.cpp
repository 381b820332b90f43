#include "render/basemap.hpp"

#include <algorithm>
#include <cmath>

namespace render {

const float kSeaColour[4] = {0.796f, 0.863f, 0.914f, 1.0f};
const float kDarkSeaColour[4] = {0.075f, 0.105f, 0.145f, 1.0f};

static constexpr std::uint32_t rgba8(unsigned r, unsigned g, unsigned b) {
  return 0xFF000000u | (b << 16) | (g << 8) | r;
}

// North Korea stands out; the countries his trains and planes reach are a shade apart from the rest.
static std::uint32_t land_colour(std::uint16_t iso) {
  switch (iso) {
    case 408: return rgba8(0xE9, 0xD3, 0xB0);  // North Korea
    case 156:
    case 643:
    case 704:
    case 702: return rgba8(0xF4, 0xF0, 0xE6);  // China, Russia, Vietnam, Singapore
    default: return rgba8(0xEC, 0xEA, 0xE4);
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
    mesh.rgba.assign(layer.points.size(), land_colour(0));
    // The fans of one colour together, one range each: the renderer fills a range by the even-odd rule, and
    // fans of one colour may share it (countries never overlap; a fan reaching over a neighbour covers it twice).
    std::vector<std::uint32_t> colours;
    for (const core::MapLandGroup& group : layer.groups) {
      const std::uint32_t colour = land_colour(map.countries[group.country].iso_numeric);
      if (std::find(colours.begin(), colours.end(), colour) == colours.end()) colours.push_back(colour);
    }
    mesh.indices.reserve(layer.indices.size());
    for (std::uint32_t colour : colours) {
      const auto first = static_cast<std::uint32_t>(mesh.indices.size());
      for (const core::MapLandGroup& group : layer.groups) {
        if (land_colour(map.countries[group.country].iso_numeric) != colour) continue;
        for (std::uint32_t i = group.first_index; i < group.first_index + group.index_count; ++i) {
          mesh.rgba[layer.indices[i]] = colour;
          mesh.indices.push_back(layer.indices[i]);
        }
      }
      mesh.ranges.push_back({first, static_cast<std::uint32_t>(mesh.indices.size()) - first});
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
      const float coast[4] = {0.45f, 0.58f, 0.68f, 1.0f}, frontier[4] = {0.48f, 0.40f, 0.36f, 1.0f};
      for (int i = 0; i < 4; ++i) lines.rgba[i] = border ? frontier[i] : coast[i];
      lines.width_px = border ? 1.3f : 0.8f;
      zoom_range(layer, lines.min_zoom, lines.max_zoom);
      g.lines.push_back(std::move(lines));
    }
  }
  return g;
}

}  // namespace render

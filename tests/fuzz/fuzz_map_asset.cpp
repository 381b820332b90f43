// libFuzzer target: the base map loader (assets/map.bin) on arbitrary bytes. Each input is parsed twice: as
// it is (the header checks: magic, version, sizes, checksum), and "resealed" -- with the header's magic,
// version, payload size and FNV-1a checksum fixed to match -- so that mutations reach the section table and
// every section parser instead of stopping at the checksum.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/map_asset.hpp"

static void put_u32(std::vector<std::uint8_t>& b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + i] = static_cast<std::uint8_t>(v >> (8 * i));
}

static void check(const std::uint8_t* data, std::size_t size) {
  core::MapAsset map;
  std::string error;
  if (!core::parse_map_asset(data, size, map, error)) return;
  // A map that parses is used as the renderer uses it.
  for (const core::MapLayer& layer : map.layers) (void)core::project_layer(layer);
  for (int level = 0; level <= 1; ++level)
    for (core::MapLayerKind kind :
         {core::MapLayerKind::Land, core::MapLayerKind::Coastline, core::MapLayerKind::Border})
      for (const core::MapLayer* l : core::layers_to_draw(map, kind, level))
        if (l == nullptr) __builtin_trap();
  (void)core::map_view_needs_far(
      map, core::project_lonlat_box(map.region.lon_min, map.region.lat_min, map.region.lon_max, map.region.lat_max));
  // A far part joins a copy of itself only as the near part it is not: refused, never half-added.
  core::MapAsset near = map;
  near.far_loaded = false;
  const std::size_t layers = near.layers.size();
  if (!core::map_add_far_part(near, std::move(map), error) && near.layers.size() != layers) __builtin_trap();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  check(data, size);
  if (size < core::kMapHeaderBytes) return 0;
  std::vector<std::uint8_t> sealed(data, data + size);
  sealed[0] = 'J';
  sealed[1] = 'M';
  sealed[2] = 'A';
  sealed[3] = 'P';
  put_u32(sealed, 4, core::kMapFormatVersion);
  const std::size_t payload = size - core::kMapHeaderBytes;
  put_u32(sealed, 8, static_cast<std::uint32_t>(payload));
  put_u32(sealed, 12, core::fnv1a32(sealed.data() + core::kMapHeaderBytes, payload));
  check(sealed.data(), sealed.size());
  return 0;
}

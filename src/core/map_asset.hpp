// assets/map.bin: the base map (Natural Earth countries at 1:50m and, inside detail boxes, 1:10m), parsed and
// validated from a byte buffer. The file stores shared arcs (every coastline and border vertex once) and the
// land as rings of arc references; the loader rebuilds coastline and border polylines and triangulates the
// land (mapbox earcut, in the projected plane). The format is specified in assets/MAP.md and written by
// scripts/make_map.mjs.
//
// How the renderer uses it: project every layer once at load (project_layer) into static GPU buffers, then
// per frame draw zone 0 and the far zone at level 0, and for each detail box k (zone k) either level 0 or level 1
// of that zone (map_level_for_scale). Each zone/level pair tiles the plane without overlap, so land can be drawn
// opaque.
//
// The map comes in two files: the near part (assets/map.bin: the near box, where the most-read trips are framed,
// downloaded with the page) and the far part (assets/map-far.bin: the rest of the region, three quarters of the
// points, downloaded the first time a view reaches past the near box: map_view_needs_far). Each is parsed on its
// own; map_add_far_part puts the far part's layers beside the near part's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/geo.hpp"
#include "core/projection.hpp"

namespace core {

constexpr std::uint32_t kMapFormatVersion = 3;
constexpr std::size_t kMapHeaderBytes = 16;

enum class MapLayerKind : std::uint8_t { Land, Coastline, Border };

const char* to_string(MapLayerKind kind);  // "land", "coastline", "border"

struct GeoBox {
  double lon_min = 0, lat_min = 0, lon_max = 0, lat_max = 0;  // degrees
  bool contains(LatLon p) const { return p.lon >= lon_min && p.lon <= lon_max && p.lat >= lat_min && p.lat <= lat_max; }
};

struct MapCountry {
  std::uint16_t iso_numeric = 0;  // ISO 3166-1 numeric (408 North Korea, 156 China, ...), 0 if none
  std::string name;               // Natural Earth's short name ("North Korea", "South Korea", "China")
};

// A run of land triangles belonging to one country: indices[first_index, first_index + index_count).
struct MapLandGroup {
  std::uint32_t country = 0;  // index into MapAsset::countries
  std::uint32_t first_index = 0;
  std::uint32_t index_count = 0;
};

struct MapLayer {
  MapLayerKind kind = MapLayerKind::Land;
  std::uint8_t level = 0;       // 0 = 1:50m, 1 = 1:10m
  std::uint8_t zone = 0;        // 0 = the near box outside its detail boxes, k = inside detail box k (1-based),
                                // far_zone() = the region outside the near box and the far detail boxes
  std::uint8_t quant_bits = 0;  // coordinates were quantized to 2^-quant_bits degrees
  std::vector<LatLon> points;
  // Land: triangles, 3 indices each, into points; grouped by country (groups cover indices in order).
  // No vertex is shared by two groups, so per-vertex country colours are safe.
  std::vector<std::uint32_t> indices;
  std::vector<MapLandGroup> groups;
  // Land: ring i (outer rings and holes of every piece, as triangulated) is points[ring_offsets[i] ..
  // ring_offsets[i + 1]); outer rings all wind one way, holes the other. size = rings + 1.
  std::vector<std::uint32_t> ring_offsets;
  // Coastline / Border: part i is points[part_offsets[i] .. part_offsets[i + 1]); size = parts + 1.
  std::vector<std::uint32_t> part_offsets;

  std::size_t part_count() const { return part_offsets.empty() ? 0 : part_offsets.size() - 1; }
};

struct MapAsset {
  std::uint32_t version = 0;
  GeoBox region;                     // the data covers this lon/lat box
  std::vector<GeoBox> detail_boxes;  // zone k = detail_boxes[k - 1]
  double detail_km_per_px = 0.0;     // suggested switch: level 1 when the view's km per CSS px is below this
  std::string credit;                // data source, for the page's credit line
  std::vector<MapCountry> countries;
  GeoBox near_box;               // the near part's box: every detail box lies wholly inside it or outside it
  PlaneRect near_view;           // the plane rectangle wholly inside near_box: a view within it needs no far part
  std::vector<MapLayer> layers;  // every (kind, level, zone) of the parts read, each once
  bool far_loaded = false;       // the far part's layers are in (map_add_far_part)

  int far_zone() const { return static_cast<int>(detail_boxes.size()) + 1; }
  // 0 when detail box `zone` (1-based) belongs to the near part, 1 when to the far part; zone 0 is near, the far
  // zone far.
  int part_of_zone(int zone) const;

  const MapLayer* find(MapLayerKind kind, int level, int zone) const;
  // Index of the country with this ISO numeric code, or -1.
  int country_index(std::uint16_t iso_numeric) const;
};

// Parses and validates a whole file. On failure returns false, leaves `out` unspecified and sets `error` to a
// message naming what is wrong ("map.bin: bad checksum: ...", "map.bin: truncated: ..."). Rejects: short or
// truncated data, wrong magic, unsupported version, payload size or checksum mismatch, a section table or
// section running past the payload, malformed varints, counts that cannot fit, arc or country references out
// of range, rings that do not chain or close, an arc used by more than two rings, trailing bytes in a section,
// points outside their zone, unknown or duplicate zones, a missing zone, and data that would densify to an
// unreasonable number of points. The land is triangulated here (a few ms for the real file).
bool parse_map_asset(const std::uint8_t* data, std::size_t size, MapAsset& out, std::string& error);

// The same parse in parts, so a caller on the page's main thread can give the browser its turn between them: a part
// is a small zone whole, or about kLandPointsPerStep land points of a large one (the 1:50m zone is four parts).
// parse_map_asset is this run to the end.
//   MapParser parser(bytes, size);   // the header, checksum, section table, META and CTRY
//   while (parser.step()) { ... }    // one part per call; false once finished (or failed)
//   if (parser.ok()) use(parser.asset()); else show(parser.error());
// `data` must outlive the parser. After a failure asset() holds what was read before it.
class MapParser {
 public:
  // Either part (asset().far_loaded says which was read); `file` names it in the error messages.
  MapParser(const std::uint8_t* data, std::size_t size, const char* file = "map.bin");
  ~MapParser();
  MapParser(const MapParser&) = delete;  // the zone being read points into asset_
  MapParser& operator=(const MapParser&) = delete;
  bool step();
  bool finished() const { return finished_; }
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }  // as parse_map_asset's
  MapAsset& asset() { return asset_; }                 // whole once step() has returned false and ok()

 private:
  struct Section {
    const std::uint8_t* tag;
    std::uint32_t offset, size;
  };
  class Zone;  // one ZONE section, read in parts (map_asset.cpp)
  // What one step() does at most in a section (land points, densified)
  static constexpr std::size_t kLandPointsPerStep = 6000;
  bool begin(std::size_t size);
  bool step_once();
  void name_file_in_error();  // the messages say "map.bin: ..." (fail()): the file's own name instead
  const std::uint8_t* data_;
  const char* file_;
  MapAsset asset_;
  std::string error_;
  std::vector<Section> sections_;
  std::size_t next_ = 0;                      // the next section to look at
  std::set<std::pair<int, int>> zones_seen_;  // (level, zone)
  int part_ = 0;                              // which part the file holds (META)
  std::unique_ptr<Zone> zone_;                // the section being read
  bool finished_ = false;
};

// Adds the far part (a parsed map-far.bin) to the near part's asset: its layers beside the near ones. Fails, naming
// why, when the two are not of one build (region, boxes, near box, switch, credit or countries differ), when `far`
// is not a far part or `near` already has one.
bool map_add_far_part(MapAsset& near, MapAsset&& far, std::string& error);

// Whether a view (the plane rectangle the camera shows) reaches past the near box while the far part is not in:
// the page should download it now.
bool map_view_needs_far(const MapAsset& map, const PlaneRect& view);

// FNV-1a, 32 bit: the payload checksum.
std::uint32_t fnv1a32(const std::uint8_t* data, std::size_t size);

// The layer's points projected once, interleaved x, y (km) as floats, ready for a static vertex buffer.
std::vector<float> project_layer(const MapLayer& layer, const Projection& projection = map_projection());

// Which level to draw inside the detail boxes at this scale (km per CSS px): 1 when finer than
// map.detail_km_per_px, else 0.
int map_level_for_scale(const MapAsset& map, double km_per_css_px);

// The layers of one kind to draw at a level choice: zone 0 and the far zone at level 0, then every detail zone at
// `detail_level`, of the parts that are in. Never null entries.
std::vector<const MapLayer*> layers_to_draw(const MapAsset& map, MapLayerKind kind, int detail_level);

}  // namespace core

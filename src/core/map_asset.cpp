#include "core/map_asset.hpp"

#include "core/decimal.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>
#include <tuple>

#include "mapbox/earcut.hpp"

namespace core {

// Named, not anonymous: MapParser::Zone (declared in the header) holds these types, and GCC warns when a class
// with external linkage holds anonymous-namespace ones in a file compiled inside a unity batch (CMakeLists.txt).
namespace map_file {

// Bounds-checked little-endian reader over [pos, end). Every read reports failure instead of running past end.
struct Reader {
  const std::uint8_t* data;
  std::size_t pos;
  std::size_t end;

  std::size_t remaining() const { return end - pos; }
  bool u8(std::uint32_t& v) {
    if (pos >= end) return false;
    v = data[pos++];
    return true;
  }
  bool u16(std::uint32_t& v) {
    if (remaining() < 2) return false;
    v = static_cast<std::uint32_t>(data[pos]) | static_cast<std::uint32_t>(data[pos + 1]) << 8;
    pos += 2;
    return true;
  }
  bool u32(std::uint32_t& v) {
    if (remaining() < 4) return false;
    v = static_cast<std::uint32_t>(data[pos]) | static_cast<std::uint32_t>(data[pos + 1]) << 8 |
        static_cast<std::uint32_t>(data[pos + 2]) << 16 | static_cast<std::uint32_t>(data[pos + 3]) << 24;
    pos += 4;
    return true;
  }
  bool i32(std::int32_t& v) {
    std::uint32_t u;
    if (!u32(u)) return false;
    v = u <= 0x7fffffffu ? static_cast<std::int32_t>(u) : -static_cast<std::int32_t>(~u) - 1;
    return true;
  }
  // LEB128, at most 5 bytes, value must fit 32 bits.
  bool varint(std::uint32_t& v) {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (pos >= end) return false;
      const std::uint8_t b = data[pos++];
      value |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) {
        if (value > 0xffffffffu) return false;
        v = static_cast<std::uint32_t>(value);
        return true;
      }
    }
    return false;
  }
  bool zigzag(std::int64_t& v) {
    std::uint32_t u;
    if (!varint(u)) return false;
    v = (u & 1u) ? -static_cast<std::int64_t>(u >> 1) - 1 : static_cast<std::int64_t>(u >> 1);
    return true;
  }
  bool str8(std::string& s) {
    std::uint32_t n;
    if (!u8(n) || remaining() < n) return false;
    s.assign(reinterpret_cast<const char*>(data + pos), n);
    pos += n;
    return true;
  }
};

std::string hex32(std::uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08x", static_cast<unsigned>(v));
  return buf;
}

std::string printable_tag(const std::uint8_t* p) {
  std::string s;
  for (int i = 0; i < 4; ++i) {
    if (p[i] >= 0x20 && p[i] < 0x7f && p[i] != '"' && p[i] != '\\') {
      s += static_cast<char>(p[i]);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", p[i]);
      s += buf;
    }
  }
  return "\"" + s + "\"";
}

bool fail(std::string& error, const std::string& what) {
  error = "map.bin: " + what;
  return false;
}

const char* kMalformed = "malformed or truncated data";

bool parse_meta(Reader r, MapAsset& out, int& part, std::string& error) {
  const std::string where = "META section: ";
  std::int32_t v[4];
  for (std::int32_t& x : v)
    if (!r.i32(x)) return fail(error, where + kMalformed);
  out.region = {v[0] * 1e-6, v[1] * 1e-6, v[2] * 1e-6, v[3] * 1e-6};
  if (!(out.region.lon_min < out.region.lon_max && out.region.lat_min < out.region.lat_max) ||
      out.region.lon_min < -180 || out.region.lon_max > 180 || out.region.lat_min < -90 || out.region.lat_max > 90)
    return fail(error, where + "region is not a valid lon/lat box");
  std::uint32_t boxes;
  if (!r.u32(boxes) || boxes > 250 || r.remaining() < boxes * 16u) return fail(error, where + "bad detail box count");
  out.detail_boxes.clear();
  for (std::uint32_t k = 0; k < boxes; ++k) {
    for (std::int32_t& x : v)
      if (!r.i32(x)) return fail(error, where + kMalformed);
    const GeoBox b{v[0] * 1e-6, v[1] * 1e-6, v[2] * 1e-6, v[3] * 1e-6};
    if (!(b.lon_min < b.lon_max && b.lat_min < b.lat_max) || b.lon_min < out.region.lon_min ||
        b.lon_max > out.region.lon_max || b.lat_min < out.region.lat_min || b.lat_max > out.region.lat_max)
      return fail(error, where + "detail box " + std::to_string(k + 1) + " is not inside the region");
    out.detail_boxes.push_back(b);
  }
  std::uint32_t metres_per_px;
  if (!r.u32(metres_per_px) || !r.str8(out.credit)) return fail(error, where + kMalformed);
  out.detail_km_per_px = metres_per_px / 1000.0;
  for (std::int32_t& x : v)
    if (!r.i32(x)) return fail(error, where + kMalformed);
  const GeoBox& region = out.region;
  const GeoBox near{v[0] * 1e-6, v[1] * 1e-6, v[2] * 1e-6, v[3] * 1e-6};
  if (!(near.lon_min < near.lon_max && near.lat_min < near.lat_max) || near.lon_min < region.lon_min ||
      near.lon_max > region.lon_max || near.lat_min < region.lat_min || near.lat_max > region.lat_max)
    return fail(error, where + "the near box is not inside the region");
  out.near_box = near;
  out.near_view = project_lonlat_box_inner(near.lon_min, near.lat_min, near.lon_max, near.lat_max);
  for (std::size_t k = 0; k < out.detail_boxes.size(); ++k) {
    const GeoBox& b = out.detail_boxes[k];
    const bool inside = b.lon_min >= near.lon_min && b.lon_max <= near.lon_max && b.lat_min >= near.lat_min &&
                        b.lat_max <= near.lat_max;
    const bool outside = b.lon_max <= near.lon_min || b.lon_min >= near.lon_max || b.lat_max <= near.lat_min ||
                         b.lat_min >= near.lat_max;
    if (!inside && !outside)
      return fail(error, where + "detail box " + std::to_string(k + 1) + " straddles the near box's edge");
  }
  std::uint32_t p;
  if (!r.u8(p)) return fail(error, where + kMalformed);
  if (p > 1) return fail(error, where + "unknown part " + std::to_string(p) + " (0 = near, 1 = far)");
  part = static_cast<int>(p);
  out.far_loaded = part == 1;
  if (r.remaining() != 0) return fail(error, where + std::to_string(r.remaining()) + " trailing bytes");
  return true;
}

bool parse_countries(Reader r, MapAsset& out, std::string& error) {
  const std::string where = "CTRY section: ";
  std::uint32_t n;
  if (!r.u32(n) || n > r.remaining() / 3) return fail(error, where + "bad country count");
  out.countries.clear();
  for (std::uint32_t i = 0; i < n; ++i) {
    MapCountry c;
    std::uint32_t iso;
    if (!r.u16(iso) || !r.str8(c.name)) return fail(error, where + kMalformed);
    c.iso_numeric = static_cast<std::uint16_t>(iso);
    out.countries.push_back(std::move(c));
  }
  if (r.remaining() != 0) return fail(error, where + std::to_string(r.remaining()) + " trailing bytes");
  return true;
}

// One ZONE section: the shared arcs of one (level, zone), and the land pieces as rings of arc references.
// Rebuilds the three layers of that (level, zone): coastline and border polylines (one part per arc) and land
// triangulated here, in the projected plane, with earcut. Every edge longer than kDensifyDegrees is split
// evenly in lon/lat, so straight lines drawn in the plane stay close to the curves they stand for.
constexpr double kDensifyDegrees = 0.25;
constexpr std::size_t kMaxZonePoints = 500000;  // after densifying: the real file has ~30,000 in its largest zone

struct Arc {
  std::uint32_t first = 0, count = 0;  // into the zone's decoded grid points
  std::uint32_t cls = 0;               // 0 coastline, 1 border, 2 cut (fill only)
  bool closed = false;
  std::uint32_t uses = 0;
};
struct GridPoint {
  std::int64_t x, y;
};

const char* kTooManyPoints = "densifies to more than 500000 points";
static_assert(kMaxZonePoints == 500000, "kTooManyPoints says so");

}  // namespace map_file
using namespace map_file;

// Parsed in parts, so the largest zone (the whole region at 1:50m, three quarters of the file's work) need not
// hold the page's main thread in one piece: begin() reads the arcs and builds the lines, then each
// parse_land(budget) triangulates land pieces until about `budget` land points are done.
class MapParser::Zone {
 public:
  bool begin(Reader r, const MapAsset& map, const std::string& where_in, std::string& error);
  bool parse_land(std::size_t point_budget, std::string& error);  // false on an error
  bool done() const { return pieces_done_ == piece_count_; }      // every land piece read and checked
  MapLayer layers[3];

 private:
  bool densify_into(std::vector<LatLon>& out, const GridPoint& a, const GridPoint& b, bool last);
  bool parse_piece(std::string& error);

  Reader r_{nullptr, 0, 0};
  const MapAsset* map_ = nullptr;
  std::string where_;
  double unit_ = 1.0;  // degrees per grid unit
  double step_ = 1.0;  // densify step, grid units
  std::size_t produced_ = 0;
  std::vector<Arc> arcs_;
  std::vector<GridPoint> grid_;
  std::uint32_t piece_count_ = 0, pieces_done_ = 0;
  std::int64_t country_ = 0, prev_arc_ = -1;
  std::vector<std::vector<std::array<double, 2>>> polygon_;
};

bool MapParser::Zone::densify_into(std::vector<LatLon>& out, const GridPoint& a, const GridPoint& b, bool last) {
  const double unit = unit_;
  out.push_back({static_cast<double>(a.y) * unit, static_cast<double>(a.x) * unit});
  const double span = static_cast<double>(std::max(std::llabs(b.x - a.x), std::llabs(b.y - a.y)));
  const auto steps = static_cast<std::int64_t>(std::ceil(span / step_));
  produced_ += 1 + static_cast<std::size_t>(steps > 1 ? steps - 1 : 0) + (last ? 1 : 0);
  if (produced_ > kMaxZonePoints) return false;
  for (std::int64_t s = 1; s < steps; ++s) {
    // (a + (b - a) * s / steps) * unit, in this order: the generator checks the same numbers.
    const double ds = static_cast<double>(s), dn = static_cast<double>(steps);
    out.push_back({(static_cast<double>(a.y) + static_cast<double>(b.y - a.y) * ds / dn) * unit,
                   (static_cast<double>(a.x) + static_cast<double>(b.x - a.x) * ds / dn) * unit});
  }
  if (last) out.push_back({static_cast<double>(b.y) * unit, static_cast<double>(b.x) * unit});
  return true;
}

bool MapParser::Zone::begin(Reader r, const MapAsset& map, const std::string& where_in, std::string& error) {
  map_ = &map;
  std::string where = where_in;
  std::uint32_t level, zone, bits, reserved;
  if (!r.u8(level) || !r.u8(zone) || !r.u8(bits) || !r.u8(reserved)) return fail(error, where + kMalformed);
  where += "level " + std::to_string(level) + " zone " + std::to_string(zone) + ": ";
  where_ = where;
  if (level > 1) return fail(error, where + "unknown level (0 = 1:50m, 1 = 1:10m)");
  if (zone > map.detail_boxes.size() + 1)
    return fail(
        error, where + "zone beyond the " + std::to_string(map.detail_boxes.size()) + " detail boxes and the far zone");
  const int z = static_cast<int>(zone);
  if (level == 1 && (z == 0 || z == map.far_zone()))
    return fail(error, where + "level 1 exists only inside detail boxes");
  if (map.part_of_zone(z) != (map.far_loaded ? 1 : 0))
    return fail(error, where + "the zone belongs to the " + (map.far_loaded ? "near" : "far") + " part");
  if (bits < 1 || bits > 20) return fail(error, where + "quantization bits out of range 1..20");
  for (int k = 0; k < 3; ++k) {
    layers[k] = MapLayer{};
    layers[k].kind = static_cast<MapLayerKind>(k);
    layers[k].level = static_cast<std::uint8_t>(level);
    layers[k].zone = static_cast<std::uint8_t>(zone);
    layers[k].quant_bits = static_cast<std::uint8_t>(bits);
  }

  // Arc headers.
  std::uint32_t arc_count = 0;
  if (!r.varint(arc_count) || arc_count > r.remaining())
    return fail(error, where + "arc count " + std::to_string(arc_count) + " does not fit the section");
  std::vector<Arc>& arcs = arcs_;
  arcs.assign(arc_count, Arc{});
  std::vector<bool> continues(arc_count, false);
  std::uint64_t to_read = 0;
  for (std::uint32_t i = 0; i < arc_count; ++i) {
    std::uint32_t h;
    if (!r.varint(h)) return fail(error, where + "arcs: " + kMalformed);
    Arc& a = arcs[i];
    a.count = h >> 4;
    a.cls = h & 3u;
    a.closed = (h & 4u) != 0;
    continues[i] = (h & 8u) != 0;
    if (a.cls > 2) return fail(error, where + "arc " + std::to_string(i) + ": unknown class " + std::to_string(a.cls));
    if (a.count < (a.closed ? 3u : 2u))
      return fail(error, where + "arc " + std::to_string(i) + " has too few points (" + std::to_string(a.count) + ")");
    if (continues[i] && (a.closed || i == 0 || arcs[i - 1].closed))
      return fail(error, where + "arc " + std::to_string(i) + " continues from no open arc");
    to_read += a.count - (continues[i] ? 1u : 0u);
    if (to_read > r.remaining() / 2) return fail(error, where + "arc points do not fit the section");
  }

  // Points, delta-coded across arcs; an arc that continues the previous one starts at its last point.
  unit_ = std::ldexp(1.0, -static_cast<int>(bits));
  const double unit = unit_;
  const GeoBox& box = zone == 0                                  ? map.near_box
                      : static_cast<int>(zone) == map.far_zone() ? map.region
                                                                 : map.detail_boxes[zone - 1];
  std::vector<GridPoint>& grid = grid_;
  grid.clear();
  grid.reserve(static_cast<std::size_t>(to_read) + arc_count);
  std::int64_t x = 0, y = 0;
  for (std::uint32_t i = 0; i < arc_count; ++i) {
    Arc& a = arcs[i];
    a.first = static_cast<std::uint32_t>(grid.size());
    if (continues[i]) grid.push_back(grid.back());
    while (grid.size() < static_cast<std::size_t>(a.first) + a.count) {
      std::int64_t dx, dy;
      if (!r.zigzag(dx) || !r.zigzag(dy)) return fail(error, where + "points: " + kMalformed);
      x += dx;
      y += dy;
      const double lon = static_cast<double>(x) * unit, lat = static_cast<double>(y) * unit;
      if (lon < box.lon_min - unit || lon > box.lon_max + unit || lat < box.lat_min - unit || lat > box.lat_max + unit)
        return fail(error, where + "arc " + std::to_string(i) + ": point (" + format_fixed(lon, 6) + ", " +
                               format_fixed(lat, 6) + ") lies outside its zone");
      grid.push_back({x, y});
    }
  }

  // Densified output, bounded so that a damaged file cannot ask for an unbounded amount of memory.
  step_ = kDensifyDegrees / unit;  // grid units
  produced_ = 0;
  // Room for the usual growth (densified land rings use each border twice): reallocating showed in profiles.
  const auto expect = static_cast<std::size_t>(std::min<std::uint64_t>(to_read, kMaxZonePoints));
  layers[0].points.reserve(expect * 2);
  layers[0].indices.reserve(expect * 6);
  layers[1].points.reserve(expect + expect / 4);
  layers[2].points.reserve(expect / 2);

  // Coastlines and borders: one part per arc.
  for (const Arc& a : arcs) {
    if (a.cls == 2) continue;
    MapLayer& l = layers[a.cls == 0 ? 1 : 2];
    if (l.part_offsets.empty()) l.part_offsets.push_back(0);
    const std::uint32_t n = a.count + (a.closed ? 1 : 0);
    for (std::uint32_t k = 0; k + 1 < n; ++k) {
      const GridPoint& p = grid[a.first + k];
      const GridPoint& q = grid[a.first + (k + 1) % a.count];
      if (!densify_into(l.points, p, q, k + 2 == n)) return fail(error, where + kTooManyPoints);
    }
    l.part_offsets.push_back(static_cast<std::uint32_t>(l.points.size()));
  }

  // Land: pieces of rings of arc references, read by parse_land.
  if (!r.varint(piece_count_) || piece_count_ > r.remaining() / 3)
    return fail(error, where + "piece count " + std::to_string(piece_count_) + " does not fit the section");
  pieces_done_ = 0;
  country_ = 0;
  prev_arc_ = -1;
  r_ = r;
  if (piece_count_ == 0 && r_.remaining() != 0)
    return fail(error, where + std::to_string(r_.remaining()) + " trailing bytes");
  return true;
}

bool MapParser::Zone::parse_land(std::size_t point_budget, std::string& error) {
  const std::size_t stop_at = layers[0].points.size() + point_budget;
  while (!done() && layers[0].points.size() < stop_at) {
    if (!parse_piece(error)) return false;
    if (done() && r_.remaining() != 0) return fail(error, where_ + std::to_string(r_.remaining()) + " trailing bytes");
  }
  return true;
}

// One land piece (its outer ring and holes), triangulated on its own.
bool MapParser::Zone::parse_piece(std::string& error) {
  Reader& r = r_;
  const MapAsset& map = *map_;
  MapLayer& land = layers[0];
  const std::uint32_t pc = pieces_done_++;
  const std::string at = where_ + "land piece " + std::to_string(pc) + ": ";
  const auto arc_count = static_cast<std::int64_t>(arcs_.size());
  std::int64_t dc;
  std::uint32_t ring_count;
  if (!r.zigzag(dc) || !r.varint(ring_count)) return fail(error, at + kMalformed);
  country_ += dc;
  const std::int64_t country = country_;
  if (country < 0 || country >= static_cast<std::int64_t>(map.countries.size()))
    return fail(error, at + "country " + std::to_string(country) + " out of range (" +
                           std::to_string(map.countries.size()) + " countries)");
  if (ring_count == 0 || ring_count > r.remaining()) return fail(error, at + "bad ring count");
  const auto first_vertex = static_cast<std::uint32_t>(land.points.size());
  std::vector<std::vector<std::array<double, 2>>>& polygon = polygon_;
  polygon.assign(ring_count, {});
  for (std::uint32_t rc = 0; rc < ring_count; ++rc) {
    std::uint32_t ref_count;
    if (!r.varint(ref_count) || ref_count == 0 || ref_count > r.remaining())
      return fail(error, at + "ring " + std::to_string(rc) + ": bad arc reference count");
    const std::size_t ring_start = land.points.size();
    bool has_start = false;
    GridPoint ring_first{0, 0}, prev_end{0, 0};
    for (std::uint32_t k = 0; k < ref_count; ++k) {
      std::uint32_t v;
      if (!r.varint(v)) return fail(error, at + "arc references: " + kMalformed);
      const bool reversed = (v & 1u) != 0;
      const std::uint32_t z = v >> 1;
      const std::int64_t delta = (z & 1u) ? -static_cast<std::int64_t>(z >> 1) - 1 : static_cast<std::int64_t>(z >> 1);
      const std::int64_t arc_index = prev_arc_ + 1 + delta;
      if (arc_index < 0 || arc_index >= arc_count)
        return fail(error,
                    at + "arc " + std::to_string(arc_index) + " out of range (" + std::to_string(arc_count) + " arcs)");
      prev_arc_ = arc_index;
      Arc& a = arcs_[static_cast<std::size_t>(arc_index)];
      if (++a.uses > 2) return fail(error, at + "arc " + std::to_string(arc_index) + " is used by more than two rings");
      if (a.closed && ref_count != 1)
        return fail(error, at + "closed arc " + std::to_string(arc_index) + " shares a ring with other arcs");
      const GridPoint& s = grid_[a.first + (reversed ? a.count - 1 : 0)];
      const GridPoint& e = grid_[a.first + (reversed ? 0 : a.count - 1)];
      if (!a.closed) {
        if (has_start && (s.x != prev_end.x || s.y != prev_end.y))
          return fail(error, at + "ring " + std::to_string(rc) + ": arc " + std::to_string(arc_index) +
                                 " does not start where the previous arc ends");
        if (!has_start) ring_first = s;
        has_start = true;
        prev_end = e;
      }
      // The arc's points but its last (the next arc, or the ring's start, repeats it); a closed arc
      // wraps around to its start.
      const std::uint32_t n = a.count;
      const std::uint32_t edges = a.closed ? n : n - 1;
      for (std::uint32_t j = 0; j < edges; ++j) {
        std::uint32_t i0 = j, i1 = (j + 1) % n;  // forwards
        if (reversed && a.closed) {
          i0 = (n - j) % n;
          i1 = n - 1 - j;
        }  // p0, p(n-1), ..., p1
        else if (reversed) {
          i0 = n - 1 - j;
          i1 = n - 2 - j;
        }
        if (!densify_into(land.points, grid_[a.first + i0], grid_[a.first + i1], false))
          return fail(error, at + kTooManyPoints);
      }
    }
    if (has_start && (ring_first.x != prev_end.x || ring_first.y != prev_end.y))
      return fail(error, at + "ring " + std::to_string(rc) + " does not close");
    if (land.points.size() - ring_start < 3)
      return fail(error, at + "ring " + std::to_string(rc) + " has fewer than 3 points");
    if (land.ring_offsets.empty()) land.ring_offsets.push_back(0);
    land.ring_offsets.push_back(static_cast<std::uint32_t>(land.points.size()));
    std::vector<std::array<double, 2>>& ring = polygon[rc];
    ring.reserve(land.points.size() - ring_start);
    for (std::size_t i = ring_start; i < land.points.size(); ++i) {
      const PlanePoint q = map_projection().forward(land.points[i]);
      ring.push_back({q.x, q.y});
    }
  }
  const std::vector<std::uint32_t> tri = mapbox::earcut<std::uint32_t>(polygon);
  const auto first_index = static_cast<std::uint32_t>(land.indices.size());
  for (std::uint32_t i : tri) land.indices.push_back(first_vertex + i);
  const auto count = static_cast<std::uint32_t>(land.indices.size()) - first_index;
  if (!land.groups.empty() && land.groups.back().country == static_cast<std::uint32_t>(country))
    land.groups.back().index_count += count;
  else if (count > 0)
    land.groups.push_back({static_cast<std::uint32_t>(country), first_index, count});
  return true;
}

const char* to_string(MapLayerKind kind) {
  switch (kind) {
    case MapLayerKind::Land: return "land";
    case MapLayerKind::Coastline: return "coastline";
    case MapLayerKind::Border: return "border";
  }
  return "?";
}

std::uint32_t fnv1a32(const std::uint8_t* data, std::size_t size) {
  std::uint32_t h = 0x811c9dc5u;
  for (std::size_t i = 0; i < size; ++i) {
    h ^= data[i];
    h *= 0x01000193u;
  }
  return h;
}

const MapLayer* MapAsset::find(MapLayerKind kind, int level, int zone) const {
  for (const MapLayer& l : layers)
    if (l.kind == kind && l.level == level && l.zone == zone) return &l;
  return nullptr;
}

int MapAsset::part_of_zone(int zone) const {
  if (zone <= 0) return 0;
  if (zone >= far_zone()) return 1;
  const GeoBox& b = detail_boxes[static_cast<std::size_t>(zone - 1)];
  const GeoBox& n = near_box;  // parse_meta checked: wholly inside or wholly outside
  return b.lon_min >= n.lon_min && b.lon_max <= n.lon_max && b.lat_min >= n.lat_min && b.lat_max <= n.lat_max ? 0 : 1;
}

int MapAsset::country_index(std::uint16_t iso_numeric) const {
  for (std::size_t i = 0; i < countries.size(); ++i)
    if (countries[i].iso_numeric == iso_numeric) return static_cast<int>(i);
  return -1;
}

MapParser::MapParser(const std::uint8_t* data, std::size_t size, const char* file) : data_(data), file_(file) {
  if (!begin(size)) {
    finished_ = true;
    name_file_in_error();
  }
}

void MapParser::name_file_in_error() {
  const std::string generic = "map.bin: ";
  if (error_.compare(0, generic.size(), generic) == 0) error_ = file_ + (": " + error_.substr(generic.size()));
}

bool MapParser::step() {
  if (step_once()) return true;
  name_file_in_error();
  return false;
}

bool MapParser::begin(std::size_t size) {
  const std::uint8_t* data = data_;
  if (data == nullptr || size < kMapHeaderBytes)
    return fail(error_, "truncated: " + std::to_string(size) + " bytes, the header alone needs " +
                            std::to_string(kMapHeaderBytes));
  if (data[0] != 'J' || data[1] != 'M' || data[2] != 'A' || data[3] != 'P')
    return fail(error_, "wrong magic: expected \"JMAP\", found " + printable_tag(data) + " (not a map file)");
  Reader h{data, 4, kMapHeaderBytes};
  std::uint32_t version, payload_size, checksum;
  h.u32(version);
  h.u32(payload_size);
  h.u32(checksum);
  if (version != kMapFormatVersion)
    return fail(error_, "unsupported version " + std::to_string(version) + " (this build reads version " +
                            std::to_string(kMapFormatVersion) + "; regenerate with scripts/make_map.mjs)");
  const std::size_t have = size - kMapHeaderBytes;
  if (have < payload_size)
    return fail(error_, "truncated: the header announces " + std::to_string(payload_size) + " payload bytes, only " +
                            std::to_string(have) + " are present");
  if (have > payload_size)
    return fail(error_, std::to_string(have - payload_size) + " unexpected bytes after the " +
                            std::to_string(payload_size) + "-byte payload");
  const std::uint8_t* payload = data + kMapHeaderBytes;
  const std::uint32_t actual = fnv1a32(payload, payload_size);
  if (actual != checksum)
    return fail(error_, "bad checksum: the header says " + hex32(checksum) + ", the payload hashes to " +
                            hex32(actual) + " (corrupted file)");
  asset_.version = version;

  Reader t{payload, 0, payload_size};
  std::uint32_t section_count;
  if (!t.u32(section_count) || section_count > t.remaining() / 12)
    return fail(error_, "section table runs past the payload");
  const std::size_t table_end = 4 + static_cast<std::size_t>(section_count) * 12;
  for (std::uint32_t i = 0; i < section_count; ++i) {
    Section e{payload + t.pos, 0, 0};
    t.pos += 4;
    t.u32(e.offset);
    t.u32(e.size);
    if (e.offset < table_end || static_cast<std::uint64_t>(e.offset) + e.size > payload_size)
      return fail(error_, "section " + std::to_string(i) + " " + printable_tag(e.tag) + " (offset " +
                              std::to_string(e.offset) + ", " + std::to_string(e.size) +
                              " bytes) lies outside the payload");
    sections_.push_back(e);
  }
  // META and CTRY first: the layers are checked against them.
  for (const char* tag : {"META", "CTRY"}) {
    int found = 0;
    for (const Section& e : sections_) {
      if (!std::equal(tag, tag + 4, e.tag)) continue;
      if (++found > 1) return fail(error_, std::string("more than one ") + tag + " section");
      Reader r{payload, e.offset, static_cast<std::size_t>(e.offset) + e.size};
      if (!(tag[0] == 'M' ? parse_meta(r, asset_, part_, error_) : parse_countries(r, asset_, error_))) return false;
    }
    if (!found) return fail(error_, std::string("missing ") + tag + " section");
  }
  return true;
}

MapParser::~MapParser() = default;

bool MapParser::step_once() {
  if (finished_) return false;
  const std::uint8_t* payload = data_ + kMapHeaderBytes;
  if (!zone_) {
    // The next ZONE section (META, CTRY and sections this version does not know are passed over).
    while (next_ < sections_.size() && std::memcmp(sections_[next_].tag, "ZONE", 4) != 0) ++next_;
    if (next_ == sections_.size()) {  // every section read: is every zone there?
      finished_ = true;
      for (int zone = 0; zone <= asset_.far_zone(); ++zone) {
        if (asset_.part_of_zone(zone) != part_) continue;
        for (int level = 0; level <= (zone == 0 || zone == asset_.far_zone() ? 0 : 1); ++level) {
          if (!zones_seen_.count({level, zone}))  // the first one missing is named
            return fail(error_,
                        "missing ZONE section for level " + std::to_string(level) + " zone " + std::to_string(zone));
        }
      }
      return false;
    }
    const std::size_t i = next_++;
    const Section& e = sections_[i];
    zone_ = std::make_unique<Zone>();
    const Reader r{payload, e.offset, static_cast<std::size_t>(e.offset) + e.size};
    if (!zone_->begin(r, asset_, "section " + std::to_string(i) + " (" + printable_tag(e.tag) + "), ", error_)) {
      finished_ = true;
      zone_.reset();
      return false;
    }
  }
  if (!zone_->parse_land(kLandPointsPerStep, error_)) {
    finished_ = true;
    zone_.reset();
    return false;
  }
  if (!zone_->done()) return true;
  MapLayer* layers = zone_->layers;
  if (!zones_seen_.insert({layers[0].level, layers[0].zone}).second) {
    fail(error_, "duplicate ZONE section for level " + std::to_string(layers[0].level) + " zone " +
                     std::to_string(layers[0].zone));
    finished_ = true;
    zone_.reset();
    return false;
  }
  for (int k = 0; k < 3; ++k) asset_.layers.push_back(std::move(layers[k]));
  zone_.reset();
  return true;
}

bool parse_map_asset(const std::uint8_t* data, std::size_t size, MapAsset& out, std::string& error) {
  MapParser parser(data, size);
  while (parser.step()) {
  }
  error = parser.error();
  out = parser.ok() ? std::move(parser.asset()) : MapAsset{};
  return parser.ok();
}

std::vector<float> project_layer(const MapLayer& layer, const Projection& projection) {
  std::vector<float> xy;
  xy.reserve(layer.points.size() * 2);
  for (const LatLon& p : layer.points) {
    const PlanePoint q = projection.forward(p);
    xy.push_back(static_cast<float>(q.x));
    xy.push_back(static_cast<float>(q.y));
  }
  return xy;
}

int map_level_for_scale(const MapAsset& map, double km_per_css_px) {
  return km_per_css_px < map.detail_km_per_px ? 1 : 0;
}

bool map_add_far_part(MapAsset& near, MapAsset&& far, std::string& error) {
  const auto same_box = [](const GeoBox& a, const GeoBox& b) {
    return a.lon_min == b.lon_min && a.lat_min == b.lat_min && a.lon_max == b.lon_max && a.lat_max == b.lat_max;
  };
  bool same = same_box(near.region, far.region) && same_box(near.near_box, far.near_box) &&
              near.detail_boxes.size() == far.detail_boxes.size() && near.detail_km_per_px == far.detail_km_per_px &&
              near.credit == far.credit && near.countries.size() == far.countries.size();
  for (std::size_t k = 0; same && k < near.detail_boxes.size(); ++k)
    same = same_box(near.detail_boxes[k], far.detail_boxes[k]);
  for (std::size_t k = 0; same && k < near.countries.size(); ++k)
    same = near.countries[k].iso_numeric == far.countries[k].iso_numeric &&
           near.countries[k].name == far.countries[k].name;
  if (near.far_loaded) return fail(error, "the far part is already in");
  if (!far.far_loaded) return fail(error, "not the far part of the map (map-far.bin)");
  if (!same) return fail(error, "map.bin and map-far.bin are not of one build (regenerate both: scripts/make_map.mjs)");
  for (MapLayer& l : far.layers) near.layers.push_back(std::move(l));
  near.far_loaded = true;
  return true;
}

bool map_view_needs_far(const MapAsset& map, const PlaneRect& view) {
  if (map.far_loaded || map.layers.empty()) return false;
  const PlaneRect& near = map.near_view;
  return view.min_x < near.min_x || view.max_x > near.max_x || view.min_y < near.min_y || view.max_y > near.max_y;
}

std::vector<const MapLayer*> layers_to_draw(const MapAsset& map, MapLayerKind kind, int detail_level) {
  std::vector<const MapLayer*> out;
  if (const MapLayer* base = map.find(kind, 0, 0)) out.push_back(base);
  if (const MapLayer* far = map.find(kind, 0, map.far_zone())) out.push_back(far);
  for (std::size_t zone = 1; zone <= map.detail_boxes.size(); ++zone)
    if (const MapLayer* l = map.find(kind, detail_level, static_cast<int>(zone))) out.push_back(l);
  return out;
}

}  // namespace core

// assets/map.bin: the loader accepts the committed file and rejects broken ones with a message naming the
// fault; the data is geographically right (cities on land in the right country, seas empty, the Yalu
// border where it belongs) at both levels of detail.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/map_asset.hpp"

using core::LatLon;
using core::MapAsset;
using core::MapLayer;
using core::MapLayerKind;

namespace {

// The near part (assets/map.bin) or the far part (assets/map-far.bin).
std::vector<std::uint8_t> read_map_bin(const char* name = "map.bin") {
  std::ifstream in(std::string(JOURNEYS_SOURCE_DIR) + "/assets/" + name, std::ios::binary);
  REQUIRE(in.good());
  return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool parse(const std::vector<std::uint8_t>& bytes, MapAsset& map, std::string& error) {
  return core::parse_map_asset(bytes.data(), bytes.size(), map, error);
}

// Both parts, as the page has them once a view has reached past the near box.
bool parse_whole_map(MapAsset& map, std::string& error) {
  MapAsset far;
  return parse(read_map_bin(), map, error) && parse(read_map_bin("map-far.bin"), far, error) &&
         core::map_add_far_part(map, std::move(far), error);
}

std::string parse_error(const std::vector<std::uint8_t>& bytes) {
  MapAsset map;
  std::string error;
  if (parse(bytes, map, error)) return "(accepted)";
  return error;
}

void put_u32(std::vector<std::uint8_t>& b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + i] = static_cast<std::uint8_t>(v >> (8 * i));
}
void reseal(std::vector<std::uint8_t>& b) {  // fix the checksum after editing the payload
  put_u32(b, 12, core::fnv1a32(b.data() + 16, b.size() - 16));
}

struct Builder {
  std::vector<std::uint8_t> b;
  void u8(unsigned v) { b.push_back(static_cast<std::uint8_t>(v)); }
  void u16(unsigned v) {
    u8(v & 255);
    u8(v >> 8);
  }
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) u8((v >> (8 * i)) & 255);
  }
  void var(std::uint32_t v) {
    while (v >= 128) {
      u8((v & 127) | 128);
      v >>= 7;
    }
    u8(v);
  }
  void zz(std::int32_t v) {
    var(v >= 0 ? 2u * static_cast<std::uint32_t>(v) : 2u * static_cast<std::uint32_t>(-v) - 1);
  }
  void tag(const char* t) {
    for (int i = 0; i < 4; ++i) u8(static_cast<unsigned char>(t[i]));
  }
};

// A tiny well-formed map, built byte by byte as assets/MAP.md specifies: no detail boxes, two countries, one
// ZONE section (level 0, zone 0, 1/256 degree). Triangle A (1,1) (2,1) (1,2) and triangle B (2,1) (2,2) (1,2)
// share the border (2,1)-(1,2); A also has a triangular island (3,3) (4,3) (3,4). The fields are the
// encoded values, so that a test can damage one of them.
struct TinyMap {
  std::uint32_t version = 3;
  bool with_zone = true;
  // Arc headers: point count * 16 + continues-the-previous-arc * 8 + closed * 4 + class (0 coast, 1 border).
  std::vector<std::uint32_t> arc_headers = {3 * 16 + 0, 2 * 16 + 8 + 1, 3 * 16 + 0, 3 * 16 + 4 + 0};
  // Points, zigzag-delta coded from the previous one (arc 1 starts at arc 0's last point, not repeated).
  std::vector<std::int32_t> deltas = {256,  512,  0,   -256, 256,  0,     // arc 0: (1,2) (1,1) (2,1)
                                      -256, 256,                          // arc 1: (2,1) (1,2)
                                      256,  -256, 0,   256,  -256, 0,     // arc 2: (2,1) (2,2) (1,2)
                                      512,  256,  256, 0,    -256, 256};  // arc 3: (3,3) (4,3) (3,4), closed
  struct Piece {
    std::int32_t country_delta;
    std::vector<std::vector<std::uint32_t>> rings;  // arc references: zigzag(arc - (previous + 1)) * 2 + reversed
  };
  std::vector<Piece> pieces = {{0, {{0, 0}}},   // A: arc 0, arc 1
                               {0, {{4}}},      // A's island: arc 3
                               {1, {{6, 7}}}};  // B: arc 2, arc 1 reversed
};

std::vector<std::uint8_t> tiny_map(const TinyMap& o = {}) {
  std::vector<std::pair<std::string, std::vector<std::uint8_t>>> sections;
  Builder meta;
  for (std::int32_t v : {0, 0, 10000000, 10000000}) meta.u32(static_cast<std::uint32_t>(v));  // 0..10 deg
  meta.u32(0);                                                                                // no detail boxes
  meta.u32(3000);                                                                             // 3 km per px
  meta.u8(4);
  meta.tag("test");
  for (std::int32_t v : {0, 0, 10000000, 10000000}) meta.u32(static_cast<std::uint32_t>(v));  // near box: all
  meta.u8(0);                                                                                 // the near part
  sections.push_back({"META", meta.b});
  Builder ctry;
  ctry.u32(2);
  ctry.u16(408);
  ctry.u8(5);
  ctry.tag("Kore");
  ctry.u8('a');
  ctry.u16(156);
  ctry.u8(5);
  ctry.tag("Chin");
  ctry.u8('a');
  sections.push_back({"CTRY", ctry.b});
  if (o.with_zone) {
    Builder zone;
    zone.u8(0);
    zone.u8(0);
    zone.u8(8);
    zone.u8(0);
    zone.var(static_cast<std::uint32_t>(o.arc_headers.size()));
    for (std::uint32_t h : o.arc_headers) zone.var(h);
    for (std::int32_t d : o.deltas) zone.zz(d);
    zone.var(static_cast<std::uint32_t>(o.pieces.size()));
    for (const TinyMap::Piece& p : o.pieces) {
      zone.zz(p.country_delta);
      zone.var(static_cast<std::uint32_t>(p.rings.size()));
      for (const auto& ring : p.rings) {
        zone.var(static_cast<std::uint32_t>(ring.size()));
        for (std::uint32_t ref : ring) zone.var(ref);
      }
    }
    sections.push_back({"ZONE", zone.b});
  }
  Builder payload;
  payload.u32(static_cast<std::uint32_t>(sections.size()));
  std::uint32_t offset = 4 + 12 * static_cast<std::uint32_t>(sections.size());
  for (auto& s : sections) {
    payload.tag(s.first.c_str());
    payload.u32(offset);
    payload.u32(static_cast<std::uint32_t>(s.second.size()));
    offset += static_cast<std::uint32_t>(s.second.size());
  }
  for (auto& s : sections) payload.b.insert(payload.b.end(), s.second.begin(), s.second.end());
  Builder file;
  file.tag("JMAP");
  file.u32(o.version);
  file.u32(static_cast<std::uint32_t>(payload.b.size()));
  file.u32(core::fnv1a32(payload.b.data(), payload.b.size()));
  file.b.insert(file.b.end(), payload.b.begin(), payload.b.end());
  return file.b;
}

// Is p (projected, as drawn) inside one of the layer's land triangles? Returns the country index or -1.
int land_country_at(const MapLayer& layer, LatLon where) {
  const core::PlanePoint p = core::project(where);
  const std::vector<float> xy = core::project_layer(layer);
  for (const core::MapLandGroup& g : layer.groups) {
    for (std::uint32_t i = g.first_index; i < g.first_index + g.index_count; i += 3) {
      const std::uint32_t a = layer.indices[i], b = layer.indices[i + 1], c = layer.indices[i + 2];
      const double ax = xy[2 * a], ay = xy[2 * a + 1], bx = xy[2 * b], by = xy[2 * b + 1], cx = xy[2 * c],
                   cy = xy[2 * c + 1];
      const double d1 = (p.x - bx) * (ay - by) - (ax - bx) * (p.y - by);
      const double d2 = (p.x - cx) * (by - cy) - (bx - cx) * (p.y - cy);
      const double d3 = (p.x - ax) * (cy - ay) - (cx - ax) * (p.y - ay);
      const bool neg = d1 < 0 || d2 < 0 || d3<0, pos = d1> 0 || d2 > 0 || d3 > 0;
      if (!(neg && pos)) return static_cast<int>(g.country);
    }
  }
  return -1;
}

// The country whose land is drawn at `where` for a detail level choice, or -1 for sea.
int country_at(const MapAsset& map, LatLon where, int detail_level) {
  for (const MapLayer* layer : core::layers_to_draw(map, MapLayerKind::Land, detail_level)) {
    const int c = land_country_at(*layer, where);
    if (c >= 0) return c;
  }
  return -1;
}

double km_between(LatLon a, LatLon b) {
  const core::PlanePoint p = core::project(a), q = core::project(b);
  return std::hypot(p.x - q.x, p.y - q.y);
}

}  // namespace

TEST_CASE("the committed map.bin and map-far.bin load with every layer, both levels, and the countries of the trips") {
  MapAsset map;
  std::string error;
  REQUIRE_MESSAGE(parse(read_map_bin(), map, error), error);
  CHECK_FALSE(map.far_loaded);
  // The near part: the Beijing, Dalian and Vladivostok trips' views, with the Korean detail box.
  CHECK(map.near_box.contains({39.90, 116.40}));  // Beijing
  CHECK(map.near_box.contains({43.12, 131.89}));  // Vladivostok
  CHECK_FALSE(map.near_box.contains({1.29, 103.85}));
  CHECK(map.find(MapLayerKind::Land, 1, 1) != nullptr);
  CHECK(map.find(MapLayerKind::Land, 0, map.far_zone()) == nullptr);
  CHECK(core::layers_to_draw(map, MapLayerKind::Border, 1).size() == 2);  // zone 0 and the Korean box
  // A view of Pyongyang and Beijing needs no more; one of the Singapore trip does.
  const core::PlaneRect pyongyang_beijing = core::project_lonlat_box(116, 36, 127, 44);
  CHECK_FALSE(core::map_view_needs_far(map, pyongyang_beijing));
  CHECK(core::map_view_needs_far(map, core::project_lonlat_box(100, 0, 127, 40)));
  REQUIRE_MESSAGE(parse_whole_map(map, error), error);
  CHECK_FALSE(core::map_view_needs_far(map, core::project_lonlat_box(100, 0, 127, 40)));
  CHECK(map.version == 3);
  CHECK(map.region.contains({1.29, 103.85}));   // Singapore
  CHECK(map.region.contains({51.88, 128.33}));  // Vostochny
  REQUIRE(map.detail_boxes.size() >= 1);
  CHECK(map.detail_boxes[0].contains({40.10, 124.40}));  // Sinuiju
  CHECK(map.detail_boxes[0].contains({42.43, 130.64}));  // Khasan
  CHECK(map.credit.find("Natural Earth") != std::string::npos);
  for (std::uint16_t iso : {408, 410, 156, 643, 392, 704, 702, 496, 158}) CHECK(map.country_index(iso) >= 0);
  CHECK(map.countries[static_cast<std::size_t>(map.country_index(408))].name == "North Korea");
  const MapLayer* land = map.find(MapLayerKind::Land, 0, map.far_zone());
  REQUIRE(land != nullptr);
  CHECK(land->points.size() > 10000);
  CHECK(map.find(MapLayerKind::Land, 0, 0)->points.size() > 3000);
  CHECK(land->indices.size() % 3 == 0);
  CHECK(map.find(MapLayerKind::Coastline, 1, 1)->part_count() > 10);
  CHECK(map.find(MapLayerKind::Border, 1, 1)->points.size() > 300);
  // 1:10m is the finer one where both exist.
  CHECK(map.find(MapLayerKind::Coastline, 1, 1)->points.size() >
        3 * map.find(MapLayerKind::Coastline, 0, 1)->points.size());
  CHECK(core::map_level_for_scale(map, 0.2) == 1);
  CHECK(core::map_level_for_scale(map, 5.0) == 0);
  CHECK(core::layers_to_draw(map, MapLayerKind::Border, 1).size() == map.detail_boxes.size() + 2);
  CHECK(core::project_layer(*land).size() == 2 * land->points.size());
}

// The app parses the map a step at a time (a task each, so the page is never held long): the steps must give the
// map parse_map_asset gives, and split the largest zone, where nearly all the work is.
TEST_CASE("parsed a step at a time, the map is the same, and its largest zone takes several steps") {
  const std::vector<std::uint8_t> bytes = read_map_bin("map-far.bin");  // the far zone is the largest
  MapAsset whole;
  std::string error;
  REQUIRE_MESSAGE(parse(bytes, whole, error), error);
  core::MapParser parser(bytes.data(), bytes.size());
  int steps = 0;
  while (parser.step()) ++steps;
  REQUIRE_MESSAGE(parser.ok(), parser.error());
  CHECK(parser.finished());
  CHECK_FALSE(parser.step());  // stays finished
  const MapAsset& stepped = parser.asset();
  const std::size_t zones = stepped.layers.size() / 3;
  CHECK(steps >= static_cast<int>(zones) + 2);  // the far zone alone is more than three steps' land
  REQUIRE(stepped.layers.size() == whole.layers.size());
  for (std::size_t i = 0; i < whole.layers.size(); ++i) {
    const MapLayer &a = whole.layers[i], &b = stepped.layers[i];
    CHECK(a.kind == b.kind);
    CHECK(a.zone == b.zone);
    CHECK(a.level == b.level);
    CHECK(a.points.size() == b.points.size());
    CHECK(a.indices == b.indices);
    CHECK(a.part_offsets == b.part_offsets);
    CHECK(a.ring_offsets == b.ring_offsets);
    CHECK(a.groups.size() == b.groups.size());
  }
  // An error in the middle of a zone's land is reported by the step that meets it, after the steps before it,
  // and ends the parse: the largest section (the far zone) declared 1 % short runs out among its land pieces.
  std::vector<std::uint8_t> cut = bytes;
  auto u32_at = [&](std::size_t at) {
    return static_cast<std::uint32_t>(cut[at]) | static_cast<std::uint32_t>(cut[at + 1]) << 8 |
           static_cast<std::uint32_t>(cut[at + 2]) << 16 | static_cast<std::uint32_t>(cut[at + 3]) << 24;
  };
  std::size_t largest = 0;
  for (std::uint32_t i = 0; i < u32_at(16); ++i) {
    const std::size_t entry = 16 + 4 + 12 * i;
    if (largest == 0 || u32_at(entry + 8) > u32_at(largest + 8)) largest = entry;
  }
  put_u32(cut, largest + 8, u32_at(largest + 8) - u32_at(largest + 8) / 100);
  reseal(cut);
  core::MapParser broken(cut.data(), cut.size());
  int steps_before = 0;
  while (broken.step()) ++steps_before;
  INFO(broken.error());
  CHECK(steps_before >= 1);
  CHECK_FALSE(broken.ok());
  CHECK(broken.error().find("land piece") != std::string::npos);
  CHECK(broken.error() == parse_error(cut));
}

TEST_CASE("cities are on land in their own country, and the seas between them are sea, at both levels") {
  MapAsset map;
  std::string error;
  REQUIRE_MESSAGE(parse_whole_map(map, error), error);
  struct City {
    const char* name;
    LatLon at;
    std::uint16_t iso;
  };
  const City cities[] = {
      {"Pyongyang", {39.019, 125.738}, 408},   {"Sinuiju", {40.100, 124.420}, 408},
      {"Beijing", {39.904, 116.407}, 156},     {"Dandong", {40.125, 124.380}, 156},
      {"Vladivostok", {43.130, 131.930}, 643}, {"Seoul", {37.566, 126.978}, 410},
      {"Hanoi", {21.028, 105.834}, 704},       {"Singapore", {1.352, 103.820}, 702},
      {"Vostochny", {51.884, 128.334}, 643},   {"Tokyo", {35.690, 139.692}, 392},
  };
  for (int level : {0, 1}) {
    for (const City& c : cities) {
      const int got = country_at(map, c.at, level);
      INFO(c.name << " at level " << level);
      REQUIRE(got >= 0);
      CHECK(map.countries[static_cast<std::size_t>(got)].iso_numeric == c.iso);
    }
    const LatLon seas[] = {{35.5, 123.5},    // Yellow Sea
                           {39.0, 134.5},    // Sea of Japan
                           {15.0, 115.0},    // South China Sea
                           {38.9, 120.5},    // Bohai Strait
                           {39.6, 124.2},    // Korea Bay off the Yalu mouth
                           {42.55, 131.2}};  // Peter the Great Gulf, off Khasan
    for (const LatLon& s : seas) {
      INFO("sea at " << s.lat << ", " << s.lon << " level " << level);
      CHECK(country_at(map, s, level) == -1);
    }
  }
}

TEST_CASE("the China-North Korea border follows the Yalu past the Friendship Bridge, finer at level 1") {
  MapAsset map;
  std::string error;
  REQUIRE_MESSAGE(parse_whole_map(map, error), error);
  const LatLon bridge{40.1157, 124.3948};
  auto nearest = [&](int level) {
    double best = 1e9;
    for (const LatLon& p : map.find(MapLayerKind::Border, level, 1)->points)
      best = std::min(best, km_between(p, bridge));
    return best;
  };
  CHECK(nearest(1) < 3.0);
  CHECK(nearest(0) < 8.0);
  // The Tumen meets the sea near Khasan: a border point and a coastline point within a few km.
  const LatLon mouth{42.29, 130.70};
  double border = 1e9;
  for (const LatLon& p : map.find(MapLayerKind::Border, 1, 1)->points) border = std::min(border, km_between(p, mouth));
  CHECK(border < 5.0);
}

TEST_CASE("level 0 and level 1 of a detail box cover about the same land") {
  MapAsset map;
  std::string error;
  REQUIRE_MESSAGE(parse_whole_map(map, error), error);
  auto area = [](const MapLayer& l) {
    const std::vector<float> xy = core::project_layer(l);
    double a = 0;
    for (std::size_t i = 0; i < l.indices.size(); i += 3) {
      const std::uint32_t p = l.indices[i], q = l.indices[i + 1], r = l.indices[i + 2];
      a += std::fabs((xy[2 * q] - xy[2 * p]) * (xy[2 * r + 1] - xy[2 * p + 1]) -
                     (xy[2 * r] - xy[2 * p]) * (xy[2 * q + 1] - xy[2 * p + 1])) /
           2;
    }
    return a;
  };
  for (int zone = 1; zone <= static_cast<int>(map.detail_boxes.size()); ++zone) {
    const double a0 = area(*map.find(MapLayerKind::Land, 0, zone)), a1 = area(*map.find(MapLayerKind::Land, 1, zone));
    INFO("zone " << zone);
    CHECK(a0 > 0);
    // Small islands missing at 1:50m make the most difference in the small Singapore box.
    CHECK(a1 == doctest::Approx(a0).epsilon(zone == 3 ? 0.15 : 0.08));
  }
}

TEST_CASE("a well-formed tiny map parses exactly: shared arcs become lines and triangulated land") {
  MapAsset map;
  std::string error;
  REQUIRE_MESSAGE(parse(tiny_map(), map, error), error);
  CHECK(map.countries[0].name == "Korea");
  CHECK(map.countries[0].iso_numeric == 408);
  CHECK(map.countries[1].iso_numeric == 156);
  CHECK(map.detail_km_per_px == 3.0);
  const MapLayer& land = *map.find(MapLayerKind::Land, 0, 0);
  // Every edge here is 1 degree (in lon or lat or both) and comes in 4 pieces: A, the island and B each have
  // 12 points. Each ring starts where its first arc starts.
  REQUIRE(land.points.size() == 36);
  CHECK(land.points[0].lon == 1.0);
  CHECK(land.points[0].lat == 2.0);
  CHECK(land.points[1].lat == 1.75);
  CHECK(land.points[4].lon == 1.0);
  CHECK(land.points[4].lat == 1.0);
  CHECK(land.points[12].lon == 3.0);
  CHECK(land.points[12].lat == 3.0);
  CHECK(land.points[24].lon == 2.0);  // B starts with arc 2 at (2,1)
  CHECK(land.points[24].lat == 1.0);
  CHECK(land.ring_offsets == std::vector<std::uint32_t>{0, 12, 24, 36});
  REQUIRE(land.indices.size() == 90);  // 10 triangles per 12-point ring
  // A and its island are one group (consecutive pieces of one country), B another.
  REQUIRE(land.groups.size() == 2);
  CHECK(land.groups[0].country == 0);
  CHECK(land.groups[0].index_count == 60);
  CHECK(land.groups[1].country == 1);
  CHECK(land.groups[1].first_index == 60);
  for (std::uint32_t i = 0; i < 60; ++i) CHECK(land.indices[i] < 24);
  for (std::uint32_t i = 60; i < 90; ++i) CHECK(land.indices[i] >= 24);
  // Coastlines: arc 0, arc 2, and the island closed on itself; the border once, though two rings use it.
  const MapLayer& coast = *map.find(MapLayerKind::Coastline, 0, 0);
  CHECK(coast.part_offsets == std::vector<std::uint32_t>{0, 9, 18, 31});
  CHECK(coast.points[18].lon == 3.0);
  CHECK(coast.points[18].lat == 3.0);
  CHECK(coast.points[30].lon == 3.0);
  CHECK(coast.points[30].lat == 3.0);
  const MapLayer& border = *map.find(MapLayerKind::Border, 0, 0);
  REQUIRE(border.part_offsets == std::vector<std::uint32_t>{0, 5});
  CHECK(border.points[0].lon == 2.0);
  CHECK(border.points[4].lon == 1.0);
  CHECK(border.points[4].lat == 2.0);
}

TEST_CASE("edges longer than a quarter degree are split evenly, in lines and land alike") {
  TinyMap o;
  // Make B's far corner (2,2) -> (2,4): arc 2 becomes (2,1) (2,4) (1,2), edges of 3 and about 2.2 degrees.
  o.deltas[10] = 0;
  o.deltas[11] = 768;
  o.deltas[12] = -256;
  o.deltas[13] = -512;
  MapAsset map;
  std::string error;
  REQUIRE_MESSAGE(parse(tiny_map(o), map, error), error);
  const MapLayer& coast = *map.find(MapLayerKind::Coastline, 0, 0);
  // Arc 2: 3 degrees in 12 steps, then max(1, 2) = 2 degrees in 8 steps: 12 + 8 + 1 points.
  CHECK(coast.part_offsets[2] - coast.part_offsets[1] == 21);
  CHECK(coast.points[coast.part_offsets[1] + 1].lat == doctest::Approx(1.25));
  const MapLayer& land = *map.find(MapLayerKind::Land, 0, 0);
  CHECK(land.ring_offsets.back() - land.ring_offsets[2] == 20 + 4);  // B: arc 2, then the border's 4 pieces
}

TEST_CASE("the loader rejects a truncated file, naming the truncation") {
  const std::vector<std::uint8_t> good = read_map_bin();
  for (std::size_t keep : {std::size_t{0}, std::size_t{3}, std::size_t{15}, std::size_t{16}, std::size_t{100},
                           good.size() / 2, good.size() - 1}) {
    const std::vector<std::uint8_t> cut(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(keep));
    const std::string e = parse_error(cut);
    INFO("kept " << keep << " bytes: " << e);
    CHECK(e.find("truncated") != std::string::npos);
  }
  std::vector<std::uint8_t> longer = good;
  longer.push_back(0);
  CHECK(parse_error(longer).find("unexpected bytes") != std::string::npos);
}

TEST_CASE("the loader rejects a wrong magic, a bad version and a bad checksum, each by name") {
  std::vector<std::uint8_t> b = read_map_bin();
  b[0] = 'P';
  b[1] = 'N';
  b[2] = 'G';
  b[3] = 0x0d;
  CHECK(parse_error(b).find("wrong magic") != std::string::npos);
  CHECK(parse_error(b).find("PNG\\x0d") != std::string::npos);

  b = read_map_bin();
  put_u32(b, 4, 1);  // the format before shared arcs
  CHECK(parse_error(b).find("unsupported version 1") != std::string::npos);
  TinyMap v7;
  v7.version = 7;
  CHECK(parse_error(tiny_map(v7)).find("unsupported version 7") != std::string::npos);

  for (std::size_t at : {std::size_t{16}, std::size_t{2000}, read_map_bin().size() - 1}) {
    b = read_map_bin();
    b[at] ^= 0x20;
    INFO("flipped byte " << at);
    CHECK(parse_error(b).find("bad checksum") != std::string::npos);
  }
  b = read_map_bin();
  b[13] ^= 1;  // the stored checksum itself
  CHECK(parse_error(b).find("bad checksum") != std::string::npos);
}

TEST_CASE("the loader rejects out-of-range references, broken rings and misused arcs even with a valid checksum") {
  auto with = [](auto change) {
    TinyMap o;
    change(o);
    return parse_error(tiny_map(o));
  };
  CHECK(with([](TinyMap& o) { o.pieces[0].rings[0][0] = 2 * 8; }).find("arc 4 out of range (4 arcs)") !=
        std::string::npos);
  CHECK(with([](TinyMap& o) { o.pieces[2].country_delta = 2; }).find("country 2 out of range") != std::string::npos);
  CHECK(with([](TinyMap& o) { o.with_zone = false; }).find("missing ZONE section for level 0 zone 0") !=
        std::string::npos);
  // A ring that does not come back to its start, and one whose arcs do not chain.
  CHECK(with([](TinyMap& o) { o.pieces[0].rings[0] = {0}; }).find("ring 0 does not close") != std::string::npos);
  CHECK(with([](TinyMap& o) {
          o.pieces[0].rings[0] = {0, 1};
        }).find("does not start where the previous arc ends") != std::string::npos);
  // The border used by a third ring.
  CHECK(with([](TinyMap& o) { o.pieces.push_back({0, {{2}}}); }).find("more than two rings") != std::string::npos);
  CHECK(with([](TinyMap& o) {
          o.pieces[1].rings[0] = {4, 14};
        }).find("closed arc 3 shares a ring") != std::string::npos);
  CHECK(with([](TinyMap& o) { o.arc_headers[2] |= 8; }).rfind("map.bin: ", 0) == 0);  // every point after it shifts
  CHECK(with([](TinyMap& o) { o.arc_headers[0] |= 8; }).find("arc 0 continues from no open arc") != std::string::npos);
  CHECK(with([](TinyMap& o) { o.arc_headers[0] = 3 * 16 + 3; }).find("arc 0: unknown class 3") != std::string::npos);
  CHECK(with([](TinyMap& o) { o.arc_headers[0] = 1 * 16; }).find("arc 0 has too few points (1)") != std::string::npos);
  CHECK(with([](TinyMap& o) { o.deltas[0] = 256 * 20; }).find("lies outside its zone") != std::string::npos);
  CHECK(with([](TinyMap& o) { o.pieces[0].rings.clear(); }).find("bad ring count") != std::string::npos);
  CHECK(with([](TinyMap& o) { o.arc_headers[0] = 100000 * 16; }).find("arc points do not fit the section") !=
        std::string::npos);

  // A section table entry pointing past the payload.
  std::vector<std::uint8_t> b = tiny_map();
  put_u32(b, 16 + 4 + 12 * 2 + 4, 100000);  // third entry (ZONE) offset
  reseal(b);
  CHECK(parse_error(b).find("lies outside the payload") != std::string::npos);

  // A duplicate zone.
  b = tiny_map();
  {
    MapAsset map;
    std::string error;
    REQUIRE(parse(b, map, error));
  }
  const std::uint32_t zone_offset =
      static_cast<std::uint32_t>(b[16 + 4 + 24 + 4]) | static_cast<std::uint32_t>(b[16 + 4 + 24 + 5]) << 8;
  const std::uint32_t zone_size =
      static_cast<std::uint32_t>(b[16 + 4 + 24 + 8]) | static_cast<std::uint32_t>(b[16 + 4 + 24 + 9]) << 8;
  b[16 + zone_offset + 4] = 0xff;  // arc count varint: 0xff 0x.. -> large
  reseal(b);
  CHECK(parse_error(b).find("arc count") != std::string::npos);
  (void)zone_size;
}

TEST_CASE("a zone that would densify to too many points is refused, not allocated") {
  // Sawtooth: 40,000 points alternating between the zone's west and east edges, each edge 40 quarter
  // degrees: 1.6 million points once densified.
  TinyMap o;
  o.arc_headers = {40000 * 16 + 1};
  o.deltas.clear();
  o.deltas.push_back(0);
  o.deltas.push_back(256);
  for (int i = 1; i < 40000; ++i) {
    o.deltas.push_back(i % 2 ? 2560 : -2560);
    o.deltas.push_back(0);
  }
  o.pieces.clear();
  const std::string e = parse_error(tiny_map(o));
  CHECK(e.find("densifies to more than 500000 points") != std::string::npos);
}

TEST_CASE("with several zones missing, the first missing one is named") {
  std::vector<std::uint8_t> b = read_map_bin();
  auto u32_at = [&](std::size_t at) {
    return static_cast<std::uint32_t>(b[at]) | static_cast<std::uint32_t>(b[at + 1]) << 8 |
           static_cast<std::uint32_t>(b[at + 2]) << 16 | static_cast<std::uint32_t>(b[at + 3]) << 24;
  };
  // Hide the first and the last ZONE section (a tag this version does not know is passed over).
  std::vector<std::size_t> zones;  // their entries in the section table
  for (std::uint32_t i = 0; i < u32_at(16); ++i)
    if (std::equal(b.begin() + 20 + 12 * i, b.begin() + 24 + 12 * i, "ZONE")) zones.push_back(20 + 12 * i);
  REQUIRE(zones.size() >= 3);
  std::set<std::pair<int, int>> hidden;  // (zone, level), in the order the loader checks them
  for (std::size_t entry : {zones.front(), zones.back()}) {
    const std::size_t body = 16 + u32_at(entry + 4);
    hidden.insert({b[body + 1], b[body]});
    b[entry + 3] = 'X';
  }
  reseal(b);
  const auto [zone, level] = *hidden.begin();
  CHECK(parse_error(b) ==
        "map.bin: missing ZONE section for level " + std::to_string(level) + " zone " + std::to_string(zone));
}

TEST_CASE("the real file, resealed after corrupting an index, is still caught") {
  std::vector<std::uint8_t> b = read_map_bin();
  MapAsset map;
  std::string error;
  REQUIRE(parse(b, map, error));
  // Damage every byte of the last section body in turn would be slow; instead truncate one section's
  // declared size by one byte: the section no longer parses to its end.
  const std::uint32_t count = static_cast<std::uint32_t>(b[16]) | static_cast<std::uint32_t>(b[17]) << 8;
  const std::size_t entry = 16 + 4 + 12 * (count - 1);
  const std::uint32_t size = static_cast<std::uint32_t>(b[entry + 8]) | static_cast<std::uint32_t>(b[entry + 9]) << 8 |
                             static_cast<std::uint32_t>(b[entry + 10]) << 16;
  put_u32(b, entry + 8, size - 1);
  reseal(b);
  const std::string e = parse_error(b);
  CHECK(e.find("section") != std::string::npos);
  CHECK(e != "(accepted)");
}

TEST_CASE("random damage behind a valid checksum is reported or harmless, never a crash") {
  // Under the sanitizer build this also proves no out-of-bounds read or wild allocation.
  const std::vector<std::uint8_t> good = read_map_bin();
  std::uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  int rejected = 0;
  for (int round = 0; round < 150; ++round) {
    std::vector<std::uint8_t> b = round % 2 ? good : tiny_map();
    const int flips = 1 + static_cast<int>(next() % 4);
    for (int f = 0; f < flips; ++f) b[16 + next() % (b.size() - 16)] = static_cast<std::uint8_t>(next());
    reseal(b);
    MapAsset map;
    std::string error;
    if (!parse(b, map, error)) {
      ++rejected;
      CHECK(error.rfind("map.bin: ", 0) == 0);
    }
  }
  CHECK(rejected > 30);
}

TEST_CASE("the land triangulated at load covers exactly the rings it was made from, in every layer") {
  MapAsset map;
  std::string error;
  REQUIRE_MESSAGE(parse_whole_map(map, error), error);
  for (const MapLayer& l : map.layers) {
    if (l.kind != MapLayerKind::Land) continue;
    const std::vector<float> xy = core::project_layer(l);
    double rings = 0, triangles = 0;
    for (std::size_t i = 0; i + 1 < l.ring_offsets.size(); ++i) {  // signed: holes wind the other way
      const std::uint32_t a = l.ring_offsets[i], b = l.ring_offsets[i + 1];
      for (std::uint32_t j = a; j < b; ++j) {
        const std::uint32_t k = j + 1 < b ? j + 1 : a;
        rings += (static_cast<double>(xy[2 * j]) * xy[2 * k + 1] - static_cast<double>(xy[2 * k]) * xy[2 * j + 1]) / 2;
      }
    }
    for (std::size_t i = 0; i < l.indices.size(); i += 3) {
      const std::uint32_t p = l.indices[i], q = l.indices[i + 1], r = l.indices[i + 2];
      triangles += std::fabs((static_cast<double>(xy[2 * q]) - xy[2 * p]) * (xy[2 * r + 1] - xy[2 * p + 1]) -
                             (static_cast<double>(xy[2 * r]) - xy[2 * p]) * (xy[2 * q + 1] - xy[2 * p + 1])) /
                   2;
    }
    INFO("level " << int(l.level) << " zone " << int(l.zone) << ": rings " << rings << " km2, triangles " << triangles);
    CHECK(triangles > 0);
    CHECK(std::fabs(triangles - std::fabs(rings)) < 1e-4 * std::fabs(rings));
    REQUIRE(!l.ring_offsets.empty());
    CHECK(l.ring_offsets.back() == l.points.size());
  }
}

TEST_CASE("every coastline and border vertex is a vertex of the land it bounds (shared arcs)") {
  MapAsset map;
  std::string error;
  REQUIRE_MESSAGE(parse_whole_map(map, error), error);
  for (const MapLayer& l : map.layers) {
    if (l.kind != MapLayerKind::Land) continue;
    std::set<std::pair<double, double>> land;
    for (const LatLon& p : l.points) land.insert({p.lon, p.lat});
    for (MapLayerKind kind : {MapLayerKind::Coastline, MapLayerKind::Border}) {
      const MapLayer& lines = *map.find(kind, l.level, l.zone);
      std::size_t missing = 0;
      for (const LatLon& p : lines.points) missing += land.count({p.lon, p.lat}) ? 0 : 1;
      INFO(core::to_string(kind) << " level " << int(l.level) << " zone " << int(l.zone));
      CHECK(missing == 0);
    }
  }
}

TEST_CASE("load cost: parsing and triangulating the committed map (printed, not asserted)") {
  const std::vector<std::uint8_t> bytes = read_map_bin();
  MapAsset map;
  std::string error;
  const int runs = 5;
  double best = 1e9;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    REQUIRE(parse(bytes, map, error));
    best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::size_t points = 0, triangles = 0;
  for (const MapLayer& l : map.layers) {
    points += l.points.size();
    triangles += l.indices.size() / 3;
  }
  MESSAGE("map.bin " << bytes.size() << " bytes: parsed, densified and triangulated in " << best << " ms (best of "
                     << runs << "): " << points << " points, " << triangles << " triangles");
}

// The far part joins the near part once, and only a far part of the same build does.
TEST_CASE("the far part is added once, and only to the near part it was made with") {
  MapAsset near, far, again;
  std::string error;
  REQUIRE_MESSAGE(parse(read_map_bin(), near, error), error);
  REQUIRE_MESSAGE(parse(read_map_bin("map-far.bin"), far, error), error);
  REQUIRE_MESSAGE(parse(read_map_bin("map-far.bin"), again, error), error);
  CHECK(far.far_loaded);
  MapAsset near_copy = near;
  CHECK_FALSE(core::map_add_far_part(near_copy, MapAsset(near), error));  // a near part is not a far one
  CHECK(error == "map.bin: not the far part of the map (map-far.bin)");
  MapAsset other = far;
  other.countries.back().name += "x";
  CHECK_FALSE(core::map_add_far_part(near_copy, std::move(other), error));
  CHECK(error.find("not of one build") != std::string::npos);
  const std::size_t near_layers = near.layers.size();
  REQUIRE_MESSAGE(core::map_add_far_part(near, std::move(far), error), error);
  CHECK(near.layers.size() > near_layers);
  CHECK_FALSE(core::map_add_far_part(near, std::move(again), error));
  CHECK(error == "map.bin: the far part is already in");
  // A far zone in the near file is refused by name.
  std::vector<std::uint8_t> b = read_map_bin();
  const std::size_t meta_body = 16 + (static_cast<std::size_t>(b[24]) | static_cast<std::size_t>(b[25]) << 8);
  const std::size_t meta_size = static_cast<std::size_t>(b[28]) | static_cast<std::size_t>(b[29]) << 8;
  b[meta_body + meta_size - 1] = 1;  // the META's part byte: say "far" for the near file's zones
  reseal(b);
  CHECK(parse_error(b).find("the zone belongs to the near part") != std::string::npos);
  // A broken far file is named as itself.
  const std::vector<std::uint8_t> far_bytes = read_map_bin("map-far.bin");
  core::MapParser cut(far_bytes.data(), far_bytes.size() - 10, "map-far.bin");
  while (cut.step()) {
  }
  CHECK(cut.error().rfind("map-far.bin: truncated", 0) == 0);
}

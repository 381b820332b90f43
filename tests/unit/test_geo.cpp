// Geo core against independent figures: a test-local haversine and ECEF-vector implementation (different
// formulas from the library's Vincenty/atan2 form and slerp), exact values on the sphere, and distances the
// fact sheet's compiler calculated separately (trips-facts.md: Sunan-Changi 4,751 km, Sunan-Dalian 358 km,
// Pyongyang-Hanoi 2,756 km, Sunan-Beijing Capital about 780 km).
#include <doctest/doctest.h>

#include <cmath>

#include "core/geo.hpp"

using core::LatLon;

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double R = 6371.0088;

double rad(double d) { return d * kPi / 180.0; }

// Haversine, independent of the library.
double haversine_km(LatLon a, LatLon b) {
  const double dlat = rad(b.lat - a.lat), dlon = rad(b.lon - a.lon);
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(rad(a.lat)) * std::cos(rad(b.lat)) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * R * std::asin(std::sqrt(h));
}

struct V {
  double x, y, z;
};
V ecef(LatLon p) {
  return {std::cos(rad(p.lat)) * std::cos(rad(p.lon)), std::cos(rad(p.lat)) * std::sin(rad(p.lon)),
          std::sin(rad(p.lat))};
}

// Initial bearing from the east/north components of the direction to b at a (vector method).
double vector_bearing_deg(LatLon a, LatLon b) {
  const V pa = ecef(a), pb = ecef(b);
  const V east{-std::sin(rad(a.lon)), std::cos(rad(a.lon)), 0};
  const V north{-std::sin(rad(a.lat)) * std::cos(rad(a.lon)), -std::sin(rad(a.lat)) * std::sin(rad(a.lon)),
                std::cos(rad(a.lat))};
  const V d{pb.x - pa.x, pb.y - pa.y, pb.z - pa.z};
  double deg =
      std::atan2(d.x * east.x + d.y * east.y + d.z * east.z, d.x * north.x + d.y * north.y + d.z * north.z) * 180 / kPi;
  return deg < 0 ? deg + 360 : deg;
}

// Smallest difference between two bearings, degrees.
double bearing_diff(double a, double b) {
  double d = std::fmod(std::fabs(a - b), 360.0);
  return d > 180 ? 360 - d : d;
}

const LatLon kPyongyangStation{39.0047, 125.7364};
const LatLon kBeijingStation{39.9029, 116.4279};
const LatLon kSunan{39.2241, 125.6700};
const LatLon kChangi{1.3502, 103.9940};
const LatLon kDalianAirport{38.9657, 121.5386};
const LatLon kBeijingCapital{40.0799, 116.6031};
const LatLon kHanoiCentre{21.0278, 105.8342};

}  // namespace

TEST_CASE("radius is the IUGG mean Earth radius") { CHECK(core::kEarthRadiusKm == 6371.0088); }

TEST_CASE("great-circle distance: exact values on the sphere") {
  const double deg_km = R * kPi / 180.0;  // 111.195 km
  CHECK(core::great_circle_km({0, 0}, {1, 0}) == doctest::Approx(deg_km).epsilon(1e-12));
  CHECK(core::great_circle_km({0, 0}, {0, 90}) == doctest::Approx(R * kPi / 2).epsilon(1e-12));
  CHECK(core::great_circle_km({0, 0}, {90, 0}) == doctest::Approx(R * kPi / 2).epsilon(1e-12));
  // Antipodes: haversine loses precision here; the atan2 form must not.
  CHECK(core::great_circle_km({10, 20}, {-10, -160}) == doctest::Approx(R * kPi).epsilon(1e-12));
  CHECK(core::great_circle_km(kSunan, kSunan) == 0.0);
  // Across the dateline: 1 degree of longitude on the equator, not 359.
  CHECK(core::great_circle_km({0, 179.5}, {0, -179.5}) == doctest::Approx(deg_km).epsilon(1e-9));
  // 1 metre apart stays 1 metre (no cancellation).
  CHECK(core::great_circle_km({39.0, 125.0}, {39.0 + 0.001 / deg_km, 125.0}) == doctest::Approx(0.001).epsilon(1e-6));
}

TEST_CASE("great-circle distance: journey airports and stations against independent figures") {
  // Pyongyang Station - Beijing Railway Station: about 805 km on the mean sphere (the often quoted
  // "about 810 km" is within 1%).
  const double pb = core::great_circle_km(kPyongyangStation, kBeijingStation);
  CHECK(pb == doctest::Approx(haversine_km(kPyongyangStation, kBeijingStation)).epsilon(1e-9));
  CHECK(pb == doctest::Approx(810).epsilon(0.01));
  CHECK(pb == doctest::Approx(805.05).epsilon(1e-4));

  // Fact-sheet compiler's separate calculations, rounded to the km.
  CHECK(std::fabs(core::great_circle_km(kSunan, kChangi) - 4751) < 1.0);
  CHECK(std::fabs(core::great_circle_km(kSunan, kDalianAirport) - 358) < 1.0);
  CHECK(std::fabs(core::great_circle_km(kPyongyangStation, kHanoiCentre) - 2756) < 1.0);
  CHECK(std::fabs(core::great_circle_km(kSunan, kBeijingCapital) - 780) < 5.0);
  // ...and the published Singapore range (4,600-5,000 km) and Dalian "about 360 km".
  CHECK(core::great_circle_km(kSunan, kChangi) > 4600);
  CHECK(core::great_circle_km(kSunan, kChangi) < 5000);
  CHECK(core::great_circle_km(kSunan, kDalianAirport) == doctest::Approx(360).epsilon(0.01));

  // Symmetric and agrees with haversine everywhere away from antipodes.
  CHECK(core::great_circle_km(kChangi, kSunan) ==
        doctest::Approx(core::great_circle_km(kSunan, kChangi)).epsilon(1e-14));
  CHECK(core::great_circle_km(kSunan, kChangi) == doctest::Approx(haversine_km(kSunan, kChangi)).epsilon(1e-10));
}

TEST_CASE("initial bearing") {
  CHECK(core::initial_bearing_deg({0, 0}, {0, 10}) == doctest::Approx(90));
  CHECK(core::initial_bearing_deg({0, 0}, {10, 0}) == doctest::Approx(0));
  CHECK(core::initial_bearing_deg({0, 0}, {0, -10}) == doctest::Approx(270));
  CHECK(core::initial_bearing_deg({0, 0}, {-10, 0}) == doctest::Approx(180));
  // Great circles leave eastward poleward of the rhumb line: from 45N going to 45N 90 degrees east the
  // initial bearing is well north of east (about 54.7 degrees).
  CHECK(core::initial_bearing_deg({45, 0}, {45, 90}) == doctest::Approx(54.7356).epsilon(1e-5));
  // Journey pairs against the vector method.
  CHECK(bearing_diff(core::initial_bearing_deg(kPyongyangStation, kBeijingStation),
                     vector_bearing_deg(kPyongyangStation, kBeijingStation)) < 1e-6);
  CHECK(bearing_diff(core::initial_bearing_deg(kSunan, kChangi), vector_bearing_deg(kSunan, kChangi)) < 1e-6);
  // Beijing is a little north of due west of Pyongyang; Singapore is south-south-west.
  const double to_beijing = core::initial_bearing_deg(kPyongyangStation, kBeijingStation);
  CHECK(to_beijing > 270);
  CHECK(to_beijing < 290);
  const double to_singapore = core::initial_bearing_deg(kSunan, kChangi);
  CHECK(to_singapore > 200);
  CHECK(to_singapore < 225);
  CHECK(core::initial_bearing_deg(kSunan, kSunan) == 0.0);
}

TEST_CASE("interpolation and the midpoint of a long arc") {
  // 45N 0E to 45N 90E: the great-circle midpoint is at 54.7356N 45E, not at 45N (a linear lat/lon
  // interpolation would give 45N).
  const LatLon m = core::midpoint({45, 0}, {45, 90});
  CHECK(m.lat == doctest::Approx(std::atan(std::sqrt(2.0)) * 180 / kPi).epsilon(1e-9));  // 54.7356
  CHECK(m.lon == doctest::Approx(45).epsilon(1e-9));

  // Sunan - Changi: the midpoint is equidistant and on the arc.
  const LatLon mid = core::midpoint(kSunan, kChangi);
  const double d = core::great_circle_km(kSunan, kChangi);
  CHECK(haversine_km(kSunan, mid) == doctest::Approx(d / 2).epsilon(1e-9));
  CHECK(haversine_km(mid, kChangi) == doctest::Approx(d / 2).epsilon(1e-9));
  // Known value (vector sum of the two ends, normalised), computed independently here:
  const V a = ecef(kSunan), b = ecef(kChangi);
  const V s{a.x + b.x, a.y + b.y, a.z + b.z};
  const double lat = std::atan2(s.z, std::sqrt(s.x * s.x + s.y * s.y)) * 180 / kPi;
  const double lon = std::atan2(s.y, s.x) * 180 / kPi;
  CHECK(mid.lat == doctest::Approx(lat).epsilon(1e-9));
  CHECK(mid.lon == doctest::Approx(lon).epsilon(1e-9));

  // Ends and quarter points.
  const LatLon p0 = core::interpolate(kSunan, kChangi, 0.0);
  const LatLon p1 = core::interpolate(kSunan, kChangi, 1.0);
  CHECK(haversine_km(p0, kSunan) < 1e-6);
  CHECK(haversine_km(p1, kChangi) < 1e-6);
  const LatLon q = core::interpolate(kSunan, kChangi, 0.25);
  CHECK(haversine_km(kSunan, q) == doctest::Approx(d / 4).epsilon(1e-9));
  CHECK(haversine_km(q, kChangi) == doctest::Approx(3 * d / 4).epsilon(1e-9));

  // Across the dateline, the short way.
  const LatLon dl = core::midpoint({0, 170}, {0, -170});
  CHECK(std::fabs(std::fabs(dl.lon) - 180) < 1e-9);
  CHECK(dl.lat == doctest::Approx(0).epsilon(1e-12));
}

TEST_CASE("densified arcs") {
  const auto pts = core::densify(kSunan, kChangi, 25.0);
  const double d = core::great_circle_km(kSunan, kChangi);
  CHECK(pts.size() == static_cast<std::size_t>(std::ceil(d / 25.0)) + 1);
  CHECK(haversine_km(pts.front(), kSunan) < 1e-9);
  CHECK(haversine_km(pts.back(), kChangi) < 1e-9);
  for (std::size_t i = 1; i < pts.size(); ++i) CHECK(haversine_km(pts[i - 1], pts[i]) <= 25.0 + 1e-9);
  // On the great circle: the densified polyline is as long as the arc.
  CHECK(core::polyline_length_km(pts) == doctest::Approx(d).epsilon(1e-9));
  // No densification requested / short arc: just the two ends.
  CHECK(core::densify(kSunan, kDalianAirport, 0.0).size() == 2);
  CHECK(core::densify(kSunan, kDalianAirport, 1000.0).size() == 2);
  // Dateline arc stays near the dateline.
  for (const LatLon& p : core::densify({0, 170}, {0, -170}, 50.0)) CHECK(std::fabs(p.lon) >= 170 - 1e-9);
}

TEST_CASE("polyline length") {
  CHECK(core::polyline_length_km({}) == 0.0);
  CHECK(core::polyline_length_km({kSunan}) == 0.0);
  CHECK(core::polyline_length_km({{0, 0}, {0, 30}, {0, 60}, {0, 90}}) == doctest::Approx(R * kPi / 2).epsilon(1e-12));
}

TEST_CASE("route arc-length parametrisation: single flight arc") {
  const core::Route r = core::build_route({kSunan, kChangi});
  const double d = core::great_circle_km(kSunan, kChangi);
  CHECK(r.length_km() == doctest::Approx(d).epsilon(1e-9));
  REQUIRE(r.stop_km.size() == 2);
  CHECK(r.stop_km[0] == 0.0);
  CHECK(r.stop_km[1] == doctest::Approx(d).epsilon(1e-12));
  CHECK(r.points.size() > 150);

  const auto at0 = core::route_position_at(r, 0.0);
  CHECK(haversine_km(at0.position, kSunan) < 1e-9);
  CHECK(at0.heading_deg == doctest::Approx(core::initial_bearing_deg(kSunan, kChangi)).epsilon(1e-9));

  const auto half = core::route_position_at_fraction(r, 0.5);
  CHECK(haversine_km(half.position, core::midpoint(kSunan, kChangi)) < 1e-6);
  // Heading at the midpoint = bearing from the midpoint onward along the arc.
  CHECK(bearing_diff(half.heading_deg, vector_bearing_deg(half.position, kChangi)) < 1e-3);

  const auto end = core::route_position_at(r, d);
  CHECK(haversine_km(end.position, kChangi) < 1e-9);
  // Final heading = reverse of the initial bearing from Changi back to Sunan.
  CHECK(bearing_diff(end.heading_deg, std::fmod(core::initial_bearing_deg(kChangi, kSunan) + 180, 360)) < 1e-6);
  // The heading turns along a great circle (north-east to south-west flight crosses meridians obliquely).
  CHECK(bearing_diff(at0.heading_deg, end.heading_deg) > 5.0);

  // Clamping.
  CHECK(haversine_km(core::route_position_at(r, -100).position, kSunan) < 1e-9);
  CHECK(haversine_km(core::route_position_at(r, d + 100).position, kChangi) < 1e-9);
  CHECK(haversine_km(core::route_position_at(r, std::nan("")).position, kSunan) < 1e-9);
}

TEST_CASE("route arc-length parametrisation: multi-stop rail route") {
  const std::vector<LatLon> stops = {
      kPyongyangStation, {40.10, 124.40}, {40.125, 124.394}, {41.8057, 123.4315}, kBeijingStation};
  const core::Route r = core::build_route(stops);
  CHECK(r.length_km() == doctest::Approx(core::polyline_length_km(stops)).epsilon(1e-9));
  REQUIRE(r.stop_km.size() == stops.size());
  for (std::size_t i = 0; i < stops.size(); ++i) {
    const auto p = core::route_position_at(r, r.stop_km[i]);
    CHECK(haversine_km(p.position, stops[i]) < 1e-6);
    CHECK(haversine_km(r.points[r.stop_point[i]], stops[i]) < 1e-9);
  }
  // Distance along the route is monotonic and each query lies on its segment.
  double prev = -1;
  for (double km = 0; km <= r.length_km(); km += 7.3) {
    const auto p = core::route_position_at(r, km);
    const double from_seg_start = haversine_km(r.points[p.segment], p.position);
    CHECK(r.cumulative_km[p.segment] + from_seg_start == doctest::Approx(km).epsilon(1e-6));
    CHECK(r.cumulative_km[p.segment] >= prev - 1e-9);
    prev = r.cumulative_km[p.segment];
  }
  // Heading half-way from Shenyang to Beijing points roughly south-west.
  const auto p = core::route_position_at(r, 0.5 * (r.stop_km[3] + r.stop_km[4]));
  CHECK(p.heading_deg > 225);
  CHECK(p.heading_deg < 260);
}

TEST_CASE("route edge cases") {
  const core::Route empty = core::build_route({});
  CHECK(empty.empty());
  CHECK(core::route_position_at(empty, 10).heading_deg == 0.0);
  const core::Route one = core::build_route({kSunan});
  CHECK(one.length_km() == 0.0);
  CHECK(haversine_km(core::route_position_at(one, 10).position, kSunan) < 1e-9);
  // A repeated stop (zero-length segment) does not break the search.
  const core::Route rep = core::build_route({kSunan, kSunan, kDalianAirport});
  CHECK(rep.length_km() == doctest::Approx(core::great_circle_km(kSunan, kDalianAirport)).epsilon(1e-9));
  CHECK(haversine_km(core::route_position_at(rep, rep.length_km()).position, kDalianAirport) < 1e-9);
  CHECK(core::route_position_at(rep, 0).heading_deg ==
        doctest::Approx(core::initial_bearing_deg(kSunan, kDalianAirport)));
  CHECK(core::is_valid({90, 180}));
  CHECK_FALSE(core::is_valid({90.01, 0}));
  CHECK_FALSE(core::is_valid({0, -180.5}));
  CHECK_FALSE(core::is_valid({std::nan(""), 0}));
}

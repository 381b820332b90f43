// The map projection: Lambert azimuthal equal-area centred on East Asia. Round trips both ways, the
// properties that make it that projection (equal area, true distances from the centre), and orientation.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/projection.hpp"

using core::LatLon;
using core::PlanePoint;

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kD2R = kPi / 180.0;

// Shoelace area of a small lon/lat cell drawn on the plane, each edge split into n pieces.
double projected_cell_area(double lon, double lat, double d, int n) {
  std::vector<PlanePoint> ring;
  for (int i = 0; i < n; ++i) ring.push_back(core::project({lat, lon + d * i / n}));
  for (int i = 0; i < n; ++i) ring.push_back(core::project({lat + d * i / n, lon + d}));
  for (int i = 0; i < n; ++i) ring.push_back(core::project({lat + d, lon + d - d * i / n}));
  for (int i = 0; i < n; ++i) ring.push_back(core::project({lat + d - d * i / n, lon}));
  double a = 0;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
    a += (ring[j].x - ring[i].x) * (ring[j].y + ring[i].y);
  return std::fabs(a) / 2;
}
}  // namespace

TEST_CASE("forward then inverse returns every point of the region within 1e-9 degrees") {
  double worst = 0;
  int n = 0;
  for (double lat = -12.0; lat <= 62.0; lat += 0.37) {
    for (double lon = 78.0; lon <= 166.0; lon += 0.41) {
      const LatLon back = core::unproject(core::project({lat, lon}));
      worst = std::max({worst, std::fabs(back.lat - lat), std::fabs(back.lon - lon)});
      ++n;
    }
  }
  CHECK(n > 40000);
  CHECK(worst < 1e-9);
  // Including the exact centre and its meridian (x = 0), where atan2 branches meet.
  for (double lat : {28.0, 27.999999, -11.0, 61.0}) {
    const LatLon back = core::unproject(core::project({lat, 120.0}));
    CHECK(std::fabs(back.lat - lat) < 1e-9);
    CHECK(std::fabs(back.lon - 120.0) < 1e-9);
  }
}

TEST_CASE("inverse then forward returns every plane point within a millimetre") {
  double worst = 0;
  for (double x = -5000; x <= 5000; x += 97.3) {
    for (double y = -5000; y <= 5000; y += 101.1) {
      const PlanePoint back = core::project(core::unproject({x, y}));
      worst = std::max({worst, std::fabs(back.x - x), std::fabs(back.y - y)});
    }
  }
  CHECK(worst < 1e-6);
}

TEST_CASE("the projection is centred on 120E 28N, north up, east right") {
  const PlanePoint c = core::project({28.0, 120.0});
  CHECK(std::fabs(c.x) < 1e-9);
  CHECK(std::fabs(c.y) < 1e-9);
  const PlanePoint north = core::project({40.0, 120.0});
  CHECK(std::fabs(north.x) < 1e-9);
  CHECK(north.y > 1000);
  const PlanePoint vladivostok = core::project({43.115, 131.885});
  const PlanePoint singapore = core::project({1.290, 103.852});
  CHECK(vladivostok.x > 0);
  CHECK(vladivostok.y > 0);
  CHECK(singapore.x < 0);
  CHECK(singapore.y < 0);
}

TEST_CASE("distances from the centre are 2R sin(c/2), as in every azimuthal equal-area map") {
  const double R = core::kEarthRadiusKm;
  const double phi0 = 28.0 * kD2R;
  for (LatLon p : {LatLon{39.019, 125.738}, LatLon{39.904, 116.407}, LatLon{1.290, 103.852}, LatLon{51.884, 128.334}}) {
    const double phi = p.lat * kD2R, dl = (p.lon - 120.0) * kD2R;
    const double c = std::acos(std::sin(phi0) * std::sin(phi) + std::cos(phi0) * std::cos(phi) * std::cos(dl));
    const PlanePoint q = core::project(p);
    CHECK(std::hypot(q.x, q.y) == doctest::Approx(2 * R * std::sin(c / 2)).epsilon(1e-12));
  }
}

TEST_CASE("areas are true: a 0.05 degree cell has its area on the sphere, near and far from the centre") {
  const double R = core::kEarthRadiusKm;
  for (LatLon p : {LatLon{1.3, 103.8}, LatLon{43.1, 131.9}, LatLon{28.0, 120.0}, LatLon{55.0, 160.0}}) {
    const double d = 0.05;
    const double sphere = R * R * d * kD2R * (std::sin((p.lat + d) * kD2R) - std::sin(p.lat * kD2R));
    CHECK(projected_cell_area(p.lon, p.lat, d, 8) == doctest::Approx(sphere).epsilon(1e-5));
  }
}

TEST_CASE("the inverse has no answer beyond the disc of radius 2R, and the forward none at the antipode") {
  const LatLon out = core::unproject({2 * core::kEarthRadiusKm + 1.0, 0.0});
  CHECK(std::isnan(out.lat));
  const PlanePoint anti = core::project({-28.0, -60.0});
  CHECK(std::isnan(anti.x));
}

TEST_CASE("project_lonlat_box bounds the projected box, whose edges are curves") {
  const core::PlaneRect r = core::project_lonlat_box(95, 0, 145, 57);
  for (double lon = 95; lon <= 145; lon += 0.25) {
    for (double lat : {0.0, 57.0, 30.0}) CHECK(r.contains(core::project({lat, lon})));
  }
  // Parallels are arcs around the pole: the equator sags south between 95E and 145E, so the lowest point
  // of the box is the middle of its bottom edge, not a corner.
  CHECK(core::project({0, 120}).y < core::project({0, 95}).y - 100);
  CHECK(r.min_y == doctest::Approx(core::project({0, 120}).y).epsilon(1e-9));
}

#include "core/projection.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace core {

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kDegToRad = kPi / 180.0;
constexpr double kRadToDeg = 180.0 / kPi;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

void PlaneRect::extend(PlanePoint p) {
  if (empty()) {
    min_x = max_x = p.x;
    min_y = max_y = p.y;
    return;
  }
  min_x = std::min(min_x, p.x);
  max_x = std::max(max_x, p.x);
  min_y = std::min(min_y, p.y);
  max_y = std::max(max_y, p.y);
}

// Snyder, "Map Projections: A Working Manual" (1987), eq. 24-2..24-4 (forward) and 20-14, 20-15, 24-16
// (inverse), spherical form.
PlanePoint Projection::forward(LatLon p) const {
  const double phi0 = lat0_deg * kDegToRad;
  const double phi = p.lat * kDegToRad;
  const double dl = (p.lon - lon0_deg) * kDegToRad;
  const double cos_c = std::sin(phi0) * std::sin(phi) + std::cos(phi0) * std::cos(phi) * std::cos(dl);
  if (!(1.0 + cos_c > 1e-15)) return {kNaN, kNaN};
  const double k = std::sqrt(2.0 / (1.0 + cos_c));
  return {radius_km * k * std::cos(phi) * std::sin(dl),
          radius_km * k * (std::cos(phi0) * std::sin(phi) - std::sin(phi0) * std::cos(phi) * std::cos(dl))};
}

LatLon Projection::inverse(PlanePoint p) const {
  const double phi0 = lat0_deg * kDegToRad;
  const double rho = std::hypot(p.x, p.y);
  if (rho == 0.0) return {lat0_deg, lon0_deg};
  const double half = rho / (2.0 * radius_km);
  if (!(half <= 1.0)) return {kNaN, kNaN};
  const double c = 2.0 * std::asin(half);
  const double sin_c = std::sin(c), cos_c = std::cos(c);
  // atan2 for the latitude too: asin loses digits near the poles, atan2 does not.
  const double z = cos_c * std::sin(phi0) + p.y * sin_c * std::cos(phi0) / rho;
  const double horiz = std::hypot(p.x * sin_c / rho, cos_c * std::cos(phi0) - p.y * sin_c * std::sin(phi0) / rho);
  const double lat = std::atan2(z, horiz) * kRadToDeg;
  double lon =
      lon0_deg + std::atan2(p.x * sin_c, rho * std::cos(phi0) * cos_c - p.y * std::sin(phi0) * sin_c) * kRadToDeg;
  lon = std::fmod(lon + 180.0, 360.0);
  if (lon < 0.0) lon += 360.0;
  return {lat, lon - 180.0};
}

const Projection& map_projection() {
  static const Projection projection{};
  return projection;
}

PlanePoint project(LatLon p) { return map_projection().forward(p); }
LatLon unproject(PlanePoint p) { return map_projection().inverse(p); }

PlaneRect project_lonlat_box(double lon_min, double lat_min, double lon_max, double lat_max,
                             const Projection& projection) {
  PlaneRect r;
  const int nx = std::max(1, static_cast<int>(std::ceil((lon_max - lon_min) / 0.5)));
  const int ny = std::max(1, static_cast<int>(std::ceil((lat_max - lat_min) / 0.5)));
  for (int i = 0; i <= nx; ++i) {
    const double lon = lon_min + (lon_max - lon_min) * i / nx;
    r.extend(projection.forward({lat_min, lon}));
    r.extend(projection.forward({lat_max, lon}));
  }
  for (int j = 0; j <= ny; ++j) {
    const double lat = lat_min + (lat_max - lat_min) * j / ny;
    r.extend(projection.forward({lat, lon_min}));
    r.extend(projection.forward({lat, lon_max}));
  }
  return r;
}

// The largest axis-aligned rectangle (in practice) inside the projected box: each edge's innermost point.
PlaneRect project_lonlat_box_inner(double lon_min, double lat_min, double lon_max, double lat_max,
                                   const Projection& projection) {
  PlaneRect r{-1e300, -1e300, 1e300, 1e300};
  const int n = 64;
  for (int i = 0; i <= n; ++i) {
    const double lon = lon_min + (lon_max - lon_min) * i / n, lat = lat_min + (lat_max - lat_min) * i / n;
    r.min_y = std::max(r.min_y, projection.forward({lat_min, lon}).y);
    r.max_y = std::min(r.max_y, projection.forward({lat_max, lon}).y);
    r.min_x = std::max(r.min_x, projection.forward({lat, lon_min}).x);
    r.max_x = std::min(r.max_x, projection.forward({lat, lon_max}).x);
  }
  return r;
}

}  // namespace core

#include "core/geo.hpp"

#include <algorithm>
#include <cmath>

namespace core {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDegToRad = kPi / 180.0;
constexpr double kRadToDeg = 180.0 / kPi;

struct Vec3 {
  double x, y, z;
};

Vec3 to_vec(LatLon p) {
  const double lat = p.lat * kDegToRad;
  const double lon = p.lon * kDegToRad;
  return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}

LatLon to_latlon(Vec3 v) {
  const double h = std::sqrt(v.x * v.x + v.y * v.y);
  return {std::atan2(v.z, h) * kRadToDeg, wrap_lon(std::atan2(v.y, v.x) * kRadToDeg)};
}

double normalise_bearing(double deg) {
  double b = std::fmod(deg, 360.0);
  if (b < 0.0) b += 360.0;
  if (b >= 360.0) b -= 360.0;
  return b;
}

}  // namespace

bool is_valid(LatLon p) {
  return std::isfinite(p.lat) && std::isfinite(p.lon) && p.lat >= -90.0 && p.lat <= 90.0 && p.lon >= -180.0 &&
         p.lon <= 180.0;
}

double wrap_lon(double lon_deg) {
  double l = std::fmod(lon_deg + 180.0, 360.0);
  if (l < 0.0) l += 360.0;
  return l - 180.0;
}

double central_angle_rad(LatLon a, LatLon b) {
  const double p1 = a.lat * kDegToRad;
  const double p2 = b.lat * kDegToRad;
  const double dl = (b.lon - a.lon) * kDegToRad;
  const double sp1 = std::sin(p1), cp1 = std::cos(p1);
  const double sp2 = std::sin(p2), cp2 = std::cos(p2);
  const double sdl = std::sin(dl), cdl = std::cos(dl);
  const double t1 = cp2 * sdl;
  const double t2 = cp1 * sp2 - sp1 * cp2 * cdl;
  const double num = std::sqrt(t1 * t1 + t2 * t2);
  const double den = sp1 * sp2 + cp1 * cp2 * cdl;
  return std::atan2(num, den);
}

double great_circle_km(LatLon a, LatLon b) { return kEarthRadiusKm * central_angle_rad(a, b); }

double initial_bearing_deg(LatLon a, LatLon b) {
  const double p1 = a.lat * kDegToRad;
  const double p2 = b.lat * kDegToRad;
  const double dl = (b.lon - a.lon) * kDegToRad;
  const double y = std::sin(dl) * std::cos(p2);
  const double x = std::cos(p1) * std::sin(p2) - std::sin(p1) * std::cos(p2) * std::cos(dl);
  if (y == 0.0 && x == 0.0) return 0.0;
  return normalise_bearing(std::atan2(y, x) * kRadToDeg);
}

LatLon interpolate(LatLon a, LatLon b, double t) {
  const Vec3 va = to_vec(a);
  const Vec3 vb = to_vec(b);
  const double omega = central_angle_rad(a, b);
  const double s = std::sin(omega);
  if (s < 1e-12) {
    if (omega < 1.0) return t < 0.5 ? a : b;  // coincident points
    // Antipodal: any great circle works; go through the pole-ward point orthogonal to a.
    Vec3 axis = std::fabs(va.z) < 0.9 ? Vec3{0, 0, 1} : Vec3{1, 0, 0};
    // m = component of axis orthogonal to a, normalised
    const double d = axis.x * va.x + axis.y * va.y + axis.z * va.z;
    Vec3 m{axis.x - d * va.x, axis.y - d * va.y, axis.z - d * va.z};
    const double n = std::sqrt(m.x * m.x + m.y * m.y + m.z * m.z);
    m = {m.x / n, m.y / n, m.z / n};
    const double ang = t * kPi;
    return to_latlon({va.x * std::cos(ang) + m.x * std::sin(ang), va.y * std::cos(ang) + m.y * std::sin(ang),
                      va.z * std::cos(ang) + m.z * std::sin(ang)});
  }
  const double wa = std::sin((1.0 - t) * omega) / s;
  const double wb = std::sin(t * omega) / s;
  return to_latlon({wa * va.x + wb * vb.x, wa * va.y + wb * vb.y, wa * va.z + wb * vb.z});
}

LatLon midpoint(LatLon a, LatLon b) { return interpolate(a, b, 0.5); }

std::vector<LatLon> densify(LatLon a, LatLon b, double max_step_km) {
  std::vector<LatLon> out;
  const double d = great_circle_km(a, b);
  std::size_t n = 1;
  if (max_step_km > 0.0 && d > max_step_km) n = static_cast<std::size_t>(std::ceil(d / max_step_km));
  out.reserve(n + 1);
  out.push_back(a);
  for (std::size_t i = 1; i < n; ++i) out.push_back(interpolate(a, b, static_cast<double>(i) / static_cast<double>(n)));
  out.push_back(b);
  return out;
}

double polyline_length_km(const std::vector<LatLon>& points) {
  double sum = 0.0;
  for (std::size_t i = 1; i < points.size(); ++i) sum += great_circle_km(points[i - 1], points[i]);
  return sum;
}

Route build_route(const std::vector<LatLon>& stops, double max_step_km) { return build_route(stops, {}, max_step_km); }

Route build_route(const std::vector<LatLon>& stops, const std::vector<std::vector<LatLon>>& via, double max_step_km) {
  Route r;
  if (stops.empty()) return r;
  r.points.push_back(stops.front());
  r.cumulative_km.push_back(0.0);
  r.stop_point.push_back(0);
  r.stop_km.push_back(0.0);
  auto arc_to = [&](LatLon to) {
    const std::vector<LatLon> arc = densify(r.points.back(), to, max_step_km);
    for (std::size_t i = 1; i < arc.size(); ++i) {
      const double step = great_circle_km(r.points.back(), arc[i]);
      r.cumulative_km.push_back(r.cumulative_km.back() + step);
      r.points.push_back(arc[i]);
    }
  };
  for (std::size_t s = 1; s < stops.size(); ++s) {
    if (s - 1 < via.size())
      for (const LatLon& p : via[s - 1]) arc_to(p);
    arc_to(stops[s]);
    r.stop_point.push_back(r.points.size() - 1);
    r.stop_km.push_back(r.cumulative_km.back());
  }
  return r;
}

RoutePosition route_position_at(const Route& route, double km) {
  RoutePosition out;
  const std::size_t n = route.points.size();
  if (n == 0) return out;
  if (n == 1) {
    out.position = route.points[0];
    return out;
  }
  const double total = route.cumulative_km.back();
  if (!(km > 0.0)) km = 0.0;  // also catches NaN
  if (km > total) km = total;

  // First vertex strictly beyond km; the segment is the one ending there. Zero-length segments are
  // skipped naturally because their end has the same cumulative distance as their start.
  auto it = std::upper_bound(route.cumulative_km.begin(), route.cumulative_km.end(), km);
  std::size_t end = static_cast<std::size_t>(it - route.cumulative_km.begin());
  if (end >= n) {
    // At (or numerically past) the end: last non-degenerate segment.
    end = n - 1;
    while (end > 1 && route.cumulative_km[end] - route.cumulative_km[end - 1] <= 0.0) --end;
  }
  const std::size_t start = end - 1;
  const LatLon a = route.points[start];
  const LatLon b = route.points[end];
  const double seg = route.cumulative_km[end] - route.cumulative_km[start];
  const double t = seg > 0.0 ? (km - route.cumulative_km[start]) / seg : 0.0;
  out.segment = start;
  out.position = interpolate(a, b, t);
  if (seg <= 0.0) {
    out.heading_deg = 0.0;
  } else if (t < 0.999) {
    out.heading_deg = initial_bearing_deg(out.position, b);
  } else {
    // Final bearing of the segment: reverse of the initial bearing from b back to a.
    out.heading_deg = normalise_bearing(initial_bearing_deg(b, a) + 180.0);
  }
  return out;
}

RoutePosition route_position_at_fraction(const Route& route, double fraction) {
  return route_position_at(route, fraction * route.length_km());
}

}  // namespace core

// Spherical geometry for the journeys: distances, bearings and interpolation on a sphere of mean Earth
// radius, densified great-circle arcs, and routes with an arc-length parametrisation that the renderer can
// query every frame (binary search, no allocation).
#pragma once

#include <cstddef>
#include <vector>

namespace core {

// IUGG mean Earth radius (R1), km.
constexpr double kEarthRadiusKm = 6371.0088;

struct LatLon {
  double lat = 0.0;  // degrees, north positive, [-90, 90]
  double lon = 0.0;  // degrees, east positive, [-180, 180]
};

// The lon/lat box every trip lies in (Singapore to Vostochny): the camera's region, and where a line's traced
// track points must lie.
constexpr double kRegionWestLon = 96.0, kRegionSouthLat = -2.0, kRegionEastLon = 146.0, kRegionNorthLat = 56.0;

// True if lat is in [-90, 90], lon in [-180, 180] and both are finite.
bool is_valid(LatLon p);

// Central angle between two points, radians, in [0, pi]. Vincenty's formula for the sphere (atan2 form):
// well conditioned for tiny and near-antipodal separations alike.
double central_angle_rad(LatLon a, LatLon b);

// Great-circle distance, km, on the sphere of radius kEarthRadiusKm.
double great_circle_km(LatLon a, LatLon b);

// Initial bearing (forward azimuth) from a towards b, degrees clockwise from north, in [0, 360).
// Returns 0 when a and b coincide.
double initial_bearing_deg(LatLon a, LatLon b);

// Point at fraction t (0..1) of the way from a to b along the shorter great circle (spherical linear
// interpolation). t outside [0, 1] extrapolates along the same circle. For (near-)antipodal points the
// circle is not unique; one is chosen consistently.
LatLon interpolate(LatLon a, LatLon b, double t);

// Great-circle midpoint, i.e. interpolate(a, b, 0.5).
LatLon midpoint(LatLon a, LatLon b);

// Normalise a longitude to [-180, 180).
double wrap_lon(double lon_deg);

// Points along the great circle from a to b, both ends included, no two consecutive points more than
// max_step_km apart (at least the two ends). max_step_km <= 0 is treated as "no densification".
std::vector<LatLon> densify(LatLon a, LatLon b, double max_step_km);

// Sum of great-circle distances between consecutive points, km.
double polyline_length_km(const std::vector<LatLon>& points);

// A route through ordered stops: consecutive stops joined by great-circle arcs, densified so that it can be
// drawn as a polyline on any projection, with cumulative arc length precomputed once.
struct Route {
  std::vector<LatLon> points;           // densified polyline, first = first stop, last = last stop
  std::vector<double> cumulative_km;    // cumulative_km[i] = length from points[0] to points[i]
  std::vector<std::size_t> stop_point;  // index into points of each stop
  std::vector<double> stop_km;          // distance along the route of each stop

  double length_km() const { return cumulative_km.empty() ? 0.0 : cumulative_km.back(); }
  bool empty() const { return points.empty(); }
};

// Default spacing for densified arcs: fine enough that a 10,000 km flight has 200+ vertices.
constexpr double kDefaultDensifyStepKm = 25.0;

Route build_route(const std::vector<LatLon>& stops, double max_step_km = kDefaultDensifyStepKm);
// The same through intermediate points: via[i] (may be empty) lies between stops[i] and stops[i+1], such as the
// stations of a rail line. The route passes through them; stop_point/stop_km still index the stops only.
Route build_route(const std::vector<LatLon>& stops, const std::vector<std::vector<LatLon>>& via,
                  double max_step_km = kDefaultDensifyStepKm);

struct RoutePosition {
  LatLon position;
  double heading_deg = 0.0;  // direction of travel, degrees clockwise from north, [0, 360)
  std::size_t segment = 0;   // index i of the polyline segment points[i] -> points[i+1]
};

// Position and heading at distance km along the route; km is clamped to [0, length]. An empty route gives
// a default RoutePosition. O(log n), no allocation.
RoutePosition route_position_at(const Route& route, double km);

// Same at a fraction (0..1) of the route length.
RoutePosition route_position_at_fraction(const Route& route, double fraction);

}  // namespace core

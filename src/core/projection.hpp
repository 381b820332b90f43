// The map projection: Lambert azimuthal equal-area on the sphere, centred on East Asia (120°E, 28°N), so that
// Singapore (1.3°N), Hanoi, Beijing, Pyongyang, Vladivostok and Vostochny (51.9°N) all lie within ~35° of the
// centre, where areas are true and shapes are off by under 5%. Plane coordinates are kilometres: x east,
// y north, (0, 0) at the centre. assets/map.bin stores longitude/latitude; everything drawn goes through
// here (scripts/make_map.mjs uses the same formulas to triangulate the land in this plane).
#pragma once

#include "core/geo.hpp"

namespace core {

// A point on the projected plane, km. x grows east, y grows north.
struct PlanePoint {
  double x = 0.0;
  double y = 0.0;
};

// An axis-aligned rectangle on the plane, km. Empty when min > max (the default).
struct PlaneRect {
  double min_x = 1.0, min_y = 1.0, max_x = -1.0, max_y = -1.0;

  bool empty() const { return min_x > max_x || min_y > max_y; }
  double width() const { return empty() ? 0.0 : max_x - min_x; }
  double height() const { return empty() ? 0.0 : max_y - min_y; }
  PlanePoint centre() const { return {(min_x + max_x) * 0.5, (min_y + max_y) * 0.5}; }
  bool contains(PlanePoint p) const { return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y; }
  void extend(PlanePoint p);  // grows to include p (an empty rect becomes the point)
};

struct Projection {
  double lon0_deg = 120.0;  // centre of the projection
  double lat0_deg = 28.0;
  double radius_km = kEarthRadiusKm;

  // Defined everywhere but at the antipode of the centre (returns NaNs there).
  PlanePoint forward(LatLon p) const;
  // Defined within 2R of the centre (the whole sphere); outside, returns NaNs. Longitudes in [-180, 180).
  LatLon inverse(PlanePoint p) const;
};

// The projection the map, the camera and the renderer share.
const Projection& map_projection();

// Shorthands for map_projection().forward / inverse.
PlanePoint project(LatLon p);
LatLon unproject(PlanePoint p);

// Bounds of the projected outline of a lon/lat box (its edges sampled every ~0.5°, since they are curves).
PlaneRect project_lonlat_box(double lon_min, double lat_min, double lon_max, double lat_max,
                             const Projection& projection = map_projection());
// The rectangle of the plane that lies wholly inside the projected box (the box's edges curve outward or inward).
PlaneRect project_lonlat_box_inner(double lon_min, double lat_min, double lon_max, double lat_max,
                                   const Projection& projection = map_projection());

}  // namespace core
